#!/usr/bin/env bash
# CI only, as root in the AlmaLinux 9 container: the Python and system libraries to build and test peerdesk there.
#
#   packaging/linux/ci-setup.sh     # then `python` (a virtual environment's) is on PATH for the later steps
#
# AlmaLinux 9 (glibc 2.34) is the build base so that the app runs on RHEL 9, Ubuntu 22.04 and anything newer: a
# PyInstaller app needs at least the glibc it was built against. Its python3.11 has the shared libpython that
# PyInstaller needs (manylinux images' Pythons are static, so they cannot be used).
set -euo pipefail
dnf install -y -q epel-release
dnf install -y -q python3.11 python3.11-devel git findutils file tar gzip which \
    mesa-libEGL mesa-libGL libxkbcommon libxkbcommon-x11 fontconfig dejavu-sans-fonts dbus-libs \
    libxcb xcb-util-wm xcb-util-image xcb-util-keysyms xcb-util-renderutil xcb-util-cursor \
    desktop-file-utils xdg-utils shared-mime-info perl-File-MimeInfo
python3.11 -m venv /opt/peerdesk-venv
/opt/peerdesk-venv/bin/python -m pip install -q --upgrade pip
if [ -n "${GITHUB_PATH:-}" ]; then echo /opt/peerdesk-venv/bin >> "$GITHUB_PATH"; fi
ldd --version | head -1

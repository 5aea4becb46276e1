#!/usr/bin/env bash
# Build the one-folder app with PyInstaller (Linux: dist/peerdesk/, macOS: dist/peerdesk.app), smoke-test it.
#
#   pip install -e ".[package]"     # once: PyInstaller
#   packaging/build.sh              # build, report the size, run the built program's `smoke-test`
#   packaging/build.sh --archive    # Linux: also dist/peerdesk-<version>-linux-<arch>.tar.gz to hand out, with
#                                   # install-linux.sh inside (then: tar xzf …; peerdesk/install-linux.sh)
#
# PyInstaller's work files go to build/. PYTHON picks the interpreter (default: python). SKIP_SMOKE=1 skips the
# smoke test. MAX_GLIBC=2.34 (Linux) fails the build if any bundled binary needs a newer glibc than that.
# Windows has its own script: packaging/windows/build.ps1.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python}
if ! "$PYTHON" -c "import PyInstaller" 2>/dev/null; then
    echo "build: PyInstaller is not installed for $PYTHON; run: pip install -e '.[package]'" >&2
    exit 1
fi
version=$("$PYTHON" -c "import peerdesk; print(peerdesk.__version__)")

started=$(date +%s)
"$PYTHON" -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build packaging/peerdesk.spec
if [ "$(uname)" = "Darwin" ]; then
    app=dist/peerdesk.app
    program=$app/Contents/MacOS/peerdesk
else
    app=dist/peerdesk
    program=$app/peerdesk
fi
echo "build: $app built in $(( $(date +%s) - started )) s"
echo "build: size $(du -sh "$app" | cut -f1) ($(find "$app" -type f | wc -l | tr -d ' ') files)"

if [ "$(uname)" = "Linux" ]; then
    # The app runs on the glibc its newest binary asks for, and newer; MAX_GLIBC makes a newer need fail the build.
    needed=$(packaging/linux/glibc-needed.sh "$app" "${MAX_GLIBC:-}") || { echo "build: FAILED: $needed" >&2; exit 1; }
    echo "build: needs glibc $needed or newer (built on glibc $(ldd --version | head -1 | grep -o '[0-9.]*$'))"
fi

if [ "${SKIP_SMOKE:-0}" != "1" ]; then
    # The smoke test writes the demo review to a temporary folder and opens it offscreen; it touches no settings.
    "$program" smoke-test
fi

if [ "${1:-}" = "--archive" ] && [ "$(uname)" = "Linux" ]; then
    # The tarball carries its installer: install-linux.sh and the desktop entry and MIME types beside the program.
    cp packaging/install-linux.sh "$app/"
    mkdir -p "$app/linux"
    cp packaging/linux/peerdesk.desktop packaging/linux/peerdesk-mime.xml "$app/linux/"
    archive="dist/peerdesk-$version-linux-$(uname -m).tar.gz"
    tar -C dist -czf "$archive" peerdesk
    echo "build: $archive $(du -h "$archive" | cut -f1)"
fi

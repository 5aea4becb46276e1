"""The files that make peerdesk a desktop app: spec, icons, desktop entry, MIME types and the Linux installer."""

from __future__ import annotations

import configparser
import os
import shutil
import stat
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PIL import Image

from peerdesk.ui.kit.icons import ICON_SIZES

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"
TYPES = {"application/x-peerdesk": "*.peerdesk", "application/x-peerdesk-bundle": "*.pdbundle"}


def desktop_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def test_the_spec_is_valid_python_and_builds_one_folder() -> None:
    text = (PACKAGING / "peerdesk.spec").read_text(encoding="utf-8")
    compile(text, "peerdesk.spec", "exec")
    assert "COLLECT(" in text and "exclude_binaries=True" in text, "one folder, not one file"
    assert '"peerdesk/migrations"' in text and '"peerdesk/resources"' in text


def test_the_app_icons_exist_in_every_size_the_app_and_the_linux_desktop_ask_for() -> None:
    for size in ICON_SIZES:
        with Image.open(ROOT / "resources" / f"peerdesk-{size}.png") as image:
            assert image.size == (size, size)
            assert image.mode == "RGBA"
    ET.parse(ROOT / "resources" / "peerdesk.svg")


def test_make_icons_renders_the_windows_and_macos_icons_from_the_svg(tmp_path: Path) -> None:
    # Not committed: the spec runs this when building on Windows or macOS.
    made = subprocess.run(
        [sys.executable, str(PACKAGING / "make_icons.py"), "--platform", str(tmp_path)], capture_output=True, text=True
    )
    assert made.returncode == 0, made.stderr
    with Image.open(tmp_path / "peerdesk.ico") as ico:
        assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= ico.info["sizes"]
    with Image.open(tmp_path / "peerdesk.icns") as icns:
        assert icns.size[0] >= 512


def test_the_desktop_entry_opens_both_file_types_with_peerdesk() -> None:
    entry = desktop_entry(PACKAGING / "linux" / "peerdesk.desktop")
    assert entry["Type"] == "Application"
    assert entry["Exec"].split()[-1] == "%F"
    assert entry["Icon"] == "peerdesk"
    assert entry["Terminal"] == "false"
    assert set(entry["MimeType"].strip(";").split(";")) == set(TYPES)
    assert entry["StartupWMClass"] == "peerdesk"


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="needs desktop-file-utils")
def test_the_desktop_entry_passes_desktop_file_validate() -> None:
    result = subprocess.run(
        ["desktop-file-validate", str(PACKAGING / "linux" / "peerdesk.desktop")], capture_output=True, text=True
    )
    assert result.returncode == 0 and result.stdout + result.stderr == "", result.stdout + result.stderr


def test_the_mime_types_declare_each_suffix_once() -> None:
    root = ET.parse(PACKAGING / "linux" / "peerdesk-mime.xml").getroot()
    declared = {t.get("type"): [g.get("pattern") for g in t.iter(f"{MIME_NS}glob")] for t in root}
    assert declared == {name: [glob] for name, glob in TYPES.items()}


def stand_in_app(folder: Path) -> Path:
    """A stand-in for the built one-folder app: the installer only copies the folder and links its executable.

    The stand-in records the arguments it was started with in $HOME/opened.txt.
    """
    app = folder / "peerdesk"
    (app / "_internal").mkdir(parents=True)
    launcher = app / "peerdesk"
    launcher.write_text('#!/bin/sh\necho "$@" >> "$HOME/opened.txt"\n')
    launcher.chmod(launcher.stat().st_mode | stat.S_IXUSR)
    return app


def user_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_CONFIG_HOME=str(home / ".config"),
    )
    return env


def install(app: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    script = str(PACKAGING / "install-linux.sh")
    return subprocess.run(["bash", script, "--user", *args, str(app)], env=env, capture_output=True, text=True)


needs_bash = pytest.mark.skipif(
    not sys.platform.startswith("linux") or shutil.which("bash") is None, reason="installs on Linux, with bash"
)


@needs_bash
def test_install_linux_registers_the_app_and_its_file_types_then_uninstalls(tmp_path: Path) -> None:
    app = stand_in_app(tmp_path / "dist")
    home = tmp_path / "home"
    env = user_env(home)
    installed = install(app, env)
    assert installed.returncode == 0, installed.stderr

    share = home / ".local" / "share"
    app_dir = home / ".local" / "lib" / "peerdesk"
    entry = desktop_entry(share / "applications" / "peerdesk.desktop")
    # Unquoted: xdg-open's fallback (no desktop environment) takes the first word literally, quotes and all.
    assert entry["Exec"] == f"{app_dir}/peerdesk %F"
    command = home / ".local" / "bin" / "peerdesk"
    subprocess.run([str(command), "x.peerdesk"], env=env, check=True)
    assert (home / "opened.txt").read_text().split() == ["x.peerdesk"]
    assert (share / "mime" / "packages" / "peerdesk-mime.xml").exists()
    assert (share / "icons" / "hicolor" / "48x48" / "apps" / "peerdesk.png").exists()
    assert (share / "icons" / "hicolor" / "48x48" / "mimetypes" / "application-x-peerdesk.png").exists()
    if shutil.which("update-mime-database"):
        globs = (share / "mime" / "globs2").read_text()
        assert "application/x-peerdesk:*.peerdesk" in globs
        assert "application/x-peerdesk-bundle:*.pdbundle" in globs
    if shutil.which("xdg-mime"):
        default = subprocess.run(
            ["xdg-mime", "query", "default", "application/x-peerdesk"], env=env, capture_output=True, text=True
        )
        assert default.stdout.strip() == "peerdesk.desktop"
        assert "application/x-peerdesk=peerdesk.desktop" in (home / ".config" / "mimeapps.list").read_text()

    removed = install(app, env, "--uninstall")
    assert removed.returncode == 0, removed.stderr
    assert not app_dir.exists() and not command.exists()
    assert not (share / "applications" / "peerdesk.desktop").exists()
    assert not list(share.glob("icons/hicolor/*/*/*peerdesk*"))
    defaults = home / ".config" / "mimeapps.list"
    assert not defaults.exists() or "peerdesk" not in defaults.read_text(), "the default-app entries stay behind"


@needs_bash
def test_uninstall_keeps_other_apps_defaults_in_mimeapps_list(tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = user_env(home)
    defaults = home / ".config" / "mimeapps.list"
    defaults.parent.mkdir(parents=True)
    defaults.write_text(
        "[Default Applications]\ntext/plain=gedit.desktop\napplication/x-peerdesk=peerdesk.desktop;other.desktop;\n"
        "application/x-peerdesk-bundle=peerdesk.desktop\n"
    )
    removed = install(stand_in_app(tmp_path / "dist"), env, "--uninstall")
    assert removed.returncode == 0, removed.stderr
    assert defaults.read_text() == (
        "[Default Applications]\ntext/plain=gedit.desktop\napplication/x-peerdesk=other.desktop;\n"
    )


@needs_bash
def test_a_folder_with_a_space_is_quoted_in_the_menu_entry(tmp_path: Path) -> None:
    home = tmp_path / "my home"
    installed = install(stand_in_app(tmp_path / "dist"), user_env(home))
    assert installed.returncode == 0, installed.stderr
    entry = desktop_entry(home / ".local" / "share" / "applications" / "peerdesk.desktop")
    assert entry["Exec"] == f'"{home}/.local/lib/peerdesk/peerdesk" %F'
    assert "must be quoted" in installed.stderr


@needs_bash
# Without a desktop environment, xdg-mime tells a file's type by its name only with File::MimeInfo's ``mimetype``
# (libfile-mimeinfo-perl); ``file``, its other way, reads the bytes, and a review's are encrypted from the first.
@pytest.mark.skipif(
    not all(shutil.which(tool) for tool in ("xdg-open", "xdg-mime", "mimetype")),
    reason="needs xdg-utils and libfile-mimeinfo-perl",
)
def test_xdg_open_without_a_desktop_environment_opens_a_review_in_peerdesk(tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = user_env(home)
    assert install(stand_in_app(tmp_path / "dist"), env).returncode == 0
    review = home / "eastmere.peerdesk"
    review.write_bytes(b"\x8f" * 64)  # encrypted from the first byte: only the suffix says what it is
    # xdg-open's generic fallback: no desktop environment, only the freedesktop files the installer wrote.
    for var in ("XDG_CURRENT_DESKTOP", "DESKTOP_SESSION", "KDE_FULL_SESSION", "GNOME_DESKTOP_SESSION_ID"):
        env.pop(var, None)
    env.update(DISPLAY=":99", XDG_DATA_DIRS=str(tmp_path / "no-system-data"))
    opened = subprocess.run(["xdg-open", str(review)], env=env, capture_output=True, text=True, timeout=30)
    assert opened.returncode == 0, opened.stderr
    assert (home / "opened.txt").read_text().split() == [str(review)]


@needs_bash
def test_check_install_script_passes_with_a_stand_in_app(tmp_path: Path) -> None:
    env = {**os.environ, "STAND_IN": "1"}
    app = stand_in_app(tmp_path / "dist")
    checked = subprocess.run(
        ["bash", str(PACKAGING / "linux" / "check-install.sh"), str(app)], env=env, capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stdout.splitlines()[-1].startswith("check-install: ok")


@needs_bash
def test_glibc_needed_reports_the_newest_glibc_a_binary_asks_for_and_enforces_a_maximum(tmp_path: Path) -> None:
    app = tmp_path / "peerdesk"
    (app / "_internal").mkdir(parents=True)
    (app / "_internal" / "libold.so.1").write_bytes(b"\x7fELF\0GLIBC_2.2.5\0GLIBC_2.17\0")
    (app / "_internal" / "libnew.so").write_bytes(b"\x7fELF\0GLIBC_2.34\0GLIBC_2.4\0GLIBC_PRIVATE\0")
    script = str(PACKAGING / "linux" / "glibc-needed.sh")

    def needed(*maximum: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["bash", script, str(app), *maximum], capture_output=True, text=True)

    assert needed().stdout.strip() == "2.34"
    assert needed("2.34").returncode == 0
    assert needed("2.36").returncode == 0
    too_new = needed("2.28")
    assert too_new.returncode == 1 and "needs glibc 2.34, newer than 2.28" in too_new.stderr

"""The files that make peerdesk a desktop app: spec, icons, desktop entry, MIME types and the Linux installer."""

from __future__ import annotations

import configparser
import os
import shutil
import stat
import subprocess
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


def test_icons_exist_in_every_size_the_app_and_the_platforms_ask_for() -> None:
    for size in ICON_SIZES:
        with Image.open(ROOT / "resources" / f"peerdesk-{size}.png") as image:
            assert image.size == (size, size)
            assert image.mode == "RGBA"
    with Image.open(PACKAGING / "icons" / "peerdesk.ico") as ico:
        assert (256, 256) in ico.info["sizes"] and (16, 16) in ico.info["sizes"]
    with Image.open(PACKAGING / "icons" / "peerdesk.icns") as icns:
        assert icns.size[0] >= 512
    ET.parse(ROOT / "resources" / "peerdesk.svg")


def test_the_desktop_entry_opens_both_file_types_with_peerdesk() -> None:
    entry = desktop_entry(PACKAGING / "linux" / "peerdesk.desktop")
    assert entry["Type"] == "Application"
    assert entry["Exec"].split()[-1] == "%F"
    assert entry["Icon"] == "peerdesk"
    assert entry["Terminal"] == "false"
    assert set(entry["MimeType"].strip(";").split(";")) == set(TYPES)
    assert entry["StartupWMClass"] == "peerdesk"


def test_the_mime_types_declare_each_suffix_once() -> None:
    root = ET.parse(PACKAGING / "linux" / "peerdesk-mime.xml").getroot()
    declared = {t.get("type"): [g.get("pattern") for g in t.iter(f"{MIME_NS}glob")] for t in root}
    assert declared == {name: [glob] for name, glob in TYPES.items()}


@pytest.mark.skipif(shutil.which("bash") is None, reason="the installer is a bash script")
def test_install_linux_registers_the_app_and_its_file_types_then_uninstalls(tmp_path: Path) -> None:
    # A stand-in for the built one-folder app: the installer only copies the folder and links its executable.
    app = tmp_path / "dist" / "peerdesk"
    (app / "_internal").mkdir(parents=True)
    launcher = app / "peerdesk"
    launcher.write_text("#!/bin/sh\necho peerdesk-stand-in \"$@\"\n")
    launcher.chmod(launcher.stat().st_mode | stat.S_IXUSR)
    home = tmp_path / "home"
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_CONFIG_HOME": str(home / ".config"),
    }
    script = str(PACKAGING / "install-linux.sh")
    installed = subprocess.run(["bash", script, "--user", str(app)], env=env, capture_output=True, text=True)
    assert installed.returncode == 0, installed.stderr

    share = home / ".local" / "share"
    app_dir = home / ".local" / "lib" / "peerdesk"
    entry = desktop_entry(share / "applications" / "peerdesk.desktop")
    assert entry["Exec"] == f'"{app_dir}/peerdesk" %F'
    command = home / ".local" / "bin" / "peerdesk"
    assert subprocess.run([str(command), "x.peerdesk"], capture_output=True, text=True).stdout.split() == [
        "peerdesk-stand-in",
        "x.peerdesk",
    ]
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

    removed = subprocess.run(["bash", script, "--user", "--uninstall"], env=env, capture_output=True, text=True)
    assert removed.returncode == 0, removed.stderr
    assert not app_dir.exists() and not command.exists()
    assert not (share / "applications" / "peerdesk.desktop").exists()
    assert not list(share.glob("icons/hicolor/*/*/*peerdesk*"))

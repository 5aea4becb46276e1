"""The wheel, built and installed as a user would (not editable), holds all of peerdesk and runs.

CI and developers use an editable install, which reads modules straight from the source folder, so it cannot notice
a sub-package or data file that the wheel leaves out. These tests build the wheel from a copy of the source tree
(as a fresh clone would be) and look inside it, then install it into a new virtual environment and run the CLI and
the GUI smoke test from there.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from peerdesk import __version__
from peerdesk.services import demo

ROOT = Path(__file__).resolve().parents[2]
# Where each source folder lands inside the installed package.
SHIPPED = {"peerdesk": "peerdesk", "migrations": "peerdesk/migrations", "resources": "peerdesk/resources"}
NOT_SHIPPED = ("__pycache__", ".pyc", ".pyo")


def source_files() -> list[Path]:
    """The files a fresh clone has (tracked, or new and not ignored), or every file when git is unavailable."""
    if shutil.which("git") and (ROOT / ".git").exists():
        listed = subprocess.run(
            ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        return [ROOT / name for name in listed.split("\0") if name and (ROOT / name).is_file()]
    skip = {".git", ".venv", "build", "dist", "__pycache__"}
    return [p for p in ROOT.rglob("*") if p.is_file() and not skip & set(p.relative_to(ROOT).parts)]


def expected_in_wheel() -> set[str]:
    expected = set()
    for path in source_files():
        rel = path.relative_to(ROOT)
        if rel.parts[0] in SHIPPED and not any(part.endswith(NOT_SHIPPED) for part in rel.parts):
            expected.add("/".join((SHIPPED[rel.parts[0]], *rel.parts[1:])))
    return expected


def build_wheel(out: Path) -> Path:
    """Build from a clean copy: a build/ folder left in the working tree could otherwise add stale files."""
    tree = out / "source"
    for path in source_files():
        target = tree / path.relative_to(ROOT)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target)
    command = [sys.executable, "-m", "pip", "wheel", str(tree), "--no-deps", "--quiet", "-w", str(out)]
    built = subprocess.run(command, capture_output=True, text=True)
    if built.returncode != 0:
        # Offline with no package index: build with the setuptools of this environment instead.
        built = subprocess.run([*command, "--no-build-isolation"], capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    (wheel,) = out.glob("peerdesk-*.whl")
    return wheel


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_wheel(tmp_path_factory.mktemp("wheel"))


def test_every_module_migration_and_resource_is_in_the_wheel(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    expected = expected_in_wheel()
    assert "peerdesk/ui/shell/__init__.py" in expected and "peerdesk/migrations/env.py" in expected
    assert sorted(expected - names) == []
    packaged = {n for n in names if not n.startswith(f"peerdesk-{__version__}.dist-info/")}
    assert sorted(packaged - expected) == [], "the wheel holds files that are not in the source tree"


def test_the_wheel_declares_the_command_and_the_pyside_pin_only_where_it_is_needed(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        info = f"peerdesk-{__version__}.dist-info"
        entry_points = archive.read(f"{info}/entry_points.txt").decode()
        metadata = archive.read(f"{info}/METADATA").decode()
    assert "peerdesk = peerdesk.__main__:main" in entry_points
    pyside = sorted(line for line in metadata.splitlines() if line.startswith("Requires-Dist: PySide6"))
    assert pyside == [
        'Requires-Dist: PySide6-Essentials<6.12,>=6.7; python_version < "3.12"',
        'Requires-Dist: PySide6-Essentials>=6.7; python_version >= "3.12"',
    ]


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A new virtual environment with the wheel installed and nothing else of peerdesk's source in reach.

    Its dependencies come from this environment (a .pth file adds this site-packages folder; an editable peerdesk
    there is not activated by that, since .pth files in added folders are not read), so no index is needed.
    """
    folder = tmp_path_factory.mktemp("installed")
    venv = folder / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = in_venv(venv, "python")
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--quiet", str(wheel)],
        check=True,
        capture_output=True,
    )
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    ours = {sysconfig.get_path("purelib"), sysconfig.get_path("platlib")}
    (Path(purelib) / "peerdesk-test-deps.pth").write_text("\n".join(sorted(ours)) + "\n")
    yield venv


def in_venv(venv: Path, program: str) -> Path:
    return venv / ("Scripts" if os.name == "nt" else "bin") / program


def run_installed(venv: Path, home: Path, *args: str, passphrase: str = "") -> subprocess.CompletedProcess[str]:
    command = in_venv(venv, "peerdesk")
    home.mkdir(exist_ok=True)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "QT_QPA_PLATFORM", "PEERDESK_PASSPHRASE")}
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"))
    if passphrase:
        env["PEERDESK_PASSPHRASE"] = passphrase
    # Run outside the repository, so that nothing can import peerdesk from the source folder.
    return subprocess.run([str(command), *args], cwd=home, env=env, capture_output=True, text=True, timeout=180)


def test_the_installed_wheel_runs_the_cli_and_the_gui_smoke_test(installed: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    version = run_installed(installed, home, "--version")
    assert version.returncode == 0, version.stderr
    assert version.stdout.strip() == f"peerdesk {__version__}"

    where = subprocess.run(
        [str(in_venv(installed, "python")), "-c", "import peerdesk.ui.wall, peerdesk; print(peerdesk.__file__)"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert where.returncode == 0, where.stderr
    assert Path(where.stdout.strip()).is_relative_to(installed), "peerdesk was imported from outside the wheel"

    review = tmp_path / "demo.peerdesk"
    written = run_installed(installed, home, "demo", str(review))
    assert written.returncode == 0, written.stderr
    assert demo.DEFAULT_PASSPHRASE in written.stdout

    info = run_installed(installed, home, "info", str(review), "--json", passphrase=demo.DEFAULT_PASSPHRASE)
    assert info.returncode == 0, info.stderr
    assert '"schema_revision"' in info.stdout

    smoke = run_installed(installed, home, "smoke-test")
    assert smoke.returncode == 0, smoke.stdout + smoke.stderr
    assert "peerdesk smoke-test: ok" in smoke.stdout

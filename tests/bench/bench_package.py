"""The built app: its size on disk and its start-up, each against a floor measured in the same run.

    python -m pytest tests/bench/bench_package.py -m bench -s

Builds dist/peerdesk with packaging/build.sh first, unless dist/ is newer than every source file (then it is reused).

- package_size: the one-folder app (MB) vs the site-packages folders of the Python packages it bundles. A ratio
  below 1 means the spec leaves out more of them (unused Qt modules and plugins, tests, debug symbols) than the
  Python runtime it adds.
- cold_start: a new process of the frozen app until its main window is shown with the demo review (the smoke test
  prints the moment) vs a minimal Python process that derives one SQLCipher key for the same file and shows a bare
  QMainWindow. "Cold" means a new process each time; the OS file cache stays warm (dropping it needs root and
  disturbs everything else running), so a first start after a reboot is slower for both.
"""

from __future__ import annotations

import importlib.util
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from peerdesk.ui.shell.smoke import PASSED, SHOWN
from tests.bench.report import report

pytestmark = pytest.mark.bench

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "dist" / "peerdesk"
APP = DIST / "peerdesk"
BUNDLED = ("PySide6", "shiboken6", "sqlcipher3", "cryptography", "sqlalchemy", "alembic", "pptx", "lxml", "PIL")
RUNS = 7
MB = 1024 * 1024


def window_program(
    before: str = "", size: tuple[int, int] = (1360, 860), marker: str = "shown", after: str = ""
) -> str:
    """A program that runs ``before`` (Python at the top level), then shows a bare QMainWindow of ``size`` and
    prints ``marker`` once it is exposed and the events that followed are processed, then runs ``after``: the
    floors of the start-up benchmarks."""
    return f"""
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
{before}
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize({size[0]}, {size[1]})
window.show()
while not (window.windowHandle() and window.windowHandle().isExposed()):
    app.processEvents()
app.processEvents()
print({marker!r}, flush=True)
{after}
"""


def floor_program(connect: str = "sqlcipher3.connect(path)", configure: str = "") -> str:
    """The floor's program: open the review with ``connect``, key it (one key derivation), run ``configure``, and
    show a bare QMainWindow of the app's size, printing "shown" once it is exposed."""
    return window_program(
        f"""import sqlcipher3
path, passphrase = sys.argv[1], sys.argv[2]
conn = {connect}
conn.execute("PRAGMA key = '" + passphrase.replace("'", "''") + "'")
conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # the key derivation happens here
{configure}""",
        after="conn.close()",
    )


FLOOR_PROGRAM = floor_program()


def sources() -> Iterator[Path]:
    for folder in ("peerdesk", "migrations", "resources"):
        yield from (p for p in (ROOT / folder).rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    yield from (ROOT / "packaging" / name for name in ("peerdesk.spec", "peerdesk_app.py"))
    yield ROOT / "pyproject.toml"


@pytest.fixture(scope="module")
def built() -> dict[str, object]:
    newest = max(p.stat().st_mtime for p in sources())
    if APP.exists() and APP.stat().st_mtime > newest:
        return {"build": "reused dist/peerdesk (newer than every source)"}
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.skip("PyInstaller is not installed: pip install -e '.[package]'")
    started = time.perf_counter()
    subprocess.run(
        ["bash", str(ROOT / "packaging" / "build.sh")],
        cwd=ROOT,
        env={**os.environ, "PYTHON": sys.executable, "SKIP_SMOKE": "1"},
        check=True,
    )
    return {"build": f"built in {time.perf_counter() - started:.0f} s"}


def tree_bytes(folder: Path) -> int:
    """Bytes on disk as a user would count them: regular files, symlinks not followed."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def site_package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    assert spec is not None and spec.origin is not None, name
    return Path(spec.origin).parent


@pytest.fixture
def isolated_env(tmp_path: Path) -> dict[str, str]:
    home = tmp_path / "home"
    env = {**os.environ, "HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    for var, sub in (("XDG_CONFIG_HOME", "config"), ("XDG_DATA_HOME", "data"), ("XDG_CACHE_HOME", "cache")):
        env[var] = str(home / sub)
    return env


def times_until(command: list[str], env: dict[str, str], markers: tuple[str, ...]) -> list[float]:
    """Milliseconds from starting the process to it printing a line starting with each of ``markers``; the process
    must then exit 0."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    assert process.stdout is not None
    seen: dict[str, float] = {}
    for line in process.stdout:
        for marker in markers:
            if line.startswith(marker) and marker not in seen:
                seen[marker] = (time.perf_counter() - started) * 1000
    _out, err = process.communicate(timeout=60)
    assert process.returncode == 0, err
    missing = [m for m in markers if m not in seen]
    assert not missing, f"{command[0]} never printed {missing!r}"
    return [seen[marker] for marker in markers]


def time_until_shown(command: list[str], env: dict[str, str], marker: str) -> float:
    """Milliseconds from starting the process to it printing ``marker``; the process must then exit 0."""
    return times_until(command, env, (marker,))[0]


def test_package_size(built: dict[str, object]) -> None:
    figure = tree_bytes(DIST) / MB
    parts = {name: tree_bytes(site_package_dir(name)) / MB for name in BUNDLED}
    floor = sum(parts.values())
    internal = DIST / "_internal"
    biggest = sorted(
        ((p.name, tree_bytes(p) / MB if p.is_dir() else p.lstat().st_size / MB) for p in internal.iterdir()),
        key=lambda item: -item[1],
    )[:8]
    result = report(
        "package_size",
        figure,
        floor,
        "MB",
        files=sum(1 for p in DIST.rglob("*") if p.is_file() and not p.is_symlink()),
        site_packages_mb={k: round(v, 1) for k, v in parts.items()},
        biggest_in_app_mb={k: round(v, 1) for k, v in biggest},
        **built,
    )
    assert result["figure"] > 0


def test_cold_start(built: dict[str, object], tmp_path: Path, isolated_env: dict[str, str]) -> None:
    from peerdesk.services import demo

    review = tmp_path / "demo.peerdesk"
    demo.write_demo(review, demo.DEFAULT_PASSPHRASE).close()
    env = {**isolated_env, "PEERDESK_PASSPHRASE": demo.DEFAULT_PASSPHRASE}

    # Proof first: the frozen app passes its own smoke test, with the demo written by itself.
    smoke = subprocess.run([str(APP), "smoke-test"], env=isolated_env, capture_output=True, text=True, timeout=120)
    assert smoke.returncode == 0, smoke.stderr
    assert PASSED in smoke.stdout

    frozen = [str(APP), "smoke-test", "--review", str(review)]
    source = [sys.executable, "-m", "peerdesk", "smoke-test", "--review", str(review)]
    floor_cmd = [sys.executable, "-c", FLOOR_PROGRAM, str(review), demo.DEFAULT_PASSPHRASE]
    first_frozen = time_until_shown(frozen, env, SHOWN)
    samples: dict[str, list[float]] = {"frozen": [], "source": [], "floor": []}
    for _ in range(RUNS):  # interleaved, so a busy moment on the machine hits all three alike
        samples["frozen"].append(time_until_shown(frozen, env, SHOWN))
        samples["floor"].append(time_until_shown(floor_cmd, env, "shown"))
        samples["source"].append(time_until_shown(source, env, SHOWN))
    medians = {k: statistics.median(v) for k, v in samples.items()}
    report(
        "cold_start",
        medians["frozen"],
        medians["floor"],
        "ms",
        runs=RUNS,
        first_start_after_build_ms=round(first_frozen),
        from_source_ms=round(medians["source"]),
        frozen_min_max_ms=[round(min(samples["frozen"])), round(max(samples["frozen"]))],
        floor_min_max_ms=[round(min(samples["floor"])), round(max(samples["floor"]))],
        smoke_test=smoke.stdout.strip().splitlines()[-1].removeprefix(PASSED + ": "),
        **built,
    )

"""``peerdesk smoke-test`` from source: the check that packaging/build.sh also runs on the frozen app."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from peerdesk.services import demo
from peerdesk.ui.shell.smoke import PASSED, SHOWN
from tests.helpers.cli import run_peerdesk


def run_smoke(home: Path, *args: str, passphrase: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}  # the smoke test picks offscreen itself
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"))
    env.pop("PEERDESK_PASSPHRASE", None)
    if passphrase is not None:
        env["PEERDESK_PASSPHRASE"] = passphrase
    return run_peerdesk("smoke-test", *args, env=env)


def test_smoke_test_opens_the_demo_in_the_main_window_and_exits_0(tmp_path: Path) -> None:
    result = run_smoke(tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == SHOWN
    assert lines[-1].startswith(PASSED)
    assert re.search(r"panels [1-9]\d*;", lines[-1])
    assert "frozen no" in lines[-1]
    assert result.stderr == "", "the offscreen platform's notes are silenced; nothing else is expected"


def test_smoke_test_leaves_the_users_settings_and_data_alone(tmp_path: Path) -> None:
    result = run_smoke(tmp_path)
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "config").exists()
    assert not (tmp_path / "data").exists()


def test_smoke_test_opens_a_given_review_with_the_passphrase_from_the_environment(
    demo_file: Path, tmp_path: Path, passphrase: str
) -> None:
    result = run_smoke(tmp_path, "--review", str(demo_file), passphrase=passphrase)
    assert result.returncode == 0, result.stderr
    assert PASSED in result.stdout


def test_smoke_test_fails_with_exit_1_and_says_why(demo_file: Path, tmp_path: Path) -> None:
    result = run_smoke(tmp_path, "--review", str(demo_file), passphrase=demo.DEFAULT_PASSPHRASE + "-wrong")
    assert result.returncode == 1
    assert "FAILED (WrongPassphrase" in result.stderr
    assert PASSED not in result.stdout


def folder_state(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under the folder with its bytes and modification time (a folder is listed with empty bytes)."""
    return {
        str(path.relative_to(folder)): (path.read_bytes() if path.is_file() else b"", path.stat().st_mtime_ns)
        for path in sorted(folder.rglob("*"))
    }


def test_smoke_test_of_a_given_review_leaves_its_folder_byte_identical(
    demo_file: Path, tmp_path: Path, passphrase: str
) -> None:
    # Opening a review in the app writes a backup beside it; the smoke test opens a private copy instead.
    reviews = tmp_path / "reviews"
    reviews.mkdir()
    review = reviews / "eastmere.peerdesk"
    shutil.copy2(demo_file, review)
    before = folder_state(reviews)
    result = run_smoke(tmp_path / "home", "--review", str(review), passphrase=passphrase)
    assert result.returncode == 0, result.stderr
    assert folder_state(reviews) == before


def test_smoke_test_of_a_missing_review_fails_and_says_so(tmp_path: Path, passphrase: str) -> None:
    result = run_smoke(tmp_path, "--review", str(tmp_path / "gone.peerdesk"), passphrase=passphrase)
    assert result.returncode == 1
    assert "there is no review at" in result.stderr


# Runs ``peerdesk smoke-test`` in this process and lists, at the moment it says the window is shown, which of the
# modules the first view does not need were imported.
NOT_BEFORE_SHOWN = """
import builtins, sys
from peerdesk.ui.shell.smoke import SHOWN
from peerdesk.__main__ import main

said = builtins.print
LATER = (
    "alembic",
    "sqlalchemy",
    "peerdesk.store.models",
    "peerdesk.store.uow",
    "pptx",
    "peerdesk.services.demo",
    "peerdesk.ui.shell.about",
    "peerdesk.export.presentation",
)

def print(*args, **kwargs):
    if args and str(args[0]) == SHOWN:
        said("loaded:", *sorted(m for m in sys.modules if m.startswith(LATER)), flush=True)
    said(*args, **kwargs)

builtins.print = print
sys.exit(main(["smoke-test", "--review", sys.argv[1]]))
"""


def test_the_window_shows_before_the_modules_the_first_view_does_not_need_are_imported(
    demo_file: Path, tmp_path: Path, passphrase: str
) -> None:
    """Alembic (the file is at the head schema), SQLAlchemy and the models (the first views read with plain SQL),
    the presentation builder, the demo writer and the version report are not on the path to the first window."""
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env.update(HOME=str(tmp_path), PEERDESK_PASSPHRASE=passphrase)
    result = subprocess.run(
        [sys.executable, "-c", NOT_BEFORE_SHOWN, str(demo_file)], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "loaded:" and lines[1] == SHOWN
    assert lines[-1].startswith(PASSED)

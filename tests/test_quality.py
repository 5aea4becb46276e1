"""The code stays typed and linted: ruff and mypy are part of the test run, so CI fails when they do."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True)


@pytest.mark.skipif(shutil.which("ruff") is None and not (Path(sys.prefix) / "bin" / "ruff").exists(), reason="ruff")
def test_ruff_is_clean() -> None:
    result = run("ruff", "check", "peerdesk", "tests", "migrations")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_is_clean_on_peerdesk() -> None:
    result = run("mypy")
    assert result.returncode == 0, result.stdout + result.stderr

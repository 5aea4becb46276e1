"""The headless CLI contract: exit 0 on success, 2 with one line on a user error, never a traceback."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from peerdesk.cli.app import main
from peerdesk.store import migrate
from tests.helpers.cli import run_peerdesk

ENV_PASS = "cli test passphrase 1"


@pytest.fixture
def with_passphrase(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("PEERDESK_PASSPHRASE", ENV_PASS)
    return ENV_PASS


def test_new_then_info_json(tmp_path: Path, with_passphrase: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "r.peerdesk"
    assert (
        main(
            [
                "new",
                str(path),
                "--authority",
                "Ashgrove",
                "--focus",
                "SEND",
                "--me",
                "Kim",
                "--role",
                "reviewer",
                "--visit-start",
                "2026-06-01",
            ]
        )
        == 0
    )
    capsys.readouterr()
    assert main(["info", str(path), "--json"]) == 0
    facts = json.loads(capsys.readouterr().out)
    assert facts["authority"] == "Ashgrove"
    assert facts["retention_date"] == "2026-10-01"
    assert facts["schema_revision"] == migrate.head()
    for key in ("interviews", "notes", "quotes", "postits", "themes", "insights"):
        assert facts[key] == 0


def test_wrong_passphrase_is_exit_2_with_one_line(
    tmp_path: Path, with_passphrase: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "r.peerdesk"
    assert main(["new", str(path), "--authority", "Ashgrove", "--me", "Kim"]) == 0
    monkeypatch.setenv("PEERDESK_PASSPHRASE", "something else entirely")
    capsys.readouterr()
    assert main(["info", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "passphrase is not right" in err


def test_a_missing_file_is_exit_2(tmp_path: Path, with_passphrase: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["info", str(tmp_path / "nope.peerdesk")]) == 2
    assert "There is no file" in capsys.readouterr().err


def test_no_passphrase_and_no_terminal_is_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", open(os.devnull))  # noqa: SIM115 (closed by pytest's monkeypatch teardown)
    try:
        assert main(["new", str(tmp_path / "r.peerdesk"), "--authority", "A", "--me", "B"]) == 2
    finally:
        sys.stdin.close()
    assert "PEERDESK_PASSPHRASE" in capsys.readouterr().err


def test_the_installed_entry_point_runs_and_never_prints_a_traceback(tmp_path: Path) -> None:
    env = {**os.environ, "PEERDESK_PASSPHRASE": "wrong but long enough"}
    target = tmp_path / "not-a-review.peerdesk"
    target.write_text("hello\n" * 1000)
    result = run_peerdesk("info", str(target), "--json", env=env)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "not a peerdesk review" in result.stderr


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.startswith("peerdesk ")

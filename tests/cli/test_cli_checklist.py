"""``peerdesk checklist PATH [--json] [--ics OUT.ics]``: the lead-in, headless."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from peerdesk.cli import main
from peerdesk.services import checklist
from peerdesk.store.engine import Store
from tests.helpers.ics import events


@pytest.fixture
def review_file(store: Store, passphrase: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    checklist.set_done(store, "set-up-meeting", True, "2025-12-01")
    store.close()
    monkeypatch.setenv("PEERDESK_PASSPHRASE", passphrase)
    return store.path


def test_json_lists_every_step_with_its_date_owner_and_state(
    review_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["checklist", str(review_file), "--json"]) == 0
    steps = json.loads(capsys.readouterr().out)
    assert len(steps) == len(checklist.specs())
    setup = next(s for s in steps if s["key"] == "set-up-meeting")
    assert setup["done"] is True and setup["done_on"] == "2025-12-01" and setup["status"] == "done"
    follow_up = steps[-1]
    assert follow_up["key"] == "follow-up" and follow_up["due"] == "2026-07-10" and follow_up["owner"]
    assert set(follow_up) == {"key", "step", "owner", "when", "due", "done", "done_on", "status"}


def test_text_and_ics(review_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["checklist", str(review_file)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(checklist.specs())
    assert lines[-1].startswith("2026-07-10  ")
    out = tmp_path / "lead-in.ics"
    assert main(["checklist", str(review_file), "--ics", str(out)]) == 0
    assert f"Wrote {len(lines) - 1} reminders" in capsys.readouterr().out  # the ticked step is left out
    found = events(out.read_bytes().decode("utf-8"))
    assert [e["DTSTART;VALUE=DATE"] for e in found][-1] == "20260710"


def test_an_unwritable_calendar_is_one_line(
    review_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["checklist", str(review_file), "--ics", str(tmp_path / "no" / "x.ics")]) == 2
    assert capsys.readouterr().err.startswith("peerdesk: Could not write")

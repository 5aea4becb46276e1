"""The commands on one review file, headless and scriptable, with one clear line on a bad input: `peerdesk search`,
`peerdesk timetable`, and `peerdesk checklist PATH [--json] [--ics OUT.ics]` (the lead-in)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from peerdesk.cli.app import main
from peerdesk.services import checklist, notes
from peerdesk.store.engine import Store
from tests.helpers.ics import events
from tests.helpers.timetable import build_day


@pytest.fixture
def searchable(store: Store, passphrase: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    day = build_day(store)
    note, _ = notes.open_note(store, day.interviews[0])
    body = "Respite is hard to find.\nThe duty line answers quickly."
    notes.save_body(store, note, body)
    notes.capture_quote(store, note, 0, len("Respite is hard to find"), body)
    store.close()
    monkeypatch.setenv("PEERDESK_PASSPHRASE", passphrase)
    return store.path


def test_search_json_lists_kind_interview_group_and_snippet(
    searchable: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", str(searchable), "respite", "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert [h["kind"] for h in hits] == ["quote", "note"]
    assert hits[0]["stakeholder_group"] == "Foster carers"
    assert hits[0]["interview"] == "09:45 Team A"
    assert hits[0]["snippet"] == "**Respite** is hard to find"
    assert set(hits[0]) == {"kind", "id", "interview_id", "interview", "stakeholder_group", "snippet"}


def test_search_with_query_syntax_just_finds_nothing(searchable: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", str(searchable), 'NEAR( "unclosed', "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_timetable_export_then_import_elsewhere(
    searchable: Path, tmp_path: Path, passphrase: str, capsys: pytest.CaptureFixture[str]
) -> None:
    csv_path = tmp_path / "tt.csv"
    assert main(["timetable", "export", str(searchable), str(csv_path)]) == 0
    assert "Exported 3 interviews" in capsys.readouterr().out
    other = tmp_path / "other.peerdesk"
    assert main(["new", str(other), "--authority", "Elsewhere", "--me", "Alex Reviewer"]) == 0
    text = csv_path.read_text().replace("Sam Okafor", "")  # not a member of the other review
    csv_path.write_text(text)
    assert main(["timetable", "import", str(other), str(csv_path)]) == 0
    assert "Imported 3 interviews" in capsys.readouterr().out


def test_a_bad_timetable_row_is_one_line_and_exit_2(
    searchable: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv_path = tmp_path / "bad.csv"
    csv_path.write_text("starts,team,stakeholder_group\n25:00,Team Z,Carers\n")
    assert main(["timetable", "import", str(searchable), str(csv_path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Row 2" in err


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
    err = capsys.readouterr().err
    assert err.startswith("peerdesk: The folder ") and err.endswith("does not exist.\n") and err.count("\n") == 1

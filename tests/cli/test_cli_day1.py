"""`peerdesk search` and `peerdesk timetable`: headless, scriptable, one clear line on a bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from peerdesk.cli import main
from peerdesk.services import notes
from peerdesk.store.engine import Store
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

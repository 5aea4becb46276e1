"""Migration 0008 gives existing slots no activity and existing interviews no outside names, keeping the rest."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from peerdesk.store.engine import Store
from tests.helpers.migrations import make_review_at


def test_a_0007_file_keeps_its_slots_and_interviews(tmp_path: Path, passphrase: str) -> None:
    path = tmp_path / "old.peerdesk"
    make_review_at(
        path,
        passphrase,
        "0007",
        "INSERT INTO slots(id, author_id, versions, updated, deleted, day, starts, ends) "
        "VALUES ('s1', 'm1', '{}', '', 0, 1, '09:45', '10:30')",
        "INSERT INTO interviews(id, author_id, versions, updated, deleted, slot_id, team_id, group_id, approach, "
        "interviewer_id, note_taker_id, attendees, title) "
        "VALUES ('i1', 'm1', '{}', '', 0, 's1', 't1', 'g1', 'ethnographic', 'm1', '', 5, 'Carers')",
    )
    with Store.open(path, passphrase) as store, store.session() as s:
        assert s.execute(text("SELECT starts, activity FROM slots")).one() == ("09:45", "")
        row = s.execute(text("SELECT title, interviewer_id, interviewer_name, note_taker_name FROM interviews")).one()
        assert tuple(row) == ("Carers", "m1", "", "")

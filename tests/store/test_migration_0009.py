"""Migration 0009: existing questions are for anyone; interviews get an empty opening and closing checklist."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from peerdesk.store.engine import Store
from tests.helpers.migrations import make_review_at


def test_a_0008_file_keeps_its_questions_for_anyone(tmp_path: Path, passphrase: str) -> None:
    path = tmp_path / "old.peerdesk"
    make_review_at(
        path,
        passphrase,
        "0008",
        "INSERT INTO questions(id, author_id, versions, updated, deleted, approach, text, position) "
        "VALUES ('q1', 'm1', '{}', '', 0, 'ethnographic', 'Walk us through last week', 0)",
    )
    with Store.open(path, passphrase) as store, store.session() as s:
        assert s.execute(text("SELECT text, audience FROM questions")).one() == ("Walk us through last week", "")
        assert s.execute(text("SELECT count(*) FROM interview_checks")).scalar_one() == 0

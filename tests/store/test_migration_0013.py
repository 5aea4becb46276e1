"""Migration 0013 indexes notes in pieces: the notes already in a file are cut and found, and a downgrade gives the
whole-note index back."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from peerdesk.services import search
from peerdesk.store import sqlcipher
from peerdesk.store.engine import Store
from tests.helpers.migrations import downgraded, make_review_at

LONG_BODY = "Opening: respite. " + "The duty line is slow to answer and the hubs are warm. " * 2000 + "fortnight"


def test_a_0012_file_has_its_notes_cut_into_searchable_pieces(tmp_path: Path, passphrase: str) -> None:
    path = tmp_path / "old.peerdesk"
    make_review_at(path, passphrase, "0012")
    conn = sqlcipher.connect(path, passphrase)
    try:
        conn.execute(
            "INSERT INTO notes(id, author_id, versions, updated, deleted, interview_id, body) "
            "VALUES ('n2', 'm1', '{}', '', 0, 'i2', ?)",
            (LONG_BODY,),
        )
        conn.commit()
    finally:
        conn.close()
    with Store.open(path, passphrase) as store:
        with store.session() as s:
            pieces = dict(s.execute(text("SELECT note_id, count(*) FROM note_chunks GROUP BY note_id")).all())
            assert pieces["n1"] == 1 and pieces["n2"] > 50
            assert s.execute(text("SELECT count(*) FROM sqlite_master WHERE name LIKE 'notes_fts%'")).scalar() == 0
        assert sorted((h.kind, h.id) for h in search.search(store, "panel meets")) == [("note", "n1"), ("quote", "q1")]
        assert [h.id for h in search.search(store, "respite fortnight")] == ["n2"]  # first piece and last


def test_a_downgrade_to_0012_gives_back_the_whole_note_index(tmp_path: Path, passphrase: str) -> None:
    path = tmp_path / "old.peerdesk"
    make_review_at(path, passphrase, "0012")
    Store.open(path, passphrase).close()
    with downgraded(path, passphrase, "0012") as c:
        assert c.execute(text("SELECT count(*) FROM notes_fts WHERE notes_fts MATCH 'panel'")).scalar() == 1
        assert c.execute(text("SELECT count(*) FROM sqlite_master WHERE name LIKE 'note_chunks%'")).scalar() == 0

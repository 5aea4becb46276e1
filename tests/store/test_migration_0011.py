"""Migration 0011 adds documents' files and reading notes, empty, keeping the documents a file already lists."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from peerdesk.store.engine import Store
from tests.helpers.migrations import make_review_at


def test_a_0010_file_keeps_its_documents(tmp_path: Path, passphrase: str) -> None:
    path = tmp_path / "old.peerdesk"
    make_review_at(
        path,
        passphrase,
        "0010",
        "INSERT INTO documents(id, author_id, versions, updated, deleted, title, kind, received, reading_notes) "
        "VALUES ('d1', 'm1', '{}', '', 0, 'Early help strategy', 'strategy', '2026-01-05', '')",
    )
    with Store.open(path, passphrase) as store, store.session() as s:
        assert s.execute(text("SELECT title FROM documents")).scalar_one() == "Early help strategy"
        assert s.execute(text("SELECT count(*) FROM document_files")).scalar_one() == 0
        assert s.execute(text("SELECT count(*) FROM reading_notes")).scalar_one() == 0

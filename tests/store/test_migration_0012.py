"""Migration 0012 makes conflicts shared records: a kept text survives as plain text, ready to travel."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from peerdesk.services import sharing
from peerdesk.store.engine import Store
from tests.helpers.migrations import make_review_at


def test_a_0011_file_keeps_its_conflicts_as_plain_text(tmp_path: Path, passphrase: str) -> None:
    path = tmp_path / "old.peerdesk"
    make_review_at(
        path,
        passphrase,
        "0011",
        "INSERT INTO conflicts(id, table_name, row_id, field, value, version, winner_version, author_id, created, "
        "resolved) VALUES ('c1', 'quotes', 'q1', 'text', '\"the panel meets monthly\"', "
        "'1796000000000.00000.m1', '1796000000001.00000.m2', 'm1', '2026-12-01T10:00:00Z', 0)",
    )
    with Store.open(path, passphrase) as store:
        with store.session() as s:
            row = s.execute(text("SELECT value, versions, updated, deleted FROM conflicts")).one()
        assert tuple(row) == ("the panel meets monthly", "{}", "", 0)
        [kept] = sharing.conflicts(store)
        assert (kept.lost_text, kept.current_text) == ("the panel meets monthly", "the panel meets weekly")

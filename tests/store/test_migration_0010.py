"""Migration 0010 adds the follow-up's progress per action, empty, to a file made before it."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from peerdesk.store.engine import Store
from tests.helpers.migrations import make_review_at


def test_a_0009_file_gains_an_empty_progress_table(tmp_path: Path, passphrase: str) -> None:
    path = tmp_path / "old.peerdesk"
    make_review_at(path, passphrase, "0009")
    with Store.open(path, passphrase) as store, store.session() as s:
        assert s.execute(text("SELECT count(*) FROM action_progress")).scalar_one() == 0
        assert s.execute(text("SELECT body FROM notes")).scalar_one() == "They said the panel meets weekly"

"""Migration 0007 adds the lead-in checklist's ticks to files made before it, keeping what they hold."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, inspect, text

from peerdesk.services import checklist
from peerdesk.store import migrate, sqlcipher
from peerdesk.store.engine import Store
from tests.helpers.migrations import make_review_at


def test_a_0003_file_gains_an_empty_checklist_and_keeps_its_notes(tmp_path: Path, passphrase: str) -> None:
    path = tmp_path / "old.peerdesk"
    make_review_at(path, passphrase, "0003")
    with Store.open(path, passphrase) as store, store.session() as s:
        assert migrate.current(s.connection()) == migrate.head()
        assert s.execute(text("SELECT count(*) FROM checklist_ticks")).scalar_one() == 0
        assert s.execute(text("SELECT body FROM notes")).scalar_one() == "They said the panel meets weekly"


def test_0007_downgrades_cleanly(tmp_path: Path, passphrase: str, store: Store) -> None:
    checklist.set_done(store, "costs", True)
    store.close()
    conn = sqlcipher.connect(store.path, passphrase)
    engine = create_engine("sqlite://", creator=lambda: conn)
    try:
        with engine.begin() as c:
            from alembic import command

            config = migrate._config(c)
            command.downgrade(config, "0003")
            assert "checklist_ticks" not in inspect(c).get_table_names()
            command.upgrade(config, "0007")
            assert "checklist_ticks" in inspect(c).get_table_names()
    finally:
        engine.dispose()

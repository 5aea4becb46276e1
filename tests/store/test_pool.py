"""The SQLAlchemy engine over a review file's keyed connections."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import event, text

from peerdesk.store import keys, pool, sqlcipher
from peerdesk.store.engine import Store
from peerdesk.store.tables import WRITE_OPTION


def test_the_first_connection_is_used_first_and_later_ones_are_keyed_with_the_raw_key(
    store: Store, passphrase: str
) -> None:
    path = store.path
    store.close()
    salt = keys.file_salt(path)
    assert salt is not None
    key = keys.derive(passphrase, salt)
    first = sqlcipher.connect_key(path, key)
    engine = pool.file_engine(path, key, first)  # no passphrase: it cannot derive the key again
    with engine.connect() as a, engine.connect() as b:
        assert a.connection.driver_connection is first
        assert b.connection.driver_connection is not first
        assert b.execute(text("SELECT count(*) FROM review")).scalar() == 1  # keyed right: it reads the file
    engine.dispose()


def test_every_connection_is_configured_and_a_write_begins_immediate(store: Store) -> None:
    engine = store.engine
    begun: list[str] = []
    event.listen(engine, "before_cursor_execute", lambda *a: begun.append(str(a[2])))
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        conn.exec_driver_sql("SELECT 1")
    with engine.connect().execution_options(**{WRITE_OPTION: True}) as conn:
        conn.exec_driver_sql("SELECT 1")
    assert "BEGIN" in begun and "BEGIN IMMEDIATE" in begun


def test_a_draft_engine_keeps_its_one_connection(tmp_path: Path) -> None:
    draft = sqlcipher.draft()
    engine = pool.draft_engine(draft)
    with engine.connect() as a:
        assert a.connection.driver_connection is draft
    with engine.connect() as b:
        assert b.connection.driver_connection is draft
    engine.dispose()

"""Whole-file maintenance: checkpoint, vacuum (and the search index rebuild it requires)."""

from __future__ import annotations

from peerdesk.store.engine import Store

FTS_TABLES = ("notes_fts", "quotes_fts")


def checkpoint(store: Store) -> None:
    conn = store.raw()
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def vacuum(store: Store) -> None:
    """Rewrite the file so free pages hold nothing, then re-key the search index to the new rowids."""
    with store.write_lock:
        conn = store.raw()
        try:
            dbapi = conn.driver_connection
            dbapi.execute("VACUUM")
            for fts in FTS_TABLES:
                dbapi.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")
            dbapi.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()

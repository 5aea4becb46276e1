"""Whole-file maintenance: checkpoint, vacuum (and the search index rebuild it requires), finishing a purge."""

from __future__ import annotations

import logging

from peerdesk.store import backup
from peerdesk.store.handle import OpenReview as Store
from peerdesk.store.tables import PURGE_UNFINISHED_META

log = logging.getLogger(__name__)

FTS_TABLES = ("note_chunks_fts", "quotes_fts")


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


def purge_unfinished(store: Store) -> bool:
    return store.meta(PURGE_UNFINISHED_META) == "1"


def finish_purge(store: Store) -> int:
    """The second half of a purge, run by the purge itself and again by any open that finds it unfinished.

    The records are already deleted (in one transaction with their search-index entries); what may still hold their
    text is the backups, free pages, and WAL frames older than that transaction. Only once all of them are gone is
    the marker cleared, so an interruption anywhere here is finished on the next open. Returns the backups removed.
    """
    removed = backup.remove_all(store.path)
    vacuum(store)
    with store.write_lock:
        conn = store.raw()
        try:
            dbapi = conn.driver_connection
            dbapi.execute("DELETE FROM meta WHERE key = ?", (PURGE_UNFINISHED_META,))
            dbapi.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
    store.forget_meta()
    return removed

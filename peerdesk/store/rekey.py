"""Changing the passphrase of an open review file (SQLCipher ``PRAGMA rekey``) without ever risking it.

``PRAGMA rekey`` re-encrypts every page inside one write transaction. In WAL mode the new pages go to the WAL and
become the file's only at commit: a crash before the commit leaves the old passphrase working, a crash after it
leaves the new one (the WAL is replayed on the next open). ``tests/store/test_rekey.py`` kills a process in the
middle of a rekey to check that one of the two always opens the file. A backup under the old passphrase is taken
first all the same, and the backups are then re-keyed too, so an old passphrase that leaked opens nothing.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from peerdesk.errors import UserError, WrongPassphrase
from peerdesk.store import backup, sqlcipher
from peerdesk.store.engine import Store, _engine, check_passphrase

log = logging.getLogger(__name__)


def rekey_file(conn: Any, new: str) -> None:
    """Re-encrypt the database behind a keyed connection; it stays usable with the new key."""
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute(f"PRAGMA rekey = {sqlcipher.quote_literal(new)}")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def change_passphrase(store: Store, old: str, new: str) -> Path:
    """Re-key ``store``'s file (and its backups) from ``old`` to ``new``; the store stays open, on the new key.

    Returns the backup taken first (under the old passphrase, then re-keyed with the others).
    """
    check_passphrase(new)
    if new == old:
        raise UserError("The new passphrase is the same as the current one.")
    if not sqlcipher.opens_with(store.path, old):
        raise WrongPassphrase(str(store.path))
    with store.write_lock:
        store.engine.dispose()  # pooled connections hold the old key; none may write meanwhile
        conn = sqlcipher.connect(store.path, old)
        try:
            sqlcipher.configure(conn)
            saved = backup.snapshot(conn, store.path, reason="before-passphrase-change", passphrase=old)
            rekey_file(conn, new)
        except BaseException:
            conn.close()
            store.engine = _engine(store.path, old, sqlcipher.connect(store.path, old))
            raise
        store.engine = _engine(store.path, new, conn)
    rekeyed, skipped = rekey_backups(store.path, old, new)
    log.info("passphrase changed; %d backups re-keyed, %d left as they were", rekeyed, skipped)
    return saved


def rekey_backups(path: Path, old: str, new: str) -> tuple[int, int]:
    """Re-key every backup that opens with ``old``; returns (re-keyed, skipped)."""
    done = skipped = 0
    for snap in backup.list_snapshots(path):
        if not sqlcipher.opens_with(snap, old):
            skipped += 1
            continue
        conn = sqlcipher.connect(snap, old)
        try:
            sqlcipher.configure(conn)
            rekey_file(conn, new)
        finally:
            conn.close()
        done += 1
    return done, skipped

"""Changing the passphrase of an open review file (SQLCipher ``PRAGMA rekey``) without ever risking it.

``PRAGMA rekey`` re-encrypts every page inside one write transaction. In WAL mode the new pages go to the WAL and
become the file's only at commit: a crash before the commit leaves the old passphrase working, a crash after it
leaves the new one (the WAL is replayed on the next open). A backup under the old passphrase is taken first, and the
backups are then re-keyed too (each one copied under the new key, then put in place of the old), so an old
passphrase that leaked opens nothing.

A marker file beside the review (``<file>.rekeying``, holding nothing secret) says a change is under way. An open
that finds it removes every backup the passphrase just typed does not open: if the review itself was re-keyed
those are still on the retired passphrase; if it was not, they all open and stay. ``tests/store/test_kill_points.py``
kills a process before SQL statements of a change (``tests/bench/bench_kills.py``: before every one) and checks
both.
"""

from __future__ import annotations

import contextlib
import logging
import os
from pathlib import Path
from typing import Any

from peerdesk.errors import UserError, WrongPassphrase
from peerdesk.files import new_private_file
from peerdesk.store import backup, sqlcipher
from peerdesk.store.handle import OpenReview as Store
from peerdesk.store.handle import check_passphrase

log = logging.getLogger(__name__)


def marker_for(path: Path) -> Path:
    return path.with_name(path.name + ".rekeying")


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
    marker = marker_for(store.path)
    _write_marker(marker)
    with store.write_lock:
        store.engine.dispose()  # pooled connections hold the old key; none may write meanwhile
        conn = sqlcipher.connect(store.path, old)
        try:
            sqlcipher.configure(conn)
            saved = backup.snapshot(conn, store.path, reason="before-passphrase-change", passphrase=old)
            rekey_file(conn, new)
        except BaseException:
            conn.close()
            store.reconnect(old)
            raise
        store.reconnect(new, conn)
    rekeyed, removed = rekey_backups(store.path, old, new)
    marker.unlink()
    log.info("passphrase changed; %d backups re-keyed, %d removed", rekeyed, removed)
    return saved


def rekey_backups(path: Path, old: str, new: str) -> tuple[int, int]:
    """Put every backup on ``new``; one ``old`` does not open (damaged, or on an older passphrase still) is removed.

    Returns (re-keyed, removed).
    """
    done, removed = 0, _remove_raw_copies(path)
    for snap in backup.list_snapshots(path):
        if sqlcipher.opens_with(snap, old):
            _copy_under(snap, old, new)
            done += 1
        else:
            snap.unlink()
            removed += 1
    return done, removed


def _copy_under(snap: Path, old: str, new: str) -> None:
    """Replace ``snap`` by a copy under ``new``: each backup is at any moment wholly on one key or the other."""
    partial = snap.with_suffix(".partial")
    with contextlib.suppress(FileNotFoundError):
        partial.unlink()
    new_private_file(partial)
    conn = sqlcipher.connect(snap, old)
    try:
        sqlcipher.export_into(conn, partial, new)
    finally:
        conn.close()
    with partial.open("rb+") as fh:
        os.fsync(fh.fileno())
    os.replace(partial, snap)
    for suffix in ("-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            os.remove(f"{snap}{suffix}")


def finish_interrupted(path: Path, passphrase: str) -> int:
    """After a passphrase change was cut short: remove the backups ``passphrase`` (which opened the review) does not
    open. Returns how many were removed."""
    marker = marker_for(path)
    if not marker.exists():
        return 0
    removed = _remove_raw_copies(path)
    for snap in backup.list_snapshots(path):
        if not sqlcipher.opens_with(snap, passphrase):
            sqlcipher.remove_with_sidecars(snap)
            removed += 1
    marker.unlink()
    log.info("finished an interrupted passphrase change: %d backups on the retired passphrase removed", removed)
    return removed


def _remove_raw_copies(path: Path) -> int:
    """Byte copies kept beside the backups (a leftover WAL, a damaged file) are on the key they were made under,
    and cannot be re-keyed: after a change they would be the retired passphrase's, so they go."""
    folder = backup.folder_for(path)
    raw = [*folder.glob("*.wal"), *folder.glob("*.damaged")] if folder.exists() else []
    for copy in raw:
        copy.unlink()
    return len(raw)


def _write_marker(marker: Path) -> None:
    with contextlib.suppress(FileExistsError):
        new_private_file(marker)
    fd = os.open(marker, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)

"""Rotating encrypted backups of the open review, and restoring one of them.

Backups live in ``<file>.backups/`` beside the review (``peerdesk.store.backup``), each a complete SQLCipher file
with the review's passphrase. Automatic ones are made hourly on visit days and only the newest ``keep`` are kept;
those made before something risky (an upgrade, a restore, a passphrase change) are kept apart, a few of them.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from peerdesk.errors import DamagedFile, OlderSchema, PeerdeskError, UserError
from peerdesk.files import new_private_file
from peerdesk.store import backup, sqlcipher
from peerdesk.store.engine import Store

log = logging.getLogger(__name__)

ROUTINE = ("hourly", "manual")
DEFAULT_KEEP = 24
KEEP_SPECIAL = 5
HOURLY = dt.timedelta(hours=1)
_NAME = re.compile(r"-(\d{8}-\d{6}-\d{6})-([\w-]+)\.peerdesk$")
COUNTED = ("interviews", "notes", "quotes", "postits", "insights")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    made: dt.datetime
    reason: str
    counts: dict[str, int] = field(default_factory=dict)
    problem: str = ""  # why it could not be read ("" if it could)

    @property
    def label(self) -> str:
        return REASON_LABELS.get(self.reason, self.reason.replace("-", " "))


REASON_LABELS = MappingProxyType(
    {
        "hourly": "Hourly backup",
        "manual": "Backed up on request",
        "before-restore": "Before a restore",
        "before-passphrase-change": "Before the passphrase changed",
    }
)


def parse_name(path: Path) -> tuple[dt.datetime, str] | None:
    m = _NAME.search(path.name)
    if m is None:
        return None
    return dt.datetime.strptime(m.group(1), "%Y%m%d-%H%M%S-%f"), m.group(2)


def snapshots(path: Path) -> list[tuple[Path, dt.datetime, str]]:
    """This review's backups, newest first (file, time made, reason)."""
    found = []
    for p in backup.list_snapshots(path):
        parsed = parse_name(p)
        if parsed is not None:
            found.append((p, *parsed))
    return sorted(found, key=lambda item: item[1], reverse=True)


def make_backup(store: Store, reason: str = "manual", *, keep: int = DEFAULT_KEEP) -> Path:
    """Snapshot the open review (same passphrase) and prune old ones. Safe while the review is being edited."""
    conn = store.raw()
    try:
        target = _snapshot_same_key(conn.driver_connection, store.path, reason)
    finally:
        conn.close()
    rotate(store.path, keep)
    log.info("backup made (%s)", reason)
    return target


def _snapshot_same_key(dbapi: object, path: Path, reason: str) -> Path:
    """``backup.snapshot`` without knowing the passphrase: an ATTACH without KEY reuses the open file's key."""
    target = backup.new_snapshot_path(path, reason)  # the folder is the owner's only
    partial = target.with_suffix(".partial")
    new_private_file(partial)
    run = dbapi.execute  # type: ignore[attr-defined]
    run(f"ATTACH DATABASE {sqlcipher.quote_literal(str(partial))} AS snapshot")
    try:
        # The copy is synced once, whole, before it takes its name: no need to sync each table as it is made.
        run("PRAGMA snapshot.synchronous = OFF")
        run("PRAGMA snapshot.journal_mode = OFF")
        run("SELECT sqlcipher_export('snapshot')")
        app_id = run("PRAGMA main.application_id").fetchone()[0]
        run(f"PRAGMA snapshot.application_id = {int(app_id)}")
    finally:
        run("DETACH DATABASE snapshot")
    with partial.open("rb+") as fh:
        os.fsync(fh.fileno())
    os.replace(partial, target)
    return target


def rotate(path: Path, keep: int = DEFAULT_KEEP) -> list[Path]:
    """Keep the newest ``keep`` routine backups and the newest few special ones; returns what was removed."""
    routine = [p for p, _, reason in snapshots(path) if reason in ROUTINE]
    special = [p for p, _, reason in snapshots(path) if reason not in ROUTINE]
    doomed = routine[max(keep, 1) :] + special[KEEP_SPECIAL:]
    for p in doomed:
        with contextlib.suppress(FileNotFoundError):
            p.unlink()
    for partial in backup.folder_for(path).glob("*.partial"):  # left by a crash half-way through a backup
        partial.unlink()
    return doomed


def is_visit_day(visit_start: str, visit_end: str, today: dt.date) -> bool:
    if not visit_start:
        return False
    start = dt.date.fromisoformat(visit_start)
    end = dt.date.fromisoformat(visit_end) if visit_end else start + dt.timedelta(days=1)
    return start <= today <= end


def hourly_due(path: Path, visit_start: str, visit_end: str, now: dt.datetime) -> bool:
    """On a visit day, a routine backup is due when the newest one is an hour old (or there is none)."""
    if not is_visit_day(visit_start, visit_end, now.date()):
        return False
    routine = [made for _, made, reason in snapshots(path) if reason in ROUTINE]
    return not routine or now - routine[0] >= HOURLY


def describe(path: Path, passphrase: str) -> list[BackupInfo]:
    """Every backup of the review at ``path``, newest first, opened with the passphrase to count its records."""
    found = []
    for p, made, reason in snapshots(path):
        try:
            counts = count_records(p, passphrase)
        except PeerdeskError as exc:
            found.append(BackupInfo(p, made, reason, problem=str(exc)))
        else:
            found.append(BackupInfo(p, made, reason, counts))
    return found


def count_records(path: Path, passphrase: str) -> dict[str, int]:
    """Open a backup without upgrading it (and without a backup of a backup) and count what matters to people.

    A backup an older peerdesk made is counted on a private copy, upgraded there: looking at the backups must leave
    each as it was made (it used to be upgraded in place, which a faulty upgrade could not be undone from).
    """
    try:
        with Store.open(path, passphrase, make_backup=False, upgrade=False) as store:
            return _counts(store)
    except OlderSchema:
        with tempfile.TemporaryDirectory(prefix="peerdesk-backup-") as folder:  # the user's only (0700)
            copy = Path(folder) / path.name
            shutil.copyfile(path, copy)
            with Store.open(copy, passphrase, make_backup=False) as store:
                return _counts(store)


def _counts(store: Store) -> dict[str, int]:
    from peerdesk.services import review as review_service

    facts = review_service.info(store)
    return {k: int(facts[k]) for k in COUNTED}


def _keep_damaged(path: Path) -> Path:
    """A byte copy of a damaged review beside its backups (not listed as one: it does not open)."""
    target = backup.new_snapshot_path(path, "damaged").with_suffix(".damaged")
    new_private_file(target)
    shutil.copyfile(path, target)
    return target


def restore(path: Path, chosen: Path, passphrase: str) -> Path:
    """Put backup ``chosen`` in place of the (closed) review at ``path``; returns the backup of what was there.

    The chosen backup is checked with the passphrase first; the current file is itself backed up, so a restore
    can be undone by restoring that.
    """
    if backup.folder_for(path) != chosen.parent:
        raise UserError("That backup belongs to another review.")
    count_records(chosen, passphrase)  # refuses a damaged or foreign backup before anything changes
    try:
        current = Store.open(path, passphrase, make_backup=False)
    except DamagedFile:
        saved = _keep_damaged(path)  # it cannot be exported: keep its bytes (encrypted) instead
    else:
        with current:
            saved = make_backup(current, "before-restore")
            # Fold the WAL into the file so that removing the sidecars below loses nothing of "current".
            conn = current.raw()
            try:
                conn.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                conn.close()
    staging = backup.restoring_copy(path)
    with contextlib.suppress(FileNotFoundError):
        staging.unlink()
    new_private_file(staging)  # the copy (then the review) is the owner's only; copyfile keeps that mode
    shutil.copyfile(chosen, staging)
    for suffix in ("-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            os.remove(f"{path}{suffix}")
    os.replace(staging, path)  # atomic: the review is either the old file or the restored one
    parsed = parse_name(chosen)
    log.info("restored a backup (%s)", parsed[1] if parsed else "unnamed")
    return saved

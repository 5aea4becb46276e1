"""Retention: every record of the interviews is deleted after the follow-up visit, for good.

``purge`` hard-deletes the interview records (not tombstones: a tombstone keeps the row and its text), their
conflict copies and search-index entries in one transaction, which also marks the purge unfinished; then the
backups (and a restore's staging copy) that still hold them are removed and the file is vacuumed and checkpointed
so that no page of it, free pages and WAL included, still holds the deleted text, and only then is the mark
cleared. An open that finds the mark finishes the purge (``maintenance.finish_purge``). What the follow-up needs
stays: the review summary, the insights' text, the workshop (its goals, actions and the idea walls, which hold
what the workshop's participants wrote, not what interviewees said).

``delete_review`` removes a review file altogether, with its sidecars and backups.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

from peerdesk.services import review as review_service
from peerdesk.services.changes import Changes, everything
from peerdesk.services.plural import count
from peerdesk.store import backup, lock, maintenance, rekey, sqlcipher
from peerdesk.store.engine import Store
from peerdesk.store.tables import INTERVIEW_RECORD_TABLES, PURGE_UNFINISHED_META, PURGED_ON_META

if TYPE_CHECKING:
    from sqlalchemy import ColumnElement

    from peerdesk.store.models import Shared

log = logging.getLogger(__name__)

# What "interview records" means: what was said and everything built from it but the insights' own words.
# Guarded names go too: they are the names of the people interviewed. Post-its and themes of the workshop's idea
# walls (``goal_id`` set) stay: the handbook deletes "all records of the interviews", and the ideas are the
# workshop's, written by the host's staff on Day 2 afternoon to work towards the goals that remain.
PURGED_TABLES: tuple[str, ...] = INTERVIEW_RECORD_TABLES
PURGED_ON = PURGED_ON_META  # meta key: the date the interview records were deleted
# How the purge's report names what went, in words a team member uses (the links between records are not named).
REPORTED = MappingProxyType(
    {
        "notes": ("interview note", None),
        "quotes": ("quote", None),
        "postits": ("post-it", None),
        "themes": ("theme", None),
        "interview_questions": ("question tick", None),
        "scale_answers": ("scale answer", None),
        "guarded_names": ("name to guard", "names to guard"),
        "documents": ("document", None),
        "reading_notes": ("reading note", None),
    }
)


@dataclass(frozen=True)
class RetentionStatus:
    retention_date: str  # ISO date, or "" if not set
    days_left: int | None  # None without a date; negative once passed
    purged_on: str  # ISO date of the purge, or ""

    @property
    def due(self) -> bool:
        """The date has come and the records are still here."""
        return self.days_left is not None and self.days_left <= 0 and not self.purged_on

    @property
    def sentence(self) -> str:
        return countdown_text(self.retention_date, self.days_left, self.purged_on)


def countdown_text(retention_date: str, days_left: int | None, purged_on: str = "") -> str:
    if purged_on:
        return f"Interview records were deleted on {_long(purged_on)}; the summary, insights and workshop remain."
    if not retention_date or days_left is None:
        return "Set the follow-up date: interview records must be deleted after it."
    when = _long(retention_date)
    if days_left > 1:
        span = f"{days_left} days" if days_left < 60 else f"about {round(days_left / 30.4)} months"
        return f"Interview records are kept for {span} more, until {when}; then they must be deleted."
    if days_left == 1:
        return f"Interview records are due for deletion tomorrow ({when})."
    if days_left == 0:
        return "Interview records are due for deletion today."
    return f"Interview records were due for deletion on {when}: delete them now (File ▸ Delete interview records)."


def _long(iso: str) -> str:
    day = dt.date.fromisoformat(iso)
    return f"{day.day} {day.strftime('%B %Y')}"


def status(store: Store, today: dt.date | None = None) -> RetentionStatus:
    today = today or dt.date.today()
    retention_date = review_service.summary(store).retention_date
    days = (dt.date.fromisoformat(retention_date) - today).days if retention_date else None
    return RetentionStatus(retention_date, days, store.meta(PURGED_ON))


@dataclass(frozen=True)
class PurgeReport:
    counts: dict[str, int]  # table name -> rows deleted (tombstones included)
    backups_removed: int

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def sentence(self) -> str:
        """What went, for the person who asked: "Deleted for good: 15 interview notes, 59 quotes, … and 1 backup."."""
        gone = [(self.counts[t], noun, many) for t, (noun, many) in REPORTED.items() if self.counts.get(t)]
        named = [count(n, noun, many) for n, noun, many in gone]
        if not named:  # run again after a purge: "Deleted for good: 0 backups." read as if something had gone
            return "There were no interview records left to delete."
        named.append(count(self.backups_removed, "backup"))
        listed = ", ".join(named[:-1]) + f" and {named[-1]}" if len(named) > 1 else named[0]
        return f"Deleted for good: {listed}."


def purge(store: Store, today: dt.date | None = None) -> PurgeReport:
    """Delete every interview record for good, then leave nothing of them in the file or its backups."""
    from sqlalchemy import delete, func, select, text

    from peerdesk.store.models import SHARED_MODELS, Conflict, DocumentFile
    from peerdesk.store.uow import UnitOfWork

    today = today or dt.date.today()
    counts: dict[str, int] = {}
    purged = [SHARED_MODELS[table] for table in PURGED_TABLES]
    with UnitOfWork(store) as uow:
        s = uow.session
        for model in purged:
            table = model.__tablename__  # type: ignore[attr-defined]
            only = _interview_rows(model)
            counts[table] = int(s.scalar(select(func.count()).select_from(model).where(*only)) or 0)
            s.execute(delete(model).where(*only))  # the FTS triggers mark the rows deleted in the search index
        for fts in maintenance.FTS_TABLES:
            # A trigger's 'delete' only adds a tombstone to the index: the tokens stay in its pages until a merge.
            # Every indexed row is gone, so the whole index goes, in this same transaction.
            s.execute(text(f"INSERT INTO {fts}({fts}) VALUES ('delete-all')"))
        for model in purged:
            table = model.__tablename__  # type: ignore[attr-defined]
            kept = select(model.id)
            s.execute(delete(Conflict).where(Conflict.table_name == table, Conflict.row_id.not_in(kept)))
        counts["document_files"] = int(s.scalar(select(func.count()).select_from(DocumentFile)) or 0)
        s.execute(delete(DocumentFile))  # the documents' files, kept only in this member's file
        uow.set_meta(PURGED_ON, today.isoformat())
        uow.set_meta(PURGE_UNFINISHED_META, "1")
        uow.commit()
    removed = maintenance.finish_purge(store)
    log.info(
        "purged interview records: %s rows in %d tables, %d backups removed", sum(counts.values()), len(counts), removed
    )
    return PurgeReport(counts, removed)


def _interview_rows(model: type[Shared]) -> tuple[ColumnElement[bool], ...]:
    """All rows of ``model`` but the workshop's idea walls."""
    from peerdesk.store.models import PostIt, Theme

    if model is PostIt:
        return (PostIt.goal_id == "",)
    if model is Theme:
        return (Theme.goal_id == "",)
    return ()


def purge_changes() -> Changes:
    return everything()


def remove_backups(path: Path) -> int:
    return backup.remove_all(path)


def delete_review(path: Path) -> None:
    """Remove a (closed) review file, its sidecars, its backups and any copy a restore was staging."""
    path = Path(path)
    backup.remove_all(path)
    sqlcipher.remove_with_sidecars(path)
    for leftover in (rekey.marker_for(path), lock.lock_path(path)):  # a lock file a crash left behind
        leftover.unlink(missing_ok=True)
    log.info("deleted a review file and its backups")

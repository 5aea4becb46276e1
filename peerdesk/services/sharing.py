"""Sharing by email: export a bundle to a file, import one, look at one, and the conflicts an import kept."""

from __future__ import annotations

import datetime as dt
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from peerdesk.errors import NotFound, UserError
from peerdesk.exchange import bundle, display, transfer
from peerdesk.files import write_private
from peerdesk.services import quotes
from peerdesk.services.changes import Changes, everything
from peerdesk.store.engine import Store
from peerdesk.store.models import SHARED_MODELS, Conflict, Member
from peerdesk.store.uow import UnitOfWork


@dataclass(frozen=True)
class ExportReport:
    path: Path
    size: int
    recipients: list[str]
    expires: str
    changes: int = 0  # records that are news to a recipient
    everything: bool = True  # the whole review, not only what changed

    @property
    def sending(self) -> str:
        """What the bundle carries, in a sentence: everything, or the changes since the last bundle."""
        if self.everything:
            return "Sending everything"
        if not self.changes:
            return "Nothing new for your colleagues"
        return f"Sending {self.changes} change{'s' if self.changes != 1 else ''} your colleagues may not have yet"


@dataclass(frozen=True)
class ImportReport:
    sender: str
    summary: str
    conflicts: int
    changes: Changes
    path: Path | None = None  # the bundle's file: the import log names it, beside who sent it and what it brought


def suggested_name(store: Store, today: dt.date | None = None) -> str:
    """A file name that says whose and when, never what the review is about (the name travels in the clear)."""
    with store.session() as s:
        me = s.get(Member, store.member_id)
    who = (me.initials if me is not None and me.initials else "me").lower()
    return f"peerdesk-{who}-{(today or dt.date.today()).isoformat()}{bundle.SUFFIX}"


def export_to(
    store: Store,
    path: Path | str,
    *,
    full: bool = False,
    now: dt.datetime | None = None,
    progress: transfer.Progress | None = None,
) -> ExportReport:
    """Write a bundle of what the team may lack (``full``: everything, for a new member or a lost email)."""
    path = Path(path)
    exported = transfer.export_bundle(store, full=full, now=now, progress=progress)
    write_private(path, exported.data)
    return ExportReport(
        path, len(exported.data), exported.recipients, exported.expires, exported.changes, exported.everything
    )


def read_bundle_file(path: Path | str) -> bytes:
    """The file's bytes, read only if it is a regular file within the size cap (``bundle.read_file``)."""
    path = Path(path)
    try:
        return bundle.read_file(path)
    except FileNotFoundError:
        raise UserError(f"There is no file at {display.clip(str(path))}.") from None
    except OSError as exc:
        raise UserError(
            f"{display.clip(str(path))} could not be read ({exc.strerror or type(exc).__name__})."
        ) from None


def import_from(
    store: Store, path: Path | str, *, now: dt.datetime | None = None, progress: transfer.Progress | None = None
) -> ImportReport:
    imported = transfer.import_bundle(store, read_bundle_file(path), now=now, progress=progress)
    result = imported.result
    # ``result.tables`` names conflicts kept, settled or reopened too: the Conflicts view hears of each
    changes = everything() if "members" in result.tables else Changes(frozenset(result.tables), frozenset(result.ids))
    return ImportReport(imported.sender, imported.summary, result.conflicts, changes, Path(path))


def inspect(path: Path | str) -> dict[str, Any]:
    return bundle.inspect(read_bundle_file(path))


def mailto(report: ExportReport, review_title: str = "") -> str:
    """A mailto: link with subject and body filled in. It cannot attach the file: the body says so."""
    subject = "peerdesk bundle"
    body = (
        f"Hello,\n\nPlease find my latest peerdesk bundle attached ({report.path.name}, "
        f"{report.size / 1e6:.2f} MB). Import it with File > Import bundle.\n\n"
        "(Attach the file by hand: an email link cannot attach files.)\n"
    )
    return "mailto:?" + urllib.parse.urlencode({"subject": subject, "body": body}, quote_via=urllib.parse.quote)


# --- conflicts ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ConflictView:
    id: str
    table: str
    row_id: str
    field: str
    lost_text: str
    current_text: str
    author: str
    created: str
    resolved: bool
    record_deleted: bool = False  # the edit was made while a colleague deleted the record
    context: str = ""  # what the text belongs to: the interview it was said in, or its theme's or insight's words


# A record's own words that say which one it is, when the text in conflict is another of its fields.
_NAMING_FIELDS = ("heading", "statement", "title", "name")


def _context(table: str, field: str, row: Any, interviews: Callable[[], dict[str, str]]) -> str:
    if row is None:
        return ""
    interview_id = row.id if table == "interviews" else getattr(row, "interview_id", "")
    if interview_id:
        return display.clip(interviews().get(interview_id, ""), 60)
    for name in _NAMING_FIELDS:
        words = getattr(row, name, None)
        if name != field and isinstance(words, str) and words.strip():
            return display.clip(words.strip(), 60)
    return ""


def conflicts(store: Store, *, include_resolved: bool = False) -> list[ConflictView]:
    with store.session() as s:
        stmt = select(Conflict).where(Conflict.deleted.is_(False)).order_by(Conflict.created.desc(), Conflict.id)
        if not include_resolved:
            stmt = stmt.where(Conflict.resolved.is_(False))
        names = {m.id: m.name for m in s.scalars(select(Member))}
        labels: dict[str, str] = {}

        def interviews() -> dict[str, str]:  # read once, and only when a conflict is about an interview's text
            if not labels:
                labels.update(quotes.interview_labels(store))
            return labels

        views = []
        for c in s.scalars(stmt):
            model = SHARED_MODELS.get(c.table_name)
            row = s.get(model, c.row_id) if model is not None else None
            current = getattr(row, c.field, "") if row is not None and not row.deleted else ""
            views.append(
                ConflictView(
                    c.id,
                    c.table_name,
                    c.row_id,
                    c.field,
                    str(c.value),
                    str(current),
                    names.get(c.author_id, "someone"),
                    c.created,
                    c.resolved,
                    row is None or bool(row.deleted),
                    _context(c.table_name, c.field, row, interviews),
                )
            )
        return views


def restore_conflict(store: Store, conflict_id: str) -> Changes:
    """Put the text that lost back into its field (as a new edit of mine) and mark the conflict resolved."""
    with UnitOfWork(store) as uow:
        conflict = uow.session.get(Conflict, conflict_id)
        if conflict is None:
            raise NotFound("That conflict no longer exists.")
        model = SHARED_MODELS[conflict.table_name]
        row = uow.get(model, conflict.row_id, include_deleted=True)
        uow.restore(row)  # an edit kept from a record deleted meanwhile brings the record back with it
        uow.update(row, **{conflict.field: conflict.value})
        uow.update(conflict, resolved=True)  # a versioned edit: the team's files hear that it is resolved
        table, row_id = conflict.table_name, conflict.row_id
        uow.commit()
    return Changes.of(table, "conflicts", ids=[row_id])


def set_conflict_resolved(store: Store, conflict_id: str, resolved: bool = True) -> Changes:
    with UnitOfWork(store) as uow:
        conflict = uow.session.get(Conflict, conflict_id)
        if conflict is None:
            raise NotFound("That conflict no longer exists.")
        uow.update(conflict, resolved=resolved)
        uow.commit()
    return Changes.of("conflicts")

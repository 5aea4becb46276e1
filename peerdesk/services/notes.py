"""Taking notes in an interview: the running text, quotes captured from it and post-its (0–10 scale answers are
in ``scale_answers``).

A note belongs to one note taker and one interview (its id is derived from both, so it is the same record on
every copy). Quotes carry the interview and its stakeholder group, never a person. A quote captured from the
text keeps its offsets in the body (``anchor_start``/``anchor_end``); the editor moves them as the text around
them changes and sends them back with the body, in the same transaction.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING

from peerdesk.errors import UserError
from peerdesk.services import records
from peerdesk.services.changes import NOTE_TEXT, QUOTE_PLACES, Changes
from peerdesk.services.word_bounds import quote_span
from peerdesk.store import rules
from peerdesk.store.engine import Store

if TYPE_CHECKING:
    from sqlalchemy import ColumnElement

    from peerdesk.store.uow import UnitOfWork

KINDS = rules.POSTIT_KINDS
KIND_LABELS = MappingProxyType({"rose": "Rose", "thorn": "Thorn", "bud": "Bud"})
MAX_QUOTE = rules.MAX_QUOTE
MAX_POSTIT = 280
Anchors = Mapping[str, tuple[int, int]]


@dataclass(frozen=True)
class QuoteInfo:
    id: str
    text: str
    anchor_start: int
    anchor_end: int
    kind: str

    @property
    def anchored(self) -> bool:
        return 0 <= self.anchor_start < self.anchor_end


@dataclass(frozen=True)
class PostItInfo:
    id: str
    kind: str
    text: str
    quote_id: str


@dataclass(frozen=True)
class NoteInfo:
    id: str
    interview_id: str
    author_id: str
    author: str
    body: str


def note_id(interview_id: str, member_id: str) -> str:
    return str(uuid.uuid5(uuid.UUID(interview_id), f"note:{member_id}"))


# --- the note ----------------------------------------------------------------------------------------------------


def open_note(store: Store, interview_id: str) -> tuple[str, Changes]:
    """My note of this interview, created empty the first time."""
    from sqlalchemy import select

    from peerdesk.store.models import Interview, Note
    from peerdesk.store.uow import UnitOfWork

    record_id = note_id(interview_id, store.member_id)
    with store.session() as s:
        mine = s.scalars(
            select(Note.id).where(
                Note.deleted.is_(False), Note.interview_id == interview_id, Note.author_id == store.member_id
            )
        ).all()
    if mine:
        return (record_id if record_id in mine else sorted(mine)[0]), Changes()
    with UnitOfWork(store) as uow:
        uow.get(Interview, interview_id)
        row = uow.session.get(Note, record_id)
        if row is None:
            uow.add(Note, record_id, interview_id=interview_id, body="")
        else:
            uow.restore(row)
        uow.commit()
    return record_id, Changes.of("notes", ids=[record_id])


def notes_of_interview(store: Store, interview_id: str) -> list[NoteInfo]:
    """Everyone's notes of an interview, mine first, then by author's name."""
    from sqlalchemy import select

    from peerdesk.store.models import Member, Note

    with store.session() as s:
        names = {m.id: m.name for m in s.scalars(select(Member))}
        rows = s.scalars(select(Note).where(Note.deleted.is_(False), Note.interview_id == interview_id))
        found = [NoteInfo(r.id, r.interview_id, r.author_id, names.get(r.author_id, ""), r.body) for r in rows]
    return sorted(found, key=lambda n: (n.author_id != store.member_id, n.author, n.id))


def note_info(store: Store, record_id: str) -> NoteInfo:
    from peerdesk.store.models import Member, Note

    with store.session() as s:
        row = s.get(Note, record_id)
        if row is None or row.deleted:
            raise UserError("That note no longer exists.")
        author = s.get(Member, row.author_id)
        return NoteInfo(row.id, row.interview_id, row.author_id, author.name if author else "", row.body)


def exists(store: Store, record_id: str) -> bool:
    """False once the note is deleted (a tombstone) or gone for good (purged)."""
    from peerdesk.store.models import Note

    with store.session() as s:
        row = s.get(Note, record_id)
        return row is not None and not row.deleted


def body(store: Store, record_id: str) -> str:
    from peerdesk.store.models import Note

    with store.session() as s:
        row = s.get(Note, record_id)
        if row is None:
            raise UserError("That note no longer exists.")
        return row.body


def save_body(store: Store, record_id: str, text: str, anchors: Anchors | None = None) -> Changes:
    """Store the note's text and the quotes' moved offsets together: one durable commit (the autosave).

    The change it reports is narrow (``NOTE_TEXT``, ``QUOTE_PLACES``): typing changes nothing the other views show,
    except a quote whose words were all deleted, which loses its place in the notes (``quotes``).
    """
    from peerdesk.store.models import Note
    from peerdesk.store.uow import UnitOfWork

    with UnitOfWork(store) as uow:
        # Neither the note nor its quotes are loaded: a 300,000-character text is compared in SQL, never read back.
        body_changed = uow.set_fields(Note, record_id, {"body": text})
        moved, unplaced = _move_anchors(uow, anchors or {})
        uow.commit()
    tables = [NOTE_TEXT] if body_changed else []
    tables += ([QUOTE_PLACES] if moved else []) + (["quotes"] if unplaced else [])
    return Changes.of(*tables, ids=([record_id] if body_changed else []) + moved)


def _move_anchors(uow: UnitOfWork, anchors: Anchors) -> tuple[list[str], bool]:
    """Write the quotes' new places; returns those moved, and whether any lost its place.

    One light read of every quote's place first: typing moves few of them, and only those are loaded and stamped.
    """
    from peerdesk.store.models import Quote

    if not anchors:
        return [], False
    wanted = {qid: (-1, -1) if start >= end else (start, end) for qid, (start, end) in anchors.items()}
    places = uow.read_fields(Quote, list(wanted), ("anchor_start", "anchor_end"))
    moved, unplaced = [], False
    for quote_id, (start, end) in places.items():
        new_start, new_end = wanted[quote_id]
        changed = {k: v for k, old, v in (("anchor_start", start, new_start), ("anchor_end", end, new_end)) if old != v}
        if changed:
            uow.set_fields(Quote, quote_id, changed, differ=True)  # just read: live, and these differ
            moved.append(quote_id)
            # the quoted words deleted from the notes: the quote keeps its own text, and loses its place
            unplaced = unplaced or (start >= 0 and new_start < 0)
    return moved, unplaced


# --- quotes ------------------------------------------------------------------------------------------------------


def _group_of(uow: UnitOfWork, interview_id: str) -> str:
    from peerdesk.store.models import Interview

    return uow.get(Interview, interview_id).group_id


def capture_quote(
    store: Store,
    note: str,
    start: int,
    end: int,
    text: str,
    *,
    record_id: str | None = None,
    anchors: Anchors | None = None,
) -> tuple[str, Changes]:
    """A quote from the note's text between ``start`` and ``end``; ``text`` is the note's current text.

    A word cut at either end is taken whole (``word_bounds.quote_span``): the editor shows the same span.

    The body is saved in the same transaction, so the offsets always refer to the text on disk.
    ``record_id`` brings back a quote captured before (redo after undo).
    """
    from peerdesk.store.models import Note, Quote
    from peerdesk.store.uow import UnitOfWork

    if not 0 <= start < end <= len(text):
        raise UserError("Select the words to quote first.")
    start, end = quote_span(text, start, end)  # blanks left out, a word cut at either end made whole
    words = text[start:end]
    if not words:
        raise UserError("Select the words to quote first.")
    if len(words) > MAX_QUOTE:
        raise UserError(f"A quote is at most {MAX_QUOTE} characters: select fewer words.")
    with UnitOfWork(store) as uow:
        note_row = uow.get(Note, note)
        uow.update(note_row, body=text)
        moved, _unplaced = _move_anchors(uow, anchors or {})
        fields = {
            "interview_id": note_row.interview_id,
            "group_id": _group_of(uow, note_row.interview_id),
            "note_id": note,
            "text": words,
            "anchor_start": start,
            "anchor_end": end,
        }
        row = uow.add_or_restore(Quote, record_id, fields)
        uow.commit()
    # The note's text is the one its editor shows: the note itself needs no reloading, the quotes do.
    return row.id, Changes.of("quotes", NOTE_TEXT, QUOTE_PLACES, ids=[row.id, note, *moved])


def quote_words(text: str, empty: str) -> str:
    """A quote's words without surrounding blanks; refused with ``empty`` when none, or when too long."""
    words = text.strip()
    if not words:
        raise UserError(empty)
    if len(words) > MAX_QUOTE:
        raise UserError(f"A quote is at most {MAX_QUOTE} characters.")
    return words


def add_typed_quote(
    store: Store, interview_id: str, text: str, *, note: str = "", record_id: str | None = None
) -> tuple[str, Changes]:
    """A quote written down word for word, not (or not yet) part of the notes' text."""
    from peerdesk.store.models import Quote
    from peerdesk.store.uow import UnitOfWork

    words = quote_words(text, "Type the quote first.")
    with UnitOfWork(store) as uow:
        fields = {
            "interview_id": interview_id,
            "group_id": _group_of(uow, interview_id),
            "note_id": note,
            "text": words,
            "anchor_start": -1,
            "anchor_end": -1,
        }
        row = uow.add_or_restore(Quote, record_id, fields)
        return records.created(uow, row)


def delete_quote(store: Store, quote_id: str) -> Changes:
    return records.delete(store, "quotes", quote_id)


def note_of_quote(store: Store, quote_id: str) -> str:
    """The note a quote was taken from."""
    from peerdesk.store.models import Quote

    with store.session() as s:
        row = s.get(Quote, quote_id)
        if row is None or row.deleted:
            raise UserError("That quote no longer exists.")
        return row.note_id


def quotes_of_note(store: Store, note: str) -> list[QuoteInfo]:
    from peerdesk.store.models import Quote

    return _quotes(store, Quote.note_id == note)


def quotes_of_interview(store: Store, interview_id: str) -> list[QuoteInfo]:
    from peerdesk.store.models import Quote

    return _quotes(store, Quote.interview_id == interview_id)


def _quotes(store: Store, where: ColumnElement[bool]) -> list[QuoteInfo]:
    """Quotes anchored in the text first, in the order they stand there; then those typed word for word."""
    from sqlalchemy import select

    from peerdesk.store.models import Quote

    columns = (Quote.id, Quote.text, Quote.anchor_start, Quote.anchor_end, Quote.kind)
    with store.session() as s:  # the five columns, not ORM objects: a long note may hold hundreds of quotes
        rows = s.execute(select(*columns).where(Quote.deleted.is_(False), where))
        found = [QuoteInfo(*row) for row in rows]
    return sorted(found, key=lambda q: (not q.anchored, q.anchor_start, q.id))


# --- rose / thorn / bud -----------------------------------------------------------------------------------------


def line_at(text: str, position: int) -> tuple[int, int]:
    """The start and end offsets of the line holding ``position``."""
    position = max(0, min(position, len(text)))
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return start, len(text) if end < 0 else end


def make_postit(
    store: Store,
    note: str,
    kind: str,
    start: int,
    end: int,
    text: str,
    *,
    record_id: str | None = None,
) -> tuple[str, Changes]:
    """A rose, thorn or bud from the note's words between ``start`` and ``end`` (a selection or a line).

    When those words overlap a captured quote the post-it links to it, so the wall can show its evidence.
    """
    from peerdesk.store.models import Note, PostIt, Quote
    from peerdesk.store.uow import UnitOfWork

    if kind not in KINDS:
        raise ValueError(f"not a post-it kind: {kind!r}")
    words = " ".join(text[max(0, start) : max(0, end)].split())
    if not words:
        raise UserError("Put the cursor on a line with words on it, or select some, to make a post-it.")
    if len(words) > MAX_POSTIT:
        words = words[: MAX_POSTIT - 1].rstrip() + "…"
    with UnitOfWork(store) as uow:
        note_row = uow.get(Note, note)
        linked = ""
        for quote in uow.query(Quote, note_id=note):
            if quote.anchor_start >= 0 and quote.anchor_start < end and start < quote.anchor_end:
                linked = quote.id
                break
        position = float(len(uow.query(PostIt, kind=kind)))
        fields = {"kind": kind, "text": words, "note_id": note_row.id, "quote_id": linked, "position": position}
        row = uow.add_or_restore(PostIt, record_id, {}, fields)  # a redo brings back the post-it as it was
        return records.created(uow, row)


def delete_postit(store: Store, postit_id: str) -> Changes:
    return records.delete(store, "postits", postit_id)


def postits_of_note(store: Store, note: str) -> list[PostItInfo]:
    from sqlalchemy import select

    from peerdesk.store.models import PostIt

    with store.session() as s:
        rows = s.scalars(select(PostIt).where(PostIt.deleted.is_(False), PostIt.note_id == note))
        return [PostItInfo(r.id, r.kind, r.text, r.quote_id) for r in sorted(rows, key=lambda r: (r.updated, r.id))]

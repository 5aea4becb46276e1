"""Documents received before the visit: the file itself, kept encrypted inside the review, and each reviewer's
reading notes, with prompts for reading policy critically.

Files are capped at ``MAX_FILE_BYTES`` (checked before reading) and live in the local ``document_files`` table of
the member who attached them: bundles are capped in size and a team shares its reading through the notes. Reading
notes are shared, one per reviewer per document. Documents, notes and files are interview records for retention:
the purge after the follow-up removes them all.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from peerdesk.errors import UserError
from peerdesk.services.changes import Changes
from peerdesk.store.engine import Store

if TYPE_CHECKING:
    from peerdesk.store.models import Document
    from peerdesk.store.uow import UnitOfWork

MAX_FILE_BYTES = 25 * 1024 * 1024  # a long strategy with pictures fits; a video does not
MAX_NOTE = 20_000
PROMPTS = "critical_reading.json"


@cache
def critical_prompts() -> tuple[str, ...]:
    data = json.loads((resources.files("peerdesk.resources") / PROMPTS).read_text(encoding="utf-8"))
    return tuple(data["prompts"])


@dataclass(frozen=True)
class Attachment:
    document_id: str
    name: str
    size: int
    added: str


@dataclass(frozen=True)
class ReaderNote:
    reviewer: str
    text: str
    mine: bool


def _live_document(uow: UnitOfWork, document_id: str) -> Document:
    from peerdesk.store.models import Document

    return uow.get(Document, document_id)


def attach(store: Store, document_id: str, path: Path | str) -> Changes:
    """Keep ``path``'s file with the document (replacing any file it had)."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise UserError(f"{path} is not a file.")
        if size > MAX_FILE_BYTES:
            raise UserError(
                f"{path.name} is {size / 1_048_576:.1f} MB; a document can be at most "
                f"{MAX_FILE_BYTES // 1_048_576} MB. Attach a shorter version or keep a note of where it is."
            )
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise UserError(f"Could not read {path}: {exc.strerror or exc}.") from None
    if len(data) > MAX_FILE_BYTES:
        raise UserError(f"{path.name} grew past the {MAX_FILE_BYTES // 1_048_576} MB limit while being read.")
    return put_file(store, document_id, path.name, data)


def put_file(store: Store, document_id: str, name: str, data: bytes) -> Changes:
    """Store a file's bytes with the document (also the undo of a removal)."""
    from peerdesk.store.models import DocumentFile
    from peerdesk.store.uow import UnitOfWork

    with UnitOfWork(store) as uow:
        _live_document(uow, document_id)
        row = uow.session.get(DocumentFile, document_id)
        if row is None:
            row = DocumentFile(document_id=document_id)
            uow.session.add(row)
        row.name, row.size, row.data = name[:255], len(data), data
        row.added = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        uow.commit()
    return Changes.of("documents", ids=[document_id])


def remove_file(store: Store, document_id: str) -> Changes:
    from peerdesk.store.models import DocumentFile
    from peerdesk.store.uow import UnitOfWork

    with UnitOfWork(store) as uow:
        row = uow.session.get(DocumentFile, document_id)
        if row is not None:
            uow.session.delete(row)
        uow.commit()
    return Changes.of("documents", ids=[document_id])


def attachment(store: Store, document_id: str) -> Attachment | None:
    found = store.rows("SELECT name, size, added FROM document_files WHERE document_id = ?", document_id)
    return Attachment(document_id, *found[0]) if found else None


def file_bytes(store: Store, document_id: str) -> tuple[str, bytes]:
    from peerdesk.store.models import DocumentFile

    with store.session() as s:
        row = s.get(DocumentFile, document_id)
        if row is None:
            raise UserError("No file is attached to that document.")
        return row.name, bytes(row.data)


# --- reading notes ----------------------------------------------------------------------------------------------


def note_id(document_id: str, member_id: str) -> str:
    return str(uuid.uuid5(uuid.UUID(document_id), f"reading-note:{member_id}"))


def my_note(store: Store, document_id: str) -> str:
    found = store.rows(
        "SELECT text FROM reading_notes WHERE id = ? AND NOT deleted", note_id(document_id, store.member_id)
    )
    return str(found[0][0]) if found else ""


def set_my_note(store: Store, document_id: str, text: str) -> Changes:
    from peerdesk.store.models import ReadingNote
    from peerdesk.store.uow import UnitOfWork

    if len(text) > MAX_NOTE:
        raise UserError(f"Reading notes are at most {MAX_NOTE} characters per document.")
    record_id = note_id(document_id, store.member_id)
    with UnitOfWork(store) as uow:
        _live_document(uow, document_id)
        row = uow.session.get(ReadingNote, record_id)
        if row is None:
            uow.add(ReadingNote, record_id, document_id=document_id, text=text)
            changed = True
        else:
            uow.restore(row)
            changed = uow.update(row, text=text)
        uow.commit()
    return Changes.of("reading_notes", ids=[record_id]) if changed else Changes()


def notes(store: Store, document_id: str) -> list[ReaderNote]:
    """Every reviewer's notes on the document, mine first."""
    with store.reading() as db:
        names = dict(db.execute("SELECT id, name FROM members"))
        rows = db.execute(
            "SELECT author_id, text FROM reading_notes WHERE NOT deleted AND document_id = ?", (document_id,)
        ).fetchall()
    out = [ReaderNote(names.get(author, "A reviewer"), text, author == store.member_id) for author, text in rows]
    return sorted((n for n in out if n.text.strip()), key=lambda n: (not n.mine, n.reviewer.lower()))


def listed(store: Store) -> list[tuple[str, str]]:
    """(id, title) of every document received, in the order they were received."""
    rows = store.rows("SELECT id, title FROM documents WHERE NOT deleted ORDER BY received, id")
    return [(doc_id, title or "Untitled document") for doc_id, title in rows]

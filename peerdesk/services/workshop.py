"""Day 2 afternoon: the workshop, recorded live by one facilitator while 4+ tables work.

What a table does, in order: responds to each insight (agree, disagree, amend, or adds a new one); proposes goals
(one central list, per insight); claims one goal (no two tables the same); writes ideas for it on post-its; picks
its top three actions. Then the host director names next steps and the room says what went well and what would
have made it even better.

Ids that two members could create independently for the same thing are derived (``uuid5``) so their bundles
merge into one record instead of two: a table's response to an insight, a table's action at rank n.

Removing a table does not cascade: its responses, claim and actions stay (tombstoned with it in spirit) and every
query here ignores records of removed tables. That keeps undo a single restore, and a merge cannot resurrect
half a table.

Here: the tables, their responses to the insights and their new insights, and the host director's notes. Goals,
claims, ideas and top actions are in ``workshop_goals``; the whole outcome, read at once, in ``workshop_outcome``.
"""

from __future__ import annotations

import uuid

from peerdesk.errors import UserError
from peerdesk.services import records
from peerdesk.services.changes import Changes
from peerdesk.services.workshop_outcome import (
    NOTE_KINDS,
    RESPONSES,
    InsightRow,
    NoteRow,
    TableRow,
    read_insights,
    read_notes,
    read_tables,
)
from peerdesk.store.engine import Store

# --- ids -------------------------------------------------------------------------------------------------------


def response_id(table_id: str, insight_id: str) -> str:
    """The one record holding a table's response to an insight, the same on every member's file."""
    return str(uuid.uuid5(uuid.UUID(table_id), insight_id))


def action_id(table_id: str, rank: int) -> str:
    return str(uuid.uuid5(uuid.UUID(table_id), f"top-action:{rank}"))


# --- tables --------------------------------------------------------------------------------------------------------


def tables(store: Store) -> list[TableRow]:
    with store.reading() as db:
        return read_tables(db)


def add_table(store: Store, name: str = "", *, table_id: str | None = None) -> tuple[str, Changes]:
    """Add a table (named "Table n" when no name is given); with ``table_id`` of a removed table, bring it back."""
    from peerdesk.store.models import WorkshopTable
    from peerdesk.store.uow import UnitOfWork

    with UnitOfWork(store) as uow:
        if table_id and (old := uow.session.get(WorkshopTable, table_id)) is not None:
            uow.restore(old)
            if name.strip():
                uow.update(old, name=name.strip())
            uow.commit()
            return old.id, Changes.of("workshop_tables", ids=[old.id])
        live = uow.query(WorkshopTable)
        position = max((t.position for t in live), default=0.0) + 1
        row = uow.add(WorkshopTable, table_id, name=name.strip() or f"Table {len(live) + 1}", position=position)
        return records.created(uow, row)


def rename_table(store: Store, table_id: str, name: str) -> Changes:
    from peerdesk.store.models import WorkshopTable

    return records.set_text(store, WorkshopTable, table_id, name, "A table needs a name.", column="name")


def remove_table(store: Store, table_id: str) -> Changes:
    from peerdesk.store.models import WorkshopTable

    # Its claim, responses and actions disappear from every view with it.
    return records.remove(store, WorkshopTable, table_id, "goals", "table_responses", "actions")


def restore_table(store: Store, table_id: str) -> Changes:
    return add_table(store, table_id=table_id)[1] | Changes.of("goals", "table_responses", "actions")


# --- responses to the insights ------------------------------------------------------------------------------------


def insights(store: Store) -> list[InsightRow]:
    with store.reading() as db:
        return read_insights(db)


def response(store: Store, table_id: str, insight_id: str) -> tuple[str, str]:
    """A table's (response, text) to an insight; ("", "") when it has not said yet."""
    from peerdesk.store.models import TableResponse

    with store.session() as s:
        row = s.get(TableResponse, response_id(table_id, insight_id))
        if row is None or row.deleted:
            return "", ""
        return row.response, row.text


def set_response(store: Store, table_id: str, insight_id: str, answer: str, text: str = "") -> Changes:
    """Record a table's agree / disagree / amend (with the amended text) for an insight; "" clears it."""
    from peerdesk.store.models import Insight, TableResponse, WorkshopTable
    from peerdesk.store.uow import UnitOfWork

    if answer not in ("", *RESPONSES[:3]):
        raise UserError(f"“{answer}” is not a response: use agree, disagree or amend.")
    text = text.strip()
    if answer == "amend" and not text:
        raise UserError("An amendment needs the amended wording.")
    rid = response_id(table_id, insight_id)
    with UnitOfWork(store) as uow:
        uow.get(WorkshopTable, table_id)
        uow.get(Insight, insight_id)
        row = uow.session.get(TableResponse, rid)
        if not answer:
            if row is None or row.deleted:
                return Changes()
            uow.delete(row)
        elif row is None:
            uow.add(TableResponse, rid, table_id=table_id, insight_id=insight_id, response=answer, text=text)
        else:
            uow.restore(row)
            uow.update(row, response=answer, text=text if answer == "amend" else "")
        uow.commit()
    return Changes.of("table_responses", ids=[rid])


def add_new_insight(store: Store, table_id: str, text: str, *, record_id: str | None = None) -> tuple[str, Changes]:
    """A table's new insight (a statement the team did not offer)."""
    from peerdesk.store.models import TableResponse, WorkshopTable
    from peerdesk.store.uow import UnitOfWork

    text = records.written(text, "Write the new insight first.")
    with UnitOfWork(store) as uow:
        uow.get(WorkshopTable, table_id)
        row = uow.add_or_restore(TableResponse, record_id, {"text": text}, {"table_id": table_id, "response": "new"})
        return records.created(uow, row)


def edit_new_insight(store: Store, record_id: str, text: str) -> Changes:
    from peerdesk.store.models import TableResponse

    return records.set_text(store, TableResponse, record_id, text, "A new insight cannot be empty; remove it instead.")


def remove_new_insight(store: Store, record_id: str) -> Changes:
    from peerdesk.store.models import TableResponse

    return records.remove(store, TableResponse, record_id)


# --- the host director's next steps; what went well / even better if -------------------------------------------


def notes(store: Store, kind: str) -> list[NoteRow]:
    with store.reading() as db:
        return read_notes(db).get(kind, [])


def add_note(store: Store, kind: str, text: str, *, note_id: str | None = None) -> tuple[str, Changes]:
    from peerdesk.store.models import WorkshopNote
    from peerdesk.store.uow import UnitOfWork

    if kind not in NOTE_KINDS:
        raise UserError(f"“{kind}” is not a kind of workshop note.")
    text = records.written(text, "Write the note first.")
    with UnitOfWork(store) as uow:
        row = uow.add_or_restore(
            WorkshopNote,
            note_id,
            {"text": text},
            {"kind": kind, "position": records.next_position(n.position for n in uow.query(WorkshopNote, kind=kind))},
        )
        return records.created(uow, row)


def edit_note(store: Store, note_id: str, text: str) -> Changes:
    from peerdesk.store.models import WorkshopNote

    return records.set_text(store, WorkshopNote, note_id, text, "A note cannot be empty; remove it instead.")


def remove_note(store: Store, note_id: str) -> Changes:
    from peerdesk.store.models import WorkshopNote

    return records.remove(store, WorkshopNote, note_id)

"""Interviews in the timetable: one to a cell, created, edited, moved (onto a taken cell the two swap, so a move is
undone by moving back), duplicated with their question plan, deleted and restored.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from peerdesk.errors import UserError
from peerdesk.services import approaches, records, timetable
from peerdesk.services.changes import Changes
from peerdesk.store import rules
from peerdesk.store.engine import Store

if TYPE_CHECKING:
    from peerdesk.store.models import Slot
    from peerdesk.store.uow import UnitOfWork

INTERVIEW_FIELDS = frozenset(
    {
        "slot_id",
        "team_id",
        "group_id",
        "approach",
        "interviewer_id",
        "note_taker_id",
        "interviewer_name",  # someone not on the roster (a host officer, an observer), when the id is empty
        "note_taker_name",
        "attendees",
        "title",
    }
)


def _check_interview_fields(fields: Mapping[str, Any]) -> None:
    unknown = set(fields) - INTERVIEW_FIELDS
    if unknown:
        raise ValueError(f"not interview fields: {sorted(unknown)}")
    if "approach" in fields and fields["approach"] and fields["approach"] not in approaches.APPROACHES:
        raise UserError(f"Unknown approach {fields['approach']!r}.")
    if "attendees" in fields and rules.check("interviews", "attendees", fields["attendees"]) is not None:
        raise UserError(f"The number attending must be a whole number between 0 and {rules.MAX_ATTENDEES}.")
    for name in ("title",):
        if name in fields and rules.check("interviews", name, fields[name]) is not None:
            raise UserError(f"An interview's {name} is at most {rules.rule('interviews', name).max_len} characters.")
    for name in ("interviewer_name", "note_taker_name"):
        if len(str(fields.get(name, ""))) > timetable.MAX_NAME:
            raise UserError(f"A name is at most {timetable.MAX_NAME} characters long.")


def _refuse_shared_row(slot: Slot) -> None:
    if slot.activity:
        raise UserError(f"{slot.starts} is kept for “{slot.activity}” across all teams: choose another time.")


def add_interview(store: Store, record_id: str | None = None, **fields: Any) -> tuple[str, Changes]:
    """Create an interview (or bring back a deleted one with the same id, for redo)."""
    from peerdesk.store.models import Interview
    from peerdesk.store.uow import UnitOfWork

    _check_interview_fields(fields)
    with UnitOfWork(store) as uow:
        _check_place(uow, fields.get("slot_id", ""), fields.get("team_id", ""), record_id)
        row = uow.add_or_restore(Interview, record_id, fields)
        return records.created(uow, row)


def _check_place(uow: UnitOfWork, slot_id: str, team_id: str, moving_id: str | None) -> None:
    from peerdesk.store.models import Interview, Slot, Team

    if slot_id:
        _refuse_shared_row(uow.get(Slot, slot_id))
    if team_id:
        uow.get(Team, team_id)
    if slot_id and team_id:
        for other in uow.query(Interview, slot_id=slot_id, team_id=team_id):
            if other.id != moving_id:
                raise UserError("That team already has an interview in that slot; move or delete it first.")


def update_interview(store: Store, interview_id: str, **fields: Any) -> Changes:
    from peerdesk.store.models import Interview
    from peerdesk.store.uow import UnitOfWork

    _check_interview_fields(fields)
    with UnitOfWork(store) as uow:
        row = uow.get(Interview, interview_id)
        if "slot_id" in fields or "team_id" in fields:
            _check_place(uow, fields.get("slot_id", row.slot_id), fields.get("team_id", row.team_id), row.id)
        changed = uow.update(row, **fields)
        uow.commit()
    return Changes.of("interviews", ids=[interview_id]) if changed else Changes()


def interview_fields(store: Store, interview_id: str) -> dict[str, Any]:
    from peerdesk.store.models import Interview

    with store.session() as s:
        row = records.live(s, Interview, interview_id, "That interview no longer exists (it may have been deleted).")
        return {name: getattr(row, name) for name in sorted(INTERVIEW_FIELDS)}


def move_interview(store: Store, interview_id: str, slot_id: str, team_id: str) -> Changes:
    """Put the interview in another cell; an interview already there takes the place this one left."""
    from peerdesk.store.models import Interview, Slot, Team
    from peerdesk.store.uow import UnitOfWork

    with UnitOfWork(store) as uow:
        row = uow.get(Interview, interview_id)
        _refuse_shared_row(uow.get(Slot, slot_id))
        uow.get(Team, team_id)
        origin = (row.slot_id, row.team_id)
        if origin == (slot_id, team_id):
            return Changes()
        ids = [row.id]
        for other in uow.query(Interview, slot_id=slot_id, team_id=team_id):
            uow.update(other, slot_id=origin[0], team_id=origin[1])
            ids.append(other.id)
        uow.update(row, slot_id=slot_id, team_id=team_id)
        uow.commit()
    return Changes.of("interviews", ids=ids)


def duplicate_interview(
    store: Store, interview_id: str, slot_id: str | None = None, team_id: str | None = None
) -> tuple[str, Changes]:
    """Copy an interview, with its planned questions (not ticked), into the given or the next free cell."""
    from peerdesk.store.models import Interview, InterviewQuestion
    from peerdesk.store.uow import UnitOfWork

    tt = timetable.timetable(store)
    source = interview_fields(store, interview_id)
    if slot_id is None or team_id is None:
        cell = timetable.free_cell(tt, source["slot_id"], source["team_id"])
        if cell is None:
            raise UserError("Every cell of the timetable is taken: add a slot or a team first.")
        slot_id, team_id = cell
    with UnitOfWork(store) as uow:
        _check_place(uow, slot_id, team_id, None)
        copy = uow.add(Interview, **{**source, "slot_id": slot_id, "team_id": team_id})
        plan = sorted(uow.query(InterviewQuestion, interview_id=interview_id), key=lambda q: q.position)
        for question in plan:
            record_id = closing_id(copy.id) if question.closing else None
            uow.add(
                InterviewQuestion,
                record_id,
                interview_id=copy.id,
                text=question.text,
                position=question.position,
                closing=question.closing,
            )
        uow.commit()
    return copy.id, Changes.of("interviews", "interview_questions", ids=[copy.id])


def closing_id(interview_id: str) -> str:
    """Each interview's catch-all question has one id everywhere, so two members' plans merge into one."""
    return str(uuid.uuid5(uuid.UUID(interview_id), "closing-question"))


def delete_interview(store: Store, interview_id: str) -> Changes:
    from peerdesk.store.models import Interview
    from peerdesk.store.uow import UnitOfWork

    with UnitOfWork(store) as uow:
        uow.delete(uow.get(Interview, interview_id))
        uow.commit()
    return Changes.of("interviews", ids=[interview_id])


def restore_interview(store: Store, interview_id: str) -> Changes:
    from peerdesk.store.models import Interview
    from peerdesk.store.uow import UnitOfWork

    with UnitOfWork(store) as uow:
        row = uow.get(Interview, interview_id, include_deleted=True)
        _check_place(uow, row.slot_id, row.team_id, row.id)
        uow.restore(row)
        uow.commit()
    return Changes.of("interviews", ids=[interview_id])

"""What every interview opens and closes with: a short checklist the interviewer ticks off in the room.

The items are data shipped with peerdesk (``resources/interview_checklist.json``): introductions, purpose, "critical
friends, not inspectors", length, non-attribution, quotes, confidentiality and deletion at the start; the
catch-all question, what happens next and thanks at the end. Ticks are shared records whose id is derived from the
interview and the item, so two members ticking the same item converge.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from functools import cache
from importlib import resources
from types import MappingProxyType

from peerdesk.errors import UserError
from peerdesk.services.changes import Changes
from peerdesk.store.engine import Store

RESOURCE = "interview_checklist.json"
PARTS = ("opening", "closing")
PART_TITLES = MappingProxyType({"opening": "Before the first question", "closing": "Before everyone leaves"})


@dataclass(frozen=True)
class CheckItem:
    key: str
    text: str
    part: str  # opening or closing


@dataclass(frozen=True)
class CheckState:
    item: CheckItem
    done: bool


@cache
def items() -> tuple[CheckItem, ...]:
    data = json.loads((resources.files("peerdesk.resources") / RESOURCE).read_text(encoding="utf-8"))
    found = tuple(CheckItem(raw["key"], raw["text"], part) for part in PARTS for raw in data[part])
    if len({i.key for i in found}) != len(found):
        raise ValueError(f"{RESOURCE}: two items share a key")
    return found


def part(name: str) -> tuple[CheckItem, ...]:
    return tuple(i for i in items() if i.part == name)


def check_id(interview_id: str, key: str) -> str:
    return str(uuid.uuid5(uuid.UUID(interview_id), f"check:{key}"))


def state(store: Store, interview_id: str) -> list[CheckState]:
    """Every item in order, opening first, with whether it is ticked for this interview."""
    from sqlalchemy import select

    from peerdesk.store.models import InterviewCheck

    with store.session() as s:
        stmt = select(InterviewCheck).where(
            InterviewCheck.deleted.is_(False), InterviewCheck.interview_id == interview_id
        )
        done = {row.key for row in s.scalars(stmt) if row.done}
    return [CheckState(item, item.key in done) for item in items()]


def set_done(store: Store, interview_id: str, key: str, done: bool) -> Changes:
    from peerdesk.store.models import Interview, InterviewCheck
    from peerdesk.store.uow import UnitOfWork

    if key not in {i.key for i in items()}:
        raise UserError("That checklist item is not known to this version of peerdesk.")
    record_id = check_id(interview_id, key)
    with UnitOfWork(store) as uow:
        uow.get(Interview, interview_id)
        row = uow.session.get(InterviewCheck, record_id)
        if row is None:
            uow.add(InterviewCheck, record_id, interview_id=interview_id, key=key, done=done)
        else:
            uow.restore(row)
            uow.update(row, done=done)
        uow.commit()
    return Changes.of("interview_checks", ids=[record_id])

"""Buds into solution ideas: on Day 2 morning half the team reads the buds and writes solution ideas from them,
and those ideas go into the afternoon's workshop as the tables' starting material.

A solution idea is a workshop note of its own kind (``solution_idea``), so it travels and merges like the
facilitator's other notes. The afternoon sees it on the projector (before the tables brainstorm, with the
brainstorming rules) and on each table's printed sheet.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from peerdesk.errors import UserError
from peerdesk.services import records, wall
from peerdesk.services.changes import Changes
from peerdesk.store.engine import Store

KIND = "solution_idea"  # one of store/rules.WORKSHOP_NOTE_KINDS
MAX_TEXT = 500
RULES = "brainstorming_rules.json"


@dataclass(frozen=True)
class Rules:
    title: str
    rules: tuple[str, ...]


@cache
def brainstorming_rules() -> Rules:
    data = json.loads((resources.files("peerdesk.resources") / RULES).read_text(encoding="utf-8"))
    return Rules(data["title"], tuple(data["rules"]))


@dataclass(frozen=True)
class SolutionIdea:
    id: str
    text: str


def ideas(store: Store) -> list[SolutionIdea]:
    from sqlalchemy import select

    from peerdesk.store.models import WorkshopNote

    with store.session() as s:
        stmt = (
            select(WorkshopNote)
            .where(WorkshopNote.deleted.is_(False), WorkshopNote.kind == KIND)
            .order_by(WorkshopNote.position, WorkshopNote.id)
        )
        return [SolutionIdea(n.id, n.text) for n in s.scalars(stmt)]


def buds(store: Store, postit_ids: Sequence[str]) -> list[str]:
    """The texts of the buds among ``postit_ids`` (other post-its are ignored)."""
    wanted = set(postit_ids)
    return [p.text for p in wall.load_wall(store).postits if p.id in wanted and p.kind == "bud"]


def add_ideas(store: Store, texts: Sequence[str]) -> tuple[list[str], Changes]:
    """Add solution ideas (one per non-empty line given), after those already written."""
    from peerdesk.store.models import WorkshopNote
    from peerdesk.store.uow import UnitOfWork

    cleaned = [" ".join(t.split()) for t in texts]
    cleaned = [t for t in cleaned if t]
    if not cleaned:
        raise UserError("Write at least one solution idea, one per line.")
    if any(len(t) > MAX_TEXT for t in cleaned):
        raise UserError(f"A solution idea is at most {MAX_TEXT} characters: split it into two.")
    with UnitOfWork(store) as uow:
        last = max((n.position for n in uow.query(WorkshopNote, kind=KIND)), default=0.0)
        ids = []
        for n, text in enumerate(cleaned, start=1):
            ids.append(uow.add(WorkshopNote, kind=KIND, text=text, position=last + n).id)
        uow.commit()
    return ids, Changes.of("workshop_notes", ids=ids)


def set_deleted(store: Store, note_ids: Sequence[str], deleted: bool) -> Changes:
    """Take away (or bring back) ideas added together: their undo and redo."""
    return records.set_deleted(store, {"workshop_notes": note_ids}, deleted)

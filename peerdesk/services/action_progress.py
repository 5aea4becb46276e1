"""The follow-up visit checks each action the workshop tables chose: who owns it, how far it has got, what evidence
the directors saw, and a note. One record per action, beside (never instead of) the workshop's own action."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from sqlalchemy import select

from peerdesk.errors import UserError
from peerdesk.services import records, workshop_outcome
from peerdesk.services.changes import Changes
from peerdesk.store.engine import Store
from peerdesk.store.models import Action, ActionProgress
from peerdesk.store.uow import UnitOfWork

STATUSES: Mapping[str, str] = MappingProxyType(
    {
        "": "Not looked at yet",
        "not_started": "Not started",
        "under_way": "Under way",
        "done": "Done",
        "dropped": "Dropped",
    }
)
FIELDS = ("owner", "status", "evidence", "note")
MAX_TEXT = 2000


@dataclass(frozen=True)
class ActionRow:
    """A workshop action (as the table left it) side by side with its progress at the follow-up."""

    action_id: str
    table: str
    goal: str
    rank: int
    action: str
    owner: str = ""
    status: str = ""
    evidence: str = ""
    note: str = ""

    @property
    def status_label(self) -> str:
        return STATUSES.get(self.status, self.status)


def progress_id(action_id: str) -> str:
    return str(uuid.uuid5(uuid.UUID(action_id), "follow-up progress"))


def rows(store: Store) -> list[ActionRow]:
    """Each table's top actions in table and rank order, with what the follow-up recorded about them."""
    o = workshop_outcome.outcome(store)
    with store.session() as s:
        found = {p.action_id: p for p in s.scalars(select(ActionProgress).where(ActionProgress.deleted.is_(False)))}
    out = []
    for table in o.tables:
        for action in o.actions.get(table.id, []):
            goal = o.goal(action.goal_id)
            p = found.get(action.id)
            extra = {f: getattr(p, f) for f in FIELDS} if p else {}
            out.append(ActionRow(action.id, table.name, goal.text if goal else "", action.rank, action.text, **extra))
    return out


def values(store: Store, action_id: str) -> dict[str, str]:
    with store.session() as s:
        row = s.get(ActionProgress, progress_id(action_id))
        if row is None or row.deleted:
            return {f: "" for f in FIELDS}
        return {f: getattr(row, f) for f in FIELDS}


def set_fields(store: Store, action_id: str, **fields: str) -> Changes:
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise UserError(f"Progress has no field {', '.join(sorted(unknown))}.")
    if "status" in fields and fields["status"] not in STATUSES:
        raise UserError(f"“{fields['status']}” is not a state of progress.")
    fields = {k: v.strip() for k, v in fields.items()}
    if any(len(v) > MAX_TEXT for v in fields.values()):
        raise UserError(f"Keep it under {MAX_TEXT} characters.")
    record_id = progress_id(action_id)
    with UnitOfWork(store) as uow:
        uow.get(Action, action_id)
        blank = {"action_id": action_id, **dict.fromkeys(FIELDS, "")}
        changed = records.put(uow, ActionProgress, record_id, fields, blank)
        uow.commit()
    return Changes.of("action_progress", ids=[record_id]) if changed else Changes()

"""The follow-up visit, about four months on: what changed, what each side learned, and the workshop's actions.

A review has one follow-up record. Its id is derived from the review id, so members who each start typing it
before they sync end up editing the same record (field by field, the later edit wins), not two.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from peerdesk.errors import UserError
from peerdesk.services import records, workshop_outcome
from peerdesk.services.changes import Changes
from peerdesk.store.engine import Store
from peerdesk.store.models import FollowUp
from peerdesk.store.uow import UnitOfWork

# (field, label, prompt) in our own words; the order of the meeting's agenda.
FIELDS: tuple[tuple[str, str, str], ...] = (
    (
        "what_changed",
        "What has changed",
        "Since the visit, what has the host authority done differently, and what difference has it made?",
    ),
    (
        "host_learned",
        "What the host learned",
        "What did the host director and their leaders take away from the challenge?",
    ),
    (
        "visitors_learned",
        "What the visitors learned",
        "What did the visiting and observing directors learn, and has it changed their own thinking?",
    ),
    ("wider_learning", "Wider learning", "What is worth passing on to other authorities in the region?"),
    (
        "process_feedback",
        "Feedback on the process",
        "What worked well in the way the review was run, and what should change next time?",
    ),
)
TEXT_FIELDS = tuple(f for f, _, _ in FIELDS)


@dataclass(frozen=True)
class FollowUpRecord:
    id: str
    meeting_date: str
    what_changed: str
    host_learned: str
    visitors_learned: str
    wider_learning: str
    process_feedback: str


@dataclass(frozen=True)
class ActionForReview:
    table: str
    goal: str
    rank: int
    text: str


def record_id(store: Store) -> str:
    return str(uuid.uuid5(uuid.UUID(store.review_id), "followup"))


def get(store: Store) -> FollowUpRecord:
    """The follow-up record; empty fields (and the review's planned follow-up date) when nothing is written yet."""
    rid = record_id(store)
    with store.session() as s:
        row = s.get(FollowUp, rid)
        if row is not None and not row.deleted:
            return FollowUpRecord(rid, row.meeting_date, *(getattr(row, f) for f in TEXT_FIELDS))
    # After the session above is closed: a second one open at the same time would need a second connection, and
    # each new SQLCipher connection derives the key again (a noticeable pause at start-up).
    from peerdesk.services import review

    planned = review.summary(store).followup_date
    return FollowUpRecord(rid, planned, "", "", "", "", "")


def set_fields(store: Store, **fields: str) -> Changes:
    """Write some of the record's fields (creating it on the first write)."""
    allowed = {"meeting_date", *TEXT_FIELDS}
    unknown = set(fields) - allowed
    if unknown:
        raise UserError(f"The follow-up record has no field {', '.join(sorted(unknown))}.")
    date = fields.get("meeting_date")
    if date:
        try:
            dt.date.fromisoformat(date)
        except ValueError:
            raise UserError(f"“{date}” is not a date (use YYYY-MM-DD).") from None
    rid = record_id(store)
    current = get(store)
    with UnitOfWork(store) as uow:
        changed = records.put(uow, FollowUp, rid, fields, {"meeting_date": current.meeting_date})
        uow.commit()
    return Changes.of("followup", ids=[rid]) if changed else Changes()


def actions_for_review(store: Store) -> list[ActionForReview]:
    """Each table's top actions from the workshop, in table and rank order: the follow-up checks on them."""
    o = workshop_outcome.outcome(store)
    out: list[ActionForReview] = []
    for table in o.tables:
        for action in o.actions.get(table.id, []):
            goal = o.goal(action.goal_id)
            out.append(ActionForReview(table.name, goal.text if goal else "", action.rank, action.text))
    return out

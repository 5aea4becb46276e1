"""The question bank (a set per approach, editable per review) and each interview's ordered plan.

Every plan ends with the same catch-all question: it is created with the plan, cannot be moved or removed, and
always sorts last. Plans are shared records, so the whole team sees what each interviewer intends to ask.
The default sets are seeded with ids derived from the review id, so every member's copy is the same record.
"""

from __future__ import annotations

import json
import uuid
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import TYPE_CHECKING

from peerdesk.errors import UserError
from peerdesk.services import approaches, records
from peerdesk.services.changes import Changes
from peerdesk.services.interviews import closing_id
from peerdesk.store.engine import Store

if TYPE_CHECKING:
    from peerdesk.store.uow import UnitOfWork

CLOSING_TEXT = "Before we finish: is there anything we have not asked about that you would like us to hear?"

DEFAULT_SETS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "transformational": (
            "Something you said sounds like a fixed fact. If it turned out not to be true, what would change?",
            "Think of the wisest leader you have worked with. What would they do next in this situation?",
            "How would a child or a family who uses the service tell this same story?",
            "Underneath everything we have talked about, what do you think is really driving this?",
            "Imagine looking back on today a year from now. What would you want to say to yourself?",
            "Which of the obstacles come from inside the service, and which from outside it?",
            "Leaving feelings aside, what do the facts tell you? "
            "And leaving the facts aside, what do your feelings say?",
        ),
        "ethnographic": (
            "Walk us through last week: where did your time go, and who did you spend it with?",
            "What were the best and the worst moments of that week, and what made them so?",
            "Tell us about a piece of work that went really well. What happened, step by step?",
            "Now tell us about one that was hard going. What got in the way?",
            "Which three words would you pick to describe your team?",
            "How has your view of this place changed since you first arrived?",
            "From 0 (very poor) to 10 (excellent), where would you put the service today? "
            "Why not two points lower, and what would lift it two points?",
        ),
        "appreciative": (
            "Tell us about a time you saw the service at its very best. What was going on?",
            "Think of a moment when a leader made you feel really supported. What did they do?",
            "What would the families you work with say they value most about your team?",
            "When have different teams or agencies pulled together especially well? What made that possible?",
            "What did you yourself bring that helped make that good moment happen?",
            "If you had three wishes for this service, what would they be?",
            "Five years from now things have improved in the ways that matter most. What is different, "
            "and how can you tell?",
        ),
        "solution-focused": (
            "What would you most like to be different as a result of this visit?",
            "Suppose things got better overnight. What is the first small sign you would notice the next morning?",
            "On a scale of 0 to 10, how close is the service to where you want it to be? What puts it there "
            "rather than lower?",
            "What would one point higher look like in day-to-day practice?",
            "When has something like this gone well before? What helped then?",
            "Which strengths, skills and resources are already in place that could help?",
            "Who else could help, and how could they be brought on board?",
            "What is one small step that could be taken in the next month?",
        ),
        "other": (
            "Could you tell us a little about your role and how long you have been in it?",
            "What is working well at the moment?",
            "What worries you most about the service?",
            "Can you give us a concrete example of that?",
        ),
    }
)


# Who a version of a question set is worded for (#20). Questions written before audiences existed have "".
AUDIENCES: Mapping[str, str] = MappingProxyType(
    {"families": "Children and families", "staff": "Staff and partners", "": "Anyone"}
)
FAMILY_SETS = "question_sets_families.json"


@dataclass(frozen=True)
class BankQuestion:
    id: str
    approach: str
    text: str
    position: float
    audience: str = ""


@dataclass(frozen=True)
class PlannedQuestion:
    id: str
    text: str
    position: float
    asked: bool
    closing: bool


def bank_id(review_id: str, approach: str, n: int) -> str:
    return str(uuid.uuid5(uuid.UUID(review_id), f"question:{approach}:{n}"))


@cache
def family_sets() -> dict[str, tuple[str, ...]]:
    """The children and families versions of each approach's set, shipped as data."""
    data = json.loads((resources.files("peerdesk.resources") / FAMILY_SETS).read_text(encoding="utf-8"))
    return {approach: tuple(texts) for approach, texts in data["families"].items()}


def family_bank_id(review_id: str, approach: str, n: int) -> str:
    return str(uuid.uuid5(uuid.UUID(review_id), f"question:{approach}:families:{n}"))


def seed_bank(uow: UnitOfWork, review_id: str) -> None:
    """Write the default question sets into a new review (inside the caller's unit of work): for each approach,
    a version for staff and partners and one for children and families."""
    from peerdesk.store.models import Question

    for approach, texts in DEFAULT_SETS.items():
        for n, text in enumerate(texts):
            uow.add(
                Question,
                bank_id(review_id, approach, n),
                approach=approach,
                text=text,
                position=float(n),
                audience="staff",
            )
    _seed_families(uow, review_id)


def _seed_families(uow: UnitOfWork, review_id: str) -> list[str]:
    """Add the children and families questions this review has never had (one removed on purpose stays removed)."""
    from peerdesk.store.models import Question

    added = []
    for approach, texts in family_sets().items():
        for n, text in enumerate(texts):
            record_id = family_bank_id(review_id, approach, n)
            if uow.session.get(Question, record_id) is None:
                uow.add(Question, record_id, approach=approach, text=text, position=float(n), audience="families")
                added.append(record_id)
    return added


def add_family_sets(store: Store) -> tuple[list[str], Changes]:
    """Give a review made before the children and families versions existed those sets."""
    from peerdesk.store.uow import UnitOfWork

    with UnitOfWork(store) as uow:
        added = _seed_families(uow, store.review_id)
        uow.commit()
    if not added:
        raise UserError("This review already has the children and families questions.")
    return added, Changes.of("questions", ids=added)


def set_questions_deleted(store: Store, ids: list[str], deleted: bool) -> Changes:
    """Take away (or bring back) questions added together: the undo and redo of ``add_family_sets``."""
    return records.set_deleted(store, {"questions": ids}, deleted)


# --- the bank ------------------------------------------------------------------------------------------------


def bank(store: Store, audience: str | None = None) -> dict[str, list[BankQuestion]]:
    """The review's question sets, by approach in the usual order, each set in its own order; with ``audience``
    only that version (``None``: every version, staff and partners first)."""
    from sqlalchemy import select

    from peerdesk.store.models import Question

    with store.session() as s:
        stmt = select(Question).where(Question.deleted.is_(False), Question.approach != "")
        if audience is not None:
            stmt = stmt.where(Question.audience == audience)
        rows = list(s.scalars(stmt))
    rank = {key: n for n, key in enumerate(("staff", "", "families"))}
    sets: dict[str, list[BankQuestion]] = {a: [] for a in approaches.APPROACHES}
    for row in sorted(rows, key=lambda r: (rank.get(r.audience, 3), r.position, r.id)):
        sets.setdefault(row.approach, []).append(
            BankQuestion(row.id, row.approach, row.text, row.position, row.audience)
        )
    return sets


def add_question(store: Store, approach: str, text: str, audience: str = "") -> tuple[str, Changes]:
    from peerdesk.store.models import Question
    from peerdesk.store.uow import UnitOfWork

    if approach not in approaches.APPROACHES:
        raise UserError(f"Unknown approach {approach!r}.")
    if audience not in AUDIENCES:
        raise UserError(f"Unknown audience {audience!r}.")
    text = text.strip()
    if not text:
        raise UserError("Write the question first.")
    with UnitOfWork(store) as uow:
        last = max((q.position for q in uow.query(Question, approach=approach, audience=audience)), default=-1.0)
        row = uow.add(Question, approach=approach, text=text, position=last + 1, audience=audience)
        return records.created(uow, row)


def key_questions(store: Store) -> list[str]:
    """The host's key questions for the review, in order, leaving out the ones not written yet."""
    from peerdesk.store.models import Review

    with store.session() as s:
        review = s.get(Review, store.review_id)
    if review is None:
        return []
    return [q.strip() for q in (review.key_question_1, review.key_question_2, review.key_question_3) if q.strip()]


# --- an interview's plan -----------------------------------------------------------------------------------


def plan(store: Store, interview_id: str) -> list[PlannedQuestion]:
    from sqlalchemy import select

    from peerdesk.store.models import InterviewQuestion

    with store.session() as s:
        rows = list(
            s.scalars(
                select(InterviewQuestion).where(
                    InterviewQuestion.deleted.is_(False), InterviewQuestion.interview_id == interview_id
                )
            )
        )
    rows.sort(key=lambda r: (r.closing, r.position, r.id))
    return [PlannedQuestion(r.id, r.text, r.position, r.asked, r.closing) for r in rows]


def plan_sizes(store: Store) -> Counter[str]:
    """How many questions each interview's plan holds, the closing one included."""
    return Counter(iid for (iid,) in store.rows("SELECT interview_id FROM interview_questions WHERE NOT deleted"))


def _ensure_closing(uow: UnitOfWork, interview_id: str) -> None:
    from peerdesk.store.models import InterviewQuestion

    record_id = closing_id(interview_id)
    row = uow.session.get(InterviewQuestion, record_id)
    if row is None:
        uow.add(InterviewQuestion, record_id, interview_id=interview_id, text=CLOSING_TEXT, closing=True)
    elif row.deleted:
        uow.restore(row)


def start_plan(store: Store, interview_id: str) -> Changes:
    """Give an interview its plan (the closing question), if it has none yet."""
    from peerdesk.store.models import Interview, InterviewQuestion
    from peerdesk.store.uow import UnitOfWork

    with UnitOfWork(store) as uow:
        uow.get(Interview, interview_id)
        before = uow.session.get(InterviewQuestion, closing_id(interview_id))
        if before is not None and not before.deleted:
            return Changes()
        _ensure_closing(uow, interview_id)
        uow.commit()
    return Changes.of("interview_questions", ids=[closing_id(interview_id)])


def add_to_plan(store: Store, interview_id: str, text: str, record_id: str | None = None) -> tuple[str, Changes]:
    """Append a question before the closing one; with ``record_id``, bring back that removed question (redo)."""
    from peerdesk.store.models import Interview, InterviewQuestion
    from peerdesk.store.uow import UnitOfWork

    text = text.strip()
    if not text:
        raise UserError("Write the question first.")
    with UnitOfWork(store) as uow:
        uow.get(Interview, interview_id)
        _ensure_closing(uow, interview_id)
        existing = uow.session.get(InterviewQuestion, record_id) if record_id else None
        if existing is not None:
            uow.restore(existing)
            row = existing
        else:
            planned = [q for q in uow.query(InterviewQuestion, interview_id=interview_id) if not q.closing]
            last = max((q.position for q in planned), default=-1.0)
            row = uow.add(InterviewQuestion, record_id, interview_id=interview_id, text=text, position=last + 1)
        return records.created(uow, row)


def remove_from_plan(store: Store, planned_id: str) -> Changes:
    from peerdesk.store.models import InterviewQuestion
    from peerdesk.store.uow import UnitOfWork

    with UnitOfWork(store) as uow:
        row = uow.get(InterviewQuestion, planned_id)
        if row.closing:
            raise UserError("The closing question stays on every plan.")
        uow.delete(row)
        uow.commit()
    return Changes.of("interview_questions", ids=[planned_id])


def move_in_plan(store: Store, planned_id: str, steps: int) -> Changes:
    """Move a question up (negative) or down the plan; the closing question stays last whatever happens."""
    from peerdesk.store.models import InterviewQuestion
    from peerdesk.store.uow import UnitOfWork

    with UnitOfWork(store) as uow:
        row = uow.get(InterviewQuestion, planned_id)
        if row.closing:
            raise UserError("The closing question is always asked last.")
        planned = sorted(
            (q for q in uow.query(InterviewQuestion, interview_id=row.interview_id) if not q.closing),
            key=lambda q: (q.position, q.id),
        )
        index = next(i for i, q in enumerate(planned) if q.id == row.id)
        target = max(0, min(len(planned) - 1, index + steps))
        if target == index:
            return Changes()
        planned.insert(target, planned.pop(index))
        ids = []
        for position, question in enumerate(planned):
            if uow.update(question, position=float(position)):
                ids.append(question.id)
        uow.commit()
    return Changes.of("interview_questions", ids=ids)


def set_asked(store: Store, planned_id: str, asked: bool) -> Changes:
    from peerdesk.store.models import InterviewQuestion
    from peerdesk.store.uow import UnitOfWork

    with UnitOfWork(store) as uow:
        changed = uow.update(uow.get(InterviewQuestion, planned_id), asked=asked)
        uow.commit()
    return Changes.of("interview_questions", ids=[planned_id]) if changed else Changes()

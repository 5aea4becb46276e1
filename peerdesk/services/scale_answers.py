"""0–10 scale answers given in an interview: what was rated, the answer and the reason, corrected in place, and
summarised per stakeholder group (never per person) for the presentation's methodology.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass

from peerdesk.errors import UserError
from peerdesk.services import records
from peerdesk.services.changes import Changes
from peerdesk.store import rules
from peerdesk.store.engine import Store


@dataclass(frozen=True)
class ScaleInfo:
    id: str
    question: str
    value: int
    reason: str


@dataclass(frozen=True)
class ScaleSummary:
    group: str
    question: str
    count: int
    mean: float
    median: float
    low: int
    high: int


def add_scale_answer(
    store: Store, interview_id: str, question: str, value: int, reason: str = "", *, record_id: str | None = None
) -> tuple[str, Changes]:
    from peerdesk.store.models import Interview, ScaleAnswer
    from peerdesk.store.uow import UnitOfWork

    value, question = _checked_value(value), _checked_question(question)
    with UnitOfWork(store) as uow:
        uow.get(Interview, interview_id)
        fields = {"interview_id": interview_id, "question": question, "value": value, "reason": reason.strip()}
        row = uow.add_or_restore(ScaleAnswer, record_id, {}, fields)  # a redo brings back the answer as it was
        return records.created(uow, row)


def scale_answer(store: Store, answer_id: str) -> ScaleInfo:
    from peerdesk.store.models import ScaleAnswer

    with store.session() as s:
        row = records.live(s, ScaleAnswer, answer_id, "That scale answer no longer exists (it may have been deleted).")
        return ScaleInfo(row.id, row.question, row.value, row.reason)


def update_scale_answer(
    store: Store, answer_id: str, *, question: str | None = None, value: int | None = None, reason: str | None = None
) -> Changes:
    """Correct a scale answer in place: what was rated, the 0–10 answer, the reason given."""
    from peerdesk.store.models import ScaleAnswer
    from peerdesk.store.uow import UnitOfWork

    fields: dict[str, object] = {}
    if value is not None:
        fields["value"] = _checked_value(value)
    if question is not None:
        fields["question"] = _checked_question(question)
    if reason is not None:
        fields["reason"] = reason.strip()
    with UnitOfWork(store) as uow:
        changed = uow.update(uow.get(ScaleAnswer, answer_id), **fields)
        uow.commit()
    return Changes.of("scale_answers", ids=[answer_id]) if changed else Changes()


def delete_scale_answer(store: Store, answer_id: str) -> Changes:
    return records.delete(store, "scale_answers", answer_id)


def scale_answers(store: Store, interview_id: str) -> list[ScaleInfo]:
    from sqlalchemy import select

    from peerdesk.store.models import ScaleAnswer

    with store.session() as s:
        rows = s.scalars(
            select(ScaleAnswer).where(ScaleAnswer.deleted.is_(False), ScaleAnswer.interview_id == interview_id)
        )
        # In the order they were recorded, which an edit must not change: the stamp of ``interview_id`` (written
        # once, when the answer is made) says when that was; ``updated`` moves with every edit.
        ordered = sorted(rows, key=lambda r: ((r.versions or {}).get("interview_id", r.updated), r.id))
        return [ScaleInfo(r.id, r.question, r.value, r.reason) for r in ordered]


def scale_summary(store: Store, *, by_question: bool = True) -> list[ScaleSummary]:
    """Scale answers summarised per stakeholder group, and per question asked (matched case-insensitively)
    unless ``by_question`` is false (then ``question`` says how many different questions were rated)."""
    from sqlalchemy import select

    from peerdesk.store.models import Interview, ScaleAnswer, StakeholderGroup

    with store.session() as s:
        groups = {g.id: g.name for g in s.scalars(select(StakeholderGroup))}
        group_of = {i.id: i.group_id for i in s.scalars(select(Interview).where(Interview.deleted.is_(False)))}
        answers = list(s.scalars(select(ScaleAnswer).where(ScaleAnswer.deleted.is_(False))))
    buckets: dict[tuple[str, str], list[int]] = {}
    wording: dict[tuple[str, str], str] = {}
    asked: dict[str, set[str]] = {}
    for answer in answers:
        if answer.interview_id not in group_of:
            continue
        group = groups.get(group_of[answer.interview_id], "") or "No group"
        key = (group, " ".join(answer.question.lower().split()) if by_question else "")
        buckets.setdefault(key, []).append(answer.value)
        wording.setdefault(key, answer.question.strip())
        if not by_question:
            asked.setdefault(group, set()).add(" ".join(answer.question.lower().split()))
    if not by_question:
        for group, questions in asked.items():
            wording[(group, "")] = f"{len(questions)} question{'s' if len(questions) != 1 else ''}"
    return [
        ScaleSummary(
            group=group,
            question=wording[(group, q)],
            count=len(values),
            mean=round(statistics.fmean(values), 1),
            median=float(statistics.median(values)),
            low=min(values),
            high=max(values),
        )
        for (group, q), values in sorted(buckets.items())
    ]


def _checked_value(value: int) -> int:
    if rules.check("scale_answers", "value", value) is not None:
        raise UserError("A scale answer is a whole number from 0 to 10.")
    return value


def _checked_question(question: str) -> str:
    question = question.strip()
    if not question:
        raise UserError("Say what was rated (for example “the service overall”).")
    return question

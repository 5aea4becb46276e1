"""The 0–10 scale answers heard in interviews, as means per stakeholder group for the deck's chart.

Safe for the people asked: a group that had fewer attendees than the review's traceability threshold would show
one or two people's own ratings, so such groups are combined into one bar ("Smaller groups combined"); when even
combined they are too few, their answers are left off the chart and the caption says how many. Groups whose
attendance was not recorded count as large enough, as they do for quotes (the pre-flight report names them).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sqlalchemy import select

from peerdesk.services import identifiability
from peerdesk.store.engine import Store
from peerdesk.store.models import Interview, ScaleAnswer, StakeholderGroup

MAX_QUESTIONS = 8  # more would not read on one slide: the most asked are charted
COMBINED = "Smaller groups combined"


@dataclass(frozen=True)
class ScaleMeans:
    questions: tuple[str, ...]
    groups: tuple[tuple[str, tuple[float | None, ...]], ...]  # (group, mean per question; None: not asked)
    answers: int  # answers charted
    interviews: int  # interviews they came from
    threshold: int
    combined: bool = False  # small groups were combined
    left_out: int = 0  # answers from groups too small even combined
    other_questions: int = 0  # questions asked less often, not charted

    def caption(self) -> str:
        def n(count: int, word: str) -> str:
            return f"{count} {word}{'' if count == 1 else 's'}"

        parts = [
            f"Mean answer on a 0–10 scale for each stakeholder group: {n(self.answers, 'answer')} heard in "
            f"{n(self.interviews, 'interview')}."
        ]
        if self.combined:
            parts.append(f"Groups of fewer than {self.threshold} people are combined, so no bar is one person's.")
        if self.left_out:
            parts.append(f"{n(self.left_out, 'answer')} from groups too small even combined are not shown.")
        if self.other_questions:
            parts.append(f"{n(self.other_questions, 'question')} asked less often are in the notes, not charted.")
        return " ".join(parts)


def _key(question: str) -> str:
    return " ".join(question.split()).casefold()


def gather(store: Store) -> ScaleMeans | None:
    """The means to chart, or None when no scale answers were recorded."""
    limit = identifiability.threshold(store)
    attendance = identifiability.group_attendance(store)
    with store.session() as s:
        names = {g.id: g.name for g in s.scalars(select(StakeholderGroup).where(StakeholderGroup.deleted.is_(False)))}
        order = {g.id: (float(g.position), g.name) for g in s.scalars(select(StakeholderGroup))}
        group_of = {i.id: i.group_id for i in s.scalars(select(Interview).where(Interview.deleted.is_(False)))}
        rows = [
            (group_of[a.interview_id], a.interview_id, " ".join(a.question.split()) or "Rating", a.value)
            for a in s.scalars(select(ScaleAnswer).where(ScaleAnswer.deleted.is_(False)))
            if a.interview_id in group_of and 0 <= a.value <= 10
        ]
    if not rows:
        return None
    small = {gid for gid, people in attendance.items() if 0 < people < limit}
    pooled_people = sum(attendance[gid] for gid in small if any(r[0] == gid for r in rows))
    shown = [r for r in rows if r[0] not in small or pooled_people >= limit]
    left_out = len(rows) - len(shown)
    counts = Counter(_key(r[2]) for r in shown)
    spelling: dict[str, str] = {}
    for _, _, question, _ in shown:
        spelling.setdefault(_key(question), question)
    keys = [k for k, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))][:MAX_QUESTIONS]
    bars: dict[str, dict[str, list[int]]] = {}
    for gid, _, question, value in shown:
        if _key(question) in keys:
            label = COMBINED if gid in small else names.get(gid, "Other")
            bars.setdefault(label, {}).setdefault(_key(question), []).append(value)
    labels = sorted(bars, key=lambda b: (b == COMBINED, next((order[g] for g in order if names.get(g) == b), (1e9, b))))
    groups = tuple(
        (label, tuple(round(sum(v) / len(v), 1) if (v := bars[label].get(k)) else None for k in keys))
        for label in labels
    )
    charted = [r for r in shown if _key(r[2]) in keys]
    return ScaleMeans(
        questions=tuple(spelling[k] for k in keys),
        groups=groups,
        answers=len(charted),
        interviews=len({r[1] for r in charted}),
        threshold=limit,
        combined=any(r[0] in small for r in charted),
        left_out=left_out,
        other_questions=max(0, len(counts) - MAX_QUESTIONS),
    )

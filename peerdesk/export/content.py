"""What goes into the presentation, read from the review as plain data (the renderer never touches the store).

Nothing here can name a person: interviews are counted per stakeholder group, quotes carry only their group,
and the team is a number. Quotes the team decided to leave out (the non-attribution guard's "exclude") never
enter; quotes the guard flagged and nobody has decided on stop the export until someone does.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from peerdesk.errors import PeerdeskError
from peerdesk.export import scales
from peerdesk.export.scales import ScaleMeans
from peerdesk.services import approaches as approach_service
from peerdesk.services import insight_evidence
from peerdesk.services import insights as insight_service
from peerdesk.services import review as review_service
from peerdesk.store.engine import Store
from peerdesk.store.models import (
    Insight,
    InsightQuote,
    Interview,
    Member,
    PostIt,
    Quote,
    ScaleAnswer,
    StakeholderGroup,
    Theme,
    WorkshopNote,
)

THEME_QUOTES = 2  # quotes shown under each theme
KINDS = ("rose", "thorn", "bud")
PEER_ROLES = ("lead", "reviewer")  # the host officer and the observer are on the team but are not peers
SO_WHAT = (
    ("meaning", "What does it mean?"),
    ("importance", "Why does it matter?"),
    ("cause", "What causes it?"),
    ("leadership_role", "What is leadership's role?"),
    ("implications", "What are the implications?"),
)


class UndecidedQuotes(PeerdeskError):
    """Quotes the guard flagged are chosen for the presentation and nobody has decided whether they may go in."""

    def __init__(self, quote_ids: list[str]) -> None:
        self.quote_ids = quote_ids
        n = len(quote_ids)
        super().__init__(
            f"{n} quote{'s' if n != 1 else ''} chosen for the presentation "
            f"{'were' if n != 1 else 'was'} flagged as possibly identifying someone (by the confidentiality check, "
            "or because their stakeholder group was too small). Decide for each whether it "
            "may go in (keep) or must stay out (leave out), then build the presentation again."
        )


@dataclass(frozen=True)
class DeckQuote:
    id: str
    text: str
    group: str


@dataclass(frozen=True)
class DeckTheme:
    heading: str
    postits: int
    quotes: tuple[DeckQuote, ...]


@dataclass(frozen=True)
class InsightEvidence:
    """What the person presenting an insight can say about its evidence (speaker notes)."""

    postits: int = 0
    groups: int = 0  # stakeholder groups behind its post-its' and illustrating quotes
    checked: bool = False  # the observer ticked "evidence checked"
    so_what: tuple[tuple[str, str], ...] = ()  # (question, answer)
    scale_answers: tuple[str, ...] = ()


@dataclass(frozen=True)
class DeckInsight:
    number: int
    statement: str
    description: str
    quotes: tuple[DeckQuote, ...]
    evidence: InsightEvidence = InsightEvidence()


@dataclass(frozen=True)
class GroupCount:
    group: str
    interviews: int
    people: int  # 0 when attendance was not recorded


@dataclass(frozen=True)
class Deck:
    authority: str
    focus: str
    dates: str
    aim: str
    key_questions: tuple[str, ...]
    groups: tuple[GroupCount, ...]
    approaches: tuple[tuple[str, int], ...]  # (approach, interviews)
    team_size: int
    interviews: int
    quotes: int
    postits: dict[str, int]  # per kind
    themes: tuple[DeckTheme, ...]
    insights: tuple[DeckInsight, ...]
    next_steps: tuple[str, ...]
    left_out: int = 0  # quotes kept out by a confidentiality decision
    extra: dict[str, str] = field(default_factory=dict)
    scales: ScaleMeans | None = None  # the interviews' 0–10 answers per stakeholder group

    @property
    def quote_ids(self) -> set[str]:
        ids = {q.id for t in self.themes for q in t.quotes}
        return ids | {q.id for i in self.insights for q in i.quotes}


def format_dates(start: str, end: str) -> str:
    """ "10–11 March 2026", "30 March – 1 April 2026", or one date; empty when the visit has no dates."""
    if not start:
        return ""
    a = dt.date.fromisoformat(start)
    b = dt.date.fromisoformat(end) if end else a
    if a == b:
        return f"{a.day} {a:%B %Y}"
    if (a.year, a.month) == (b.year, b.month):
        return f"{a.day}–{b.day} {b:%B %Y}"
    if a.year == b.year:
        return f"{a.day} {a:%B} – {b.day} {b:%B %Y}"
    return f"{a.day} {a:%B %Y} – {b.day} {b:%B %Y}"


def candidate_quotes(store: Store) -> dict[str, str]:
    """Every quote that could appear (an insight's or one behind a themed post-it): id → text, for the guard."""
    with store.session() as s:
        ids = set(s.scalars(select(InsightQuote.quote_id).where(InsightQuote.deleted.is_(False))))
        ids |= set(
            s.scalars(
                select(PostIt.quote_id).where(PostIt.deleted.is_(False), PostIt.theme_id != "", PostIt.quote_id != "")
            )
        )
        if not ids:
            return {}
        return {q.id: q.text for q in s.scalars(select(Quote).where(Quote.id.in_(ids), Quote.deleted.is_(False)))}


def gather(store: Store, *, flagged: Collection[str] = (), exclude: Collection[str] = ()) -> Deck:
    """Read the deck's content. ``flagged``: quote ids the guard flagged; ``exclude``: ids to leave out now.

    A flagged quote decided "keep" goes in; decided "exclude" (or listed in ``exclude``) stays out. An insight's
    illustrating quote that is flagged and undecided raises ``UndecidedQuotes``; a theme's quotes are picked
    among those that need no decision.
    """
    summary = review_service.summary(store)
    with store.session() as s:
        groups = {g.id: g for g in s.scalars(select(StakeholderGroup).where(StakeholderGroup.deleted.is_(False)))}
        quotes = {q.id: q for q in s.scalars(select(Quote).where(Quote.deleted.is_(False)))}
        decided_out = {qid for qid, q in quotes.items() if q.guard_decision == "exclude"} | set(exclude)
        kept = {qid for qid, q in quotes.items() if q.guard_decision == "keep"}
        pick = _Picker(quotes, groups, decided_out, set(flagged) - decided_out - kept)
        interviews = list(s.scalars(select(Interview).where(Interview.deleted.is_(False))))
        postits = list(s.scalars(select(PostIt).where(PostIt.deleted.is_(False), PostIt.kind.in_(KINDS))))
        team = len(
            list(
                s.scalars(
                    select(Member.id).where(
                        Member.deleted.is_(False), Member.removed.is_(False), Member.role.in_(PEER_ROLES)
                    )
                )
            )
        )
        deck_insights = _insights(store, s, pick)
        deck_themes = _themes(s, pick)
        next_steps = _next_steps(s)
    approaches = Counter(approach_service.LABELS.get(i.approach, i.approach) for i in interviews if i.approach)
    return Deck(
        authority=summary.authority,
        focus=summary.focus,
        dates=format_dates(summary.visit_start, summary.visit_end),
        aim=summary.aim.strip(),
        key_questions=tuple(q.strip() for q in summary.key_questions if q.strip()),
        groups=_group_counts(groups, interviews),
        approaches=tuple(sorted(approaches.items(), key=lambda kv: (-kv[1], kv[0]))),
        team_size=team,
        interviews=len(interviews),
        quotes=len(quotes),
        postits={kind: sum(1 for p in postits if p.kind == kind) for kind in KINDS},
        themes=deck_themes,
        insights=deck_insights,
        next_steps=next_steps,
        left_out=len(decided_out & set(quotes)),
        scales=scales.gather(store),
    )


@dataclass
class _Picker:
    """Which quotes may go on a slide, and which are already on one (a quote appears once)."""

    quotes: dict[str, Quote]
    groups: dict[str, StakeholderGroup]
    decided_out: set[str]
    undecided: set[str]
    used: set[str] = field(default_factory=set)

    def usable(self, qid: str) -> bool:
        return qid in self.quotes and qid not in self.decided_out and qid not in self.undecided

    def deck_quote(self, qid: str) -> DeckQuote:
        q = self.quotes[qid]
        group = self.groups.get(q.group_id)
        self.used.add(qid)
        return DeckQuote(qid, " ".join(q.text.split()), group.name if group else "")


def _group_counts(groups: dict[str, StakeholderGroup], interviews: list[Interview]) -> tuple[GroupCount, ...]:
    per_group: dict[str, list[Interview]] = {}
    for interview in interviews:
        per_group.setdefault(interview.group_id, []).append(interview)
    ordered = sorted(
        per_group, key=lambda gid: (groups[gid].position, groups[gid].name) if gid in groups else (1e9, "")
    )
    return tuple(
        GroupCount(groups[gid].name if gid in groups else "Other", len(rows), sum(r.attendees for r in rows))
        for gid, rows in ((g, per_group[g]) for g in ordered)
    )


def _insights(store: Store, s: Any, pick: _Picker) -> tuple[DeckInsight, ...]:
    """Insights, in their order, with their illustrating quotes; raises ``UndecidedQuotes`` for flagged ones."""
    deck_insights: list[DeckInsight] = []
    blocked: list[str] = []
    for row in insight_service.list_insights(store):
        chosen: list[DeckQuote] = []
        illustrating = insight_service.quotes_of(store, row.id)
        for view in illustrating:
            if view.id in pick.undecided:
                blocked.append(view.id)
            elif pick.usable(view.id) and view.id not in pick.used:
                chosen.append(pick.deck_quote(view.id))
        deck_insights.append(
            DeckInsight(
                row.number,
                row.statement.strip(),
                row.description.strip(),
                tuple(chosen),
                _evidence(store, s, row, pick.quotes, {v.id for v in illustrating}),
            )
        )
    if blocked:
        raise UndecidedQuotes(sorted(set(blocked)))
    return tuple(deck_insights)


def _themes(s: Any, pick: _Picker) -> tuple[DeckTheme, ...]:
    """Themes with post-its, biggest first, each with up to two clean quotes not already on a slide."""
    themes = list(s.scalars(select(Theme).where(Theme.deleted.is_(False), Theme.goal_id == "")))
    by_theme: dict[str, list[PostIt]] = {}
    for p in s.scalars(select(PostIt).where(PostIt.deleted.is_(False), PostIt.theme_id != "")):
        by_theme.setdefault(p.theme_id, []).append(p)
    deck_themes: list[DeckTheme] = []
    for theme in sorted(themes, key=lambda t: (-len(by_theme.get(t.id, [])), t.heading.lower())):
        members = by_theme.get(theme.id, [])
        if not members or not theme.heading.strip():
            continue
        pool: list[str] = []
        for p in sorted(members, key=lambda p: (p.position, p.id)):
            if pick.usable(p.quote_id) and p.quote_id not in pick.used and p.quote_id not in pool:
                pool.append(p.quote_id)
        # Starred first, then shorter ones (they read aloud well).
        pool.sort(key=lambda qid: (not pick.quotes[qid].starred, len(pick.quotes[qid].text) > 220))
        chosen = tuple(pick.deck_quote(q) for q in pool[:THEME_QUOTES])
        deck_themes.append(DeckTheme(theme.heading.strip(), len(members), chosen))
    return tuple(deck_themes)


def _next_steps(s: Any) -> tuple[str, ...]:
    return tuple(
        n.text.strip()
        for n in s.scalars(
            select(WorkshopNote)
            .where(WorkshopNote.deleted.is_(False), WorkshopNote.kind == "next_step")
            .order_by(WorkshopNote.position, WorkshopNote.id)
        )
        if n.text.strip()
    )


def _evidence(
    store: Store, s: Any, row: insight_service.InsightSummary, quotes: dict[str, Quote], illustrating: set[str]
) -> InsightEvidence:
    evidence = insight_evidence.evidence(store, row.id)
    record = s.get(Insight, row.id)  # its "so what?" answers, read in the session already open
    quote_ids = {q.id for q in evidence.quotes} | illustrating
    groups = {quotes[qid].group_id for qid in quote_ids if qid in quotes}
    heard_in = {quotes[qid].interview_id for qid in quote_ids if qid in quotes}
    scale = []
    if heard_in:
        for answer in s.scalars(
            select(ScaleAnswer).where(ScaleAnswer.deleted.is_(False), ScaleAnswer.interview_id.in_(heard_in))
        ):
            reason = f" ({' '.join(answer.reason.split())})" if answer.reason.strip() else ""
            scale.append(f"{answer.question.strip() or 'Rating'}: {answer.value}/10{reason}")
    so_what = tuple((label, " ".join(str(getattr(record, key, "") or "").split())) for key, label in SO_WHAT)
    return InsightEvidence(
        postits=len(evidence.postits),
        groups=len(groups),
        checked=row.evidence_checked,
        so_what=tuple((label, answer) for label, answer in so_what if answer),
        scale_answers=tuple(sorted(scale)),
    )

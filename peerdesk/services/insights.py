"""Day 2 morning: turning themes into insights, answering "so what?", and choosing the quotes that back them.

An insight is a statement of what seems to be happening (not a goal), a short description for people outside
the team, the five "so what?" answers, the themes it grew from and one or two illustrating quotes. Links to
themes and quotes are records with ids derived from both ends, so two members who link the same pair converge
on one record when their files merge; taking a quote off an insight tombstones the link, never the quote.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from peerdesk.errors import UserError
from peerdesk.services.changes import Changes
from peerdesk.store.engine import Store
from peerdesk.store.models import (
    Insight,
    InsightQuote,
    InsightTheme,
    PostIt,
    Quote,
    Shared,
    StakeholderGroup,
    Theme,
)
from peerdesk.store.uow import UnitOfWork

TARGET_MIN, TARGET_MAX = 4, 6
QUOTES_ADVISED = 2

# The five "so what?" questions, in our words: field name, short label, the prompt beside the answer box.
SO_WHAT: tuple[tuple[str, str, str], ...] = (
    ("meaning", "What it means", "Taken together, what do these post-its tell us about this service?"),
    ("importance", "Why it matters", "Why has this come to matter so much, and to whom?"),
    ("cause", "What caused it", "What has brought this about: history, structures, habits, pressures?"),
    ("leadership_role", "Leadership's part", "How have leaders' choices and behaviour shaped it, for better or worse?"),
    ("implications", "For leadership now", "What does this ask of the leaders of this service from here on?"),
)
SO_WHAT_FIELDS = tuple(name for name, _, _ in SO_WHAT)
TEXT_FIELDS = ("statement", "description", *SO_WHAT_FIELDS)
EDITABLE_FIELDS = frozenset({*TEXT_FIELDS, "evidence_checked"})

INSIGHT_TABLES = ("insights", "insight_themes", "insight_quotes")


# --- reading ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class QuoteView:
    id: str
    text: str
    group: str  # the stakeholder group's name: who said it is never recorded
    kind: str = ""
    starred: bool = False


@dataclass(frozen=True)
class PostItView:
    id: str
    kind: str
    text: str
    quote_id: str


@dataclass(frozen=True)
class InsightSummary:
    id: str
    number: int  # 1-based, in presentation order
    statement: str
    description: str
    evidence_checked: bool
    quote_count: int
    theme_headings: tuple[str, ...]

    @property
    def goal_hint(self) -> str | None:
        return goal_hint(self.statement)


@dataclass(frozen=True)
class InsightDetail:
    id: str
    fields: dict[str, Any]  # every editable field's value
    themes: tuple[tuple[str, str], ...]  # (theme id, heading)
    quotes: tuple[QuoteView, ...]  # illustrating quotes, in order


@dataclass(frozen=True)
class Evidence:
    """What backs an insight: its themes' post-its and the quotes those post-its came from."""

    postits: tuple[PostItView, ...]
    quotes: tuple[QuoteView, ...]
    theme_headings: tuple[str, ...] = field(default=())


def list_insights(store: Store) -> list[InsightSummary]:
    with store.session() as s:
        insights = list(
            s.scalars(select(Insight).where(Insight.deleted.is_(False)).order_by(Insight.position, Insight.id))
        )
        live_quotes = set(s.scalars(select(Quote.id).where(Quote.deleted.is_(False))))
        counts: dict[str, int] = {}
        for link in s.scalars(select(InsightQuote).where(InsightQuote.deleted.is_(False))):
            if link.quote_id in live_quotes:
                counts[link.insight_id] = counts.get(link.insight_id, 0) + 1
        headings = _theme_headings(s)
        return [
            InsightSummary(
                id=row.id,
                number=n,
                statement=row.statement,
                description=row.description,
                evidence_checked=row.evidence_checked,
                quote_count=counts.get(row.id, 0),
                theme_headings=tuple(headings.get(row.id, ())),
            )
            for n, row in enumerate(insights, start=1)
        ]


def _theme_headings(s: Any) -> dict[str, list[str]]:
    stmt = (
        select(InsightTheme.insight_id, Theme.heading)
        .join(Theme, Theme.id == InsightTheme.theme_id)
        .where(InsightTheme.deleted.is_(False), Theme.deleted.is_(False))
        .order_by(Theme.heading)
    )
    found: dict[str, list[str]] = {}
    for insight_id, heading in s.execute(stmt):
        found.setdefault(insight_id, []).append(heading)
    return found


def detail(store: Store, insight_id: str) -> InsightDetail:
    with store.session() as s:
        row = s.get(Insight, insight_id)
        if row is None or row.deleted:
            raise UserError("That insight no longer exists (it may have been deleted).")
        themes = s.execute(
            select(Theme.id, Theme.heading)
            .join(InsightTheme, InsightTheme.theme_id == Theme.id)
            .where(InsightTheme.insight_id == insight_id, InsightTheme.deleted.is_(False), Theme.deleted.is_(False))
            .order_by(Theme.heading)
        ).all()
        return InsightDetail(
            id=row.id,
            fields={name: getattr(row, name) for name in sorted(EDITABLE_FIELDS)},
            themes=tuple((t[0], t[1]) for t in themes),
            quotes=tuple(_insight_quotes(s, insight_id)),
        )


def quotes_of(store: Store, insight_id: str) -> list[QuoteView]:
    with store.session() as s:
        return _insight_quotes(s, insight_id)


def _insight_quotes(s: Any, insight_id: str) -> list[QuoteView]:
    stmt = (
        select(Quote)
        .join(InsightQuote, InsightQuote.quote_id == Quote.id)
        .where(InsightQuote.insight_id == insight_id, InsightQuote.deleted.is_(False), Quote.deleted.is_(False))
        .order_by(InsightQuote.position, InsightQuote.id)
    )
    groups = _group_names(s)
    return [_quote_view(q, groups) for q in s.scalars(stmt)]


def _group_names(s: Any) -> dict[str, str]:
    return {gid: name for gid, name in s.execute(select(StakeholderGroup.id, StakeholderGroup.name))}


def _quote_view(q: Quote, groups: dict[str, str]) -> QuoteView:
    return QuoteView(id=q.id, text=q.text, group=groups.get(q.group_id, ""), kind=q.kind, starred=q.starred)


def evidence(store: Store, insight_id: str) -> Evidence:
    """The post-its of the insight's themes and their linked quotes, starred quotes first."""
    with store.session() as s:
        theme_rows = s.execute(
            select(Theme.id, Theme.heading)
            .join(InsightTheme, InsightTheme.theme_id == Theme.id)
            .where(InsightTheme.insight_id == insight_id, InsightTheme.deleted.is_(False), Theme.deleted.is_(False))
            .order_by(Theme.heading)
        ).all()
        theme_ids = [t[0] for t in theme_rows]
        return _evidence_of_themes(s, theme_ids, tuple(t[1] for t in theme_rows))


def theme_evidence(store: Store, theme_id: str) -> Evidence:
    with store.session() as s:
        theme = s.get(Theme, theme_id)
        heading = (theme.heading,) if theme is not None else ()
        return _evidence_of_themes(s, [theme_id], heading)


def _evidence_of_themes(s: Any, theme_ids: list[str], headings: tuple[str, ...]) -> Evidence:
    if not theme_ids:
        return Evidence((), (), headings)
    postits = list(
        s.scalars(
            select(PostIt)
            .where(PostIt.theme_id.in_(theme_ids), PostIt.deleted.is_(False))
            .order_by(PostIt.kind, PostIt.position, PostIt.id)
        )
    )
    quote_ids = [p.quote_id for p in postits if p.quote_id]
    groups = _group_names(s)
    quotes: list[QuoteView] = []
    if quote_ids:
        rows = s.scalars(select(Quote).where(Quote.id.in_(quote_ids), Quote.deleted.is_(False)))
        by_id = {q.id: q for q in rows}
        seen: set[str] = set()
        for qid in quote_ids:
            if qid in by_id and qid not in seen:
                seen.add(qid)
                quotes.append(_quote_view(by_id[qid], groups))
        quotes.sort(key=lambda q: not q.starred)  # stable: post-it order within starred / unstarred
    return Evidence(
        postits=tuple(PostItView(p.id, p.kind, p.text, p.quote_id) for p in postits),
        quotes=tuple(quotes),
        theme_headings=headings,
    )


def all_quotes(store: Store) -> list[QuoteView]:
    """Every live quote (for picking an illustration beyond the themes' own evidence)."""
    with store.session() as s:
        groups = _group_names(s)
        stmt = select(Quote).where(Quote.deleted.is_(False)).order_by(Quote.starred.desc(), Quote.group_id, Quote.id)
        return [_quote_view(q, groups) for q in s.scalars(stmt)]


def themes(store: Store) -> list[tuple[str, str, int]]:
    """(id, heading, post-it count) of every live theme, for "turn a theme into an insight"."""
    with store.session() as s:
        rows = list(
            s.scalars(
                # a goal's idea wall has themes too; only the Day 2 wall's grow into insights
                select(Theme).where(Theme.deleted.is_(False), Theme.goal_id == "").order_by(Theme.heading, Theme.id)
            )
        )
        counts: dict[str, int] = {}
        for theme_id in s.scalars(select(PostIt.theme_id).where(PostIt.deleted.is_(False), PostIt.theme_id != "")):
            counts[theme_id] = counts.get(theme_id, 0) + 1
        return [(t.id, t.heading, counts.get(t.id, 0)) for t in rows]


def order(store: Store) -> list[str]:
    return [i.id for i in list_insights(store)]


# --- gentle checks ----------------------------------------------------------------------------------------------

# Verbs that open an instruction rather than a description ("Improve the front door", "Ensure that...").
_IMPERATIVES = (
    "improve|ensure|develop|create|make|increase|reduce|build|establish|introduce|strengthen|deliver|implement|"
    "provide|embed|invest|prioritise|prioritize|focus|streamline|recruit|retain|raise|tackle|change|stop|start|"
    "set|put|give|share|review|align|clarify|agree|communicate|empower|enable|support|listen|involve|use|adopt|"
    "simplify|fix|address|promote|encourage|celebrate|consider|continue|keep|maintain|train|refresh|rethink|"
    "redesign|restructure|reconsider|reinforce|boost|expand|grow|extend|bring|let|get|take|do"
)
_GOAL_OPENINGS = re.compile(
    rf"""^\s*(?:
        (?:we|they|you|leaders|managers|the\s+(?:council|service|authority|leadership(?:\s+team)?))\s+
            (?:should|must|need\s+to|needs\s+to|ought\s+to|have\s+to|has\s+to|will\s+need\s+to)\b
      | (?:need|needs)\s+to\b
      | let'?s\b
      | there\s+(?:should|must)\s+be\b
      | (?:{_IMPERATIVES})\b
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_GOAL_ANYWHERE = re.compile(r"\b(?:should|must|ought\s+to)\b", re.IGNORECASE)
_REPORTED = re.compile(r"\b(?:feel|feels|felt|think|thinks|believe|believes|say|says|said|told|fear|fears)\b", re.I)


def goal_hint(statement: str) -> str | None:
    """A gentle nudge when a statement reads like a goal; ``None`` when it reads like a description.

    Only a nudge: the team decides. Reported views ("Managers feel they must firefight") are descriptions.
    """
    text = statement.strip()
    if not text:
        return None
    first = re.split(r"(?<=[.!?])\s+", text, maxsplit=1)[0]
    match = _GOAL_OPENINGS.match(first)
    if match is None and _GOAL_ANYWHERE.search(first) and not _REPORTED.search(first):
        match = _GOAL_ANYWHERE.search(first)
    if match is None:
        return None
    opening = " ".join(match.group(0).split()).capitalize()
    return (
        f"“{opening}…” reads like a goal. An insight describes what seems to be happening now; "
        "goals come from the workshop this afternoon."
    )


def quote_warning(quote_count: int) -> str | None:
    if quote_count == 0:
        return "No quote yet: add one or two that show this insight in people's own words."
    if quote_count > QUOTES_ADVISED:
        return f"{quote_count} quotes: one or two strong ones usually land better on a slide."
    return None


@dataclass(frozen=True)
class Target:
    count: int
    state: str  # "short", "on-target", "over"
    text: str


def target(count: int) -> Target:
    aim = f"aim for {TARGET_MIN}–{TARGET_MAX}"
    noun = "insight" if count == 1 else "insights"
    if count < TARGET_MIN:
        return Target(count, "short", f"{count} {noun} · {aim}")
    if count <= TARGET_MAX:
        return Target(count, "on-target", f"{count} {noun} · on target ({TARGET_MIN}–{TARGET_MAX})")
    return Target(count, "over", f"{count} {noun} · more than {TARGET_MAX}: could any be merged?")


# --- writing ----------------------------------------------------------------------------------------------------


def link_id(a: str, b: str, kind: str) -> str:
    """The same link on every member's file, so links made twice merge into one."""
    return str(uuid.uuid5(uuid.UUID(a), f"{kind}:{b}"))


def create_insight(
    store: Store, insight_id: str, *, theme_id: str | None = None, statement: str | None = None
) -> Changes:
    """Create an insight (from a theme when given), last in the order; with an existing id, bring it back (redo)."""
    with UnitOfWork(store) as uow:
        existing = uow.session.get(Insight, insight_id)
        if existing is not None:
            uow.restore(existing)
            row = existing
        else:
            heading = ""
            if theme_id:
                heading = _day2_theme(uow, theme_id).heading
            positions = [i.position for i in uow.query(Insight)]
            row = uow.add(
                Insight,
                insight_id,
                statement=statement if statement is not None else heading,
                position=(max(positions) + 1.0) if positions else 0.0,
            )
        ids = [row.id]
        if theme_id:
            ids.append(_link_theme(uow, insight_id, theme_id))
        uow.commit()
    return Changes.of("insights", "insight_themes", ids=ids)


def delete_insight(store: Store, insight_id: str) -> Changes:
    """A tombstone; its theme and quote links stay so that undo brings the insight back whole."""
    with UnitOfWork(store) as uow:
        uow.delete(uow.get(Insight, insight_id))
        uow.commit()
    return Changes.of("insights", ids=[insight_id])


def set_fields(store: Store, insight_id: str, **fields: Any) -> Changes:
    unknown = set(fields) - EDITABLE_FIELDS
    if unknown:
        raise ValueError(f"not editable insight fields: {sorted(unknown)}")
    with UnitOfWork(store) as uow:
        changed = uow.update(uow.get(Insight, insight_id), **fields)
        uow.commit()
    return Changes.of("insights", ids=[insight_id]) if changed else Changes()


def set_order(store: Store, insight_ids: list[str]) -> Changes:
    """Put the insights in this order (the presentation's); only positions that really change are written."""
    with UnitOfWork(store) as uow:
        live = {i.id: i for i in uow.query(Insight)}
        if set(insight_ids) != set(live) or len(insight_ids) != len(live):
            raise UserError("The list of insights changed meanwhile; try the move again.")
        changed = [iid for n, iid in enumerate(insight_ids) if uow.update(live[iid], position=float(n))]
        uow.commit()
    return Changes.of("insights", ids=changed) if changed else Changes()


def moved(current: list[str], insight_id: str, to_index: int) -> list[str]:
    """The order after moving one insight to ``to_index`` (an index in the list without it)."""
    rest = [i for i in current if i != insight_id]
    to_index = max(0, min(to_index, len(rest)))
    return [*rest[:to_index], insight_id, *rest[to_index:]]


def link_theme(store: Store, insight_id: str, theme_id: str) -> Changes:
    with UnitOfWork(store) as uow:
        uow.get(Insight, insight_id)
        lid = _link_theme(uow, insight_id, theme_id)
        uow.commit()
    return Changes.of("insight_themes", ids=[lid])


def _day2_theme(uow: UnitOfWork, theme_id: str) -> Theme:
    """A theme of the Day 2 wall: a workshop goal's idea themes came after the insights, not before them."""
    theme = uow.get(Theme, theme_id)
    if theme.goal_id:
        raise UserError("That theme groups a workshop goal's ideas; only themes of the Day 2 wall become insights.")
    return theme


def _link_theme(uow: UnitOfWork, insight_id: str, theme_id: str) -> str:
    _day2_theme(uow, theme_id)
    link = link_id(insight_id, theme_id, "theme")
    return _set_link(uow, InsightTheme, link, live=True, insight_id=insight_id, theme_id=theme_id)


def unlink_theme(store: Store, insight_id: str, theme_id: str) -> Changes:
    with UnitOfWork(store) as uow:
        lid = _set_link(uow, InsightTheme, link_id(insight_id, theme_id, "theme"), live=False)
        uow.commit()
    return Changes.of("insight_themes", ids=[lid])


def add_quote(store: Store, insight_id: str, quote_id: str, index: int | None = None) -> Changes:
    """Let a quote illustrate an insight (at ``index`` among its quotes, else last). A quote may serve several."""
    with UnitOfWork(store) as uow:
        uow.get(Insight, insight_id)
        uow.get(Quote, quote_id)
        links = sorted(uow.query(InsightQuote, insight_id=insight_id), key=lambda r: (r.position, r.id))
        lid = link_id(insight_id, quote_id, "quote")
        others = [r for r in links if r.id != lid]
        index = len(others) if index is None else max(0, min(index, len(others)))
        _set_link(uow, InsightQuote, lid, live=True, insight_id=insight_id, quote_id=quote_id)
        row = uow.session.get(InsightQuote, lid)
        assert row is not None
        for n, link in enumerate([*others[:index], row, *others[index:]]):
            uow.update(link, position=float(n))
        uow.commit()
    return Changes.of("insight_quotes", ids=[lid])


def remove_quote(store: Store, insight_id: str, quote_id: str) -> Changes:
    """Take a quote off an insight: the link goes, the quote itself stays where it was."""
    with UnitOfWork(store) as uow:
        lid = _set_link(uow, InsightQuote, link_id(insight_id, quote_id, "quote"), live=False)
        uow.commit()
    return Changes.of("insight_quotes", ids=[lid])


def quote_index(store: Store, insight_id: str, quote_id: str) -> int | None:
    ids = [q.id for q in quotes_of(store, insight_id)]
    return ids.index(quote_id) if quote_id in ids else None


def _set_link(uow: UnitOfWork, model: type[Shared], lid: str, *, live: bool, **fields: Any) -> str:
    row = uow.session.get(model, lid)
    if row is None:
        if live:
            uow.add(model, lid, **fields)
        return lid
    if live:
        uow.restore(row)
        uow.update(row, **fields)
    else:
        uow.delete(row)
    return lid

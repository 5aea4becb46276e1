"""What backs an insight: its themes' post-its and the quotes those post-its came from (starred first).

These are the *candidate* quotes: a theme made into an insight takes the first of them as its illustrations, and
the insight builder lists them all so that others can be picked by keyboard or dragged.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from peerdesk.store.engine import Store

if TYPE_CHECKING:
    from peerdesk.store.models import Quote


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
class Evidence:
    """What backs an insight: its themes' post-its and the quotes those post-its came from."""

    postits: tuple[PostItView, ...]
    quotes: tuple[QuoteView, ...]
    theme_headings: tuple[str, ...] = field(default=())


def group_names(s: Any) -> dict[str, str]:
    from sqlalchemy import select

    from peerdesk.store.models import StakeholderGroup

    return {gid: name for gid, name in s.execute(select(StakeholderGroup.id, StakeholderGroup.name))}


def quote_view(q: Quote, groups: dict[str, str]) -> QuoteView:
    return QuoteView(id=q.id, text=q.text, group=groups.get(q.group_id, ""), kind=q.kind, starred=q.starred)


def themes_of(s: Any, insight_id: str) -> list[tuple[str, str]]:
    """(id, heading) of the live themes an insight grew from, by heading."""
    from sqlalchemy import select

    from peerdesk.store.models import InsightTheme, Theme

    rows = s.execute(
        select(Theme.id, Theme.heading)
        .join(InsightTheme, InsightTheme.theme_id == Theme.id)
        .where(InsightTheme.insight_id == insight_id, InsightTheme.deleted.is_(False), Theme.deleted.is_(False))
        .order_by(Theme.heading)
    ).all()
    return [(str(r[0]), str(r[1])) for r in rows]


def evidence(store: Store, insight_id: str) -> Evidence:
    """The post-its of the insight's themes and their linked quotes, starred quotes first."""
    with store.session() as s:
        theme_rows = themes_of(s, insight_id)
        return _evidence_of_themes(s, [t[0] for t in theme_rows], tuple(t[1] for t in theme_rows))


def theme_evidence(store: Store, theme_id: str) -> Evidence:
    from peerdesk.store.models import Theme

    with store.session() as s:
        theme = s.get(Theme, theme_id)
        heading = (theme.heading,) if theme is not None else ()
        return _evidence_of_themes(s, [theme_id], heading)


def _evidence_of_themes(s: Any, theme_ids: list[str], headings: tuple[str, ...]) -> Evidence:
    from sqlalchemy import select

    from peerdesk.store.models import PostIt, Quote

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
    groups = group_names(s)
    quotes: list[QuoteView] = []
    if quote_ids:
        rows = s.scalars(select(Quote).where(Quote.id.in_(quote_ids), Quote.deleted.is_(False)))
        by_id = {q.id: q for q in rows}
        seen: set[str] = set()
        for qid in quote_ids:
            if qid in by_id and qid not in seen:
                seen.add(qid)
                quotes.append(quote_view(by_id[qid], groups))
        quotes.sort(key=lambda q: not q.starred)  # stable: post-it order within starred / unstarred
    return Evidence(
        postits=tuple(PostItView(p.id, p.kind, p.text, p.quote_id) for p in postits),
        quotes=tuple(quotes),
        theme_headings=headings,
    )


def all_quotes(store: Store) -> list[QuoteView]:
    """Every live quote (for picking an illustration beyond the themes' own evidence)."""
    from sqlalchemy import select

    from peerdesk.store.models import Quote

    with store.session() as s:
        groups = group_names(s)
        stmt = select(Quote).where(Quote.deleted.is_(False)).order_by(Quote.starred.desc(), Quote.group_id, Quote.id)
        return [quote_view(q, groups) for q in s.scalars(stmt)]


def candidate_quotes(s: Any, theme_id: str, limit: int) -> list[str]:
    """The ids of a theme's first ``limit`` candidate quotes (starred first, then in post-it order)."""
    return [q.id for q in _evidence_of_themes(s, [theme_id], ()).quotes[:limit]]

"""Day 2 morning: turning themes into insights, answering "so what?", and choosing the quotes that back them.

An insight is a statement of what seems to be happening (not a goal), a short description for people outside
the team, the five "so what?" answers, the themes it grew from and one or two illustrating quotes. Links to
themes and quotes are records with ids derived from both ends, so two members who link the same pair converge
on one record when their files merge; taking a quote off an insight tombstones the link, never the quote.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from peerdesk.errors import UserError
from peerdesk.services.changes import Changes
from peerdesk.services.insight_checks import goal_hint
from peerdesk.services.insight_evidence import QuoteView, candidate_quotes, group_names, quote_view, themes_of
from peerdesk.store.engine import Store

if TYPE_CHECKING:
    from peerdesk.store.models import Shared, Theme
    from peerdesk.store.uow import UnitOfWork

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


def list_insights(store: Store) -> list[InsightSummary]:
    with store.reading() as db:
        insights = db.execute(
            "SELECT id, statement, description, evidence_checked FROM insights WHERE NOT deleted ORDER BY position, id"
        ).fetchall()
        counts = dict(
            db.execute(
                "SELECT insight_quotes.insight_id, count(*) FROM insight_quotes"
                " JOIN quotes ON quotes.id = insight_quotes.quote_id"
                " WHERE NOT insight_quotes.deleted AND NOT quotes.deleted GROUP BY insight_quotes.insight_id"
            )
        )
        headings: dict[str, list[str]] = {}
        for insight_id, heading in db.execute(
            "SELECT insight_themes.insight_id, themes.heading FROM insight_themes"
            " JOIN themes ON themes.id = insight_themes.theme_id"
            " WHERE NOT insight_themes.deleted AND NOT themes.deleted ORDER BY themes.heading"
        ):
            headings.setdefault(insight_id, []).append(heading)
    return [
        InsightSummary(
            id=insight_id,
            number=n,
            statement=statement,
            description=description,
            evidence_checked=bool(checked),
            quote_count=counts.get(insight_id, 0),
            theme_headings=tuple(headings.get(insight_id, ())),
        )
        for n, (insight_id, statement, description, checked) in enumerate(insights, start=1)
    ]


def detail(store: Store, insight_id: str) -> InsightDetail:
    from peerdesk.store.models import Insight

    with store.session() as s:
        row = s.get(Insight, insight_id)
        if row is None or row.deleted:
            raise UserError("That insight no longer exists (it may have been deleted).")
        return InsightDetail(
            id=row.id,
            fields={name: getattr(row, name) for name in sorted(EDITABLE_FIELDS)},
            themes=tuple(themes_of(s, insight_id)),
            quotes=tuple(_insight_quotes(s, insight_id)),
        )


def quotes_of(store: Store, insight_id: str) -> list[QuoteView]:
    with store.session() as s:
        return _insight_quotes(s, insight_id)


def _insight_quotes(s: Any, insight_id: str) -> list[QuoteView]:
    from sqlalchemy import select

    from peerdesk.store.models import InsightQuote, Quote

    stmt = (
        select(Quote)
        .join(InsightQuote, InsightQuote.quote_id == Quote.id)
        .where(InsightQuote.insight_id == insight_id, InsightQuote.deleted.is_(False), Quote.deleted.is_(False))
        .order_by(InsightQuote.position, InsightQuote.id)
    )
    groups = group_names(s)
    return [quote_view(q, groups) for q in s.scalars(stmt)]


def themes(store: Store) -> list[tuple[str, str, int]]:
    """(id, heading, post-it count) of every live theme, for "turn a theme into an insight"."""
    with store.reading() as db:
        rows = db.execute(
            # a goal's idea wall has themes too; only the Day 2 wall's grow into insights
            "SELECT id, heading FROM themes WHERE NOT deleted AND goal_id = '' ORDER BY heading, id"
        ).fetchall()
        counts = dict(
            db.execute("SELECT theme_id, count(*) FROM postits WHERE NOT deleted AND theme_id != '' GROUP BY theme_id")
        )
    return [(theme_id, heading, counts.get(theme_id, 0)) for theme_id, heading in rows]


def insight_of_theme(store: Store, theme_id: str) -> str | None:
    """The first live insight (in presentation order) that grew from this theme, if one has."""
    from sqlalchemy import select

    from peerdesk.store.models import Insight, InsightTheme

    with store.session() as s:
        stmt = (
            select(Insight.id)
            .join(InsightTheme, InsightTheme.insight_id == Insight.id)
            .where(InsightTheme.theme_id == theme_id, InsightTheme.deleted.is_(False), Insight.deleted.is_(False))
            .order_by(Insight.position, Insight.id)
        )
        return s.scalars(stmt).first()


def order(store: Store) -> list[str]:
    return [i.id for i in list_insights(store)]


# --- writing ----------------------------------------------------------------------------------------------------


def link_id(a: str, b: str, kind: str) -> str:
    """The same link on every member's file, so links made twice merge into one."""
    return str(uuid.uuid5(uuid.UUID(a), f"{kind}:{b}"))


def create_insight(
    store: Store,
    insight_id: str,
    *,
    theme_id: str | None = None,
    statement: str | None = None,
    quotes: int = 0,
) -> Changes:
    """Create an insight, last in the order; with an existing id, bring it back (redo) as it was.

    From a theme, the insight starts from the theme's heading, is linked to it (its post-its and their quotes become
    the evidence) and takes up to ``quotes`` of the theme's candidate quotes as its illustrations, starred first:
    turning a theme into an insight is then one action, and the team edits rather than fills in.
    """
    from peerdesk.store.models import Insight, InsightQuote
    from peerdesk.store.uow import UnitOfWork

    tables = ["insights", "insight_themes"]
    with UnitOfWork(store) as uow:
        existing = uow.session.get(Insight, insight_id)
        if existing is not None:
            uow.restore(existing)
            row = existing
        else:
            heading = _day2_theme(uow, theme_id).heading if theme_id else ""
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
            if existing is None and quotes > 0:
                for n, quote_id in enumerate(candidate_quotes(uow.session, theme_id, quotes)):
                    link = link_id(insight_id, quote_id, "quote")
                    fields = {"insight_id": insight_id, "quote_id": quote_id, "position": float(n)}
                    ids.append(_set_link(uow, InsightQuote, link, live=True, **fields))
                tables.append("insight_quotes")
        uow.commit()
    return Changes.of(*tables, ids=ids)


def delete_insight(store: Store, insight_id: str) -> Changes:
    """A tombstone; its theme and quote links stay so that undo brings the insight back whole."""
    from peerdesk.store.models import Insight
    from peerdesk.store.uow import UnitOfWork

    with UnitOfWork(store) as uow:
        uow.delete(uow.get(Insight, insight_id))
        uow.commit()
    return Changes.of("insights", ids=[insight_id])


def set_fields(store: Store, insight_id: str, **fields: Any) -> Changes:
    from peerdesk.store.models import Insight
    from peerdesk.store.uow import UnitOfWork

    unknown = set(fields) - EDITABLE_FIELDS
    if unknown:
        raise ValueError(f"not editable insight fields: {sorted(unknown)}")
    with UnitOfWork(store) as uow:
        changed = uow.update(uow.get(Insight, insight_id), **fields)
        uow.commit()
    return Changes.of("insights", ids=[insight_id]) if changed else Changes()


def set_order(store: Store, insight_ids: list[str]) -> Changes:
    """Put the insights in this order (the presentation's); only positions that really change are written."""
    from peerdesk.store.models import Insight
    from peerdesk.store.uow import UnitOfWork

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
    from peerdesk.store.models import Insight
    from peerdesk.store.uow import UnitOfWork

    with UnitOfWork(store) as uow:
        uow.get(Insight, insight_id)
        lid = _link_theme(uow, insight_id, theme_id)
        uow.commit()
    return Changes.of("insight_themes", ids=[lid])


def _day2_theme(uow: UnitOfWork, theme_id: str) -> Theme:
    """A theme of the Day 2 wall: a workshop goal's idea themes came after the insights, not before them."""
    from peerdesk.store.models import Theme

    theme = uow.get(Theme, theme_id)
    if theme.goal_id:
        raise UserError("That theme groups a workshop goal's ideas; only themes of the Day 2 wall become insights.")
    return theme


def _link_theme(uow: UnitOfWork, insight_id: str, theme_id: str) -> str:
    from peerdesk.store.models import InsightTheme

    _day2_theme(uow, theme_id)
    link = _pair_link(
        uow, InsightTheme, link_id(insight_id, theme_id, "theme"), insight_id=insight_id, theme_id=theme_id
    )
    return _set_link(uow, InsightTheme, link, live=True, insight_id=insight_id, theme_id=theme_id)


def unlink_theme(store: Store, insight_id: str, theme_id: str) -> Changes:
    from peerdesk.store.models import InsightTheme
    from peerdesk.store.uow import UnitOfWork

    with UnitOfWork(store) as uow:
        lid = _pair_link(
            uow, InsightTheme, link_id(insight_id, theme_id, "theme"), insight_id=insight_id, theme_id=theme_id
        )
        _set_link(uow, InsightTheme, lid, live=False)
        uow.commit()
    return Changes.of("insight_themes", ids=[lid])


def add_quote(store: Store, insight_id: str, quote_id: str, index: int | None = None) -> Changes:
    """Let a quote illustrate an insight (at ``index`` among its quotes, else last). A quote may serve several."""
    from peerdesk.store.models import Insight, InsightQuote, Quote
    from peerdesk.store.uow import UnitOfWork

    with UnitOfWork(store) as uow:
        uow.get(Insight, insight_id)
        uow.get(Quote, quote_id)
        links = sorted(uow.query(InsightQuote, insight_id=insight_id), key=lambda r: (r.position, r.id))
        lid = _pair_link(
            uow, InsightQuote, link_id(insight_id, quote_id, "quote"), insight_id=insight_id, quote_id=quote_id
        )
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
    from peerdesk.store.models import InsightQuote
    from peerdesk.store.uow import UnitOfWork

    with UnitOfWork(store) as uow:
        lid = _pair_link(
            uow, InsightQuote, link_id(insight_id, quote_id, "quote"), insight_id=insight_id, quote_id=quote_id
        )
        _set_link(uow, InsightQuote, lid, live=False)
        uow.commit()
    return Changes.of("insight_quotes", ids=[lid])


def quote_index(store: Store, insight_id: str, quote_id: str) -> int | None:
    ids = [q.id for q in quotes_of(store, insight_id)]
    return ids.index(quote_id) if quote_id in ids else None


def _pair_link(uow: UnitOfWork, model: type[Shared], lid: str, **pair: str) -> str:
    """The live link of this pair when it exists under another id (written by an older version or an older demo), else
    ``lid``: adding it again must not put the same quote twice on an insight, and removing it must find it."""
    live = uow.query(model, **pair)
    return str(live[0].id) if live else lid


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

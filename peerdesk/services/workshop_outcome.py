"""The workshop's outcome, read: what the projector, the exports and the follow-up show, in display order.

Records of removed tables are ignored everywhere here (see ``services/workshop.py``: removing a table does not
cascade), and goals of a removed insight go last rather than vanish.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType

from sqlalchemy import select
from sqlalchemy.orm import Session

from peerdesk.services.wall import IDEA
from peerdesk.store import rules
from peerdesk.store.engine import Store
from peerdesk.store.models import Action, Goal, Insight, PostIt, TableResponse, Theme, WorkshopNote, WorkshopTable

RESPONSES = rules.RESPONSES
RESPONSE_LABELS = MappingProxyType(
    {"agree": "Agree", "disagree": "Disagree", "amend": "Amend", "new": "New insight", "": "—"}
)
RESPONSE_MARKS = MappingProxyType({"agree": "✓", "disagree": "✗", "amend": "✎", "": ""})
# The host director's notes; solution ideas (services/solution_ideas.py) are workshop notes too, listed apart.
NOTE_KINDS = tuple(k for k in rules.WORKSHOP_NOTE_KINDS if k != "solution_idea")
NOTE_LABELS = MappingProxyType(
    {"next_step": "Next steps", "went_well": "What went well", "even_better_if": "Even better if"}
)
TOP = 3


# --- read models ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TableRow:
    id: str
    name: str
    position: float


@dataclass(frozen=True)
class InsightRow:
    id: str
    statement: str
    number: int  # 1-based, in presentation order


@dataclass(frozen=True)
class Response:
    id: str
    table_id: str
    insight_id: str  # empty for a new insight
    response: str
    text: str


@dataclass(frozen=True)
class GoalRow:
    id: str
    insight_id: str
    text: str
    claimed_by: str  # a live table's id, or ""
    position: float


@dataclass(frozen=True)
class Idea:
    id: str
    goal_id: str
    text: str
    x: float
    y: float
    theme: str = ""  # the heading of the theme it was grouped into on its goal's wall ("" when loose)


@dataclass(frozen=True)
class TopAction:
    id: str
    table_id: str
    goal_id: str
    rank: int
    text: str


@dataclass(frozen=True)
class NoteRow:
    id: str
    kind: str
    text: str
    position: float


@dataclass
class Outcome:
    """Everything the workshop produced, in display order: for the projector, the exports and the follow-up."""

    insights: list[InsightRow] = field(default_factory=list)
    tables: list[TableRow] = field(default_factory=list)
    responses: dict[tuple[str, str], Response] = field(default_factory=dict)  # (table, insight) → response
    new_insights: list[Response] = field(default_factory=list)
    goals: list[GoalRow] = field(default_factory=list)
    ideas: dict[str, list[Idea]] = field(default_factory=dict)  # goal → ideas
    actions: dict[str, list[TopAction]] = field(default_factory=dict)  # table → top actions by rank
    notes: dict[str, list[NoteRow]] = field(default_factory=dict)  # kind → notes

    def table_name(self, table_id: str) -> str:
        return next((t.name for t in self.tables if t.id == table_id), "")

    def goal(self, goal_id: str) -> GoalRow | None:
        return next((g for g in self.goals if g.id == goal_id), None)

    def goals_of(self, insight_id: str) -> list[GoalRow]:
        return [g for g in self.goals if g.insight_id == insight_id]

    def claimed_goal(self, table_id: str) -> GoalRow | None:
        return next((g for g in self.goals if g.claimed_by == table_id), None)

    def tally(self, insight_id: str) -> dict[str, list[str]]:
        """For one insight: response → names of the tables that gave it."""
        out: dict[str, list[str]] = {r: [] for r in RESPONSES[:3]}
        for table in self.tables:
            response = self.responses.get((table.id, insight_id))
            if response and response.response in out:
                out[response.response].append(table.name)
        return out

    @property
    def is_empty(self) -> bool:
        return not (self.tables or self.goals or any(self.notes.values()))


# --- reading, inside one session -----------------------------------------------------------------------------


def read_tables(s: Session) -> list[TableRow]:
    stmt = (
        select(WorkshopTable).where(WorkshopTable.deleted.is_(False)).order_by(WorkshopTable.position, WorkshopTable.id)
    )
    return [TableRow(t.id, t.name, t.position) for t in s.scalars(stmt)]


def read_insights(s: Session) -> list[InsightRow]:
    stmt = select(Insight).where(Insight.deleted.is_(False)).order_by(Insight.position, Insight.id)
    return [InsightRow(i.id, i.statement, n) for n, i in enumerate(s.scalars(stmt), start=1)]


def read_goals(s: Session, live_tables: set[str], insight_order: dict[str, int]) -> list[GoalRow]:
    rows = s.scalars(select(Goal).where(Goal.deleted.is_(False)))
    out = [
        GoalRow(g.id, g.insight_id, g.text, g.claimed_by if g.claimed_by in live_tables else "", g.position)
        for g in rows
    ]
    # Goals of a removed insight go last rather than vanish: the room still proposed them.
    return sorted(out, key=lambda g: (insight_order.get(g.insight_id, 10_000), g.position, g.id))


def read_ideas(s: Session) -> dict[str, list[Idea]]:
    """Each goal's ideas: grouped ones first, theme by theme as they sit on the wall, then loose ones in order."""
    headings = {
        tid: heading or "(no heading)"
        for tid, heading in s.execute(
            select(Theme.id, Theme.heading).where(Theme.deleted.is_(False), Theme.goal_id != "")
        )
    }
    stmt = select(PostIt).where(PostIt.deleted.is_(False), PostIt.kind == IDEA).order_by(PostIt.position, PostIt.id)
    out: dict[str, list[Idea]] = {}
    for p in s.scalars(stmt):
        out.setdefault(p.goal_id, []).append(Idea(p.id, p.goal_id, p.text, p.x, p.y, headings.get(p.theme_id, "")))
    return {goal: sorted(ideas, key=lambda i: (i.theme == "", i.theme.casefold())) for goal, ideas in out.items()}


def read_actions(s: Session) -> dict[str, list[TopAction]]:
    stmt = select(Action).where(Action.deleted.is_(False), Action.rank >= 1, Action.rank <= TOP)
    out: dict[str, list[TopAction]] = {}
    for a in s.scalars(stmt):
        out.setdefault(a.table_id, []).append(TopAction(a.id, a.table_id, a.goal_id, a.rank, a.text))
    for actions in out.values():
        actions.sort(key=lambda a: a.rank)
    return out


def read_notes(s: Session) -> dict[str, list[NoteRow]]:
    stmt = select(WorkshopNote).where(WorkshopNote.deleted.is_(False)).order_by(WorkshopNote.position, WorkshopNote.id)
    out: dict[str, list[NoteRow]] = {kind: [] for kind in NOTE_KINDS}
    for n in s.scalars(stmt):
        out.setdefault(n.kind, []).append(NoteRow(n.id, n.kind, n.text, n.position))
    return out


# --- the whole outcome ---------------------------------------------------------------------------------------------


def outcome(store: Store) -> Outcome:
    """One consistent read of the whole workshop (one transaction)."""
    with store.session() as s:
        table_rows = read_tables(s)
        live = {t.id for t in table_rows}
        insight_rows = read_insights(s)
        result = Outcome(insights=insight_rows, tables=table_rows)
        known = {i.id for i in insight_rows}
        stmt = select(TableResponse).where(TableResponse.deleted.is_(False)).order_by(TableResponse.updated)
        order = {t.id: n for n, t in enumerate(table_rows)}
        for r in s.scalars(stmt):
            if r.table_id not in live:
                continue
            row = Response(r.id, r.table_id, r.insight_id, r.response, r.text)
            if r.response == "new":
                result.new_insights.append(row)
            elif r.insight_id in known:
                result.responses[(r.table_id, r.insight_id)] = row
        result.new_insights.sort(key=lambda r: order[r.table_id])
        result.goals = read_goals(s, live, {i.id: i.number for i in insight_rows})
        live_goals = {g.id for g in result.goals}
        result.ideas = {g: ideas for g, ideas in read_ideas(s).items() if g in live_goals}
        result.actions = {t: a for t, a in read_actions(s).items() if t in live}
        result.notes = read_notes(s)
    return result


def summary_counts(store: Store) -> dict[str, int]:
    """Counts only (safe to log)."""
    o = outcome(store)
    return {
        "tables": len(o.tables),
        "responses": len(o.responses),
        "new_insights": len(o.new_insights),
        "goals": len(o.goals),
        "claimed": sum(1 for g in o.goals if g.claimed_by),
        "ideas": sum(len(v) for v in o.ideas.values()),
        "actions": sum(len(v) for v in o.actions.values()),
        "notes": sum(len(v) for v in o.notes.values()),
    }

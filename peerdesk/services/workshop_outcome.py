"""The workshop's outcome, read: what the projector, the exports and the follow-up show, in display order.

Records of removed tables are ignored everywhere here (see ``services/workshop.py``: removing a table does not
cascade), and goals of a removed insight go last rather than vanish.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from peerdesk.services.wall import IDEA
from peerdesk.store import rules
from peerdesk.store.engine import Store

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


# --- reading, inside one read transaction (``Store.reading``: a DB-API connection, plain SQL) -------------------


def read_tables(db: Any) -> list[TableRow]:
    rows = db.execute("SELECT id, name, position FROM workshop_tables WHERE NOT deleted ORDER BY position, id")
    return [TableRow(*row) for row in rows]


def read_insights(db: Any) -> list[InsightRow]:
    rows = db.execute("SELECT id, statement FROM insights WHERE NOT deleted ORDER BY position, id")
    return [InsightRow(insight_id, statement, n) for n, (insight_id, statement) in enumerate(rows, start=1)]


def read_goals(db: Any, live_tables: set[str], insight_order: dict[str, int]) -> list[GoalRow]:
    rows = db.execute("SELECT id, insight_id, text, claimed_by, position FROM goals WHERE NOT deleted")
    out = [
        GoalRow(goal_id, insight_id, text, claimed if claimed in live_tables else "", position)
        for goal_id, insight_id, text, claimed, position in rows
    ]
    # Goals of a removed insight go last rather than vanish: the room still proposed them.
    return sorted(out, key=lambda g: (insight_order.get(g.insight_id, 10_000), g.position, g.id))


def read_ideas(db: Any) -> dict[str, list[Idea]]:
    """Each goal's ideas: grouped ones first, theme by theme as they sit on the wall, then loose ones in order."""
    headings = {
        theme_id: heading or "(no heading)"
        for theme_id, heading in db.execute("SELECT id, heading FROM themes WHERE NOT deleted AND goal_id != ''")
    }
    rows = db.execute(
        "SELECT id, goal_id, text, x, y, theme_id FROM postits WHERE NOT deleted AND kind = ? ORDER BY position, id",
        (IDEA,),
    )
    out: dict[str, list[Idea]] = {}
    for idea_id, goal_id, text, x, y, theme_id in rows:
        out.setdefault(goal_id, []).append(Idea(idea_id, goal_id, text, x, y, headings.get(theme_id, "")))
    return {goal: sorted(ideas, key=lambda i: (i.theme == "", i.theme.casefold())) for goal, ideas in out.items()}


def read_actions(db: Any) -> dict[str, list[TopAction]]:
    rows = db.execute(
        "SELECT id, table_id, goal_id, rank, text FROM actions WHERE NOT deleted AND rank >= 1 AND rank <= ?", (TOP,)
    )
    out: dict[str, list[TopAction]] = {}
    for row in rows:
        action = TopAction(*row)
        out.setdefault(action.table_id, []).append(action)
    for actions in out.values():
        actions.sort(key=lambda a: a.rank)
    return out


def read_notes(db: Any) -> dict[str, list[NoteRow]]:
    rows = db.execute("SELECT id, kind, text, position FROM workshop_notes WHERE NOT deleted ORDER BY position, id")
    out: dict[str, list[NoteRow]] = {kind: [] for kind in NOTE_KINDS}
    for row in rows:
        note = NoteRow(*row)
        out.setdefault(note.kind, []).append(note)
    return out


# --- the whole outcome ---------------------------------------------------------------------------------------------


def outcome(store: Store) -> Outcome:
    """One consistent read of the whole workshop (one transaction)."""
    with store.reading() as db:
        table_rows = read_tables(db)
        live = {t.id for t in table_rows}
        insight_rows = read_insights(db)
        result = Outcome(insights=insight_rows, tables=table_rows)
        known = {i.id for i in insight_rows}
        order = {t.id: n for n, t in enumerate(table_rows)}
        for row in db.execute(
            "SELECT id, table_id, insight_id, response, text FROM table_responses WHERE NOT deleted ORDER BY updated"
        ):
            response = Response(*row)
            if response.table_id not in live:
                continue
            if response.response == "new":
                result.new_insights.append(response)
            elif response.insight_id in known:
                result.responses[(response.table_id, response.insight_id)] = response
        result.new_insights.sort(key=lambda r: order[r.table_id])
        result.goals = read_goals(db, live, {i.id: i.number for i in insight_rows})
        live_goals = {g.id for g in result.goals}
        result.ideas = {g: ideas for g, ideas in read_ideas(db).items() if g in live_goals}
        result.actions = {t: a for t, a in read_actions(db).items() if t in live}
        result.notes = read_notes(db)
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

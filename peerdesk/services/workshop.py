"""Day 2 afternoon: the workshop, recorded live by one facilitator while 4+ tables work.

What a table does, in order: responds to each insight (agree, disagree, amend, or adds a new one); proposes goals
(one central list, per insight); claims one goal (no two tables the same); writes ideas for it on post-its; picks
its top three actions. Then the host director names next steps and the room says what went well and what would
have made it even better.

Ids that two members could create independently for the same thing are derived (``uuid5``) so their bundles
merge into one record instead of two: a table's response to an insight, a table's action at rank n.

Removing a table does not cascade: its responses, claim and actions stay (tombstoned with it in spirit) and every
query here ignores records of removed tables. That keeps undo a single restore, and a merge cannot resurrect
half a table.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from types import MappingProxyType

from sqlalchemy import select
from sqlalchemy.orm import Session

from peerdesk.errors import UserError
from peerdesk.services import records, wall
from peerdesk.services.changes import Changes
from peerdesk.services.wall import IDEA
from peerdesk.store import rules
from peerdesk.store.engine import Store
from peerdesk.store.models import (
    Action,
    Goal,
    Insight,
    PostIt,
    Shared,
    TableResponse,
    Theme,
    WorkshopNote,
    WorkshopTable,
)
from peerdesk.store.uow import UnitOfWork

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


# --- ids -------------------------------------------------------------------------------------------------------


def response_id(table_id: str, insight_id: str) -> str:
    """The one record holding a table's response to an insight, the same on every member's file."""
    return str(uuid.uuid5(uuid.UUID(table_id), insight_id))


def action_id(table_id: str, rank: int) -> str:
    return str(uuid.uuid5(uuid.UUID(table_id), f"top-action:{rank}"))


# --- tables --------------------------------------------------------------------------------------------------------


def tables(store: Store) -> list[TableRow]:
    with store.session() as s:
        return _tables(s)


def _tables(s: Session) -> list[TableRow]:
    stmt = (
        select(WorkshopTable).where(WorkshopTable.deleted.is_(False)).order_by(WorkshopTable.position, WorkshopTable.id)
    )
    return [TableRow(t.id, t.name, t.position) for t in s.scalars(stmt)]


def add_table(store: Store, name: str = "", *, table_id: str | None = None) -> tuple[str, Changes]:
    """Add a table (named "Table n" when no name is given); with ``table_id`` of a removed table, bring it back."""
    with UnitOfWork(store) as uow:
        if table_id and (old := uow.session.get(WorkshopTable, table_id)) is not None:
            uow.restore(old)
            if name.strip():
                uow.update(old, name=name.strip())
            uow.commit()
            return old.id, Changes.of("workshop_tables", ids=[old.id])
        live = uow.query(WorkshopTable)
        position = max((t.position for t in live), default=0.0) + 1
        row = uow.add(WorkshopTable, table_id, name=name.strip() or f"Table {len(live) + 1}", position=position)
        uow.commit()
        return row.id, Changes.of("workshop_tables", ids=[row.id])


def rename_table(store: Store, table_id: str, name: str) -> Changes:
    return _set_text(store, WorkshopTable, table_id, name, "A table needs a name.", column="name")


def remove_table(store: Store, table_id: str) -> Changes:
    # Its claim, responses and actions disappear from every view with it.
    return _remove(store, WorkshopTable, table_id, "goals", "table_responses", "actions")


def restore_table(store: Store, table_id: str) -> Changes:
    return add_table(store, table_id=table_id)[1] | Changes.of("goals", "table_responses", "actions")


# --- responses to the insights ------------------------------------------------------------------------------------


def insights(store: Store) -> list[InsightRow]:
    with store.session() as s:
        return _insights(s)


def _insights(s: Session) -> list[InsightRow]:
    stmt = select(Insight).where(Insight.deleted.is_(False)).order_by(Insight.position, Insight.id)
    return [InsightRow(i.id, i.statement, n) for n, i in enumerate(s.scalars(stmt), start=1)]


def response(store: Store, table_id: str, insight_id: str) -> tuple[str, str]:
    """A table's (response, text) to an insight; ("", "") when it has not said yet."""
    with store.session() as s:
        row = s.get(TableResponse, response_id(table_id, insight_id))
        if row is None or row.deleted:
            return "", ""
        return row.response, row.text


def set_response(store: Store, table_id: str, insight_id: str, answer: str, text: str = "") -> Changes:
    """Record a table's agree / disagree / amend (with the amended text) for an insight; "" clears it."""
    if answer not in ("", *RESPONSES[:3]):
        raise UserError(f"“{answer}” is not a response: use agree, disagree or amend.")
    text = text.strip()
    if answer == "amend" and not text:
        raise UserError("An amendment needs the amended wording.")
    rid = response_id(table_id, insight_id)
    with UnitOfWork(store) as uow:
        uow.get(WorkshopTable, table_id)
        uow.get(Insight, insight_id)
        row = uow.session.get(TableResponse, rid)
        if not answer:
            if row is None or row.deleted:
                return Changes()
            uow.delete(row)
        elif row is None:
            uow.add(TableResponse, rid, table_id=table_id, insight_id=insight_id, response=answer, text=text)
        else:
            uow.restore(row)
            uow.update(row, response=answer, text=text if answer == "amend" else "")
        uow.commit()
    return Changes.of("table_responses", ids=[rid])


def add_new_insight(store: Store, table_id: str, text: str, *, record_id: str | None = None) -> tuple[str, Changes]:
    """A table's new insight (a statement the team did not offer)."""
    text = _written(text, "Write the new insight first.")
    with UnitOfWork(store) as uow:
        uow.get(WorkshopTable, table_id)
        row = uow.add_or_restore(TableResponse, record_id, {"text": text}, {"table_id": table_id, "response": "new"})
        uow.commit()
        return row.id, Changes.of("table_responses", ids=[row.id])


def edit_new_insight(store: Store, record_id: str, text: str) -> Changes:
    return _set_text(store, TableResponse, record_id, text, "A new insight cannot be empty; remove it instead.")


def remove_new_insight(store: Store, record_id: str) -> Changes:
    return _remove(store, TableResponse, record_id)


# --- goals and claims -------------------------------------------------------------------------------------------


def goals(store: Store) -> list[GoalRow]:
    with store.session() as s:
        return _goals(s, {t.id for t in _tables(s)}, _insight_order(s))


def _insight_order(s: Session) -> dict[str, int]:
    return {i.id: i.number for i in _insights(s)}


def _goals(s: Session, live_tables: set[str], insight_order: dict[str, int]) -> list[GoalRow]:
    rows = s.scalars(select(Goal).where(Goal.deleted.is_(False)))
    out = [
        GoalRow(g.id, g.insight_id, g.text, g.claimed_by if g.claimed_by in live_tables else "", g.position)
        for g in rows
    ]
    # Goals of a removed insight go last rather than vanish: the room still proposed them.
    return sorted(out, key=lambda g: (insight_order.get(g.insight_id, 10_000), g.position, g.id))


def add_goal(store: Store, insight_id: str, text: str, *, goal_id: str | None = None) -> tuple[str, Changes]:
    text = _written(text, "Write the goal first.")
    with UnitOfWork(store) as uow:
        if insight_id:
            uow.get(Insight, insight_id)
        row = uow.add_or_restore(
            Goal,
            goal_id,
            {"text": text, "insight_id": insight_id},
            {"position": _next(g.position for g in uow.query(Goal, insight_id=insight_id))},
        )
        uow.commit()
        return row.id, Changes.of("goals", ids=[row.id])


def edit_goal(store: Store, goal_id: str, text: str) -> Changes:
    return _set_text(store, Goal, goal_id, text, "A goal cannot be empty; remove it instead.")


def remove_goal(store: Store, goal_id: str) -> Changes:
    return _remove(store, Goal, goal_id, "postits", "actions")


def restore_goal(store: Store, goal_id: str) -> Changes:
    with UnitOfWork(store) as uow:
        uow.restore(uow.get(Goal, goal_id, include_deleted=True))
        uow.commit()
    return Changes.of("goals", "postits", "actions", ids=[goal_id])


def claims(store: Store) -> dict[str, str]:
    """Every live goal's ``claimed_by`` as stored (for undo: ``set_claims`` puts exactly this back)."""
    with store.session() as s:
        return {g.id: g.claimed_by for g in s.scalars(select(Goal).where(Goal.deleted.is_(False)))}


def claim_goal(store: Store, goal_id: str, table_id: str) -> Changes:
    """``table_id`` works on ``goal_id``. A table has one goal: claiming another releases its previous one.

    Refused when another (live) table has already claimed the goal: the room ticks goals so no two tables work
    on the same one.
    """
    with UnitOfWork(store) as uow:
        table = uow.get(WorkshopTable, table_id)
        goal = uow.get(Goal, goal_id)
        live = {t.id: t.name for t in uow.query(WorkshopTable)}
        holder = goal.claimed_by
        if holder and holder != table_id and holder in live:
            raise UserError(
                f"{live[holder]} has already chosen this goal. Pick another goal for {table.name}, "
                f"or release it from {live[holder]} first."
            )
        touched = [goal_id]
        for other in uow.query(Goal, claimed_by=table_id):
            if other.id != goal_id:
                uow.update(other, claimed_by="")
                touched.append(other.id)
        uow.update(goal, claimed_by=table_id)
        uow.commit()
    return Changes.of("goals", ids=touched)


def release_goal(store: Store, goal_id: str) -> Changes:
    with UnitOfWork(store) as uow:
        changed = uow.update(uow.get(Goal, goal_id), claimed_by="")
        uow.commit()
    return Changes.of("goals", ids=[goal_id]) if changed else Changes()


def set_claims(store: Store, claimed: dict[str, str]) -> Changes:
    """Put ``claimed_by`` of the given goals back exactly (the undo of a claim or release)."""
    with UnitOfWork(store) as uow:
        for goal_id, table_id in claimed.items():
            row = uow.session.get(Goal, goal_id)
            if row is not None:
                uow.update(row, claimed_by=table_id)
        uow.commit()
    return Changes.of("goals", ids=list(claimed))


# --- ideas (post-its on a goal's wall) ---------------------------------------------------------------------------


def ideas(store: Store, goal_id: str) -> list[Idea]:
    with store.session() as s:
        return _ideas(s).get(goal_id, [])


def _ideas(s: Session) -> dict[str, list[Idea]]:
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


def add_idea(store: Store, goal_id: str, text: str) -> tuple[str, Changes]:
    """A post-it of kind "idea" on ``goal_id``'s wall, after the others (the wall service does the rest)."""
    edit = wall.add_postit(store, IDEA, text, goal_id=goal_id)
    return edit.created_id, Changes.of("postits", ids=[edit.created_id])


# --- each table's top three actions --------------------------------------------------------------------------------


def top_actions(store: Store, table_id: str) -> dict[int, str]:
    """rank → text for ranks 1..3 ("" where the table has not chosen yet)."""
    with store.session() as s:
        found = {a.rank: a.text for a in _top_actions(s).get(table_id, [])}
    return {rank: found.get(rank, "") for rank in range(1, TOP + 1)}


def _top_actions(s: Session) -> dict[str, list[TopAction]]:
    stmt = select(Action).where(Action.deleted.is_(False), Action.rank >= 1, Action.rank <= TOP)
    out: dict[str, list[TopAction]] = {}
    for a in s.scalars(stmt):
        out.setdefault(a.table_id, []).append(TopAction(a.id, a.table_id, a.goal_id, a.rank, a.text))
    for actions in out.values():
        actions.sort(key=lambda a: a.rank)
    return out


def set_top_action(store: Store, table_id: str, rank: int, text: str) -> Changes:
    """The table's action at ``rank`` (1..3) is ``text``; "" takes it off. Linked to the table's goal.

    One record per (table, rank), with a derived id, so a rank can never hold two actions, even after a merge.
    """
    _check_rank(rank)
    with UnitOfWork(store) as uow:
        changed = _put_action(uow, table_id, rank, text)
        uow.commit()
    return Changes.of("actions", ids=[action_id(table_id, rank)]) if changed else Changes()


def swap_top_actions(store: Store, table_id: str, rank_a: int, rank_b: int) -> Changes:
    """Exchange two ranks of a table's top three (moving an action up or down), in one transaction."""
    _check_rank(rank_a)
    _check_rank(rank_b)
    current = top_actions(store, table_id)
    with UnitOfWork(store) as uow:
        changed = _put_action(uow, table_id, rank_a, current[rank_b])
        changed = _put_action(uow, table_id, rank_b, current[rank_a]) or changed
        uow.commit()
    return (
        Changes.of("actions", ids=[action_id(table_id, rank_a), action_id(table_id, rank_b)]) if changed else Changes()
    )


def _check_rank(rank: int) -> None:
    if not 1 <= rank <= TOP:
        raise UserError(f"A table picks its top {TOP} actions: rank {rank} is not one of them.")


def _put_action(uow: UnitOfWork, table_id: str, rank: int, text: str) -> bool:
    """Write one rank of a table's top three; False if it already said that."""
    text = text.strip()
    uow.get(WorkshopTable, table_id)
    goal = next(iter(uow.query(Goal, claimed_by=table_id)), None)
    goal_id = goal.id if goal else ""
    row = uow.session.get(Action, action_id(table_id, rank))
    if not text:
        if row is None or row.deleted:
            return False
        uow.delete(row)
    elif row is None:
        uow.add(Action, action_id(table_id, rank), table_id=table_id, goal_id=goal_id, text=text, rank=rank)
    else:
        if not row.deleted and row.text == text:
            return False
        uow.restore(row)
        uow.update(row, text=text, goal_id=goal_id or row.goal_id, rank=rank)
    return True


# --- the host director's next steps; what went well / even better if -------------------------------------------


def notes(store: Store, kind: str) -> list[NoteRow]:
    with store.session() as s:
        return _notes(s).get(kind, [])


def _notes(s: Session) -> dict[str, list[NoteRow]]:
    stmt = select(WorkshopNote).where(WorkshopNote.deleted.is_(False)).order_by(WorkshopNote.position, WorkshopNote.id)
    out: dict[str, list[NoteRow]] = {kind: [] for kind in NOTE_KINDS}
    for n in s.scalars(stmt):
        out.setdefault(n.kind, []).append(NoteRow(n.id, n.kind, n.text, n.position))
    return out


def add_note(store: Store, kind: str, text: str, *, note_id: str | None = None) -> tuple[str, Changes]:
    if kind not in NOTE_KINDS:
        raise UserError(f"“{kind}” is not a kind of workshop note.")
    text = _written(text, "Write the note first.")
    with UnitOfWork(store) as uow:
        row = uow.add_or_restore(
            WorkshopNote,
            note_id,
            {"text": text},
            {"kind": kind, "position": _next(n.position for n in uow.query(WorkshopNote, kind=kind))},
        )
        uow.commit()
        return row.id, Changes.of("workshop_notes", ids=[row.id])


def edit_note(store: Store, note_id: str, text: str) -> Changes:
    return _set_text(store, WorkshopNote, note_id, text, "A note cannot be empty; remove it instead.")


def remove_note(store: Store, note_id: str) -> Changes:
    return _remove(store, WorkshopNote, note_id)


# --- the shape every small record here shares -------------------------------------------------------------------


def _written(text: str, empty: str) -> str:
    """``text`` without surrounding blanks; refused with ``empty`` when nothing is left."""
    text = text.strip()
    if not text:
        raise UserError(empty)
    return text


def _next(positions: Iterable[float]) -> float:
    return max(positions, default=0.0) + 1


def _set_text(
    store: Store, model: type[Shared], record_id: str, text: str, empty: str, column: str = "text"
) -> Changes:
    text = _written(text, empty)
    with UnitOfWork(store) as uow:
        changed = uow.update(uow.get(model, record_id), **{column: text})
        uow.commit()
    return Changes.of(model.__tablename__, ids=[record_id]) if changed else Changes()  # type: ignore[attr-defined]


def _remove(store: Store, model: type[Shared], record_id: str, *also: str) -> Changes:
    """Tombstone one record; ``also`` names the tables whose views change with it."""
    return records.delete(store, model.__tablename__, record_id) | Changes.of(*also)  # type: ignore[attr-defined]


# --- the whole outcome ---------------------------------------------------------------------------------------------


def outcome(store: Store) -> Outcome:
    """One consistent read of the whole workshop (one transaction)."""
    with store.session() as s:
        table_rows = _tables(s)
        live = {t.id for t in table_rows}
        insight_rows = _insights(s)
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
        result.goals = _goals(s, live, {i.id: i.number for i in insight_rows})
        live_goals = {g.id for g in result.goals}
        result.ideas = {g: ideas for g, ideas in _ideas(s).items() if g in live_goals}
        result.actions = {t: a for t, a in _top_actions(s).items() if t in live}
        result.notes = _notes(s)
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

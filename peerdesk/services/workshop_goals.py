"""The workshop's goals: the central list per insight, which table claimed which, each goal's ideas, and each
table's top three actions.

A table has one goal and no two tables hold the same one. A table's action at rank n is one record with a derived
id (``workshop.action_id``), so a rank can never hold two actions, even after a merge.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from peerdesk.errors import UserError
from peerdesk.services import records, wall
from peerdesk.services.changes import Changes
from peerdesk.services.wall import IDEA
from peerdesk.services.workshop import action_id
from peerdesk.services.workshop_outcome import (
    TOP,
    GoalRow,
    Idea,
    read_actions,
    read_goals,
    read_ideas,
    read_insights,
    read_tables,
)
from peerdesk.store.engine import Store

if TYPE_CHECKING:
    from peerdesk.store.uow import UnitOfWork

# --- goals and claims -------------------------------------------------------------------------------------------


def goals(store: Store) -> list[GoalRow]:
    with store.reading() as db:
        return read_goals(db, {t.id for t in read_tables(db)}, {i.id: i.number for i in read_insights(db)})


def add_goal(store: Store, insight_id: str, text: str, *, goal_id: str | None = None) -> tuple[str, Changes]:
    from peerdesk.store.models import Goal, Insight
    from peerdesk.store.uow import UnitOfWork

    text = records.written(text, "Write the goal first.")
    with UnitOfWork(store) as uow:
        if insight_id:
            uow.get(Insight, insight_id)
        row = uow.add_or_restore(
            Goal,
            goal_id,
            {"text": text, "insight_id": insight_id},
            {"position": records.next_position(g.position for g in uow.query(Goal, insight_id=insight_id))},
        )
        return records.created(uow, row)


def edit_goal(store: Store, goal_id: str, text: str) -> Changes:
    from peerdesk.store.models import Goal

    return records.set_text(store, Goal, goal_id, text, "A goal cannot be empty; remove it instead.")


def remove_goal(store: Store, goal_id: str) -> Changes:
    from peerdesk.store.models import Goal

    return records.remove(store, Goal, goal_id, "postits", "actions")


def restore_goal(store: Store, goal_id: str) -> Changes:
    from peerdesk.store.models import Goal
    from peerdesk.store.uow import UnitOfWork

    with UnitOfWork(store) as uow:
        uow.restore(uow.get(Goal, goal_id, include_deleted=True))
        uow.commit()
    return Changes.of("goals", "postits", "actions", ids=[goal_id])


def claims(store: Store) -> dict[str, str]:
    """Every live goal's ``claimed_by`` as stored (for undo: ``set_claims`` puts exactly this back)."""
    from sqlalchemy import select

    from peerdesk.store.models import Goal

    with store.session() as s:
        return {g.id: g.claimed_by for g in s.scalars(select(Goal).where(Goal.deleted.is_(False)))}


def claim_goal(store: Store, goal_id: str, table_id: str) -> Changes:
    """``table_id`` works on ``goal_id``. A table has one goal: claiming another releases its previous one.

    Refused when another (live) table has already claimed the goal: the room ticks goals so no two tables work
    on the same one.
    """
    from peerdesk.store.models import Goal, WorkshopTable
    from peerdesk.store.uow import UnitOfWork

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
    from peerdesk.store.models import Goal
    from peerdesk.store.uow import UnitOfWork

    with UnitOfWork(store) as uow:
        changed = uow.update(uow.get(Goal, goal_id), claimed_by="")
        uow.commit()
    return Changes.of("goals", ids=[goal_id]) if changed else Changes()


def set_claims(store: Store, claimed: dict[str, str]) -> Changes:
    """Put ``claimed_by`` of the given goals back exactly (the undo of a claim or release)."""
    from peerdesk.store.models import Goal
    from peerdesk.store.uow import UnitOfWork

    with UnitOfWork(store) as uow:
        for goal_id, table_id in claimed.items():
            row = uow.session.get(Goal, goal_id)
            if row is not None:
                uow.update(row, claimed_by=table_id)
        uow.commit()
    return Changes.of("goals", ids=list(claimed))


# --- ideas (post-its on a goal's wall) ---------------------------------------------------------------------------


def ideas(store: Store, goal_id: str) -> list[Idea]:
    with store.reading() as db:
        return read_ideas(db).get(goal_id, [])


def add_idea(store: Store, goal_id: str, text: str) -> tuple[str, Changes]:
    """A post-it of kind "idea" on ``goal_id``'s wall, after the others (the wall service does the rest)."""
    edit = wall.add_postit(store, IDEA, text, goal_id=goal_id)
    return edit.created_id, Changes.of("postits", ids=[edit.created_id])


# --- each table's top three actions --------------------------------------------------------------------------------


def top_actions(store: Store, table_id: str) -> dict[int, str]:
    """rank → text for ranks 1..3 ("" where the table has not chosen yet)."""
    with store.reading() as db:
        found = {a.rank: a.text for a in read_actions(db).get(table_id, [])}
    return {rank: found.get(rank, "") for rank in range(1, TOP + 1)}


def set_top_action(store: Store, table_id: str, rank: int, text: str) -> Changes:
    """The table's action at ``rank`` (1..3) is ``text``; "" takes it off. Linked to the table's goal.

    One record per (table, rank), with a derived id, so a rank can never hold two actions, even after a merge.
    """
    from peerdesk.store.uow import UnitOfWork

    _check_rank(rank)
    with UnitOfWork(store) as uow:
        changed = _put_action(uow, table_id, rank, text)
        uow.commit()
    return Changes.of("actions", ids=[action_id(table_id, rank)]) if changed else Changes()


def swap_top_actions(store: Store, table_id: str, rank_a: int, rank_b: int) -> Changes:
    """Exchange two ranks of a table's top three (moving an action up or down), in one transaction."""
    from peerdesk.store.uow import UnitOfWork

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
    from peerdesk.store.models import Action, Goal, WorkshopTable

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

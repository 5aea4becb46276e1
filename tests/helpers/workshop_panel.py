"""What the workshop panel's tests share: undo then redo with a check after each, and a room set up through it."""

from __future__ import annotations

from collections.abc import Callable

from peerdesk.services import workshop
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.workshop.panel import WorkshopPanel


def undo_redo(session: ReviewSession, check_undone: Callable[[], bool], check_done: Callable[[], bool]) -> None:
    session.undo_stack.undo()
    assert check_undone()
    session.undo_stack.redo()
    assert check_done()


def tables_and_goals(panel: WorkshopPanel, tables: int = 4, goals: int = 6) -> tuple[list[str], list[str]]:
    """Tables, then goals answering the demo's insights in turn, each table claiming one: all through the panel."""
    table_ids = [panel.responses.add_table() for _ in range(tables)]
    insights = workshop.insights(panel.session.store)
    goal_ids = [panel.goals.add_goal(insights[n % 4].id, f"Goal {n + 1} for the room") for n in range(goals)]
    for table, goal in zip(table_ids, goal_ids, strict=False):
        assert panel.goals.claim(goal, table)
    return table_ids, goal_ids

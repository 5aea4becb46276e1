"""Step 3 of the workshop: each goal's ideas on its own post-it wall, and an idea made one of the top three."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from peerdesk.services import workshop_goals
from peerdesk.ui.workshop.ideas_step import IDEA_FIRST, IDEA_PROMPT
from peerdesk.ui.workshop.panel import WorkshopPanel
from tests.helpers.workshop_panel import tables_and_goals, undo_redo

SCREENSHOTS = Path(__file__).resolve().parents[3] / "docs" / "screenshots"


@pytest.fixture(autouse=True)
def _screenshots_go_to_docs_only_when_asked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """README screenshots are refreshed with PEERDESK_SCREENSHOTS=1; a normal run leaves the work tree alone."""
    if not os.environ.get("PEERDESK_SCREENSHOTS"):
        monkeypatch.setattr(sys.modules[__name__], "SCREENSHOTS", tmp_path / "screenshots")


def test_before_any_goal_the_idea_field_is_closed_and_says_to_add_the_goals_first(panel: WorkshopPanel) -> None:
    step = panel.ideas
    assert not step.idea_text.isEnabled() and step.idea_text.placeholderText() == IDEA_FIRST
    tables_and_goals(panel, tables=1, goals=1)
    assert step.idea_text.isEnabled() and step.idea_text.placeholderText() == IDEA_PROMPT


def test_ideas_are_typed_onto_the_goals_wall_grouped_by_a_drop_and_one_becomes_a_top_action(
    qtbot: QtBot, panel: WorkshopPanel
) -> None:
    store, session, step = panel.session.store, panel.session, panel.ideas
    tables, goals = tables_and_goals(panel)
    panel.steps.setCurrentIndex(2)
    step.idea_goal.setCurrentIndex(step.idea_goal.findData(goals[0]))
    for text in ("Duty managers shadow each other", "A weekly case huddle", "One threshold crib sheet"):
        qtbot.keyClicks(step.idea_text, text)
        qtbot.keyClick(step.idea_text, Qt.Key.Key_Return)
    board = step.board
    assert board.scene.goal_id == goals[0] and len(board.scene.postits) == 3
    board.scene.clearSelection()
    assert not step.remove_button.isEnabled()  # no idea selected: it would remove nothing
    next(iter(board.scene.postits.values())).setSelected(True)
    assert step.remove_button.isEnabled()
    board.scene.clearSelection()
    undo_redo(session, lambda: len(board.scene.postits) == 2, lambda: len(board.scene.postits) == 3)
    first, second, _ = (i.id for i in workshop_goals.ideas(store, goals[0]))
    board.view.resetTransform()
    board.view.centerOn(board.scene.postits[first].sceneBoundingRect().center())
    viewport = board.view.viewport()
    start = board.view.mapFromScene(board.scene.postits[second].sceneBoundingRect().center())
    end = board.view.mapFromScene(board.scene.postits[first].sceneBoundingRect().center())
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for i in range(1, 7):
        qtbot.mouseMove(viewport, start + (end - start) * (i / 6))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    [theme] = board.scene.state.themes
    assert {p.id for p in board.scene.state.members(theme.id)} == {first, second}
    undo_redo(session, lambda: not board.scene.state.themes, lambda: len(board.scene.state.themes) == 1)
    # Another goal shows another (empty) wall; back again, the ideas are there.
    step.idea_goal.setCurrentIndex(step.idea_goal.findData(goals[1]))
    assert board.scene.postits == {}
    step.idea_goal.setCurrentIndex(step.idea_goal.findData(goals[0]))
    assert len(board.scene.postits) == 3
    board.scene.clearSelection()
    board.scene.postits[first].setSelected(True)
    step.selected_idea_to_action()
    assert workshop_goals.top_actions(store, tables[0])[1] == "Duty managers shadow each other"
    if os.environ.get("PEERDESK_SCREENSHOTS"):
        board.view.fit_all()
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        panel.grab().save(str(SCREENSHOTS / "workshop-ideas.png"))


def test_an_idea_goes_to_the_top_three_only_when_one_is_selected_claimed_and_there_is_room(
    panel: WorkshopPanel, refusals: list[str]
) -> None:
    store, step = panel.session.store, panel.ideas
    tables, goals = tables_and_goals(panel, tables=1, goals=2)
    assert step.add_idea(goals[0], "A weekly case huddle")
    step.selected_idea_to_action()
    assert refusals[-1] == "Select one idea on the wall first."
    unclaimed = step.add_idea(goals[1], "Shared inbox")
    step.board.scene.postits[unclaimed].setSelected(True)
    step.selected_idea_to_action()
    assert refusals[-1] == "No table has claimed this goal yet: claim it in step 2."
    idea = step.add_idea(goals[0], "Duty managers shadow each other")
    for rank in (1, 2, 3):
        panel.top3.set_top_action(tables[0], rank, f"Step {rank}")
    step.board.scene.clearSelection()
    step.board.scene.postits[idea].setSelected(True)
    step.selected_idea_to_action()
    assert refusals[-1] == "That table already has three actions: clear one first."
    assert workshop_goals.top_actions(store, tables[0]) == {1: "Step 1", 2: "Step 2", 3: "Step 3"}

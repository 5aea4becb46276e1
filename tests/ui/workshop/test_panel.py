"""A whole workshop recorded through the workshop panel on the demo review, each step undone and redone."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton
from pytestqt.qtbot import QtBot

from peerdesk.services import workshop, workshop_goals, workshop_outcome
from peerdesk.ui.kit import messages
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.workshop.panel import WorkshopPanel

SCREENSHOTS = Path(__file__).resolve().parents[3] / "docs" / "screenshots"


@pytest.fixture(autouse=True)
def _screenshots_go_to_docs_only_when_asked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """README screenshots are refreshed with PEERDESK_SCREENSHOTS=1; a normal run leaves the work tree alone."""
    if not os.environ.get("PEERDESK_SCREENSHOTS"):
        monkeypatch.setattr(sys.modules[__name__], "SCREENSHOTS", tmp_path / "screenshots")


@pytest.fixture
def refusals(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the panel told the user (the message box itself would wait for a click)."""
    seen: list[str] = []
    monkeypatch.setattr(messages, "error", lambda _parent, _title, exc: seen.append(str(exc)))
    monkeypatch.setattr(messages, "info", lambda _parent, _title, text: seen.append(text))
    return seen


def undo_redo(session: ReviewSession, check_undone: object, check_done: object) -> None:
    session.undo_stack.undo()
    assert check_undone()  # type: ignore[operator]
    session.undo_stack.redo()
    assert check_done()  # type: ignore[operator]


def test_a_whole_workshop_is_recorded_and_every_step_undoes(
    qtbot: QtBot, demo_session: ReviewSession, refusals: list[str]
) -> None:
    store = demo_session.store
    panel = WorkshopPanel(demo_session)
    qtbot.addWidget(panel)
    panel.resize(1300, 800)
    panel.show()

    # Tables.
    tables = [panel.add_table() for _ in range(4)]
    assert panel.tables_model.rowCount() == 4
    undo_redo(demo_session, lambda: len(workshop.tables(store)) == 3, lambda: len(workshop.tables(store)) == 4)
    assert workshop.tables(store)[3].id == tables[3], "redo brings back the same table"
    panel.tables_model.setData(panel.tables_model.index(0, 0), "Window table")
    undo_redo(
        demo_session,
        lambda: workshop.tables(store)[0].name == "Table 1",
        lambda: workshop.tables(store)[0].name == "Window table",
    )

    # Responses from the keyboard: A, D, Delete; the cursor moves down a table's column.
    insights = workshop.insights(store)
    panel.grid.setFocus()
    panel.grid.setCurrentIndex(panel.responses_model.index(0, 1))
    qtbot.keyClick(panel.grid, Qt.Key.Key_A)
    assert panel.grid.currentIndex().row() == 1
    qtbot.keyClick(panel.grid, Qt.Key.Key_D)
    assert workshop.response(store, tables[0], insights[0].id) == ("agree", "")
    assert workshop.response(store, tables[0], insights[1].id) == ("disagree", "")
    undo_redo(
        demo_session,
        lambda: workshop.response(store, tables[0], insights[1].id) == ("", ""),
        lambda: workshop.response(store, tables[0], insights[1].id) == ("disagree", ""),
    )
    assert panel.record_response(tables[1], insights[0].id, "amend", "Decisions depend on the rota")
    assert "✎ Decisions depend on the rota" in panel.responses_model.index(0, 2).data()
    undo_redo(
        demo_session,
        lambda: workshop.response(store, tables[1], insights[0].id) == ("", ""),
        lambda: workshop.response(store, tables[1], insights[0].id)[0] == "amend",
    )
    for n, table in enumerate(tables[2:]):
        for insight in insights:
            panel.record_response(table, insight.id, ("agree", "disagree")[n])
    panel.add_new_insight(tables[3], "Partners want to hear what happened after they referred")
    undo_redo(
        demo_session,
        lambda: not workshop_outcome.outcome(store).new_insights,
        lambda: len(workshop_outcome.outcome(store).new_insights) == 1,
    )

    # Goals, claims and the refused double claim.
    goals = [panel.add_goal(insights[n % 4].id, f"Goal {n + 1} for the room") for n in range(6)]
    assert panel.goals_model.rowCount() == 6
    undo_redo(
        demo_session, lambda: len(workshop_goals.goals(store)) == 5, lambda: len(workshop_goals.goals(store)) == 6
    )
    for table, goal in zip(tables, goals, strict=False):
        assert panel.claim(goal, table)
    assert not panel.claim(goals[0], tables[1])
    assert refusals and "Window table has already chosen this goal" in refusals[-1]
    assert workshop_goals.claims(store)[goals[0]] == tables[0]
    undo_redo(
        demo_session,
        lambda: workshop_goals.claims(store)[goals[3]] == "",
        lambda: workshop_goals.claims(store)[goals[3]] == tables[3],
    )
    panel.goals_model.setData(panel.goals_model.index(0, 1), "Same decision, whoever is on duty")
    undo_redo(
        demo_session,
        lambda: workshop_goals.goals(store)[0].text == "Goal 1 for the room",
        lambda: workshop_goals.goals(store)[0].text == "Same decision, whoever is on duty",
    )

    # Ideas on the goal's own post-it wall (the wall widget itself): typed in, dropped one on another to group.
    panel.steps.setCurrentIndex(2)
    panel.idea_goal.setCurrentIndex(panel.idea_goal.findData(goals[0]))
    for text in ("Duty managers shadow each other", "A weekly case huddle", "One threshold crib sheet"):
        qtbot.keyClicks(panel.idea_text, text)
        qtbot.keyClick(panel.idea_text, Qt.Key.Key_Return)
    board = panel.board
    assert board.scene.goal_id == goals[0] and len(board.scene.postits) == 3
    undo_redo(demo_session, lambda: len(board.scene.postits) == 2, lambda: len(board.scene.postits) == 3)
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
    undo_redo(demo_session, lambda: not board.scene.state.themes, lambda: len(board.scene.state.themes) == 1)
    # Another goal shows another (empty) wall; back again, the ideas are there.
    panel.idea_goal.setCurrentIndex(panel.idea_goal.findData(goals[1]))
    assert board.scene.postits == {}
    panel.idea_goal.setCurrentIndex(panel.idea_goal.findData(goals[0]))
    assert len(board.scene.postits) == 3
    board.scene.clearSelection()
    board.scene.postits[first].setSelected(True)
    panel._selected_idea_to_action()
    assert workshop_goals.top_actions(store, tables[0])[1] == "Duty managers shadow each other"
    if os.environ.get("PEERDESK_SCREENSHOTS"):
        board.view.fit_all()
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        panel.grab().save(str(SCREENSHOTS / "workshop-ideas.png"))

    # Top three per table, typed into the step 4 form.
    panel.steps.setCurrentIndex(3)
    edit = panel.top3.edits[tables[0]][1]
    edit.setFocus()
    qtbot.keyClicks(edit, "Run a monthly threshold clinic")
    edit.editingFinished.emit()
    assert workshop_goals.top_actions(store, tables[0])[2] == "Run a monthly threshold clinic"
    undo_redo(
        demo_session,
        lambda: workshop_goals.top_actions(store, tables[0])[2] == "",
        lambda: workshop_goals.top_actions(store, tables[0])[2] == "Run a monthly threshold clinic",
    )
    for table in tables[1:]:
        for rank in (1, 2, 3):
            panel.top3.set_top_action(table, rank, f"Step {rank} for this goal")
    panel.top3.set_top_action(tables[0], 3, "Publish who to call, by name and hour")
    # Reordering: the arrow button moves action 1 down; Alt+Up in the edit moves it back; each one undo step.
    first_three = workshop_goals.top_actions(store, tables[0])
    down = panel.findChild(QToolButton, "top-0-1-down")
    assert down is not None and panel.findChild(QToolButton, "top-0-1-up").isEnabled() is False
    qtbot.mouseClick(down, Qt.MouseButton.LeftButton)
    swapped = {1: first_three[2], 2: first_three[1], 3: first_three[3]}
    assert workshop_goals.top_actions(store, tables[0]) == swapped
    assert panel.top3.edits[tables[0]][0].text() == first_three[2]
    undo_redo(
        demo_session,
        lambda: workshop_goals.top_actions(store, tables[0]) == first_three,
        lambda: workshop_goals.top_actions(store, tables[0]) == swapped,
    )
    second = panel.top3.edits[tables[0]][1]
    second.setFocus()
    qtbot.waitUntil(second.hasFocus)
    qtbot.keyClick(second, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert workshop_goals.top_actions(store, tables[0]) == first_three
    assert panel.top3.edits[tables[0]][0].hasFocus(), "the focus follows the action it moved"
    depth = demo_session.undo_stack.index()
    assert not panel.top3.move_top_action(tables[0], 3, 1), "nothing below the third"
    empty = panel.add_table("Empty table")
    assert not panel.top3.move_top_action(empty, 1, 1), "two empty places: nothing to move"
    demo_session.undo_stack.undo()  # the empty table
    assert demo_session.undo_stack.index() == depth

    # Next steps and reflections.
    panel.steps.setCurrentIndex(4)
    entry = panel.note_inputs["next_step"]
    qtbot.keyClicks(entry, "Bring hub coordinators and duty managers together in April")
    qtbot.keyClick(entry, Qt.Key.Key_Return)
    panel.add_note("went_well", "Every table had a partner at it")
    panel.add_note("even_better_if", "Young people had been in the room")
    assert panel.note_models["next_step"].rowCount() == 1
    undo_redo(
        demo_session,
        lambda: not workshop.notes(store, "even_better_if"),
        lambda: len(workshop.notes(store, "even_better_if")) == 1,
    )

    counts = workshop_outcome.summary_counts(store)
    assert counts == {
        "tables": 4,
        "responses": 2 + 1 + 4 + 4,  # tables 1 and 2 answered only some insights
        "new_insights": 1,
        "goals": 6,
        "claimed": 4,
        "ideas": 3,
        "actions": 12,
        "notes": 3,
    }

    # Everything undoes back to the demo's starting point, and redoes to the end.
    while demo_session.undo_stack.canUndo():
        demo_session.undo_stack.undo()
    assert workshop_outcome.outcome(store).is_empty
    while demo_session.undo_stack.canRedo():
        demo_session.undo_stack.redo()
    assert workshop_outcome.summary_counts(store) == counts

    # The exported slides, through the background task.
    written: list[int] = []
    panel.export_slides(store.path.parent / "workshop.pptx", on_done=written.append)
    qtbot.waitUntil(lambda: bool(written), timeout=10_000)
    assert written[0] >= 8

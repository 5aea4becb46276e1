"""A whole workshop recorded through the workshop panel on the demo review: every step undoes and redoes.

Each step has its own tests (``test_responses_step``, ``test_goals_step``, ``test_ideas_step``, ``test_top3``,
``test_closing_step``); here the panel holds them together: one undo stack, one count of what was recorded.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QToolButton
from pytestqt.qtbot import QtBot

from peerdesk.services import workshop, workshop_goals, workshop_outcome
from peerdesk.ui.workshop.panel import STEPS, WorkshopPanel
from tests.helpers.workshop_panel import tables_and_goals, undo_redo


def test_the_top_three_are_typed_in_step_4_and_reordered_by_button_or_alt_arrows(
    qtbot: QtBot, panel: WorkshopPanel
) -> None:
    store, session = panel.session.store, panel.session
    tables, _goals = tables_and_goals(panel)
    panel.steps.setCurrentIndex(3)
    edit = panel.top3.edits[tables[0]][1]
    edit.setFocus()
    qtbot.keyClicks(edit, "Run a monthly threshold clinic")
    edit.editingFinished.emit()
    assert workshop_goals.top_actions(store, tables[0])[2] == "Run a monthly threshold clinic"
    undo_redo(
        session,
        lambda: workshop_goals.top_actions(store, tables[0])[2] == "",
        lambda: workshop_goals.top_actions(store, tables[0])[2] == "Run a monthly threshold clinic",
    )
    panel.top3.set_top_action(tables[0], 1, "Duty managers shadow each other")
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
        session,
        lambda: workshop_goals.top_actions(store, tables[0]) == first_three,
        lambda: workshop_goals.top_actions(store, tables[0]) == swapped,
    )
    second = panel.top3.edits[tables[0]][1]
    second.setFocus()
    qtbot.waitUntil(second.hasFocus)
    qtbot.keyClick(second, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert workshop_goals.top_actions(store, tables[0]) == first_three
    assert panel.top3.edits[tables[0]][0].hasFocus(), "the focus follows the action it moved"
    depth = session.undo_stack.index()
    assert not panel.top3.move_top_action(tables[0], 3, 1), "nothing below the third"
    empty = panel.responses.add_table("Empty table")
    assert not panel.top3.move_top_action(empty, 1, 1), "two empty places: nothing to move"
    session.undo_stack.undo()  # the empty table
    assert session.undo_stack.index() == depth


def test_a_whole_workshop_is_counted_and_undoes_to_the_start_and_redoes_to_the_end(panel: WorkshopPanel) -> None:
    store = panel.session.store
    tables, goals = tables_and_goals(panel)
    insights = workshop.insights(store)
    panel.responses.record_response(tables[0], insights[0].id, "agree")
    panel.responses.record_response(tables[0], insights[1].id, "disagree")
    panel.responses.record_response(tables[1], insights[0].id, "amend", "Decisions depend on the rota")
    for n, table in enumerate(tables[2:]):
        for insight in insights:
            panel.responses.record_response(table, insight.id, ("agree", "disagree")[n])
    panel.responses.add_new_insight(tables[3], "Partners want to hear what happened after they referred")
    for text in ("Duty managers shadow each other", "A weekly case huddle", "One threshold crib sheet"):
        assert panel.ideas.add_idea(goals[0], text)
    for table in tables:
        for rank in (1, 2, 3):
            panel.top3.set_top_action(table, rank, f"Step {rank} for this goal")
    panel.closing.add_note("next_step", "Bring hub coordinators and duty managers together in April")
    panel.closing.add_note("went_well", "Every table had a partner at it")
    panel.closing.add_note("even_better_if", "Young people had been in the room")

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
    assert panel.counts.text() == "4 tables · 11 responses · 6 goals (4 claimed) · 3 ideas · 12 top actions"

    # Everything undoes back to the demo's starting point, and redoes to the end.
    while panel.session.undo_stack.canUndo():
        panel.session.undo_stack.undo()
    assert workshop_outcome.outcome(store).is_empty
    while panel.session.undo_stack.canRedo():
        panel.session.undo_stack.redo()
    assert workshop_outcome.summary_counts(store) == counts


def test_alt_and_a_number_shows_that_step_and_the_projector_starts_where_the_facilitator_is(
    qtbot: QtBot, panel: WorkshopPanel
) -> None:
    tables, goals = tables_and_goals(panel, tables=2, goals=2)
    assert [panel.steps.tabText(i) for i in range(panel.steps.count())] == list(STEPS)
    panel.activateWindow()
    qtbot.keyClick(panel, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert panel.steps.currentIndex() == 1 and panel.projector_start() == "goals"
    panel.steps.setCurrentIndex(0)
    assert panel.projector_start() == "insights"
    panel.steps.setCurrentIndex(2)
    panel.ideas.idea_goal.setCurrentIndex(panel.ideas.idea_goal.findData(goals[1]))
    assert panel.projector_start() == f"ideas:{goals[1]}"
    panel.steps.setCurrentIndex(3)
    assert panel.projector_start() == f"table:{tables[0]}"
    panel.steps.setCurrentIndex(4)
    assert panel.projector_start() == "next"


def test_alt_and_a_number_puts_the_keyboard_in_that_steps_first_field(qtbot: QtBot, panel: WorkshopPanel) -> None:
    """The focus stayed behind on the step left: the goal typed next went nowhere."""
    store = panel.session.store
    tables_and_goals(panel, tables=2, goals=0)
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow)
    qtbot.keyClick(panel, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    focused = QApplication.focusWidget()
    assert focused is panel.goals.goal_text
    qtbot.keyClicks(focused, "Every shift has a named senior")
    qtbot.keyClick(focused, Qt.Key.Key_Return)
    assert [g.text for g in workshop_goals.goals(store)] == ["Every shift has a named senior"]
    for n, field in ((3, panel.ideas.idea_text), (1, panel.responses.grid)):
        qtbot.keyClick(QApplication.focusWidget(), getattr(Qt.Key, f"Key_{n}"), Qt.KeyboardModifier.AltModifier)
        assert QApplication.focusWidget() is field

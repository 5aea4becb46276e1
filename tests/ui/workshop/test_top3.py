"""Each table's top three actions: typed in place, moved with Alt+arrows, each change one undo step."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QGroupBox
from pytestqt.qtbot import QtBot

from peerdesk.services import workshop, workshop_goals, workshop_outcome
from peerdesk.ui.kit import ops
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.workshop.top3 import TopThreeStep
from tests.helpers.user_actions import main_window
from tests.helpers.workshop_panel import tables_and_goals


def _step(qtbot: QtBot, session: ReviewSession) -> TopThreeStep:
    step = TopThreeStep(session, lambda label, do, undo: ops.run(None, session, label, do, undo))
    qtbot.addWidget(step)
    return step


def test_a_box_per_table_with_three_lines_filled_from_the_outcome(qtbot: QtBot, session: ReviewSession) -> None:
    step = _step(qtbot, session)
    step.fill(workshop_outcome.outcome(session.store))
    assert step.edits == {}
    table_id, _ = workshop.add_table(session.store, "Blue & green table")
    workshop_goals.set_top_action(session.store, table_id, 2, "Second")
    step.fill(workshop_outcome.outcome(session.store))
    assert [e.text() for e in step.edits[table_id]] == ["", "Second", ""]
    assert step.goals[table_id].text() == "No goal claimed yet (step 2)."
    titles = [box.title() for box in step.findChildren(QGroupBox)]
    assert "Blue && green table" in titles  # shown with its "&", not taken for the Alt key


def test_typing_and_moving_are_undo_steps(qtbot: QtBot, session: ReviewSession) -> None:
    table_id, _ = workshop.add_table(session.store, "Blue table")
    step = _step(qtbot, session)
    step.fill(workshop_outcome.outcome(session.store))
    assert step.set_top_action(table_id, 1, "First")
    assert not step.set_top_action(table_id, 1, " First ")
    assert step.move_top_action(table_id, 1, +1)
    assert workshop_goals.top_actions(session.store, table_id)[2] == "First"
    assert not step.move_top_action(table_id, 1, -1)  # nothing above the first
    session.undo_stack.undo()
    assert workshop_goals.top_actions(session.store, table_id)[1] == "First"


def test_alt_down_asks_to_move_the_action(qtbot: QtBot, session: ReviewSession) -> None:
    table_id, _ = workshop.add_table(session.store, "Blue table")
    workshop_goals.set_top_action(session.store, table_id, 1, "First")
    step = _step(qtbot, session)
    step.fill(workshop_outcome.outcome(session.store))
    with qtbot.waitSignal(step.edits[table_id][0].move_requested) as moved:
        qtbot.keyClick(step.edits[table_id][0], Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert moved.args == [1]
    assert workshop_goals.top_actions(session.store, table_id)[2] == "First"


def test_an_action_typed_and_not_yet_left_is_saved_with_what_is_being_typed(
    qtbot: QtBot, demo_session: ReviewSession
) -> None:
    """Locking, a backup or closing save what is being typed (``flush_edits``): the action being typed was left out."""
    window = main_window(qtbot, demo_session)
    panel = window.workshop_tabs.workshop
    window.show_work(panel)
    tables, _ = tables_and_goals(panel, tables=2, goals=2)
    panel.show_step(3)
    edit = QApplication.focusWidget()
    assert edit is panel.top3.edits[tables[0]][0]
    qtbot.keyClicks(edit, "Pilot a joint duty rota")
    window.flush_edits()
    assert workshop_goals.top_actions(demo_session.store, tables[0])[1] == "Pilot a joint duty rota"
    steps = demo_session.undo_stack.count()
    window.flush_edits()
    assert demo_session.undo_stack.count() == steps, "saved once"

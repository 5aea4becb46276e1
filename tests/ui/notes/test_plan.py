"""The note taker's Questions tab: the interview's plan, with additions, moves, removals and ticks as undo steps."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from peerdesk.services import questions, records, timetable
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.notes.panel import NotesPanel
from peerdesk.ui.notes.plan import QuestionPlanTab
from tests.helpers.tabs import opened_tab


def _tab(qtbot: QtBot, session: ReviewSession) -> tuple[QuestionPlanTab, str]:
    return opened_tab(qtbot, session, QuestionPlanTab)


def _texts(session: ReviewSession, interview: str) -> list[str]:
    return [q.text for q in questions.plan(session.store, interview) if not q.closing]


def test_nothing_is_added_while_no_interview_is_open(qtbot: QtBot, session: ReviewSession) -> None:
    tab = QuestionPlanTab(session)
    qtbot.addWidget(tab)
    tab.load(None)
    assert tab.add_question("What works well?") is None and tab.plan_model.rowCount() == 0


def test_a_question_added_shows_in_the_plan_and_undo_takes_it_away(qtbot: QtBot, session: ReviewSession) -> None:
    tab, interview = _tab(qtbot, session)
    assert "Planned by" in tab.plan_label.text()
    assert tab.add_question("What works well?")
    assert _texts(session, interview) == ["What works well?"]
    tab.load(timetable.interview(session.store, interview))  # the notes panel reloads the tab after each change
    assert tab.plan_model.data(tab.plan_model.index(0, 0)) == "1. What works well?"
    session.undo_stack.undo()
    assert _texts(session, interview) == []


def test_moving_and_removing_the_selected_question_are_undo_steps(qtbot: QtBot, session: ReviewSession) -> None:
    tab, interview = _tab(qtbot, session)
    tab.add_question("First?")
    tab.add_question("Second?")
    tab.load(timetable.interview(session.store, interview))
    tab.plan_view.setCurrentIndex(tab.plan_model.index(1, 0))
    tab.move_selected_question(-1)
    assert _texts(session, interview) == ["Second?", "First?"]
    tab.load(timetable.interview(session.store, interview))
    tab.plan_view.setCurrentIndex(tab.plan_model.index(0, 0))
    tab.remove_selected_question()
    assert _texts(session, interview) == ["First?"]
    session.undo_stack.undo()
    assert _texts(session, interview) == ["Second?", "First?"]


def test_a_tick_records_the_question_as_asked(qtbot: QtBot, session: ReviewSession) -> None:
    tab, interview = _tab(qtbot, session)
    planned = tab.add_question("What works well?")
    assert planned is not None
    tab.tick(planned, True)
    assert questions.plan(session.store, interview)[0].asked
    session.undo_stack.undo()
    assert not questions.plan(session.store, interview)[0].asked


def test_ticking_a_question_with_the_mouse_leaves_the_keyboard_in_the_notes(qtbot: QtBot, panel: NotesPanel) -> None:
    plan = panel.plan
    planned = plan.add_question("What works well?")
    assert planned is not None and panel.editor.hasFocus()
    view, row = plan.plan_view, plan.plan_model.index(plan.plan_model.row_of(planned))
    view.scrollTo(row)
    rect = view.visualRect(row)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.left() + 12, rect.center().y()))
    assert panel.interview is not None and questions.plan(panel.session.store, panel.interview.id)[0].asked
    assert panel.editor.hasFocus()
    qtbot.keyClicks(QApplication.focusWidget(), "asked about what works")
    assert panel.editor.toPlainText().endswith("asked about what works")


def test_a_key_question_with_an_ampersand_is_offered_as_written(qtbot: QtBot, session: ReviewSession) -> None:
    records.set_fields(session.store, "review", session.store.review_id, key_question_1="How do A&E and the MASH talk?")
    tab, _interview = _tab(qtbot, session)
    tab._fill_add_menu()  # as the "Add question" menu opens
    shown = [a.iconText() for a in tab.add_menu.actions() if not a.isSeparator()]
    assert "How do A&E and the MASH talk?" in shown  # its "&" shown, no letter taken for the Alt key

"""In the note taker (#20): the opening checklist above the plan and the closing one below, ticked as undo steps;
the add-question menu and the question sets offer a version for children and families and one for staff."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from peerdesk.services import interview_checklist, questions
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.notes.panel import NotesPanel
from peerdesk.ui.notes.question_bank import QuestionBankDialog
from tests.helpers.layout import on_screen
from tests.helpers.timetable import build_day


def make(qtbot: QtBot, session: ReviewSession) -> tuple[NotesPanel, str]:
    day = build_day(session.store)
    panel = on_screen(qtbot, NotesPanel(session), 1000, 700)
    panel.open_interview(day.interviews[0])
    return panel, day.interviews[0]


def test_the_checklists_frame_the_plan_and_ticks_are_undo_steps(qtbot: QtBot, session: ReviewSession) -> None:
    panel, interview = make(qtbot, session)
    opening, closing = panel.plan.opening_checks, panel.plan.closing_checks
    assert opening.isEnabled() and len(opening.boxes) == len(interview_checklist.part("opening"))
    assert opening.title().endswith("(0 of 7)")
    opening.boxes["critical-friend"].click()
    assert {s.item.key: s.done for s in interview_checklist.state(session.store, interview)}["critical-friend"]
    assert opening.title().endswith("(1 of 7)")
    closing.boxes["anything-else"].click()
    session.undo_stack.undo()
    assert not closing.boxes["anything-else"].isChecked()
    session.undo_stack.undo()
    assert not opening.boxes["critical-friend"].isChecked()
    session.undo_stack.redo()
    assert opening.boxes["critical-friend"].isChecked()
    layout = panel.plan.opening_checks.parentWidget().layout()
    order = [layout.itemAt(n).widget() for n in range(layout.count())]
    assert (
        order.index(panel.plan.opening_checks)
        < order.index(panel.plan.plan_view)
        < order.index(panel.plan.closing_checks)
    )


def test_the_add_menu_offers_both_versions_of_the_interviews_approach(qtbot: QtBot, session: ReviewSession) -> None:
    panel, _ = make(qtbot, session)
    panel.plan._fill_add_menu()
    sections = [a.text() for a in panel.plan.add_menu.actions() if a.isSeparator() and a.text()]
    assert "Appreciative inquiry — staff and partners" in sections
    assert "Appreciative inquiry — children and families" in sections
    texts = [a.text() for a in panel.plan.add_menu.actions()]
    assert questions.family_sets()["appreciative"][0] in texts
    other = next(a.menu() for a in panel.plan.add_menu.actions() if a.menu() is not None)
    assert isinstance(other, QMenu)
    assert {a.text() for a in other.actions() if a.isSeparator() and a.text()} == {
        "Staff and partners",
        "Children and families",
    }


def test_the_question_sets_dialog_switches_version_and_adds_to_it(
    qtbot: QtBot, session: ReviewSession, shown: list[str]
) -> None:
    dialog = QuestionBankDialog(session, "solution-focused")
    qtbot.addWidget(dialog)
    assert dialog.current_audience() == "staff"
    dialog.audience.setCurrentIndex(dialog.audience.findData("families"))
    assert dialog.model is not None
    assert dialog.model.rowCount() == len(questions.family_sets()["solution-focused"])
    dialog.add("What helps you feel safe at home?")
    assert questions.bank(session.store, "families")["solution-focused"][-1].text == "What helps you feel safe at home?"
    assert not dialog.add_family_sets()  # a new review has them already: refused, nothing added
    assert shown == [
        "Add the children and families questions: This review already has the children and families questions."
    ]


def test_ticking_a_box_in_the_room_leaves_the_keyboard_in_the_notes(qtbot: QtBot, panel: NotesPanel) -> None:
    """The note taker ticks with the mouse and types on: the words go into the notes, and a space typed next does
    not untick the box (a click used to move the keyboard to it)."""
    box = panel.plan.opening_checks.boxes["introductions"]
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert box.isChecked() and panel.editor.hasFocus()
    qtbot.keyClicks(QApplication.focusWidget(), "Sam introduced the team")
    assert panel.editor.toPlainText().endswith("Sam introduced the team") and box.isChecked()
    assert box.focusPolicy() == Qt.FocusPolicy.TabFocus  # the keyboard still reaches it with Tab

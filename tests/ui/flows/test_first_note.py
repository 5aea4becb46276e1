"""Walkthrough: a new user, from the start screen to the first line of interview notes, in the real windows.

Goal (issue #16): at most 12 actions. The path: Ctrl+N; the new review's host authority, Tab, your name, Tab,
passphrase, Tab, passphrase again, Enter; the empty timetable offers the first interview in place: its stakeholder
group, Enter; the notes open with the cursor in them: type.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QScrollArea
from pytestqt.qtbot import QtBot

from peerdesk.services import notes
from peerdesk.services import timetable as tt
from peerdesk.ui.notes.panel import NotesPanel
from peerdesk.ui.shell.app import Controller, make_app
from peerdesk.ui.shell.dialogs import NewReviewDialog
from peerdesk.ui.shell.main_window import MainWindow
from peerdesk.ui.timetable.panel import TimetablePanel
from tests.helpers.layout import clipped_controls, cramped_scroll_area, screenshot, settle, sideways_scrolling
from tests.helpers.walk import Walk

PASSPHRASE = "a long and private passphrase"
NOTE = "They said the front door is quicker now"


def test_a_new_user_writes_the_first_note_within_twelve_actions(qtbot: QtBot) -> None:
    app = make_app()
    controller = Controller(app)
    controller.show_start()
    qtbot.waitExposed(controller.start)
    walk = Walk(qtbot)

    def fill_in(dialog: NewReviewDialog) -> None:
        qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.authority, timeout=5000)
        walk.type_here("Eastmere Borough Council", "host authority")
        walk.tab()
        walk.name_and_passphrase("Sam Okafor", PASSPHRASE)

    walk.when_modal(NewReviewDialog, fill_in)
    walk.shortcut(controller.start, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    walk.check()
    qtbot.waitUntil(lambda: len(controller.windows) == 1, timeout=20000)
    window = controller.windows[0]
    assert isinstance(window, MainWindow)
    window.resize(1366, 768)
    timetable = window.panels["dock-timetable"]
    assert isinstance(timetable, TimetablePanel)

    # The empty timetable offers the first interview in place, with the keys already there.
    qtbot.waitUntil(lambda: timetable.empty.group.hasFocus(), timeout=5000)
    screenshot(window, "timetable-first-step")
    walk.type_here("Foster carers", "stakeholder group")
    walk.enter()
    notes_panel = window.notes_panel
    assert isinstance(notes_panel, NotesPanel)
    qtbot.waitUntil(lambda: notes_panel.editor.hasFocus(), timeout=5000)
    walk.type_here(NOTE, "the first note")
    walk.within(12)

    window.flush_edits()
    store = window.session.store
    [interview] = tt.timetable(store).interviews
    assert interview.group == "Foster carers"
    [note] = notes.notes_of_interview(store, interview.id)
    qtbot.waitUntil(lambda: notes.body(store, note.id) == NOTE, timeout=5000)
    assert QApplication.activeModalWidget() is None
    settle()
    screenshot(window, "first-note")
    # What the new user sees now is whole: the note taker fits its dock and nothing in it is cut.
    dock = window.docks["dock-notes"].widget()
    assert isinstance(dock, QScrollArea)
    found = cramped_scroll_area(dock) + sideways_scrolling(dock) + clipped_controls(window)
    assert found == [], "\n".join(found)
    window.close()
    controller.start.close()


def test_esc_on_a_half_typed_new_review_asks_before_throwing_it_away(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QMessageBox

    dialog = NewReviewDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    walk = Walk(qtbot)
    walk.type(dialog.authority, "Eastmere", "host authority")

    def keep(box: QMessageBox) -> None:
        assert box.objectName() == "confirmDiscard"
        walk.key(box, Qt.Key.Key_Escape)  # Esc again keeps the typing

    walk.when_modal(QMessageBox, keep)
    walk.key(dialog.authority, Qt.Key.Key_Escape)
    walk.check()
    assert dialog.isVisible() and dialog.authority.text() == "Eastmere"

    def discard(box: QMessageBox) -> None:
        throw = next(b for b in box.buttons() if b.text() == "Throw it away")
        walk.click(throw, "Throw it away")

    walk.when_modal(QMessageBox, discard)
    walk.key(dialog.authority, Qt.Key.Key_Escape)
    walk.check()
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected

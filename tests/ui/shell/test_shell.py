"""The app shell as a user meets it: start screen, new review, the main window, undo, lock, layout."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QDialog, QDockWidget, QLabel, QPushButton, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from peerdesk.services import review
from peerdesk.store.engine import Store
from peerdesk.ui.kit import settings as ui_settings
from peerdesk.ui.kit.autosave_text import TYPING_PAUSE_MS
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.kit.widgets import EmptyState
from peerdesk.ui.shell.app import Controller, make_app
from peerdesk.ui.shell.dialogs import NewReviewDialog
from peerdesk.ui.shell.main_window import MainWindow
from tests.helpers.clock import Clock


def open_window(qtbot: QtBot, store: Store) -> MainWindow:
    controller = Controller(make_app())
    window = controller.open_window(store)
    qtbot.addWidget(window)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    return window


def scroll_to_the_end(panel: QWidget) -> None:
    """Scroll the panel's form to its end, as a user does with the wheel or the scroll bar."""
    window = panel.window()
    assert isinstance(window, MainWindow)
    window.show_work(panel)
    QApplication.processEvents()  # its tab shown and laid out: the scroll bar has its range
    bar = panel.findChild(QScrollArea).verticalScrollBar()
    bar.setValue(bar.maximum())
    QApplication.processEvents()


def test_new_review_dialog_asks_only_the_essentials_and_validates(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = NewReviewDialog(folder=tmp_path)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.authority, "Ravensby Council")
    assert dialog.path() == tmp_path / "ravensby-council.peerdesk"
    qtbot.keyClicks(dialog.me, "Dana Lead")
    qtbot.keyClicks(dialog.pass1, "short")
    dialog.create_button.click()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "at least 10" in dialog.error.text()
    dialog.pass1.setText("a much longer passphrase")
    dialog.pass2.setText("a different one entirely")
    dialog.create_button.click()
    assert "differ" in dialog.error.text()
    dialog.pass2.setText("a much longer passphrase")
    dialog.day1.setDate(QDate(2026, 9, 14))
    dialog.create_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    essentials = dialog.essentials()
    assert (essentials.authority, essentials.me_name, str(essentials.visit_start), str(essentials.visit_end)) == (
        "Ravensby Council",
        "Dana Lead",
        "2026-09-14",
        "2026-09-15",
    )


def test_the_passphrase_meter_hints_at_strength(qtbot: QtBot) -> None:
    dialog = NewReviewDialog()
    qtbot.addWidget(dialog)
    dialog.pass1.setText("aaaaaaaaaaaa")
    weak = dialog.strength.bar.value()
    dialog.pass1.setText("maple tractor Harbour 42 quietly")
    assert dialog.strength.bar.value() > weak
    assert dialog.strength.hint.text() == "Strong."


def test_main_window_has_one_dock_per_panel_with_real_empty_states(qtbot: QtBot, store: Store) -> None:
    window = open_window(qtbot, store)
    names = {d.objectName() for d in window.findChildren(QDockWidget)}
    assert {"dock-timetable", "dock-notes", "dock-quotes", "dock-insights"} <= names
    for dock in window.findChildren(QDockWidget):
        text = " ".join(label.text() for label in dock.findChildren(QLabel))
        assert "TODO" not in text.upper()
    assert window.findChildren(EmptyState), "an empty review shows empty states with a hint"
    assert "Westfold County Council" in window.windowTitle()


def test_editing_the_overview_saves_at_once_and_undo_restores(qtbot: QtBot, store: Store) -> None:
    window = open_window(qtbot, store)
    edit = window.overview.line_edits["focus"]
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "Placement stability")
    edit.editingFinished.emit()
    assert review.summary(store).focus == "Placement stability"
    assert window.saved_label.text() == "All changes saved"
    window.action_undo.trigger()
    assert review.summary(store).focus == "Children in care"
    window.action_redo.trigger()
    assert review.summary(store).focus == "Placement stability"


def test_planning_text_autosaves_after_a_pause_and_typing_merges_into_one_undo_step(qtbot: QtBot, store: Store) -> None:
    window = open_window(qtbot, store)
    scroll_to_the_end(window.overview)  # the planning form is below the review: a scroll builds it
    vision = window.overview.planning["vision"]
    clock = Clock()
    vision.pause.clock = clock
    vision.setFocus()
    qtbot.keyClicks(vision, "Children stay")
    clock.advance(TYPING_PAUSE_MS)
    assert vision.pause.check()  # a pause in typing saves
    assert review.planning_answers(store)["vision"] == "Children stay"
    qtbot.keyClicks(vision, " close to home")
    vision.flush()
    assert review.planning_answers(store)["vision"] == "Children stay close to home"
    window.action_undo.trigger()
    assert review.planning_answers(store)["vision"] == "Children stay"
    assert vision.toPlainText() == "Children stay"


def test_candidate_areas_can_be_added_edited_and_removed_with_undo(qtbot: QtBot, store: Store) -> None:
    window = open_window(qtbot, store)
    overview = window.overview
    scroll_to_the_end(overview)
    model = overview.candidate_areas_model
    [add_button] = [b for b in overview.findChildren(QPushButton) if b.text() == "Add candidate area"]
    add_button.click()
    assert model.rowCount() == 1
    model.setData(model.index(0, 0), "Edge of care")
    assert model.data(model.index(0, 0)) == "Edge of care"
    window.action_undo.trigger()
    assert model.data(model.index(0, 0)) == "New area"
    window.action_undo.trigger()
    assert model.rowCount() == 0


def test_lock_hides_the_review_until_the_passphrase_is_entered(qtbot: QtBot, store: Store, passphrase: str) -> None:
    window = open_window(qtbot, store)
    window.show()
    window.overview.line_edits["lead_officers"].setText("typed before locking")
    window.action_lock.trigger()
    assert window.session.locked
    assert window.stack.currentWidget() is window.lock_screen
    assert all(not d.isVisible() for d in window.docks.values())
    qtbot.keyClicks(window.lock_screen.edit, "wrong passphrase")
    qtbot.keyClick(window.lock_screen.edit, Qt.Key.Key_Return)
    assert window.session.locked and "not right" in window.lock_screen.error.text()
    window.lock_screen.edit.setText(passphrase)
    qtbot.keyClick(window.lock_screen.edit, Qt.Key.Key_Return)
    assert not window.session.locked
    assert window.stack.currentWidget() is window.work
    assert window.overview.line_edits["lead_officers"].text() == "typed before locking"


def test_window_layout_is_remembered(qtbot: QtBot, store: Store, passphrase: str) -> None:
    window = open_window(qtbot, store)
    window.show()
    window.docks["dock-insights"].hide()
    path = store.path
    window.close()
    again = open_window(qtbot, Store.open(path, passphrase))
    again.show()
    assert not again.docks["dock-insights"].isVisible()
    assert again.docks["dock-quotes"].isVisible()
    again.close()


def test_opening_a_review_adds_it_to_recent_files_and_the_start_screen(qtbot: QtBot, store: Store) -> None:
    controller = Controller(make_app())
    window = controller.open_window(store)
    qtbot.addWidget(window)
    assert ui_settings.recent_files()[0] == store.path.resolve()
    controller.start.refresh()
    assert controller.start.recent.count() == 1
    assert store.path.stem in controller.start.recent.item(0).text()


def test_keyboard_shortcuts_are_listed_from_the_actions(qtbot: QtBot, session: ReviewSession) -> None:
    window = MainWindow(session)
    qtbot.addWidget(window)
    rows = dict(window.shortcut_rows())
    assert rows["Lock"] == "Ctrl+L"
    assert "Undo" in " ".join(rows)

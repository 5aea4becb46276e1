"""The non-attribution guard's dialogs: names to guard, and quotes that may identify someone."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QPushButton

from peerdesk.services import guard, records
from peerdesk.ui.shell.main_window import MainWindow


def test_names_are_added_in_the_dialog_as_undo_steps(qtbot: Any, window: MainWindow) -> None:
    dialog = window.safety.show_names()
    assert window.safety.show_names() is dialog  # one at a time
    dialog.name_edit.setText("  Priya   Patel ")
    dialog.kind.setCurrentIndex(0)
    dialog.add()
    assert guard.guarded_names(window.session.store) == ("Priya Patel",)
    assert dialog.model.rowCount() == 1
    window.session.undo_stack.undo()
    assert guard.guarded_names(window.session.store) == ()
    window.session.undo_stack.redo()
    window.lock()
    assert not dialog.isVisible()  # the names are hidden with the rest of the review
    window.unlock()
    dialog = window.safety.show_names()
    assert not dialog.remove_button.isEnabled()
    dialog.view.selectRow(0)
    assert dialog.remove_button.isEnabled()
    dialog.remove_selected()
    assert guard.guarded_names(window.session.store) == ()
    dialog.close()


def test_flagged_quotes_are_decided_in_the_dialog_and_decisions_undo(qtbot: Any, window: MainWindow) -> None:
    store = window.session.store
    guard.add_name(store, "Priya Patel", "interviewee")
    records.create(store, "quotes", text="Priya always finds a way to help the team.")
    records.create(store, "quotes", text="We never get a quiet week.")
    dialog = window.safety.show_flagged()
    assert dialog.model.rowCount() == 1 and "1 still to decide" in dialog.summary.text()
    keep = dialog.findChild(QPushButton, "decide-keep")
    assert keep is not None and not keep.isEnabled()  # nothing picked: a press decided nothing
    dialog.view.selectRow(0)
    assert keep.isEnabled()
    dialog.decide("exclude")
    assert guard.flagged_quotes(store)[0].decision == "exclude"
    assert "0 still to decide" in dialog.summary.text()
    window.session.undo_stack.undo()
    assert guard.flagged_quotes(store)[0].decision == guard.UNDECIDED
    dialog.close()


def test_tab_leaves_the_flagged_quotes_for_the_decisions(qtbot: Any, window: MainWindow) -> None:
    """Keyboard only: Tab walked the table's cells for ever, so Keep and Leave out needed a mouse."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    store = window.session.store
    guard.add_name(store, "Priya Patel", "interviewee")
    records.create(store, "quotes", text="Priya always finds a way to help the team.")
    dialog = window.safety.show_flagged()
    dialog.view.setFocus()
    QTest.keyClick(dialog.view, Qt.Key.Key_Down)
    QTest.keyClick(dialog.view, Qt.Key.Key_Tab)
    focused = dialog.focusWidget()
    assert focused is not None and focused.objectName() == "decide-keep"
    dialog.close()

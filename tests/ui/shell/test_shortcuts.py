"""Help ▸ Keyboard shortcuts: every key, grouped by where it works, in a box that fits a laptop's screen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from peerdesk.ui.shell.main_window import MainWindow
from peerdesk.ui.shell.shortcuts import EVERYWHERE, MAX_HEIGHT, ShortcutsDialog, listed


def opened(qtbot: QtBot, window: MainWindow) -> ShortcutsDialog:
    qtbot.keyClick(window, Qt.Key.Key_F1)  # as a user asks for it
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, ShortcutsDialog)
    qtbot.addWidget(dialog)
    return dialog


def test_f1_lists_every_key_under_where_it_works_the_same_key_in_two_places_included(
    qtbot: QtBot, main_window: MainWindow
) -> None:
    main_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main_window)
    dialog = opened(qtbot, main_window)
    qtbot.waitUntil(dialog.filter.hasFocus)  # typing finds at once
    rows = dialog.visible_rows()
    assert ("File", "Lock", "Ctrl+L") in rows and ("Help", "Keyboard shortcuts", "F1") in rows
    # Ctrl+D is two things: it says which, where.
    assert ("In the Quotes panel", "Star", "Ctrl+D") in rows
    assert ("In the Timetable panel", "Duplicate", "Ctrl+D") in rows
    assert (EVERYWHERE, "Go to Quotes", "Ctrl+Shift+3") in rows
    # Panels and tabs never opened yet are built for it: their keys are listed too.
    assert ("In the Wall tab", "New post-it", "Ins") in rows
    # A hidden action's key does nothing: the workshop's board of ideas has no roses, thorns or buds.
    assert ("In the Wall tab", "Rose", "Ctrl+1") in rows and ("In the Workshop tab", "Rose", "Ctrl+1") not in rows
    assert ("In the Interview notes panel", "Capture quote", "Ctrl+Q") in rows
    assert len(rows) == len(set(rows))
    menus = [where for where, _name, _keys in rows if not where.startswith("In ") and where != EVERYWHERE]
    assert list(dict.fromkeys(menus))[:3] == ["File", "Edit", "View"]  # the menu bar's order, then the panels
    wheres = [where for where, _name, _keys in rows]
    last_panel = max(n for n, where in enumerate(wheres) if where.startswith("In "))
    assert wheres.index(EVERYWHERE) > last_panel and set(wheres[last_panel + 1 :]) == {EVERYWHERE}  # then anywhere


def test_the_box_fits_a_laptop_screen_and_its_list_scrolls(qtbot: QtBot, main_window: MainWindow) -> None:
    dialog = main_window.show_shortcuts()
    qtbot.addWidget(dialog)
    assert dialog.height() <= MAX_HEIGHT < 768 - 60  # 917 pixels tall it was, its OK button below the screen
    assert len(dialog.visible_rows()) > 30 and dialog.tree.verticalScrollBar().maximum() > 0


def test_typing_keeps_the_rows_holding_a_name_or_a_key(qtbot: QtBot, main_window: MainWindow) -> None:
    dialog = main_window.show_shortcuts()
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.filter, "ctrl+d")
    assert dialog.visible_rows() == [
        ("In the Quotes panel", "Star", "Ctrl+D"),
        ("In the Timetable panel", "Duplicate", "Ctrl+D"),
    ]
    dialog.filter.setText("capture")
    assert dialog.visible_rows() == [("In the Interview notes panel", "Capture quote", "Ctrl+Q")]
    dialog.filter.setText("no such thing")
    assert dialog.visible_rows() == []
    dialog.filter.clear()
    assert len(dialog.visible_rows()) > 30


def test_the_list_names_only_what_is_built_until_f1_builds_the_rest(main_window: MainWindow) -> None:
    before = listed(main_window, main_window.work)
    assert not any(s.where == "In the Wall tab" for s in before)  # opening the window builds no wall
    assert all("&" not in s.name and s.keys for s in before)

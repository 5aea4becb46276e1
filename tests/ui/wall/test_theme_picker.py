"""Choosing a theme by its heading from the keyboard: typing narrows the list, arrows move in it, Enter takes it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from peerdesk.ui.wall.theme_picker import UNTITLED, ThemePicker
from tests.helpers.layout import tooltip_shown

THEMES = [
    ("w", "Workload and staying power"),
    ("v", "Children's and carers' voice"),
    ("l", "Visible leadership"),
    ("u", ""),
]


def picker(qtbot: QtBot) -> ThemePicker:
    dialog = ThemePicker(None, "Move post-it to theme", "Move", THEMES)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def shown(dialog: ThemePicker) -> list[str]:
    return [dialog.shown.index(r, 0).data() for r in range(dialog.shown.rowCount())]


def test_typing_narrows_the_list_and_enter_takes_the_theme_under_the_cursor(qtbot: QtBot) -> None:
    dialog = picker(qtbot)
    assert dialog.search.hasFocus() and shown(dialog) == [h or UNTITLED for _, h in THEMES]
    qtbot.keyClicks(dialog.search, "CARE")  # any case, anywhere in the heading
    assert shown(dialog) == ["Children's and carers' voice"]
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    assert dialog.chosen() == "v"


def test_arrows_in_the_search_box_move_down_the_list(qtbot: QtBot) -> None:
    dialog = picker(qtbot)
    qtbot.keyClicks(dialog.search, "s")  # every theme with a heading has an s
    assert len(shown(dialog)) == 3 and dialog.chosen() == "w"
    qtbot.keyClick(dialog.search, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.search, Qt.Key.Key_Down)
    assert dialog.chosen() == "l" and dialog.search.hasFocus()  # typing can go on
    qtbot.keyClick(dialog.search, Qt.Key.Key_Up)
    assert dialog.chosen() == "v"


def test_when_no_heading_matches_nothing_can_be_taken(qtbot: QtBot) -> None:
    dialog = picker(qtbot)
    qtbot.keyClicks(dialog.search, "zebra")
    assert shown(dialog) == [] and dialog.chosen() is None
    assert not dialog.buttons.primary.isEnabled()
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    assert dialog.isVisible()
    qtbot.keyClick(dialog.search, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.result() == 0


def test_a_heading_with_markup_is_listed_and_tipped_as_written(qtbot: QtBot) -> None:
    heading = "<b>Voice</b> & <img src='x'> influence"  # a theme named in a colleague's file
    dialog = ThemePicker(None, "Move post-it to theme", "Move", [("m", heading)])
    qtbot.addWidget(dialog)
    item = dialog.model.item(0)
    assert item.text() == heading and tooltip_shown(item.toolTip()) == heading

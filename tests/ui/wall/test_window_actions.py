"""Wall ▸ Read out (Ctrl+R) from anywhere in the window: the wall comes forward and says what waits."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from peerdesk.services import wall
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.wall.scene import DAY2, EVENING
from tests.helpers.user_actions import Counted, main_window
from tests.helpers.wall_data import seed_postits


def test_ctrl_r_with_the_focus_elsewhere_brings_the_read_out_and_says_so(qtbot: QtBot, session: ReviewSession) -> None:
    seed_postits(session.store, positioned=False)
    window = main_window(qtbot, session)
    assert window.wall_menu.title() == "W&all"
    assert "Ctrl+R" in [a.shortcut().toString() for a in window.wall_menu.actions()]
    field = next(e for e in window.overview.findChildren(QLineEdit) if e.isVisible())
    field.setFocus()  # the focus is far from the wall, in the overview's form
    qtbot.waitUntil(field.hasFocus)
    Counted(qtbot).key(Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert window.work.currentWidget().isAncestorOf(window.wall)
    assert window.wall.read_out.isVisible()
    assert window.statusBar().currentMessage() == "Reading out: 6 post-its to place"


def test_with_everything_placed_ctrl_r_says_so_and_place_is_disabled(qtbot: QtBot, session: ReviewSession) -> None:
    ids = seed_postits(session.store, positioned=False)
    wall.set_placed(session.store, ids, True)
    window = main_window(qtbot, session)
    window.findChild(type(window.wall_menu.actions()[0]), "actionReadOut").trigger()
    card = window.wall.read_out
    assert not card.place_button.isEnabled() and not card.skip.isEnabled()
    assert window.statusBar().currentMessage() == "Every post-it has been read out and placed."


def test_the_wall_menu_lists_the_wall_s_actions_with_their_shortcuts(qtbot: QtBot, session: ReviewSession) -> None:
    seed_postits(session.store)
    window = main_window(qtbot, session)
    window.wall_menu.aboutToShow.emit()
    shortcuts = {a.text(): a.shortcut().toString() for a in window.wall_menu.actions() if a.text()}
    assert shortcuts["&Read out post-its"] == "Ctrl+R"
    assert shortcuts["Make insight"] == "Ctrl+I"
    assert shortcuts["Group as theme"] == "Ctrl+G"
    assert shortcuts["Fit all"] == "Ctrl+0"
    assert "Solution ideas from buds…" in shortcuts  # its toolbar button is folded into » on a narrow wall


def test_f8_from_another_tab_brings_the_day2_canvas_with_the_keyboard_on_it(
    qtbot: QtBot, session: ReviewSession
) -> None:
    seed_postits(session.store)
    window = main_window(qtbot, session)
    field = next(e for e in window.overview.findChildren(QLineEdit) if e.isVisible())
    field.setFocus()  # Day 2 morning: the window opens on the overview, the wall not yet shown
    qtbot.waitUntil(field.hasFocus)
    Counted(qtbot).key(Qt.Key.Key_F8)
    assert window.work.currentWidget().isAncestorOf(window.wall)
    assert window.wall.scene.mode == DAY2 and window.wall.action_day2.isChecked()
    qtbot.waitUntil(window.wall.view.hasFocus)
    Counted(qtbot).key(Qt.Key.Key_F7)  # once on the wall, F7 is not cancelled out by a second key
    assert window.wall.scene.mode == EVENING

"""The notice bar says things inside a panel without taking the keyboard: typing goes on where it was."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from peerdesk.ui.kit.notice_bar import NoticeBar, mnemonic


def page(qtbot: QtBot) -> tuple[QWidget, NoticeBar, QLineEdit]:
    root = QWidget()
    layout = QVBoxLayout(root)
    bar = NoticeBar("testNotices")
    edit = QLineEdit()
    layout.addWidget(bar)
    layout.addWidget(edit)
    qtbot.addWidget(root)
    root.show()
    qtbot.waitExposed(root)
    root.activateWindow()
    qtbot.waitUntil(root.isActiveWindow)
    edit.setFocus()
    return root, bar, edit


def test_the_bar_is_hidden_until_a_notice_and_then_says_it_with_its_choices_and_dismiss(qtbot: QtBot) -> None:
    _root, bar, _edit = page(qtbot)
    assert bar.isHidden() and bar.text() == ""
    bar.show_notice("Import x.pdbundle?", [("Im&port", lambda: None)], kind="warning")
    assert bar.isVisible() and bar.text() == "Import x.pdbundle?" and bar.kind == "warning"
    assert [b.text() for b in bar.buttons] == ["Im&port", "&Dismiss"]
    assert bar.accessibleName() == "Notice: Import x.pdbundle?"


def test_neither_the_bar_nor_its_buttons_take_the_keyboard_and_typing_goes_on(qtbot: QtBot) -> None:
    _root, bar, edit = page(qtbot)
    qtbot.keyClicks(edit, "half a sent")
    bar.show_notice("Something happened", [("&Look", lambda: None)])
    qtbot.keyClicks(edit, "ence")
    assert edit.text() == "half a sentence" and QApplication.focusWidget() is edit
    assert QApplication.activeModalWidget() is None
    assert bar.focusPolicy() == Qt.FocusPolicy.NoFocus
    assert all(b.focusPolicy() == Qt.FocusPolicy.NoFocus for b in bar.buttons)


def test_a_choice_runs_and_hides_the_bar_and_its_tooltip_names_its_alt_key(qtbot: QtBot) -> None:
    _root, bar, edit = page(qtbot)
    chosen: list[str] = []
    bar.show_notice("Import it?", [("Im&port", lambda: chosen.append("import"))])
    button = bar.button("Import")
    assert button.toolTip() == f"Import ({mnemonic('Im&port')})" and mnemonic("Im&port").endswith("P")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert chosen == ["import"] and bar.isHidden()
    assert QApplication.focusWidget() is edit


def test_the_alt_key_of_a_choice_presses_it_from_where_the_user_types(qtbot: QtBot) -> None:
    _root, bar, edit = page(qtbot)
    chosen: list[str] = []
    bar.show_notice("Import it?", [("Im&port", lambda: chosen.append("import"))])
    qtbot.keyClick(edit, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: chosen == ["import"], timeout=2000)  # a mnemonic animates the click first
    assert QApplication.focusWidget() is edit and edit.text() == ""


def test_a_new_notice_replaces_the_old_one_and_dismiss_if_hides_only_what_is_no_longer_true(qtbot: QtBot) -> None:
    _root, bar, _edit = page(qtbot)
    bar.show_notice("Could not save: the disk is full", kind="error")
    bar.show_notice("Could not save: the disk is still full", [("&Retry", lambda: None)], kind="nonsense")
    assert bar.text().endswith("still full") and len(bar.buttons) == 2 and bar.kind == "info"
    bar.dismiss_if("Something else")
    assert bar.isVisible()
    bar.dismiss_if("Could not save")
    assert bar.isHidden()
    bar.show_notice("Again")
    bar.button("Dismiss").click()
    assert bar.isHidden()


def test_a_notice_may_word_its_dismiss_button_and_then_shows_only_that_one(qtbot: QtBot) -> None:
    # Seen in the team's walk: the bundle offer showed "Not now" and "Dismiss", which did the same.
    _root, bar, _edit = page(qtbot)
    bar.show_notice("Import x.pdbundle?", [("Im&port", lambda: None)], dismiss="&Not now")
    assert [b.text() for b in bar.buttons] == ["Im&port", "&Not now"]
    qtbot.mouseClick(bar.button("Not now"), Qt.MouseButton.LeftButton)
    assert bar.isHidden()
    bar.show_notice("Saved elsewhere")  # the next notice has the bar's own Dismiss again
    assert [b.text() for b in bar.buttons] == ["&Dismiss"]


def test_a_held_bar_stays_hidden_whatever_comes_and_release_shows_the_latest_only_if_one_is_due(qtbot: QtBot) -> None:
    """A locked window holds its bar: nothing of the review shows beside the lock screen."""
    _root, bar, _edit = page(qtbot)
    bar.show_notice("Saved elsewhere")
    bar.hold()
    assert bar.isHidden()
    bar.show_notice("Import from-jo.pdbundle into Eastmere?", [("Im&port", lambda: None)])
    assert bar.isHidden()  # while held
    bar.release()
    assert bar.isVisible() and bar.text() == "Import from-jo.pdbundle into Eastmere?"
    bar.buttons[-1].click()  # dismissed
    bar.hold()
    bar.release()
    assert bar.isHidden()  # nothing was shown before the hold, nothing came during it

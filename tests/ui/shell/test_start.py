"""The start screen: its buttons, and the File menu's keys (Ctrl+N, Ctrl+O) working here too."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from peerdesk.ui.shell.main_window import QUOTE_KEY, quit_shortcut
from peerdesk.ui.shell.start import StartScreen


def test_ctrl_n_and_ctrl_o_work_on_the_start_screen_and_are_shown_on_the_buttons(qtbot: QtBot) -> None:
    screen = StartScreen()
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitExposed(screen)
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow)
    native = QKeySequence.SequenceFormat.NativeText
    assert QKeySequence(QKeySequence.StandardKey.Open).toString(native) in screen.open_button.text()
    with qtbot.waitSignal(screen.open_other, timeout=2000):
        QTest.keyClick(screen, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    with qtbot.waitSignal(screen.new_review, timeout=2000):
        QTest.keyClick(screen, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    with qtbot.waitSignal(screen.join_review, timeout=2000):
        qtbot.mouseClick(screen.join_button, Qt.MouseButton.LeftButton)


def test_quit_never_takes_the_quote_capture_key() -> None:
    assert quit_shortcut().matches(QUOTE_KEY) != QKeySequence.SequenceMatch.ExactMatch

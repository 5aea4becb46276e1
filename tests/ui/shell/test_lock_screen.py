"""The lock screen: the right passphrase unlocks, a wrong one is said and selected for retyping."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.shell.lock_screen import LockScreen


def test_only_the_review_s_passphrase_unlocks(qtbot: QtBot, session: ReviewSession, passphrase: str) -> None:
    screen = LockScreen(session)
    qtbot.addWidget(screen)
    screen.show()
    assert screen.edit.echoMode() == screen.edit.EchoMode.Password
    with qtbot.assertNotEmitted(screen.unlocked):
        qtbot.keyClicks(screen.edit, "not the passphrase")
        qtbot.keyClick(screen.edit, Qt.Key.Key_Return)
    assert "not right" in screen.error.text() and screen.edit.selectedText() == "not the passphrase"
    screen.edit.setText(passphrase)
    with qtbot.waitSignal(screen.unlocked, timeout=5000):
        qtbot.keyClick(screen.edit, Qt.Key.Key_Return)
    assert screen.edit.text() == "" and screen.error.text() == ""

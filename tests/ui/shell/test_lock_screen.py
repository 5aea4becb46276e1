"""The lock screen: only the review's passphrase unlocks it."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.shell.lock_screen import LockScreen


def test_a_wrong_passphrase_says_so_and_the_right_one_unlocks(
    qtbot: QtBot, session: ReviewSession, passphrase: str
) -> None:
    screen = LockScreen(session)
    qtbot.addWidget(screen)
    unlocked: list[bool] = []
    screen.unlocked.connect(lambda: unlocked.append(True))
    screen.edit.setText("not the passphrase")
    screen.try_unlock()
    assert not unlocked and "not right" in screen.error.text()
    screen.edit.setText(passphrase)
    screen.try_unlock()
    assert unlocked == [True]
    assert screen.edit.text() == "" and screen.error.text() == ""  # nothing of the passphrase is kept

"""Auto-lock: idle time locks the main window, input keeps it unlocked, nothing typed is lost."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from peerdesk.services import review as review_service
from peerdesk.ui.shell.main_window import MainWindow
from tests.conftest import PASSPHRASE


def test_idle_time_locks_the_window_and_nothing_typed_is_lost(qtbot: Any, window: MainWindow) -> None:
    aim = window.overview.texts["aim"]
    aim.setFocus()
    qtbot.keyClicks(aim, "Understand the front door")  # still in the typing pause: not saved yet
    window.safety.idle.set_timeout(150)
    qtbot.waitUntil(lambda: window.session.locked, timeout=3000)
    assert window.stack.currentWidget() is window.lock_screen
    assert not any(d.isVisible() for d in window.docks.values())
    assert review_service.summary(window.session.store).aim == "Understand the front door"
    window.lock_screen.edit.setText("wrong passphrase!")
    window.lock_screen.try_unlock()
    assert window.session.locked
    window.lock_screen.edit.setText(PASSPHRASE)
    window.lock_screen.try_unlock()
    assert not window.session.locked and window.stack.currentWidget() is window.work
    assert aim.toPlainText() == "Understand the front door"


def test_input_keeps_the_window_unlocked(qtbot: Any, window: MainWindow) -> None:
    window.safety.idle.set_timeout(400)
    for _ in range(6):
        qtbot.wait(120)
        qtbot.keyClick(window.overview.texts["aim"], Qt.Key.Key_Shift)
    assert not window.session.locked
    qtbot.waitUntil(lambda: window.session.locked, timeout=3000)

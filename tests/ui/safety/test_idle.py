"""Auto-lock: idle time locks the main window, input keeps it unlocked, nothing typed is lost.

Time is the lock's own injected clock, moved on by the test: nothing here waits for real time to pass.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QLineEdit

from peerdesk.services import review as review_service
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.safety.idle import IdleLock
from peerdesk.ui.shell.main_window import MainWindow
from tests.conftest import PASSPHRASE
from tests.helpers.clock import Clock


def frozen(window: MainWindow, timeout_ms: int) -> Clock:
    clock = Clock()
    window.safety.idle.clock = clock
    window.safety.idle.set_timeout(timeout_ms)
    return clock


def test_idle_time_locks_the_window_and_nothing_typed_is_lost(qtbot: Any, window: MainWindow) -> None:
    clock = frozen(window, 10 * 60_000)
    aim = window.overview.texts["aim"]
    aim.setFocus()
    qtbot.keyClicks(aim, "Understand the front door")  # still in the typing pause: not saved yet
    clock.advance(10 * 60_000)
    assert window.safety.idle.check()
    assert window.session.locked and window.stack.currentWidget() is window.lock_screen
    assert not any(d.isVisible() for d in window.docks.values())
    assert review_service.summary(window.session.store).aim == "Understand the front door"
    window.lock_screen.edit.setText("wrong passphrase!")
    window.lock_screen.try_unlock()
    assert window.session.locked
    window.lock_screen.edit.setText(PASSPHRASE)
    window.lock_screen.try_unlock()
    assert not window.session.locked and window.stack.currentWidget() is window.work
    assert aim.toPlainText() == "Understand the front door"


def test_input_starts_the_count_again(qtbot: Any, window: MainWindow) -> None:
    clock = frozen(window, 10 * 60_000)
    for _ in range(3):
        clock.advance(9 * 60_000)
        qtbot.keyClick(window.overview.texts["aim"], Qt.Key.Key_Shift)
        assert not window.safety.idle.check()
    clock.advance(9 * 60_000)
    assert not window.safety.idle.check() and not window.session.locked
    clock.advance(60_000)
    assert window.safety.idle.check() and window.session.locked


def test_the_timer_looks_again_when_the_stretch_would_end(qtbot: Any) -> None:
    clock, locked, owner = Clock(), [], QObject()
    idle = IdleLock(lambda: locked.append(True), 60_000, owner, clock=clock)
    clock.advance(45_000)
    assert not idle.check() and idle.timer.interval() == 15_000  # it looks again exactly when the stretch would end
    idle.pause()
    clock.advance(60_000)
    assert not idle.check() and not idle.timer.isActive(), "paused (the window is locked): nothing to do"
    idle.resume()
    clock.advance(60_000)
    idle.timer.start(1)  # the timer's only job is to call check(): let it do so now
    qtbot.waitUntil(lambda: bool(locked), timeout=5000)
    assert locked == [True]


def test_input_counts_only_once_watching_and_the_main_window_watches_from_its_first_show(
    qtbot: Any, session: ReviewSession
) -> None:
    """Building a window sends thousands of events and no input: the window's lock watches from its first show."""
    clock, owner = Clock(), QObject()
    idle = IdleLock(lambda: None, 60_000, owner, clock=clock, watching=False)
    target = QLineEdit()
    qtbot.addWidget(target)
    clock.advance(30_000)
    qtbot.keyClick(target, Qt.Key.Key_A)
    assert idle.last_input == 1_000_000 and not idle.watching  # not watching yet: the key went unseen
    idle.watch()
    qtbot.keyClick(target, Qt.Key.Key_A)
    assert idle.last_input == 1_030_000

    window = MainWindow(session)
    qtbot.addWidget(window)
    assert not window.safety.idle.watching
    window.show()
    assert window.safety.idle.watching

"""Auto-lock: after a stretch with no key press, click or mouse movement anywhere in the app, lock the window.

The timer only says when to look again; whether the stretch is over is read from ``clock`` (milliseconds, monotonic
by default). A test gives its own clock and moves it on, so no test waits for real minutes, or depends on how
quickly a busy machine delivers timer events.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QInputEvent, QInputMethodEvent
from PySide6.QtWidgets import QApplication

ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.InputMethod,
    }
)


def monotonic_ms() -> float:
    return time.monotonic() * 1000


class IdleLock(QObject):
    """Calls ``lock`` after ``timeout_ms`` without user input (0 or less: never). Any input starts the count again."""

    def __init__(
        self,
        lock: Callable[[], None],
        timeout_ms: int,
        parent: QObject | None = None,
        clock: Callable[[], float] = monotonic_ms,
        *,
        watching: bool = True,
    ) -> None:
        """``watching=False``: input counts only from ``watch()`` on (see there)."""
        super().__init__(parent)
        self._lock = lock
        self.clock = clock
        self.paused = False
        self.last_input = clock()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.check)
        self.watching = False
        if watching:
            self.watch()
        self.set_timeout(timeout_ms)

    def watch(self) -> None:
        """Count input from now on. An application-wide filter sees every event of every widget, each one a call
        into Python: a window that is being built sends thousands (polish, style, font, show) and no input, so
        the main window starts watching once it is shown."""
        app = QApplication.instance()
        if app is not None and not self.watching:
            app.installEventFilter(self)
            self.watching = True

    def set_timeout(self, timeout_ms: int) -> None:
        """A new timeout, counted from now."""
        self.timeout_ms = timeout_ms
        self.paused = False
        self.last_input = self.clock()
        if timeout_ms > 0:
            self.timer.start(timeout_ms)
        else:
            self.timer.stop()

    def pause(self) -> None:
        """While locked there is nothing to lock."""
        self.paused = True
        self.timer.stop()

    def resume(self) -> None:
        self.set_timeout(self.timeout_ms)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Every event of every widget passes here: the cheap type test lets all but input through at once.
        if not isinstance(event, QInputEvent | QInputMethodEvent):
            return False
        if event.type() in ACTIVITY and self.timeout_ms > 0 and not self.paused:
            self.last_input = self.clock()
        return False

    def check(self) -> bool:
        """Lock if the idle stretch is over (True), else look again when it would be."""
        if self.timeout_ms <= 0 or self.paused:
            return False
        idle = self.clock() - self.last_input
        if idle >= self.timeout_ms:
            self._lock()
            return True
        self.timer.start(max(1, int(self.timeout_ms - idle)))
        return False

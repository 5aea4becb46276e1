"""Auto-lock: after a stretch with no key press, click or mouse movement anywhere in the app, lock the window."""

from __future__ import annotations

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


class IdleLock(QObject):
    """Calls ``lock`` after ``timeout_ms`` without user input (0 or less: never). Restarted by any input."""

    def __init__(self, lock: Callable[[], None], timeout_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock = lock
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._expired)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.set_timeout(timeout_ms)

    def set_timeout(self, timeout_ms: int) -> None:
        self.timeout_ms = timeout_ms
        if timeout_ms > 0:
            self.timer.start(timeout_ms)
        else:
            self.timer.stop()

    def pause(self) -> None:
        """While locked there is nothing to lock."""
        self.timer.stop()

    def resume(self) -> None:
        self.set_timeout(self.timeout_ms)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Every event of every widget passes here: the cheap type test lets all but input through at once.
        if not isinstance(event, QInputEvent | QInputMethodEvent):
            return False
        if event.type() in ACTIVITY and self.timeout_ms > 0 and self.timer.isActive():
            self.timer.start(self.timeout_ms)
        return False

    def _expired(self) -> None:
        self._lock()

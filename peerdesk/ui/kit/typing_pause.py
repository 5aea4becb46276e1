"""When typed text is due to be saved (or searched for): once typing pauses for ``quiet_ms``, and, if
``max_wait_ms`` is given, at least that often during a long burst, so a note taker who never stops still has their
words on disk within a second.

As in the auto-lock (``ui/safety/idle.py``), the timer only says when to look again; whether the pause is long
enough is read from ``clock`` (milliseconds, monotonic by default). A test gives its own clock and moves it on, so
no test depends on how quickly a busy machine delivers timer events.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal


def monotonic_ms() -> float:
    return time.monotonic() * 1000


class TypingPause(QObject):
    """Emits ``due`` once the text typed since the last save should be saved; ``typed()`` after every edit."""

    due = Signal()

    def __init__(
        self,
        quiet_ms: int,
        max_wait_ms: int | None = None,
        parent: QObject | None = None,
        clock: Callable[[], float] = monotonic_ms,
    ) -> None:
        super().__init__(parent)
        self.quiet_ms, self.max_wait_ms = quiet_ms, max_wait_ms
        self.clock = clock
        self._first: float | None = None  # when the oldest unsaved edit was made; None when nothing waits
        self._last = 0.0  # when the newest edit was made
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.check)

    @property
    def pending(self) -> bool:
        """True while an edit waits for ``due``."""
        return self._first is not None

    def typed(self) -> None:
        now = self.clock()
        if self._first is None:
            self._first = now
        self._last = now
        self.timer.start(max(1, math.ceil(self._wait(now))))

    def stop(self) -> None:
        """Nothing waits any more (the text was just saved, or the note closed)."""
        self._first = None
        self.timer.stop()

    def _wait(self, now: float) -> float:
        assert self._first is not None
        due = self._last + self.quiet_ms
        if self.max_wait_ms is not None:
            due = min(due, self._first + self.max_wait_ms)
        return due - now

    def check(self) -> bool:
        """Emit ``due`` if the pause is long enough or the burst has gone on too long (True); else look again
        when it would be."""
        if self._first is None:
            return False
        wait = self._wait(self.clock())
        if wait <= 0:
            self.stop()
            self.due.emit()
            return True
        self.timer.start(max(1, math.ceil(wait)))
        return False

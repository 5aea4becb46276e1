"""A clock for the timers that take one (the auto-lock, the typing pause): time passes only when the test says so,
so no test waits for real time or depends on how quickly a busy machine delivers timer events."""

from __future__ import annotations


class Clock:
    """Milliseconds that pass only when the test says so."""

    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, ms: float) -> None:
        self.now += ms

"""Hybrid logical clock: the version stamped on every shared field.

A version is a fixed-width string ``"<ms:013d>.<counter:05d>.<member id>"`` so that plain string comparison
is the total order that merge needs: later wall time wins, then the higher counter, then the higher member id
(the deterministic tie-break every replica applies the same way).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

# A remote version more than this far ahead of our own wall clock is refused (see exchange.merge): a laptop
# whose clock was set years ahead must not win every conflict forever.
MAX_DRIFT_MS = 24 * 60 * 60 * 1000
ZERO = "0000000000000.00000."


@dataclass(frozen=True, order=True)
class Stamp:
    wall_ms: int
    counter: int
    member: str

    def __str__(self) -> str:
        return f"{self.wall_ms:013d}.{self.counter:05d}.{self.member}"

    @classmethod
    def parse(cls, text: str) -> Stamp:
        wall, counter, member = text.split(".", 2)
        if len(wall) != 13 or len(counter) != 5 or not wall.isdigit() or not counter.isdigit():
            raise ValueError(f"not a version stamp: {text!r}")
        return cls(int(wall), int(counter), member)


def now_ms() -> int:
    return int(time.time() * 1000)


class Clock:
    """Issues strictly increasing stamps for one member, never behind any stamp it has seen."""

    def __init__(self, member: str, last: str | None = None) -> None:
        self.member = member
        self._wall = 0
        self._counter = 0
        if last:
            self.observe(last)

    @property
    def last(self) -> str:
        return str(Stamp(self._wall, self._counter, self.member))

    def tick(self, wall: int | None = None) -> str:
        wall = now_ms() if wall is None else wall
        if wall > self._wall:
            self._wall, self._counter = wall, 0
        else:
            self._counter += 1
            if self._counter > 99999:  # keep the fixed width: borrow a millisecond
                self._wall, self._counter = self._wall + 1, 0
        return self.last

    def observe(self, version: str) -> None:
        """Move past a version seen elsewhere so our next stamp beats it."""
        seen = Stamp.parse(version)
        if (seen.wall_ms, seen.counter) > (self._wall, self._counter):
            self._wall, self._counter = seen.wall_ms, seen.counter

"""How long the guard takes per keystroke: a long note checked against a long list of names.

Figure: one ``check_text`` of a 4,000-character note against 300 guarded names (900 name variants) plus the
identifier rules. Floor, measured in the same run: one precompiled regular expression searching the same note
for a single word (the least any word-aware check must cost). Budget: well under a frame (16 ms).
"""

from __future__ import annotations

import random
import string
import time
from collections.abc import Callable

import pytest

from peerdesk.services import guard
from tests.bench.report import report

pytestmark = pytest.mark.bench
VOCABULARY = (
    "the team said caseloads are high but supervision helps and the new model makes sense to most of us "
    "although the front door is slow on mondays when referrals arrive in a rush"
)


def _best_ms(fn: Callable[[], object], repeat: int = 200) -> float:
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        for _ in range(repeat):
            fn()
        best = min(best, (time.perf_counter() - start) / repeat * 1000)
    return best


def test_bench_guard_check_per_keystroke() -> None:
    rng = random.Random(3)

    def word(lo: int, hi: int) -> str:
        return "".join(rng.choices(string.ascii_lowercase, k=rng.randint(lo, hi))).title()

    names = tuple(f"{word(3, 8)} {word(4, 10)}" for _ in range(300))
    vocabulary = VOCABULARY.split()
    note = " ".join(rng.choices(vocabulary, k=780)) + f" and {names[17].split()[0]} agreed."
    assert len(note) >= 4000
    guard.check_text(note, names)  # compile once, as the cache does
    figure = _best_ms(lambda: guard.check_text(note, names))
    import re

    one = re.compile(r"\bzyxwv\b", re.IGNORECASE)
    floor = _best_ms(lambda: one.search(note))
    report("guard", figure, floor, "ms", note_chars=len(note), names=len(names), budget_ms=16)
    assert figure < 16

"""How long the guard takes per keystroke: a long note checked against a long list of names.

Figure: one ``check_text`` of a 4,000-character note against 300 guarded names (900 name variants) plus the
identifier rules. Floor, measured in the same run: one precompiled regular expression searching the same note
for a single word (the least any word-aware check must cost). Budget: well under a frame (16 ms).
"""

from __future__ import annotations

import json
import random
import string
import time
from pathlib import Path

import pytest

from peerdesk.services import guard

pytestmark = pytest.mark.bench
VOCABULARY = (
    "the team said caseloads are high but supervision helps and the new model makes sense to most of us "
    "although the front door is slow on mondays when referrals arrive in a rush"
)
RESULTS = Path(__file__).parent / "results" / "guard.json"


def _best_ms(fn: object, repeat: int = 200) -> float:
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        for _ in range(repeat):
            fn()  # type: ignore[operator]
        best = min(best, (time.perf_counter() - start) / repeat * 1000)
    return best


def test_bench_guard_check_per_keystroke() -> None:
    rng = random.Random(3)
    word = lambda lo, hi: "".join(rng.choices(string.ascii_lowercase, k=rng.randint(lo, hi))).title()  # noqa: E731
    names = tuple(f"{word(3, 8)} {word(4, 10)}" for _ in range(300))
    vocabulary = VOCABULARY.split()
    note = " ".join(rng.choices(vocabulary, k=780)) + f" and {names[17].split()[0]} agreed."
    assert len(note) >= 4000
    guard.check_text(note, names)  # compile once, as the cache does
    figure = _best_ms(lambda: guard.check_text(note, names))
    import re

    one = re.compile(r"\bzyxwv\b", re.IGNORECASE)
    floor = _best_ms(lambda: one.search(note))
    ratio = figure / floor
    print(f"\nguard check: {figure:.3f} ms per keystroke; floor {floor:.3f} ms; ratio {ratio:.1f}")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(
        json.dumps(
            {
                "name": "guard check per keystroke (4,000-char note, 300 names)",
                "figure": round(figure, 4),
                "floor": round(floor, 4),
                "ratio": round(ratio, 2),
                "unit": "ms",
                "details": {"note_chars": len(note), "names": len(names)},
            },
            indent=2,
        )
        + "\n"
    )
    assert figure < 16

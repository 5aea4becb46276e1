"""The editor's position conversions: Qt counts UTF-16 units, Python code points."""

from __future__ import annotations

import random

from peerdesk.ui.notes.editor import Offsets, to_py, to_qt


def slow_to_py(text: str, qt_pos: int) -> int:
    if all(ord(ch) <= 0xFFFF for ch in text):
        return qt_pos  # the same count: nothing to convert (a position past the end stays as given)
    units = 0
    for n, ch in enumerate(text):
        if units >= qt_pos:
            return n
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(text)


def slow_to_qt(text: str, py_pos: int) -> int:
    if all(ord(ch) <= 0xFFFF for ch in text):
        return py_pos
    return len(text[:py_pos].encode("utf-16-le")) // 2


def test_plain_text_positions_are_the_same_in_both_counts() -> None:
    offsets = Offsets("Carers said “the phones” ring out.")
    assert offsets.to_py(12) == 12
    assert offsets.to_qt(12) == 12


def test_an_emoji_counts_twice_for_qt_and_once_for_python() -> None:
    text = "ok 🙂 then 😀 done"
    offsets = Offsets(text)
    after_first = text.index("then")
    assert offsets.to_qt(after_first) == after_first + 1
    assert offsets.to_py(after_first + 1) == after_first
    assert offsets.to_qt(len(text)) == len(text) + 2
    assert offsets.to_py(len(text) + 2) == len(text)


def test_the_conversions_agree_with_counting_character_by_character() -> None:
    rng = random.Random(22)
    alphabet = ["a", " ", "é", "“", "\n", "🙂", "𝒳"]
    for _ in range(200):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        units = len(text.encode("utf-16-le")) // 2
        for qt_pos in range(units + 3):
            assert to_py(text, qt_pos) == slow_to_py(text, qt_pos), (text, qt_pos)
        for py_pos in range(len(text) + 3):
            assert to_qt(text, py_pos) == slow_to_qt(text, py_pos), (text, py_pos)

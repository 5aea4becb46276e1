"""Strings from outside are shown as one safe, short line: escaped controls, ANSI, bidi, NUL and newlines."""

from __future__ import annotations

import pytest

from peerdesk.exchange.display import MAX_SHOWN, clip


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("Sam Okafor", "Sam Okafor"),
        ("Zoë Ngũgĩ 李", "Zoë Ngũgĩ 李"),  # letters of every script stay as they are
        ("Sam\x1b[31mRed", "Sam\\x1b[31mRed"),  # an ANSI colour
        ("Sam\u202eevil", "Sam\\u202eevil"),  # right-to-left override
        ("Sam\u2066x\u2069", "Sam\\u2066x\\u2069"),  # bidi isolates
        ("Sam\x00", "Sam\\x00"),
        ("Sam\nOkafor\r", "Sam\\x0aOkafor\\x0d"),
        ("Sam\u2028x", "Sam\\u2028x"),  # a line separator
        ("Sam\u200bx", "Sam\\u200bx"),  # zero width
        ("\x9b31m", "\\x9b31m"),  # the one-byte control sequence introducer
    ],
)
def test_controls_are_escaped_and_text_is_kept(raw: str, shown: str) -> None:
    assert clip(raw) == shown


def test_length_is_capped_without_reading_the_whole_string() -> None:
    huge = "a" * 50_000_000
    assert clip(huge) == "a" * MAX_SHOWN + "…"
    assert clip("a" * MAX_SHOWN) == "a" * MAX_SHOWN
    assert len(clip("\x00" * 100)) <= MAX_SHOWN + 1  # escapes count towards the cap

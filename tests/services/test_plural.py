from __future__ import annotations

import pytest

from peerdesk.services.plural import count, plural


@pytest.mark.parametrize(
    ("n", "noun", "expected"),
    [
        (0, "quote", "0 quotes"),
        (1, "quote", "1 quote"),
        (2, "quote", "2 quotes"),
        (1, "post-it", "1 post-it"),
        (12, "post-it", "12 post-its"),
        (1, "child", "1 child"),
        (3, "child", "3 children"),
        (2, "match", "2 matches"),
        (2, "box", "2 boxes"),
    ],
)
def test_a_count_says_its_noun_in_the_right_number(n: int, noun: str, expected: str) -> None:
    assert count(n, noun) == expected


def test_an_irregular_plural_can_be_given() -> None:
    assert count(1, "focus", "foci") == "1 focus"
    assert count(2, "focus", "foci") == "2 foci"


def test_plural_of_our_nouns() -> None:
    assert plural("insight") == "insights"
    assert plural("person") == "people"

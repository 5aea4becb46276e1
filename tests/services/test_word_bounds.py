"""A quote never cuts a word: a selection that starts or ends inside one takes it whole."""

from __future__ import annotations

import pytest

from peerdesk.services.word_bounds import inside_word, quote_span, whole_words


def quoted(text: str, part: str, occurrence: int = 0) -> str:
    """The words quoted when ``part`` (its ``occurrence``-th place in ``text``) is selected."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(part, start + 1)
    begin, end = quote_span(text, start, start + len(part))
    return text[begin:end]


def test_a_selection_starting_and_ending_mid_word_takes_both_words_whole() -> None:
    text = "The manager visits every week."
    assert quoted(text, "nager vis") == "manager visits"
    assert quoted(text, "ana") == "manager"  # inside one word: that word


def test_whole_words_and_blanks_around_them_are_left_as_they_are() -> None:
    text = "The manager visits every week."
    assert quoted(text, " manager visits ") == "manager visits"  # blanks left out, nothing added
    assert quoted(text, "manager") == "manager"
    assert whole_words(text, 4, 11) == (4, 11)


def test_punctuation_after_or_before_a_word_is_not_pulled_in() -> None:
    text = "Slow, said carers. “We wait” for weeks!"
    assert quoted(text, "lo") == "Slow"
    assert quoted(text, "arer") == "carers"
    assert quoted(text, "e wai") == "We wait"
    assert quoted(text, "eek") == "weeks"


def test_apostrophes_and_hyphens_inside_a_word_belong_to_it() -> None:
    text = "We don't get well-known help; carers' views - mostly."
    assert quoted(text, "do") == "don't"
    assert quoted(text, "t ge") == "don't get"
    assert quoted(text, "known") == "well-known"
    assert quoted(text, "carer") == "carers"  # the apostrophe closing a plural is punctuation
    assert quoted(text, "iews - mo") == "views - mostly"  # a spaced dash is between words


def test_a_number_is_a_word_with_its_decimal_point() -> None:
    text = "It took 3.5 weeks, 1,000 forms in 2025."
    assert quoted(text, "5 wee") == "3.5 weeks"
    assert quoted(text, ",0") == "1,000"
    assert quoted(text, "202") == "2025"  # the full stop ends the sentence


def test_accents_made_of_two_characters_stay_on_their_letter() -> None:
    text = "Le cafe\u0301 est fermé."
    begin = text.index("caf")
    start, end = quote_span(text, begin, begin + 4)  # "cafe" without its accent
    assert text[start:end] == "cafe\u0301"
    assert quoted(text, "erm") == "fermé"


def test_letters_of_any_script_make_words() -> None:
    text = "Η Διοίκηση ακούει. 管理者が聞く"
    assert quoted(text, "οίκ") == "Διοίκηση"
    assert quoted(text, "理者") == "管理者が聞く"  # no spaces between Japanese words: the run is taken whole


@pytest.mark.parametrize(
    ("emoji", "name"),
    [
        ("👍🏽", "a thumb with its skin tone"),
        ("👨\u200d👩\u200d👧", "a family joined by zero-width joiners"),
        ("❤\ufe0f", "a heart with its emoji selector"),
        ("🇫🇷", "a flag of two regional indicators"),
    ],
)
def test_an_emoji_is_never_cut_in_two(emoji: str, name: str) -> None:
    text = f"It was great {emoji} really"
    begin = text.index(emoji)
    for cut in range(1, len(emoji)):
        start, end = quote_span(text, text.index("great"), begin + cut)
        assert text[start:end] == f"great {emoji}", name
        start, end = quote_span(text, begin + cut, len(text))
        assert text[start:end] == f"{emoji} really", name


def test_two_flags_side_by_side_are_two_symbols() -> None:
    text = "🇫🇷🇩🇪"
    assert not inside_word(text, 2)  # between the two flags
    assert inside_word(text, 1) and inside_word(text, 3)


def test_an_emoji_next_to_a_word_is_its_own_symbol() -> None:
    text = "fine👍 thanks"
    assert quoted(text, "ine") == "fine"
    assert quoted(text, "👍 tha") == "👍 thanks"


def test_an_empty_or_blank_selection_stays_empty() -> None:
    text = "Intro.\nWe feel listened to."
    start, end = quote_span(text, 6, 7)  # only a line break
    assert start >= end
    assert quote_span(text, 3, 3) == (3, 3)
    assert quote_span(text, 40, 99) == (len(text), len(text))  # past the end: clamped, empty


def test_the_ends_of_the_text_are_boundaries() -> None:
    text = "caseload"
    assert whole_words(text, 2, 5) == (0, 8)
    assert not inside_word(text, 0) and not inside_word(text, len(text))

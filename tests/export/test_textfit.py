"""Measuring text before it goes on a slide: wrapping, heights, splitting and the largest size that fits."""

from __future__ import annotations

from typing import Any

import pytest

from peerdesk.export import fonts, textfit
from peerdesk.export.textfit import Para

TEXT = "Foster carers said respite is hard to find and the duty line never answers after five"


def test_wrapping_keeps_every_line_within_the_width_and_every_word() -> None:
    lines = textfit.wrap(TEXT, 200, 20)
    assert len(lines) > 1
    assert all(textfit.text_width(line, 20) <= 200 for line in lines)
    assert " ".join(lines).split() == TEXT.split()


def test_a_word_too_long_for_the_line_is_cut_and_word_fits_says_so() -> None:
    assert not textfit.word_fits("Supercalifragilistic", 40, 20)
    assert len(textfit.wrap("Supercalifragilistic", 40, 20)) > 1
    assert textfit.word_fits("short words", 200, 20)


def test_height_adds_lines_and_splitting_keeps_the_text() -> None:
    para = Para(TEXT, 20)
    assert textfit.height([para], 200) == len(para.lines(200)) * para.line_height()
    head, tail = textfit.split_para(para, 200, para.line_height() * 2, first=True)
    assert head is not None and len(head.lines(200)) == 2
    assert (head.text + " " + tail.text).split() == TEXT.split()
    assert textfit.split_para(para, 200, 1, first=True) == (None, para)


def test_fit_size_picks_the_largest_size_that_fits_or_none() -> None:
    assert textfit.fit_size("Key themes", 400, 60, (40, 32, 24)) == 40
    assert textfit.fit_size(TEXT, 200, 60, (40, 32, 24, 12)) in (24, 12)
    assert textfit.fit_size(TEXT * 20, 100, 20, (40, 32)) is None


def test_cjk_and_arabic_get_taller_lines() -> None:
    assert textfit.line_factor("中文") == textfit.TALL_LINE_HEIGHT
    assert textfit.line_factor("plain") == textfit.LINE_HEIGHT
    assert textfit.join_lines(["中", "文"]) == "中文" and textfit.join_lines(["a", "b"]) == "a b"


def test_shortened_keeps_text_that_fits_and_cuts_longer_text_at_a_word() -> None:
    assert textfit.shortened(TEXT, 2000, 20, 1) == TEXT
    short = textfit.shortened(TEXT, 200, 20, 2)
    assert short.endswith("…") and len(textfit.wrap(short, 200, 20)) == 2
    kept = short[:-1].split()
    assert kept == TEXT.split()[: len(kept)]


def test_shortened_keeps_its_suffix_whole_and_cuts_only_the_words_before_it() -> None:
    suffix = " — Parents and carers"
    assert textfit.shortened("Short?", 2000, 20, 1, suffix=suffix) == "Short?" + suffix
    question = "How safe do you feel when you ask for help at the front door?"
    short = textfit.shortened(question, 300, 20, 2, suffix=suffix)
    assert short.endswith("…" + suffix) and len(textfit.wrap(short, 300, 20)) <= 2
    assert question.startswith(short.removesuffix("…" + suffix))


def test_a_quote_libreoffice_sets_on_one_line_is_measured_as_one_line() -> None:
    # A quote card on a "(continued)" slide (20pt italic, 836.6pt inside the card): LibreOffice sets it on one line,
    # and a measure 4% too wide gave its card an empty second line.
    said = "“I still don't know the difference between the hub and social services, I just know who to text.”"
    assert textfit.wrap(said, 836.6, 20, italic=True, family="Arial") == [said]


def test_a_hanging_indent_narrows_every_line_after_the_first_and_spaces_count_as_written() -> None:
    plain = textfit.wrap(TEXT, 200, 20)
    hung = textfit.wrap(TEXT, 200, 20, indent=40)
    assert hung[0] == plain[0] and len(hung) >= len(plain) and hung[1:] != plain[1:]
    assert all(textfit.text_width(line, 20) <= 160 for line in hung[1:])
    assert " ".join(hung).split() == TEXT.split()
    bullet = Para(f"•  {TEXT}", 20, hang="•  ")
    assert bullet.indent() == textfit.fonts.em_width("•  ", textfit.current_family(), False, False) * 20 > 0
    assert Para("•  שלום לכולם", 20, hang="•  ").indent() == 0  # right to left: no hanging indent
    # "1.  " is two spaces wide after the number, not one: a line that only fits with one space wraps.
    one = textfit.text_width("1. Word", 20)
    assert textfit.wrap("1.  Word", one, 20) == ["1.", "Word"]


def test_a_word_longer_than_many_lines_costs_what_its_lines_hold(monkeypatch: pytest.MonkeyPatch) -> None:
    """A colleague's bundle may carry 20,000 letters without a space: each line cut from it used to measure the
    whole rest of the word again, and a slide of it took minutes. Now the letters measured grow with the word."""
    measured: list[int] = []
    em_width = fonts.em_width

    def counted(text: str, *args: Any) -> float:
        measured.append(len(text))
        return em_width(text, *args)

    monkeypatch.setattr(fonts, "em_width", counted)
    textfit._em_width.cache_clear()
    textfit._wrap.cache_clear()
    word = "y" * 20_000
    lines = textfit.wrap(word, 300.0, 12.0)
    assert "".join(lines) == word and len(lines) > 100
    assert sum(measured) < 20 * len(word)

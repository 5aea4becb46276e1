"""Fonts text is measured with: scripts, right-to-left text, and widths that grow with the text."""

from __future__ import annotations

import pytest

from peerdesk.export import fonts


def test_scripts_are_told_apart_by_code_point() -> None:
    assert fonts.script(ord("a")) == ""
    assert fonts.script(ord("ש")) == "hebrew"
    assert fonts.script(ord("ع")) == "arabic"
    assert fonts.script(ord("中")) == "cjk"
    assert fonts.script(ord("😀")) == "emoji"


def test_right_to_left_is_decided_by_the_first_strong_letter() -> None:
    assert fonts.is_rtl("שלום world")
    assert not fonts.is_rtl("hello שלום")
    assert not fonts.is_rtl("123 ...")


def test_only_cjk_breaks_between_any_two_characters() -> None:
    assert fonts.breaks_anywhere("中") and not fonts.breaks_anywhere("a")


def test_a_longer_text_is_wider_and_bold_is_no_narrower() -> None:
    short = fonts.em_width("care", fonts.DEFAULT_FAMILY, False, False)
    long = fonts.em_width("careful planning", fonts.DEFAULT_FAMILY, False, False)
    assert 0 < short < long
    assert fonts.em_width("careful planning", fonts.DEFAULT_FAMILY, True, False) >= long
    assert fonts.measured_with(fonts.DEFAULT_FAMILY)


def test_widths_are_unkerned_as_powerpoint_sets_them_never_narrower_than_libreoffice() -> None:
    # "T" and "o" kern together in Liberation Sans / Arial: a kerned measure is ~10% narrower than PowerPoint's line.
    pair = fonts.em_width("To", fonts.DEFAULT_FAMILY, False, False)
    apart = fonts.em_width("T", fonts.DEFAULT_FAMILY, False, False) + fonts.em_width(
        "o", fonts.DEFAULT_FAMILY, False, False
    )
    assert pair == pytest.approx(apart, rel=1e-3)

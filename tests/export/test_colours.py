"""Colours as they will be seen: WCAG contrast, and the most readable choice when the template's own fails."""

from __future__ import annotations

import pytest
from pptx import Presentation

from peerdesk.export import colours
from tests.export import hostile_templates

BLACK, WHITE = (0, 0, 0), (255, 255, 255)


def test_hex_round_trips_and_a_bad_value_is_black() -> None:
    assert colours.hex_rgb("#1D3557") == (0x1D, 0x35, 0x57)
    assert colours.rgb_hex((0x1D, 0x35, 0x57)) == "1D3557"
    assert colours.hex_rgb("zz") == BLACK


def test_contrast_follows_wcag() -> None:
    assert colours.contrast(BLACK, WHITE) == pytest.approx(21.0)
    assert colours.contrast(WHITE, WHITE) == pytest.approx(1.0)
    assert colours.contrast(BLACK, WHITE) == colours.contrast(WHITE, BLACK)


def test_readable_keeps_the_first_good_candidate_or_falls_back_to_black_or_white() -> None:
    grey = (120, 120, 120)
    navy = (0, 0, 80)
    assert colours.readable([grey, navy], WHITE, colours.BODY_RATIO) == (navy, False)
    assert colours.readable([(250, 250, 250)], WHITE, colours.BODY_RATIO) == (BLACK, True)
    assert colours.readable([(20, 20, 20)], BLACK, colours.BODY_RATIO) == (WHITE, True)


def test_softened_text_moves_towards_the_background_but_stays_readable() -> None:
    muted = colours.softened(BLACK, WHITE)
    assert muted != BLACK and colours.contrast(muted, WHITE) >= colours.BODY_RATIO


def test_a_dark_template_gets_light_text(tmp_path: object) -> None:
    path = hostile_templates.make("dark", tmp_path)  # type: ignore[arg-type]
    prs = Presentation(str(path))
    palette = colours.ThemeColours(prs).palette(prs.slide_layouts[1])
    assert colours.contrast(palette.text, palette.background) >= colours.BODY_RATIO
    assert colours.luminance(palette.background) < colours.luminance(palette.text)

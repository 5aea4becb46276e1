"""The deck inside awkward authority templates: text in the template's own places, clear of its master shapes,
readable on its background, and no text outside its box."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER

from peerdesk.export import colours, pptx, presentation, textfit
from peerdesk.store.engine import Store
from tests.export import hostile_templates
from tests.export.pptx_checks import long_deck, overfull_frames, shapes_outside, slides
from tests.helpers import day2

TITLES = {PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE}


@pytest.fixture(scope="module")
def decks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A deck with some long text built once into every hostile template."""
    folder = tmp_path_factory.mktemp("hostile")
    deck = long_deck(words=40, n_insights=4)
    out = {}
    for name in hostile_templates.HOSTILE:
        template = hostile_templates.make(name, folder)
        out[name] = pptx.build(deck, folder / f"deck-{name}.pptx", template=template)
    return out


def _rects_of_master_shapes(layout: Any, slide_area: int) -> list[tuple[int, int, int, int]]:
    rects = []
    for owner in (layout, layout.slide_master):
        for shape in owner.shapes:
            if shape.is_placeholder or shape.width is None:
                continue
            if shape.width * shape.height < slide_area * 0.6:
                rects.append((shape.left, shape.top, shape.left + shape.width, shape.top + shape.height))
    return rects


def _overlap(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _rect(shape: Any) -> tuple[int, int, int, int]:
    return (shape.left, shape.top, shape.left + shape.width, shape.top + shape.height)


@pytest.mark.parametrize("name", list(hostile_templates.HOSTILE))
def test_no_text_overlaps_a_master_shape_or_the_title(decks: dict[str, Path], name: str) -> None:
    prs = Presentation(str(decks[name]))
    area = prs.slide_width * prs.slide_height
    problems = []
    for n, slide in enumerate(prs.slides, start=1):
        obstacles = _rects_of_master_shapes(slide.slide_layout, area)
        titles = [
            s for s in slide.shapes if (s.is_placeholder and s.placeholder_format.type in TITLES) or s.name == "Title"
        ]
        for shape in slide.shapes:
            if not (shape.has_text_frame and shape.text_frame.text.strip()) and not shape.has_table:
                continue
            if any(_overlap(_rect(shape), o) for o in obstacles):
                problems.append(f"slide {n}: {shape.name} overlaps a master shape")
            if shape not in titles and any(_overlap(_rect(shape), _rect(t)) for t in titles):
                problems.append(f"slide {n}: {shape.name} overlaps the title")
    assert problems == []


@pytest.mark.parametrize("name", list(hostile_templates.HOSTILE))
def test_nothing_spills_out_of_its_box_measured_in_the_templates_font(decks: dict[str, Path], name: str) -> None:
    assert shapes_outside(decks[name]) == []
    with textfit.measuring_with("Calibri"):  # python-pptx's default template names Calibri
        assert overfull_frames(decks[name]) == []
    titles = [s.title for s in slides(decks[name])]
    assert "Who we spoke to" in titles and "Key insights" in titles


def test_content_slides_use_the_layout_with_a_body_even_when_every_layout_is_renamed(decks: dict[str, Path]) -> None:
    prs = Presentation(str(decks["renamed-4x3-footer-logo"]))
    who = next(s for s in prs.slides if s.shapes.title is not None and s.shapes.title.text == "Who we spoke to")
    kinds = {ph.placeholder_format.type for ph in who.slide_layout.placeholders}
    assert PP_PLACEHOLDER.OBJECT in kinds or PP_PLACEHOLDER.BODY in kinds
    cover = prs.slides[0].slide_layout
    assert PP_PLACEHOLDER.SUBTITLE in {ph.placeholder_format.type for ph in cover.placeholders}


def _runs(shape: Any) -> list[Any]:
    return [r for p in shape.text_frame.paragraphs for r in p.runs if r.text.strip()]


def test_every_text_on_a_dark_template_meets_wcag_contrast(decks: dict[str, Path]) -> None:
    prs = Presentation(str(decks["dark"]))
    background = colours.hex_rgb(hostile_templates.DARK)
    weak = []
    for n, slide in enumerate(prs.slides, start=1):
        cards = [_rect(s) for s in slide.shapes if s.name == "quote card"]
        fills = {_rect(s): s.fill.fore_color.rgb for s in slide.shapes if s.name == "quote card"}
        for shape in slide.shapes:
            if not shape.has_text_frame:
                continue
            title = shape.is_placeholder and shape.placeholder_format.type in TITLES
            inside = [c for c in cards if _overlap(c, _rect(shape))]
            under = colours.hex_rgb(str(fills[inside[0]])) if inside else background
            for run in _runs(shape):
                assert run.font.color.type is not None, f"slide {n}: {shape.name} has no colour of its own"
                ratio = colours.contrast(colours.hex_rgb(str(run.font.color.rgb)), under)
                if ratio < (3.0 if title else 4.5):
                    weak.append(f"slide {n}: {run.text[:30]!r} {ratio:.2f}:1")
    assert weak == []


def test_attributions_on_our_own_template_are_at_least_4_5_to_1(store: Store, tmp_path: Path) -> None:
    day2.seed(store)
    out = presentation.export_pptx(store, tmp_path / "deck.pptx")
    prs = Presentation(str(out))
    seen = 0
    for slide in prs.slides:
        fills = [s.fill.fore_color.rgb for s in slide.shapes if s.name == "quote card"]
        quotes = [s for s in slide.shapes if s.name == "quote"]
        for fill, shape in zip(fills, quotes, strict=True):
            for run in _runs(shape):
                if run.text.startswith("— "):
                    seen += 1
                    ratio = colours.contrast(colours.hex_rgb(str(run.font.color.rgb)), colours.hex_rgb(str(fill)))
                    assert ratio >= 4.5, run.text
    assert seen > 0


def test_the_template_findings_say_what_was_derived_and_which_colours_were_replaced(tmp_path: Path) -> None:
    sparse = pptx.template_findings(hostile_templates.make("no-subtitle-no-title-only", tmp_path))
    assert any("no section header layout" in f for f in sparse)
    assert any("no subtitle" in f for f in sparse)
    dark = pptx.template_findings(hostile_templates.make("dark", tmp_path))
    assert any("hard to read" in f for f in dark)
    assert pptx.template_findings(None) == []  # our own template needs nothing derived or replaced


@pytest.mark.parametrize("name", ["side-title", "renamed-4x3-footer-logo"])
def test_a_title_the_template_sets_in_capitals_is_fitted_in_capitals(decks: dict[str, Path], name: str) -> None:
    prs = Presentation(str(decks[name]))
    checked = 0
    for slide in prs.slides:
        if slide.slide_layout.element.get("type") != "secHead" or slide.shapes.title is None:
            continue
        title = slide.shapes.title
        size = title.text_frame.paragraphs[0].runs[0].font.size.pt
        width = title.width / 12700 - 8
        shown = title.text_frame.text.upper()  # the Section Header layout says cap="all"
        with textfit.measuring_with("Calibri"):
            assert textfit.word_fits(shown, width, size, bold=True), f"{shown!r} would break mid-word at {size}pt"
            lines = textfit.wrap(shown, width, size, bold=True)
        assert len(lines) * size * textfit.LINE_HEIGHT <= title.height / 12700 - 8
        checked += 1
    assert checked >= 3

"""Native bar charts: the values as given, the first category read first, labels in the layout's text colour."""

from __future__ import annotations

import html
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.util import Pt

from peerdesk.export import charts, colours, pptx, scales, slides, textfit
from peerdesk.export.drawing import Box
from peerdesk.store.engine import Store
from tests.export import test_render


def _chart(horizontal: bool) -> object:
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    palette = colours.ThemeColours(prs).palette(prs.slide_layouts[6])
    chart = charts.Chart(
        categories=("How safe do you feel?", "How well are you listened to?"),
        series=(("Parents", (7.0, 4.5)), ("Partners", (6.0, None))),
        low=0,
        high=10,
        horizontal=horizontal,
    )
    return charts.add_chart(slide, chart, Box(0, 0, int(Pt(600)), int(Pt(300))), palette, "Arial"), palette


def test_a_column_chart_keeps_the_order_and_values() -> None:
    drawn, palette = _chart(False)
    plot = drawn.plots[0]  # type: ignore[attr-defined]
    assert list(plot.categories) == ["How safe do you feel?", "How well are you listened to?"]
    assert [list(s.values) for s in plot.series] == [[7.0, 4.5], [6.0, None]]
    assert drawn.value_axis.maximum_scale == 10 and drawn.value_axis.major_unit == 1  # type: ignore[attr-defined]
    assert str(drawn.font.color.rgb) == colours.rgb_hex(palette.text).lstrip("#").upper()  # type: ignore[attr-defined]


def test_a_bar_chart_lists_the_first_category_and_group_at_the_top() -> None:
    drawn, _ = _chart(True)
    plot = drawn.plots[0]  # type: ignore[attr-defined]
    assert list(plot.categories)[-1] == "How safe do you feel?"  # drawn bottom-up: last is at the top
    assert [s.name for s in plot.series] == ["Partners", "Parents"]
    assert list(plot.series[1].values) == [4.5, 7.0]


def test_gridlines_fall_on_whole_scores_at_most_ten() -> None:
    assert charts.major_unit(10) == 1 and charts.major_unit(100) == 10 and charts.major_unit(6) == 1


def _demo_chart_deck(demo_store: Store, tmp_path: Path, template: Path | None = None) -> Path:
    """The demo review's scale-answer slide, written by the deck's renderer (in ``template``) to a real .pptx."""
    means = scales.gather(demo_store)
    assert means is not None
    spec = slides.scale_spec(means)
    assert spec.chart is not None
    renderer = pptx.Renderer(template)
    renderer.chart_slide(spec, spec.chart)
    out = tmp_path / "scale.pptx"
    pptx.save(renderer.prs, out)
    return out


def test_the_scale_charts_labels_are_set_at_a_size_a_room_can_read(demo_store: Store, tmp_path: Path) -> None:
    [drawn] = [
        s.chart for s in Presentation(str(_demo_chart_deck(demo_store, tmp_path))).slides[0].shapes if s.has_chart
    ]
    category = drawn.category_axis.tick_labels.font.size.pt
    assert category >= 16, "the questions read from the back of the room, like the slides' body text"
    assert drawn.value_axis.tick_labels.font.size.pt == category == drawn.font.size.pt
    # Wrapped by us at that size, each label in two lines at most, so no renderer has to re-wrap them into each other.
    labels = list(drawn.plots[0].categories)
    assert all(1 <= label.count("\n") + 1 <= 2 for label in labels)
    assert {" ".join(label.split()) for label in labels} == {
        " ".join(c.split())
        for c in slides.scale_spec(scales.gather(demo_store)).chart.categories  # type: ignore[union-attr]
    }


def test_long_questions_step_down_a_size_rather_than_overlap() -> None:
    long = charts.Chart(
        categories=tuple(
            f"Question {n}: " + "how well does the service listen to the people it serves " * 2 for n in range(8)
        ),
        series=(("Mean answer", (5.0,) * 8),),
        low=0,
        high=10,
        horizontal=True,
    )
    short = replace(long, categories=tuple(f"Question {n}" for n in range(8)))
    box = Box(0, 0, int(Pt(870)), int(Pt(350)))
    assert charts.fit_labels(short, box, "Arial").size == charts.LABEL_SIZES[0]
    fitted = charts.fit_labels(long, box, "Arial")
    assert fitted.size < charts.LABEL_SIZES[0]
    lines = max(label.count("\n") + 1 for label in fitted.categories)
    assert lines * fitted.size * textfit.LINE_HEIGHT <= fitted.plot[3] * box.height_pt / 8


def test_on_a_crowded_slide_the_last_resort_cuts_the_question_and_keeps_the_group() -> None:
    chart = charts.Chart(
        categories=tuple(f"How well were you listened to, time {n}?{charts.GROUP_DASH}Young people" for n in range(8)),
        series=(("Mean answer", (5.0,) * 8),),
        low=0,
        high=10,
        horizontal=True,
    )
    fitted = charts.fit_labels(chart, Box(0, 0, int(Pt(300)), int(Pt(150))), "Arial")
    assert fitted.size == charts.LABEL_SIZES[-1]
    assert all("\n" not in label for label in fitted.categories), "one line each: all a place that small holds"
    assert all(label.endswith("… — Young people") for label in fitted.categories), fitted.categories


@pytest.mark.skipif(not test_render.LIBREOFFICE or not shutil.which("pdftotext"), reason="needs LibreOffice")
@pytest.mark.parametrize("cramped", [False, True], ids=["widescreen", "4x3-with-a-footer"])
def test_libreoffice_draws_every_question_and_none_over_another(
    demo_store: Store, tmp_path: Path, cramped: bool
) -> None:
    from tests.export import hostile_templates

    template = hostile_templates.make("renamed-4x3-footer-logo", tmp_path) if cramped else None
    deck = _demo_chart_deck(demo_store, tmp_path, template)
    [words] = test_render.words_by_page(test_render.render_pdf(deck, tmp_path))
    assert test_render.stray_words(deck, tmp_path / "scale.pdf") == []
    [drawn] = [s.chart for s in Presentation(str(deck)).slides[0].shapes if s.has_chart]
    drawn_words = [html.unescape(w[4]) for w in words]
    for label in drawn.plots[0].categories:  # none dropped for want of room (LibreOffice hides overlapping labels)
        for word in label.split():
            assert word in drawn_words, word
    if not cramped:  # a widescreen slide has the room for labels a room can read
        asked = [w for w in words if w[4].startswith("How")]
        # pdftotext boxes are 1.3 times the font size: 16 pt labels come out near 21 pt tall, 11 pt ones near 14
        assert asked and min(y1 - y0 for _, y0, _, y1, _ in asked) >= 19
    boxes = [w[:4] for w in words]
    for n, (x0, y0, x1, y1) in enumerate(boxes):
        for a0, b0, a1, b1 in boxes[n + 1 :]:
            # pdftotext's boxes are the font's full height, so lines set one under another share a sliver of it
            sliver = 0.3 * min(y1 - y0, b1 - b0)
            assert min(x1, a1) - max(x0, a0) <= 1 or min(y1, b1) - max(y0, b0) <= sliver, "words drawn over each other"

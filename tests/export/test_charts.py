"""Native bar charts: the values as given, the first category read first, labels in the layout's text colour."""

from __future__ import annotations

from pptx import Presentation
from pptx.util import Pt

from peerdesk.export import charts, colours
from peerdesk.export.drawing import Box


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

"""Native (editable) bar charts on a slide: the survey's means per team, the interviews' scale answers per group.

The chart sits in the box the renderer gives it (clear of the title and the master's shapes); its labels are set in
the template's body font and in the layout's text colour, which was checked for contrast against the background.
Its caption goes under it, fitted like every other text.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
from pptx.util import Pt

from peerdesk.export import drawing
from peerdesk.export.colours import Palette
from peerdesk.export.drawing import Box

LABEL_PT = 12
CATEGORY_PT = 11
GAP_WIDTH = 60  # space between clusters, % of a bar: python-pptx's default (150) leaves hairline bars


@dataclass(frozen=True)
class Chart:
    categories: tuple[str, ...]
    series: tuple[tuple[str, tuple[float | None, ...]], ...]  # (name, one value per category)
    low: float
    high: float
    number_format: str = "0.0"
    horizontal: bool = False  # bars rather than columns: long category labels read better down the side


def major_unit(steps: float) -> float:
    """Gridlines on whole scores, at most ten of them (a 0–100 axis gets one every 10)."""
    return float(next(s for s in (1, 2, 5, 10, 20, 25, 50, 100) if steps / s <= 10))


def add_chart(slide: Any, chart: Chart, box: Box, palette: Palette, family: str) -> Any:
    """Draw ``chart`` filling ``box``; returns python-pptx's chart."""
    # A bar chart draws its first category at the bottom: reversed, the first is at the top, where it is read first.
    order = slice(None, None, -1) if chart.horizontal else slice(None)
    data = CategoryChartData()  # type: ignore[no-untyped-call]
    data.categories = list(chart.categories)[order]
    # Series too: each cluster is drawn bottom-up, so the first group's bar is then the top one, as in the legend.
    for name, values in chart.series[order]:
        data.add_series(name, list(values)[order], number_format=chart.number_format)  # type: ignore[no-untyped-call]
    kind = XL_CHART_TYPE.BAR_CLUSTERED if chart.horizontal else XL_CHART_TYPE.COLUMN_CLUSTERED
    frame = slide.shapes.add_chart(kind, box.left, box.top, box.width, box.height, data)
    frame.name = "chart"
    drawn = frame.chart
    drawn.font.size = Pt(LABEL_PT)
    drawn.font.name = family
    drawn.font.color.rgb = drawing.rgb(palette.text)  # checked against the slide's background
    drawn.has_title = False  # the slide's title says what the chart is
    drawn.has_legend = True
    drawn.legend.position = XL_LEGEND_POSITION.BOTTOM
    drawn.legend.include_in_layout = False
    drawn.legend.font.size = Pt(LABEL_PT)
    axis = drawn.value_axis
    axis.minimum_scale, axis.maximum_scale = chart.low, chart.high
    axis.major_unit = major_unit(chart.high - chart.low)
    axis.has_major_gridlines = True
    axis.tick_labels.font.size = Pt(LABEL_PT)
    drawn.category_axis.tick_labels.font.size = Pt(CATEGORY_PT)
    drawn.plots[0].gap_width = GAP_WIDTH
    if len(chart.series) == 1:
        drawn.has_legend = False  # one series: the title and caption say what it is
    return drawn


def add_picture(slide: Any, image: bytes, box: Box) -> None:
    """A picture of a chart, as large as ``box`` allows at its own proportions, centred across it."""
    from PIL import Image  # python-pptx's own dependency

    with Image.open(io.BytesIO(image)) as im:
        ratio = im.width / im.height
    w, h = (
        (box.width, int(box.width / ratio))
        if box.width / ratio <= box.height
        else (int(box.height * ratio), box.height)
    )
    picture = slide.shapes.add_picture(io.BytesIO(image), box.left + (box.width - w) // 2, box.top, w, h)
    picture.name = "chart picture"

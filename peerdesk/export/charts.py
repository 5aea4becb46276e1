"""Native (editable) bar charts on a slide: the survey's means per team, the interviews' scale answers per group.

The chart sits in the box the renderer gives it (clear of the title and the master's shapes); its labels are set in
the template's body font and in the layout's text colour, which was checked for contrast against the background.
Its caption goes under it, fitted like every other text.

Labels are read from the back of a room, so they are as large as the slides' smaller body text (18 pt, as quotes on
the theme slides) and step down only when the questions would not fit their places. We wrap the category labels
ourselves at that size and fix where the plot sits (a manual layout), so that neither PowerPoint nor LibreOffice
re-wraps them into each other or drops every other label.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls, qn
from pptx.util import Pt

from peerdesk.export import drawing, textfit
from peerdesk.export.colours import Palette
from peerdesk.export.drawing import Box

# Largest first. 14 pt is the captions' size, the least a room reads; 12 pt only on a cramped template (4:3, a
# footer), where every word of the questions at 12 pt says more than questions cut to "How…" at 14.
LABEL_SIZES = (18.0, 16.0, 14.0, 12.0)
LABEL_SHARES = (0.6, 0.7)  # of a bar chart's width, for the questions down its side (a 0–10 scale reads in the rest)
RENDERER_SLACK = 0.92  # we wrap this much short of a label's room: LibreOffice keeps a margin of its own there
LABEL_ROOM = 0.35  # of a column chart's height, for the labels under its columns
PAD_PT = 8.0  # between a label and its axis, and around the plot
GROUP_DASH = " — "  # between a question and the one group it was put to (``slides.scale_spec``)
GAP_WIDTH = 60  # space between clusters, % of a bar: python-pptx's default (150) leaves hairline bars


@dataclass(frozen=True)
class Chart:
    categories: tuple[str, ...]
    series: tuple[tuple[str, tuple[float | None, ...]], ...]  # (name, one value per category)
    low: float
    high: float
    number_format: str = "0.0"
    horizontal: bool = False  # bars rather than columns: long category labels read better down the side


@dataclass(frozen=True)
class Labels:
    """The labels' size, the category labels wrapped at it, and where the plot sits (fractions of the frame)."""

    size: float
    categories: tuple[str, ...]
    plot: tuple[float, float, float, float]  # x, y, w, h of the plot's inner area


def _line_pt(size: float) -> float:
    return size * textfit.LINE_HEIGHT


def _legend_rows(chart: Chart, width: float, size: float, family: str) -> int:
    """Rows the legend takes at ``size``: each entry is its name plus a key and spacing."""
    if len(chart.series) < 2:
        return 0
    rows, used = 1, 0.0
    for name, _ in chart.series:
        w = textfit.text_width(name, size, family=family) + 2.5 * size
        if used and used + w > width:
            rows, used = rows + 1, 0.0
        used += w
    return rows


def _shortened(label: str, width: float, size: float, max_lines: int) -> str:
    """``label`` cut to ``max_lines`` lines with "…"; a question named with its group ("How safe… — Parents") loses
    words of the question, never the group, which is what tells its bar from the others."""
    head, dash, tail = label.rpartition(GROUP_DASH)
    if dash:
        kept = textfit.shortened(head, width, size, max_lines, suffix=dash + tail)
        if len(textfit.wrap(kept, width, size)) <= max_lines:  # else even one word and the group are too long
            return kept
    return textfit.shortened(label, width, size, max_lines)


def _try(chart: Chart, box: Box, size: float, share: float, *, shorten: bool = False) -> Labels | None:
    """The labels laid out at ``size``, a bar chart's questions in ``share`` of its width; None when a category
    label would not fit its place. ``shorten``: each is cut to the lines that fit instead, with "…" (the last
    resort: LibreOffice drops every other label of a crowded axis, which says far less)."""
    family = textfit.current_family()
    w, h, n = box.width_pt, box.height_pt, max(1, len(chart.categories))
    legend = _legend_rows(chart, w, size, family) * _line_pt(size)
    values = _line_pt(size) + PAD_PT  # the value axis's numbers
    if chart.horizontal:
        label_w = w * share - PAD_PT
        plot_h = h - values - legend - (PAD_PT * 2 if legend else PAD_PT)
        room_w, room_h = label_w * RENDERER_SLACK, plot_h / n
        plot = (w * share, PAD_PT, w * (1 - share) - 2 * PAD_PT, plot_h)
    else:
        axis_w = textfit.text_width(f"{chart.high:g}", size, family=family) + 2 * PAD_PT
        plot_w = w - axis_w - PAD_PT
        room_w, room_h = (plot_w / n - 6.0) * RENDERER_SLACK, h * LABEL_ROOM
        plot_h = h - room_h - legend - (PAD_PT * 3 if legend else PAD_PT * 2)
        plot = (axis_w, PAD_PT, plot_w, plot_h)
    wrapped = []
    for label in chart.categories:
        if shorten:
            label = _shortened(label, room_w, size, max(1, int(room_h // _line_pt(size))))
        lines = textfit.wrap(label, room_w, size, family=family)
        fits = textfit.word_fits(label, room_w, size, family=family) and len(lines) * _line_pt(size) <= room_h
        if not (fits or shorten):
            return None
        wrapped.append("\n".join(lines))
    x, y, pw, ph = plot
    return Labels(size, tuple(wrapped), (x / w, y / h, pw / w, ph / h))


def fit_labels(chart: Chart, box: Box, family: str) -> Labels:
    """The largest of ``LABEL_SIZES`` at which every category label fits its place, a bar chart's questions given
    more of its width only when they need it; when none does, the smallest, each label shortened to fit."""
    with textfit.measuring_with(family):
        for size in LABEL_SIZES:
            for share in LABEL_SHARES:
                labels = _try(chart, box, size, share)
                if labels is not None:
                    return labels
        fallback = _try(chart, box, LABEL_SIZES[-1], LABEL_SHARES[-1], shorten=True)
    assert fallback is not None  # shortened, every label is kept
    return fallback


def _place_plot(drawn: Any, plot: tuple[float, float, float, float]) -> None:
    """Fix the plot's inner area (axes' labels outside it) at ``plot``, fractions of the chart's frame."""
    x, y, w, h = plot
    area = drawn._chartSpace.chart.plotArea
    old = area.find(qn("c:layout"))
    if old is not None:
        area.remove(old)
    area.insert(
        0,
        parse_xml(
            f'<c:layout {nsdecls("c")}><c:manualLayout><c:layoutTarget val="inner"/>'
            '<c:xMode val="edge"/><c:yMode val="edge"/>'
            f'<c:x val="{x:.4f}"/><c:y val="{y:.4f}"/><c:w val="{w:.4f}"/><c:h val="{h:.4f}"/>'
            "</c:manualLayout></c:layout>"
        ),
    )


def major_unit(steps: float) -> float:
    """Gridlines on whole scores, at most ten of them (a 0–100 axis gets one every 10)."""
    return float(next(s for s in (1, 2, 5, 10, 20, 25, 50, 100) if steps / s <= 10))


def add_chart(slide: Any, chart: Chart, box: Box, palette: Palette, family: str) -> Any:
    """Draw ``chart`` filling ``box``; returns python-pptx's chart."""
    # A bar chart draws its first category at the bottom: reversed, the first is at the top, where it is read first.
    order = slice(None, None, -1) if chart.horizontal else slice(None)
    labels = fit_labels(chart, box, family)
    data = CategoryChartData()  # type: ignore[no-untyped-call]
    data.categories = list(labels.categories)[order]
    # Series too: each cluster is drawn bottom-up, so the first group's bar is then the top one, as in the legend.
    for name, values in chart.series[order]:
        data.add_series(name, list(values)[order], number_format=chart.number_format)  # type: ignore[no-untyped-call]
    kind = XL_CHART_TYPE.BAR_CLUSTERED if chart.horizontal else XL_CHART_TYPE.COLUMN_CLUSTERED
    frame = slide.shapes.add_chart(kind, box.left, box.top, box.width, box.height, data)
    frame.name = "chart"
    drawn = frame.chart
    drawn.font.size = Pt(labels.size)
    drawn.font.name = family
    drawn.font.color.rgb = drawing.rgb(palette.text)  # checked against the slide's background
    drawn.has_title = False  # the slide's title says what the chart is
    drawn.has_legend = True
    drawn.legend.position = XL_LEGEND_POSITION.BOTTOM
    drawn.legend.include_in_layout = False
    drawn.legend.font.size = Pt(labels.size)
    axis = drawn.value_axis
    axis.minimum_scale, axis.maximum_scale = chart.low, chart.high
    axis.major_unit = major_unit(chart.high - chart.low)
    axis.has_major_gridlines = True
    axis.tick_labels.font.size = Pt(labels.size)
    drawn.category_axis.tick_labels.font.size = Pt(labels.size)
    drawn.plots[0].gap_width = GAP_WIDTH
    if len(chart.series) == 1:
        drawn.has_legend = False  # one series: the title and caption say what it is
    _place_plot(drawn, labels.plot)
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

"""Building the presentation for the demo review.

Figure: ``presentation.export_pptx`` on the demo (gathering the content from the file, the confidentiality check,
measuring and fitting every text in the template's fonts, the template's layouts, saving). Floor, in the same run:
python-pptx alone writing the same slides and boxes into the same template — each slide on its layout with its
title, every text box with its text at the same place, every card, table and chart with the same data — with no
measuring, no fitting and no reading of the review. Budget: at most 3× the floor.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE
from pptx.enum.shapes import MSO_SHAPE

from peerdesk.export import pptx, presentation
from peerdesk.services import demo
from tests.bench.report import median, report, time_ms

pytestmark = pytest.mark.bench
REPEAT = 5
BUDGET = 3.0


def _boxes(deck: Path) -> list[tuple[int, str, list[tuple[str, Any]]]]:
    """Each slide of a built deck as (layout index, title, [(kind, what)]) for the floor to write again; its
    speaker notes are one more "box"."""
    prs = Presentation(str(deck))
    layouts = list(prs.slide_layouts)
    out = []
    for slide in prs.slides:
        title = slide.shapes.title.text_frame.text if slide.shapes.title is not None else ""
        boxes: list[tuple[str, Any]] = []
        for shape in slide.shapes:
            rect = (shape.left, shape.top, shape.width, shape.height)
            if shape.has_chart:
                plot = shape.chart.plots[0]
                data = (list(plot.categories), [(s.name, list(s.values)) for s in plot.series])
                boxes.append(("chart", (rect, data)))
            elif shape.has_table:
                cells = [[c.text for c in row.cells] for row in shape.table.rows]
                boxes.append(("table", (rect, cells)))
            elif shape.has_text_frame and shape != slide.shapes.title:
                boxes.append(("text", (rect, shape.text_frame.text)))
            elif not shape.is_placeholder:
                boxes.append(("card", (rect, "")))
        if slide.has_notes_slide:
            boxes.append(("notes", (None, slide.notes_slide.notes_text_frame.text)))
        out.append((layouts.index(slide.slide_layout), title, boxes))
    return out


def _floor(shapes: list[tuple[int, str, list[tuple[str, Any]]]], out: Path) -> None:
    prs = Presentation(str(pptx.default_template()))
    layouts = list(prs.slide_layouts)
    for layout, title, boxes in shapes:
        slide = prs.slides.add_slide(layouts[layout])
        if slide.shapes.title is not None:
            slide.shapes.title.text = title
        for kind, (rect, what) in boxes:
            if kind == "notes":
                slide.notes_slide.notes_text_frame.text = what
            elif kind == "text":
                slide.shapes.add_textbox(*rect).text_frame.text = what
            elif kind == "card":
                slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, *rect)
            elif kind == "table":
                table = slide.shapes.add_table(len(what), len(what[0]), *rect).table
                for r, row in enumerate(what):
                    for c, value in enumerate(row):
                        table.cell(r, c).text = value
            else:
                data = CategoryChartData()
                data.categories = what[0]
                for name, values in what[1]:
                    data.add_series(name, values)
                slide.shapes.add_chart(XL_CHART_TYPE.BAR_CLUSTERED, *rect, data)
    prs.save(str(out))


def test_presentation_build_time(tmp_path: Path) -> None:
    with demo.write_demo(tmp_path / "demo.peerdesk", demo.DEFAULT_PASSPHRASE) as store:
        out = tmp_path / "deck.pptx"
        keep = presentation.flagged_quotes(store)
        ours = time_ms(lambda: presentation.export_pptx(store, out, keep=presentation.flagged_quotes(store)), REPEAT)
        shapes = _boxes(out)
        floor = time_ms(lambda: _floor(shapes, tmp_path / "floor.pptx"), REPEAT)
    boxes = sum(len(b) for _, _, b in shapes)
    result = report(
        "presentation",
        median(ours),
        median(floor),
        "ms",
        slides=len(shapes),
        boxes=boxes,
        repeat=REPEAT,
        kept=len(keep),
    )
    assert result["ratio"] <= BUDGET, f"the presentation takes {result['ratio']}× python-pptx writing the same boxes"

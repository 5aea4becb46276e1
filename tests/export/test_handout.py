"""The handout table: planned so that every word fits whole and every row goes on a slide, then drawn."""

from __future__ import annotations

from pptx import Presentation
from pptx.util import Pt

from peerdesk.export import colours, handout
from peerdesk.export.drawing import Box

LONG = "Families and partners experience early help and social care as separate services " * 3


def test_twelve_long_insights_are_spread_over_slides_none_taller_than_the_body() -> None:
    rows = [(str(n), LONG) for n in range(1, 13)]
    plan = handout.plan(rows, 640.0, 360.0, "Arial")
    assert sorted(n for page in plan.pages for n in page) == list(range(12))
    assert len(plan.pages) > 1
    for page in plan.pages:
        assert plan.header + sum(plan.heights[n] for n in page) <= 360.0
    assert all(h >= handout.MIN_ROW for h in plan.heights)


def test_the_table_is_drawn_with_a_header_and_empty_columns_to_fill_in() -> None:
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    rows = [("1", "Short insight"), ("2", "Another")]
    plan = handout.plan(rows, 640.0, 360.0, "Arial")
    palette = colours.ThemeColours(prs).palette(prs.slide_layouts[6])
    handout.draw(slide, plan, plan.pages[0], rows, Box(0, 0, int(Pt(640)), int(Pt(360))), palette)
    [shape] = [s for s in slide.shapes if s.has_table]
    table = shape.table
    assert [c.text for c in table.rows[0].cells] == list(handout.LABELS)
    assert [c.text for c in table.rows[2].cells] == ["2", "Another", "", "", ""]

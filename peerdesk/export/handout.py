"""The workshop handout: the insights in a table with empty agree ✓ / disagree ✗ / amend columns to fill in.

Planned first (the size at which every heading and word fits whole, row heights, which rows go on which slide),
then drawn: the renderer makes the slides, this module only measures and fills the table.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from peerdesk.export import drawing, textfit
from peerdesk.export.colours import BODY_RATIO, Palette, readable
from peerdesk.export.drawing import EMU_PER_PT, Box

LABELS = ("#", "Insight", "Agree ✓", "Disagree ✗", "Amend or add")
FRACTIONS = (0.06, 0.46, 0.13, 0.15, 0.20)
CELL_PAD = 6.0
SIZES = (16.0, 15.0, 14.0, 13.0, 12.0, 11.0, 10.0)
MIN_ROW = 54.0  # room to write a tick or a few words by hand


@dataclass(frozen=True)
class Plan:
    size: float
    widths: tuple[float, ...]  # column widths, points
    header: float  # header row height, points
    heights: tuple[float, ...]  # one per insight row, points
    pages: tuple[tuple[int, ...], ...]  # row indices on each slide


def plan(rows: Sequence[tuple[str, str]], width: float, height: float, family: str) -> Plan:
    """How the table is set for a body ``width`` × ``height`` points."""
    widths = tuple(width * f for f in FRACTIONS)
    size = SIZES[-1]
    for candidate in SIZES:
        if all(
            textfit.word_fits(label, w - 2 * CELL_PAD, candidate, bold=True, family=family)
            for label, w in zip(LABELS, widths, strict=True)
        ) and all(textfit.word_fits(s, widths[1] - 2 * CELL_PAD, candidate, family=family) for _, s in rows):
            size = candidate
            break
    header_lines = max(
        len(textfit.wrap(label, w - 2 * CELL_PAD, size, bold=True, family=family))
        for label, w in zip(LABELS, widths, strict=True)
    )
    line = size * textfit.LINE_HEIGHT
    header = header_lines * line + 2 * CELL_PAD + 4
    heights = tuple(
        max(len(textfit.wrap(s, widths[1] - 2 * CELL_PAD, size, family=family)) * line + 2 * CELL_PAD + 4, MIN_ROW)
        for _, s in rows
    )
    pages: list[list[int]] = [[]]
    used = header
    for n, h in enumerate(heights):
        if pages[-1] and used + h > height:
            pages.append([])
            used = header
        pages[-1].append(n)
        used += h
    return Plan(size, widths, header, heights, tuple(tuple(p) for p in pages))


def draw(
    slide: Any, plan_: Plan, page: Sequence[int], rows: Sequence[tuple[str, str]], box: Box, palette: Palette
) -> None:
    """The table for one slide's rows, in the layout's colours (header text checked against the header fill)."""
    head_text, _ = readable([palette.background, (255, 255, 255), (0, 0, 0)], palette.heading, BODY_RATIO)
    total = plan_.header + sum(plan_.heights[n] for n in page)
    shape = slide.shapes.add_table(len(page) + 1, len(LABELS), box.left, box.top, box.width, int(total * EMU_PER_PT))
    shape.name = "handout table"
    table = shape.table
    for c, w in enumerate(plan_.widths):
        table.columns[c].width = int(w * EMU_PER_PT)
    table.rows[0].height = int(plan_.header * EMU_PER_PT)
    size = plan_.size
    for c, label in enumerate(LABELS):
        drawing.cell(
            table.cell(0, c), label, size, bold=True, pad=CELL_PAD, background=palette.heading, colour=head_text
        )
    for r, n in enumerate(page, start=1):
        table.rows[r].height = int(plan_.heights[n] * EMU_PER_PT)
        number, statement = rows[n]
        for c, value in enumerate((number, statement, "", "", "")):
            drawing.cell(
                table.cell(r, c),
                value,
                size,
                bold=c == 0,
                pad=CELL_PAD,
                background=palette.card,
                colour=palette.card_text,
            )

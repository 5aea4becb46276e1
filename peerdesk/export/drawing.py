"""Writing into python-pptx shapes: colours, frames, paragraphs, table cells, and text fitted to its shape.

Shared by the presentation (``pptx``), its handout table (``handout``) and the workshop's slides (``workshop_pptx``),
so that every slide peerdesk writes is set the same way: our own insets, no autofit, exact line spacing,
right-to-left paragraphs marked so.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Pt

from peerdesk.export import fonts, textfit
from peerdesk.export.colours import RGB
from peerdesk.export.layout_items import INSET
from peerdesk.export.template import clear_autofit
from peerdesk.export.textfit import Para

EMU_PER_PT = 12700


def hex_of(rgb: RGB) -> str:
    return "".join(f"{c:02X}" for c in rgb)


def rgb(value: RGB) -> RGBColor:
    colour: RGBColor = RGBColor.from_string(hex_of(value))  # type: ignore[no-untyped-call]
    return colour


def fill(shape: Any, colour: RGB) -> None:
    shape.fill.solid()
    shape.fill.fore_color.rgb = rgb(colour)
    shape.line.fill.background()
    style = shape._element.find(qn("p:style"))  # no theme effects: some renderers draw the default shadow
    if style is not None:
        shape._element.remove(style)


def remove(shape: Any) -> None:
    element = shape._element
    element.getparent().remove(element)


def drop_slide(prs: Any, index: int) -> None:
    ids = prs.slides._sldIdLst
    slide_id = ids[index]
    prs.part.drop_rel(slide_id.rId)
    ids.remove(slide_id)


def set_frame(frame: Any) -> None:
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.vertical_anchor = MSO_ANCHOR.TOP
    inset = Pt(INSET)
    frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = inset


def direction(p: Any, value: str) -> None:
    """Right-to-left paragraphs (Arabic, Hebrew) are marked so, and set flush right; punctuation never hangs
    past the margin (CJK renderers hang a final "、" outside the box otherwise)."""
    p._p.get_or_add_pPr().set("hangingPunct", "0")
    if fonts.is_rtl(value):
        p._p.get_or_add_pPr().set("rtl", "1")
        p.alignment = PP_ALIGN.RIGHT


def write_para(p: Any, para: Para, colour: RGB, *, first: bool) -> None:
    run = p.add_run()
    run.text = para.text
    font = run.font
    font.size = Pt(para.size)
    font.bold = para.bold
    font.italic = para.italic
    font.color.rgb = rgb(colour)
    p.line_spacing = Pt(para.size * textfit.line_factor(para.text))
    p.space_before = Pt(0 if first else para.space_before)
    p.space_after = Pt(0)
    p.alignment = PP_ALIGN.CENTER if para.align == "center" else PP_ALIGN.LEFT
    direction(p, para.text)


def cell(target: Any, value: str, size: float, *, bold: bool, pad: float, background: RGB, colour: RGB) -> None:
    target.margin_left = target.margin_right = target.margin_top = target.margin_bottom = Pt(pad)
    target.vertical_anchor = MSO_ANCHOR.TOP
    target.fill.solid()
    target.fill.fore_color.rgb = rgb(background)
    frame = target.text_frame
    frame.word_wrap = True
    p = frame.paragraphs[0]
    p.text = ""
    run = p.add_run()
    run.text = value
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.color.rgb = rgb(colour)
    p.line_spacing = Pt(size * textfit.LINE_HEIGHT)
    direction(p, value)


def shorten(lines: list[str], width: float, room: float, size: float, bold: bool, family: str) -> list[str]:
    """The last resort for a title that fits at no size: keep whole lines that fit and end with an ellipsis."""
    max_lines = max(1, int(room // (size * textfit.LINE_HEIGHT)))
    wrapped = [w for line in lines for w in textfit.wrap(line, width, size, bold=bold, family=family)]
    kept = wrapped[:max_lines]
    last = kept[-1]
    while last and textfit.text_width(last + "…", size, bold=bold, family=family) > width:
        last = last[:-1]
    kept[-1] = last.rstrip() + "…"
    return [textfit.join_lines(kept)] if len(lines) == 1 else kept


def fill_fitted(shape: Any, value: str, sizes: Sequence[float], *, bold: bool, family: str, colour: RGB | None) -> None:
    """Write ``value`` at the largest size that fits the shape, no word cut; shorten it only as a last resort."""
    frame = shape.text_frame
    set_frame(frame)
    clear_autofit(shape)
    width = shape.width / EMU_PER_PT - 2 * INSET
    room = shape.height / EMU_PER_PT - 2 * INSET
    lines = value.split("\n")
    chosen = sizes[-1]
    for size in sizes:
        wrapped = sum(len(textfit.wrap(line, width, size, bold=bold, family=family)) for line in lines)
        whole = all(textfit.word_fits(line, width, size, bold=bold, family=family) for line in lines)
        if whole and wrapped * size * textfit.LINE_HEIGHT <= room:
            chosen = size
            break
    else:
        lines = shorten(lines, width, room, chosen, bold, family)
    frame.clear()
    for n, line in enumerate(lines):
        p = frame.paragraphs[0] if n == 0 else frame.add_paragraph()
        run = p.add_run()
        run.text = line
        run.font.size = Pt(chosen)
        run.font.bold = bold
        if colour is not None:
            run.font.color.rgb = rgb(colour)
        p.line_spacing = Pt(chosen * textfit.LINE_HEIGHT)
        direction(p, line)


@dataclass(frozen=True)
class Box:
    """A rectangle on a slide in EMU, with its size in points for measuring text."""

    left: int
    top: int
    width: int
    height: int

    @property
    def width_pt(self) -> float:
        return self.width / EMU_PER_PT

    @property
    def height_pt(self) -> float:
        return self.height / EMU_PER_PT

"""Writing into python-pptx shapes: colours, frames, paragraphs, table cells, and text fitted to its shape.

Shared by the presentation (``pptx``), its handout table (``handout``) and the workshop's slides (``workshop_pptx``),
so that every slide peerdesk writes is set the same way: our own insets, no autofit, exact line spacing,
right-to-left paragraphs marked so.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from typing import Any

from pptx.dml.color import RGBColor
from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls, qn
from pptx.util import Pt

from peerdesk.export import fonts, textfit
from peerdesk.export.colours import RGB
from peerdesk.export.layout_items import INSET
from peerdesk.export.template import clear_autofit
from peerdesk.export.textfit import Para

EMU_PER_PT = 12700
_AUTOFIT = frozenset({qn("a:noAutofit"), qn("a:normAutofit"), qn("a:spAutoFit")})
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # not allowed in XML


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
    """Wrap, no autofit (we size text ourselves), anchored at the top, our own insets: written straight into the
    frame's ``a:bodyPr`` (python-pptx's seven setters cost as much as the text itself)."""
    body_pr = frame._txBody.find(qn("a:bodyPr"))
    inset = str(int(Pt(INSET)))
    for name, value in (("wrap", "square"), ("anchor", "t"), ("lIns", inset), ("rIns", inset), ("tIns", inset)):
        body_pr.set(name, value)
    body_pr.set("bIns", inset)
    for child in list(body_pr):
        if child.tag in _AUTOFIT:
            body_pr.remove(child)
    warp = body_pr.find(qn("a:prstTxWarp"))  # the autofit choice comes after it, before any 3-D settings
    body_pr.insert(0 if warp is None else 1, parse_xml(f"<a:noAutofit {nsdecls('a')}/>"))


def paragraph_xml(
    text: str,
    size: float,
    *,
    bold: bool = False,
    italic: bool = False,
    colour: RGB | None = None,
    spacing: float | None = None,
    before: float = 0.0,
    align: str | None = None,
    indent: float = 0.0,
) -> str:
    """One paragraph of one run as DrawingML, as python-pptx's setters would write it (and ten times faster: a
    deck has hundreds of paragraphs). Right-to-left text is marked so and set flush right; punctuation never
    hangs past the margin (CJK renderers hang a final "、" outside the box otherwise)."""
    rtl = fonts.is_rtl(text)
    # ``align`` None keeps the placeholder's own alignment (a template's centred titles stay centred).
    algn = "r" if rtl else {"center": "ctr", "left": "l", None: ""}[align]
    attrs = (f' algn="{algn}"' if algn else "") + (' rtl="1"' if rtl else "")
    if indent and not rtl:  # a hanging indent: the first line starts at the margin, the others ``indent`` in
        attrs += f' marL="{int(Pt(indent))}" indent="{-int(Pt(indent))}"'
    line = round((spacing if spacing is not None else size * textfit.line_factor(text)) * 100)
    ppr = (
        f'<a:pPr{attrs} hangingPunct="0">'
        f'<a:lnSpc><a:spcPts val="{line}"/></a:lnSpc><a:spcBef><a:spcPts val="{round(before * 100)}"/></a:spcBef>'
        '<a:spcAft><a:spcPts val="0"/></a:spcAft></a:pPr>'
    )
    fill = f'<a:solidFill><a:srgbClr val="{hex_of(colour)}"/></a:solidFill>' if colour is not None else ""
    rpr = f'<a:rPr sz="{round(size * 100)}" b="{int(bold)}" i="{int(italic)}" dirty="0">{fill}</a:rPr>'
    return f"<a:p>{ppr}<a:r>{rpr}<a:t>{escape(_CONTROL.sub('', text), quote=False)}</a:t></a:r></a:p>"


def set_paragraphs(frame: Any, paragraphs: Sequence[str]) -> None:
    """Replace the frame's paragraphs with ``paragraphs`` (from ``paragraph_xml``)."""
    body = frame._txBody
    for old in body.findall(qn("a:p")):
        body.remove(old)
    parsed = parse_xml(f"<a:txBody {nsdecls('a')}>{''.join(paragraphs)}</a:txBody>")
    for p in list(parsed.findall(qn("a:p"))):
        body.append(p)


def write_paras(frame: Any, paras: Sequence[tuple[Para, RGB]]) -> None:
    """Measured paragraphs into a text frame, each in its colour."""
    set_paragraphs(
        frame,
        [
            paragraph_xml(
                para.text,
                para.size,
                bold=para.bold,
                italic=para.italic,
                colour=colour,
                before=0.0 if n == 0 else para.space_before,
                align=para.align,
                indent=para.indent(),
            )
            for n, (para, colour) in enumerate(paras)
        ],
    )


def cell(target: Any, value: str, size: float, *, bold: bool, pad: float, background: RGB, colour: RGB) -> None:
    """A table cell's margins, top anchor, fill and text, written as DrawingML (a table has many cells)."""
    tc = target._tc
    old = tc.find(qn("a:tcPr"))
    if old is not None:
        tc.remove(old)
    margin = int(Pt(pad))
    tc.append(
        parse_xml(
            f'<a:tcPr {nsdecls("a")} marL="{margin}" marR="{margin}" marT="{margin}" marB="{margin}" anchor="t">'
            f'<a:solidFill><a:srgbClr val="{hex_of(background)}"/></a:solidFill></a:tcPr>'
        )
    )
    spacing = size * textfit.LINE_HEIGHT
    set_paragraphs(target.text_frame, [paragraph_xml(value, size, bold=bold, colour=colour, spacing=spacing)])


def shorten(lines: list[str], width: float, room: float, size: float, bold: bool, family: str) -> list[str]:
    """The last resort for a title that fits at no size: keep whole lines that fit and end with an ellipsis."""
    max_lines = max(1, int(room // (size * max(map(textfit.line_factor, lines)))))
    wrapped = [w for line in lines for w in textfit.wrap(line, width, size, bold=bold, family=family)]
    kept = wrapped[:max_lines]
    last = kept[-1]
    while last and textfit.text_width(last + "…", size, bold=bold, family=family) > width:
        last = last[:-1]
    kept[-1] = last.rstrip() + "…"
    return [textfit.join_lines(kept)] if len(lines) == 1 else kept


def fill_fitted(
    shape: Any,
    value: str,
    sizes: Sequence[float],
    *,
    bold: bool,
    family: str,
    colour: RGB | None,
    caps: bool = False,
) -> None:
    """Write ``value`` at the largest size that fits the shape, no word cut; shorten it only as a last resort.

    ``caps``: the template shows this text in capitals, so it is measured in capitals."""
    frame = shape.text_frame
    set_frame(frame)
    clear_autofit(shape)
    width = shape.width / EMU_PER_PT - 2 * INSET
    room = shape.height / EMU_PER_PT - 2 * INSET
    lines = value.split("\n")
    measured = [line.upper() for line in lines] if caps else lines
    chosen = sizes[-1]
    for size in sizes:
        # Each line at its own spacing: taller for Arabic and CJK, whose marks reach above and below Latin lines.
        needed = sum(
            len(textfit.wrap(line, width, size, bold=bold, family=family)) * size * textfit.line_factor(line)
            for line in measured
        )
        whole = all(textfit.word_fits(line, width, size, bold=bold, family=family) for line in measured)
        if whole and needed <= room:
            chosen = size
            break
    else:
        lines = shorten(lines, width, room, chosen, bold, family)
    set_paragraphs(frame, [paragraph_xml(line, chosen, bold=bold, colour=colour) for line in lines])


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

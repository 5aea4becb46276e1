"""The presentation: a .pptx in the order the team presents it, built from a ``Deck`` (see ``content``, ``slides``).

peerdesk's template lives in resources/ (see make_template.py); a user's own .pptx is read by ``template``: layouts
by their placeholders, the body's room clear of the master's shapes, colours checked for contrast on the real
background. Every text box is measured in the template's own fonts before it is written (``textfit``): text
shrinks within limits, and what still does not fit continues on another slide, so nothing runs off a slide or out
of its box. What had to be derived or corrected is kept in ``Renderer.findings`` for the pre-flight report.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls, qn
from pptx.util import Pt

from peerdesk.errors import PeerdeskError, UserError
from peerdesk.export import fonts, textfit
from peerdesk.export.colours import BODY_RATIO, RGB, Palette, readable
from peerdesk.export.content import Deck
from peerdesk.export.layout_items import GAP, INSET, QUOTE_BAR, QUOTE_PAD, Item, paginate
from peerdesk.export.slides import SlideSpec, plural, slide_specs
from peerdesk.export.template import (
    BODY_KINDS,
    SUBTITLE_KINDS,
    TITLE_KINDS,
    Rect,
    Template,
    clear_autofit,
    placeholder,
    set_rect,
)
from peerdesk.export.textfit import Para

__all__ = ["BuildCancelled", "Item", "Renderer", "TemplateError", "build", "paginate", "plural", "slide_specs"]

TEMPLATE_NAME = "presentation-template.pptx"
EMU_PER_PT = 12700
TITLE_SIZES = (32.0, 28.0, 24.0, 20.0, 18.0)
COVER_SIZES = (44.0, 40.0, 36.0, 32.0, 28.0, 24.0)
NUMBER_SIZE = 12.0

Progress = Callable[[int, int, str], bool]


class BuildCancelled(PeerdeskError):
    def __init__(self) -> None:
        super().__init__("Building the presentation was cancelled; no file was written.")


class TemplateError(UserError):
    pass


def default_template() -> Path:
    with resources.as_file(resources.files("peerdesk.resources") / TEMPLATE_NAME) as path:
        return Path(path)


@dataclass(frozen=True)
class Box:
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


def load(template: Path | None) -> Any:
    path = template or default_template()
    try:
        prs = Presentation(str(path))
    except Exception as exc:  # python-pptx raises assorted errors for files that are not presentations
        raise TemplateError(f"{path.name} cannot be used as a template: it is not a PowerPoint (.pptx) file.") from exc
    if not len(prs.slide_layouts):
        raise TemplateError(f"{path.name} cannot be used as a template: it has no slide layouts.")
    for _ in range(len(prs.slides)):
        _drop_slide(prs, 0)
    return prs


class Renderer:
    def __init__(self, template: Path | None) -> None:
        self.prs = load(template)
        self.t = Template(self.prs)
        self.width, self.height = self.t.width, self.t.height
        self.findings: list[str] = list(self.t.layouts.notes)
        self.title_font, self.body_font = self.t.major_font, self.t.minor_font
        self._palettes: dict[int, Palette] = {}

    def palette(self, layout: Any) -> Palette:
        key = id(layout)
        if key not in self._palettes:
            palette = self.t.palette(layout)
            self._palettes[key] = palette
            for note in palette.fallbacks:
                line = f"Colours on the layout “{layout.name}”: {note}."
                if line not in self.findings:
                    self.findings.append(line)
        return self._palettes[key]

    # --- slides -----------------------------------------------------------------------------------------------
    def new_slide(
        self, layout: Any, title_text: str, sizes: Sequence[float], *, keep: frozenset[Any] = frozenset()
    ) -> Any:
        """A slide on ``layout`` with its title written and fitted; placeholders not in ``keep`` are removed."""
        slide = self.prs.slides.add_slide(layout)
        title = placeholder(slide, TITLE_KINDS)
        for ph in list(slide.placeholders):
            if (title is None or ph.element is not title.element) and ph.placeholder_format.type not in keep:
                _remove(ph)
        rect = self.t.title_rect(layout)
        if title is None:
            title = slide.shapes.add_textbox(rect.left, rect.top, rect.width, rect.height)
            title.name = "Title"
        set_rect(title, rect)
        palette = self.palette(layout)
        colour = palette.title if placeholder(layout, TITLE_KINDS) is not None else palette.heading
        self.fill_fitted(title, title_text, sizes, bold=True, family=self.title_font, colour=colour)
        return slide

    def slide_number(self, slide: Any, layout: Any, body: Rect) -> Rect:
        """Number the slide in the template's slide-number spot (or a free corner); the body, clear of it."""
        rect = self.t.number_rect(layout)
        box = slide.shapes.add_textbox(rect.left, rect.top, rect.width, rect.height)
        box.name = "Slide number"
        _set_frame(box.text_frame)
        p = box.text_frame.paragraphs[0]
        p.alignment = PP_ALIGN.RIGHT
        number = len(self.prs.slides)
        field = parse_xml(
            f'<a:fld {nsdecls("a")} id="{{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}}" type="slidenum">'
            f'<a:rPr lang="en-GB" sz="{int(NUMBER_SIZE * 100)}"><a:solidFill>'
            f'<a:srgbClr val="{_hex(self.palette(layout).muted)}"/></a:solidFill></a:rPr>'
            f"<a:t>{number}</a:t></a:fld>"
        )
        p._p.append(field)
        return body.avoiding([rect])

    def title_slide(self, deck: Deck) -> None:
        layout = self.t.layouts.cover
        slide = self.new_slide(layout, deck.authority or "Peer challenge", COVER_SIZES, keep=frozenset(SUBTITLE_KINDS))
        lines = [f"Peer challenge: {deck.focus}" if deck.focus else "Peer challenge", deck.dates]
        self._subtitle(slide, layout, "\n".join(x for x in lines if x))

    def _subtitle(self, slide: Any, layout: Any, value: str) -> None:
        sub = placeholder(slide, SUBTITLE_KINDS)
        rect = self.t.subtitle_rect(layout)
        if sub is None:
            sub = slide.shapes.add_textbox(rect.left, rect.top, rect.width, rect.height)
            sub.name = "Subtitle"
        set_rect(sub, rect)
        self.fill_fitted(
            sub, value, (24, 22, 20, 18, 16, 14), bold=False, family=self.body_font, colour=self.palette(layout).text
        )

    def divider(self, spec: SlideSpec) -> None:
        layout = self.t.layouts.section
        keep = frozenset(SUBTITLE_KINDS | BODY_KINDS)
        slide = self.new_slide(layout, spec.title, COVER_SIZES, keep=keep)
        if placeholder(slide, keep) is not None or placeholder(layout, keep) is None:
            self._subtitle(slide, layout, spec.divider)
        for ph in list(slide.placeholders):
            if ph.placeholder_format.type in keep and not ph.text_frame.text:
                _remove(ph)

    def content_slides(self, spec: SlideSpec) -> None:
        layout = self.t.layouts.content if not spec.handout_rows else self.t.layouts.title_only
        body = self.t.body_rect(layout)
        probe = self.t.number_rect(layout)
        body = body.avoiding([probe])
        box = Box(body.left, body.top, body.width, body.height)
        if spec.handout_rows:
            self.handout_slides(spec.title, layout, box, spec.handout_rows)
            return
        with textfit.measuring_with(self.body_font):
            pages = paginate(spec.groups, box.width_pt, box.height_pt, grow=spec.grow)
            for n, page in enumerate(pages):
                slide = self.new_slide(layout, spec.title if n == 0 else f"{spec.title} (continued)", TITLE_SIZES)
                self.slide_number(slide, layout, body)
                if spec.notes:
                    slide.notes_slide.notes_text_frame.text = spec.notes
                y = box.top
                for item in page:
                    h = item.height(box.width_pt)
                    self.draw_item(slide, item, Box(box.left, y, box.width, int(h * EMU_PER_PT)), layout)
                    y += int((h + GAP) * EMU_PER_PT)

    def fill_fitted(
        self, shape: Any, value: str, sizes: Sequence[float], *, bold: bool, family: str, colour: RGB | None
    ) -> None:
        """Write ``value`` at the largest size that fits the shape, no word cut; shorten it only as a last resort."""
        frame = shape.text_frame
        _set_frame(frame)
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
            lines = _shorten(lines, width, room, chosen, bold, family)
        frame.clear()
        for n, line in enumerate(lines):
            p = frame.paragraphs[0] if n == 0 else frame.add_paragraph()
            run = p.add_run()
            run.text = line
            run.font.size = Pt(chosen)
            run.font.bold = bold
            if colour is not None:
                run.font.color.rgb = _rgb(colour)
            p.line_spacing = Pt(chosen * textfit.LINE_HEIGHT)
            _direction(p, line)

    def draw_item(self, slide: Any, item: Item, box: Box, layout: Any) -> None:
        palette = self.palette(layout)
        on_card = item.kind == "quote"
        if on_card:
            card = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, box.left, box.top, box.width, box.height)
            _fill(card, palette.card)
            card.name = "quote card"
            bar = slide.shapes.add_shape(
                MSO_SHAPE.RECTANGLE, box.left, box.top, int(QUOTE_BAR * EMU_PER_PT), box.height
            )
            _fill(bar, palette.accent)
            bar.name = "quote bar"
        left = box.left + int(item.pad_left * EMU_PER_PT)
        right_pad = int((QUOTE_PAD if on_card else 0) * EMU_PER_PT)
        top = box.top + int(item.pad_y * EMU_PER_PT)
        shape = slide.shapes.add_textbox(
            left, top, box.width - (left - box.left) - right_pad, box.height - 2 * int(item.pad_y * EMU_PER_PT)
        )
        shape.name = "quote" if on_card else "text"
        frame = shape.text_frame
        _set_frame(frame)
        for n, para in enumerate(item.paras):
            p = frame.paragraphs[0] if n == 0 else frame.add_paragraph()
            _write_para(p, para, palette.role(para.color, on_card=on_card), first=n == 0)

    def handout_slides(self, title: str, layout: Any, box: Box, rows: Sequence[tuple[str, str]]) -> None:
        width = box.width_pt
        fractions = (0.06, 0.46, 0.13, 0.15, 0.20)
        col_w = [width * f for f in fractions]
        labels = ("#", "Insight", "Agree ✓", "Disagree ✗", "Amend or add")
        cell_pad = 6.0
        family = self.body_font
        size = 10.0
        for candidate in (16.0, 15.0, 14.0, 13.0, 12.0, 11.0, 10.0):
            if all(
                textfit.word_fits(label, w - 2 * cell_pad, candidate, bold=True, family=family)
                for label, w in zip(labels, col_w, strict=True)
            ) and all(textfit.word_fits(s, col_w[1] - 2 * cell_pad, candidate, family=family) for _, s in rows):
                size = candidate
                break
        header_lines = max(
            len(textfit.wrap(lab, w - 2 * cell_pad, size, bold=True, family=family))
            for lab, w in zip(labels, col_w, strict=True)
        )
        header_h = header_lines * size * textfit.LINE_HEIGHT + 2 * cell_pad + 4
        heights = [
            max(
                len(textfit.wrap(s, col_w[1] - 2 * cell_pad, size, family=family)) * size * textfit.LINE_HEIGHT
                + 2 * cell_pad
                + 4,
                54.0,
            )
            for _, s in rows
        ]
        pages: list[list[int]] = [[]]
        used = header_h
        for n, h in enumerate(heights):
            if pages[-1] and used + h > box.height_pt:
                pages.append([])
                used = header_h
            pages[-1].append(n)
            used += h
        palette = self.palette(layout)
        head_text, _ = readable([palette.background, (255, 255, 255), (0, 0, 0)], palette.heading, BODY_RATIO)
        for k, page in enumerate(pages):
            slide = self.new_slide(layout, title if k == 0 else f"{title} (continued)", TITLE_SIZES)
            self.slide_number(slide, layout, Rect(box.left, box.top, box.width, box.height))
            total_h = header_h + sum(heights[n] for n in page)
            shape = slide.shapes.add_table(len(page) + 1, 5, box.left, box.top, box.width, int(total_h * EMU_PER_PT))
            shape.name = "handout table"
            table = shape.table
            for c, w in enumerate(col_w):
                table.columns[c].width = int(w * EMU_PER_PT)
            table.rows[0].height = int(header_h * EMU_PER_PT)
            for c, label in enumerate(labels):
                _cell(table.cell(0, c), label, size, bold=True, pad=cell_pad, fill=palette.heading, colour=head_text)
            for r, n in enumerate(page, start=1):
                table.rows[r].height = int(heights[n] * EMU_PER_PT)
                number, statement = rows[n]
                cells = (number, statement, "", "", "")
                for c, value in enumerate(cells):
                    _cell(
                        table.cell(r, c),
                        value,
                        size,
                        bold=c == 0,
                        pad=cell_pad,
                        fill=palette.card,
                        colour=palette.card_text,
                    )


def _hex(rgb: RGB) -> str:
    return "".join(f"{c:02X}" for c in rgb)


def _rgb(rgb: RGB) -> RGBColor:
    colour: RGBColor = RGBColor.from_string(_hex(rgb))  # type: ignore[no-untyped-call]
    return colour


def _fill(shape: Any, colour: RGB) -> None:
    shape.fill.solid()
    shape.fill.fore_color.rgb = _rgb(colour)
    shape.line.fill.background()
    style = shape._element.find(qn("p:style"))  # no theme effects: some renderers draw the default shadow
    if style is not None:
        shape._element.remove(style)


def _remove(shape: Any) -> None:
    element = shape._element
    element.getparent().remove(element)


def _drop_slide(prs: Any, index: int) -> None:
    ids = prs.slides._sldIdLst
    slide_id = ids[index]
    prs.part.drop_rel(slide_id.rId)
    ids.remove(slide_id)


def _set_frame(frame: Any) -> None:
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.vertical_anchor = MSO_ANCHOR.TOP
    inset = Pt(INSET)
    frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = inset


def _direction(p: Any, value: str) -> None:
    """Right-to-left paragraphs (Arabic, Hebrew) are marked so, and set flush right; punctuation never hangs
    past the margin (CJK renderers hang a final "、" outside the box otherwise)."""
    p._p.get_or_add_pPr().set("hangingPunct", "0")
    if fonts.is_rtl(value):
        p._p.get_or_add_pPr().set("rtl", "1")
        p.alignment = PP_ALIGN.RIGHT


def _write_para(p: Any, para: Para, colour: RGB, *, first: bool) -> None:
    run = p.add_run()
    run.text = para.text
    font = run.font
    font.size = Pt(para.size)
    font.bold = para.bold
    font.italic = para.italic
    font.color.rgb = _rgb(colour)
    p.line_spacing = Pt(para.size * textfit.line_factor(para.text))
    p.space_before = Pt(0 if first else para.space_before)
    p.space_after = Pt(0)
    p.alignment = PP_ALIGN.CENTER if para.align == "center" else PP_ALIGN.LEFT
    _direction(p, para.text)


def _cell(cell: Any, value: str, size: float, *, bold: bool, pad: float, fill: RGB, colour: RGB) -> None:
    cell.margin_left = cell.margin_right = cell.margin_top = cell.margin_bottom = Pt(pad)
    cell.vertical_anchor = MSO_ANCHOR.TOP
    cell.fill.solid()
    cell.fill.fore_color.rgb = _rgb(fill)
    frame = cell.text_frame
    frame.word_wrap = True
    p = frame.paragraphs[0]
    p.text = ""
    run = p.add_run()
    run.text = value
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.color.rgb = _rgb(colour)
    p.line_spacing = Pt(size * textfit.LINE_HEIGHT)
    _direction(p, value)


def _shorten(lines: list[str], width: float, room: float, size: float, bold: bool, family: str) -> list[str]:
    """The last resort for a title that fits at no size: keep whole lines that fit and end with an ellipsis."""
    max_lines = max(1, int(room // (size * textfit.LINE_HEIGHT)))
    wrapped = [w for line in lines for w in textfit.wrap(line, width, size, bold=bold, family=family)]
    kept = wrapped[:max_lines]
    last = kept[-1]
    while last and textfit.text_width(last + "…", size, bold=bold, family=family) > width:
        last = last[:-1]
    kept[-1] = last.rstrip() + "…"
    return [textfit.join_lines(kept)] if len(lines) == 1 else kept


# --- the entry point -------------------------------------------------------------------------------------------


def build(
    deck: Deck, out: Path, *, template: Path | None = None, handout: bool = True, progress: Progress | None = None
) -> Path:
    """Write the presentation to ``out`` (atomically: a failed or cancelled build leaves no file behind)."""
    out = Path(out)
    if out.suffix.lower() != ".pptx":
        raise UserError("The presentation must be saved as a .pptx file.")
    if not out.parent.is_dir():
        raise UserError(f"The folder {out.parent} does not exist.")
    if template is not None and not Path(template).is_file():
        raise TemplateError(f"There is no template file at {template}.")
    renderer = Renderer(Path(template) if template else None)
    specs = slide_specs(deck, handout=handout)
    total = len(specs) + 2

    def step(done: int, label: str) -> None:
        if progress is not None and not progress(done, total, label):
            raise BuildCancelled()

    step(0, "Title slide")
    renderer.title_slide(deck)
    for n, spec in enumerate(specs, start=1):
        step(n, spec.title)
        if spec.divider:
            renderer.divider(spec)
        else:
            renderer.content_slides(spec)
    step(total - 1, "Saving")
    props = renderer.prs.core_properties
    props.title = f"{deck.authority} peer challenge".strip()
    props.author = "peerdesk"
    props.comments = ""
    fd, tmp = tempfile.mkstemp(prefix=".peerdesk-", suffix=".pptx", dir=out.parent)
    os.close(fd)
    try:
        renderer.prs.save(tmp)
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    if progress is not None:
        progress(total, total, "Done")
    return out


def template_findings(template: Path | None) -> list[str]:
    """What a template lacks or gets wrong (derived layouts, unreadable colours), before anything is built."""
    renderer = Renderer(template)
    for layout in (renderer.t.layouts.cover, renderer.t.layouts.content, renderer.t.layouts.section):
        renderer.palette(layout)
    return renderer.findings

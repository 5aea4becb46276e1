"""The presentation: a .pptx in the order the team presents it, built from a ``Deck`` (see ``content``).

Slides: title; aim and key questions; who we spoke to; how we worked; key themes with quotes; the insights at a
glance; one slide per insight with its description and quotes; the workshop and next steps; the workshop handout
(agree ✓ / disagree ✗ / amend). peerdesk's template lives in resources/ (see make_template.py); a user's own .pptx
is used through its layouts, found by name or by placeholder type, and its sample slides are dropped.

Every text box is measured before it is written (``textfit``): text shrinks within limits, and what still does not
fit continues on another slide, so nothing ever runs off a slide or out of its box. Every colour is a theme colour,
so a user's template brings its own palette.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

from pptx import Presentation
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.enum.shapes import MSO_SHAPE, PP_PLACEHOLDER
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Emu, Pt

from peerdesk.errors import PeerdeskError, UserError
from peerdesk.export import textfit
from peerdesk.export.content import Deck, DeckQuote
from peerdesk.export.textfit import Para

TEMPLATE_NAME = "presentation-template.pptx"
EMU_PER_PT = 12700
INSET = 4.0  # text box insets, points
QUOTE_BAR = 5.0  # width of a quote's accent bar, points
QUOTE_PAD = 12.0  # padding inside a quote card, points
GAP = 10.0  # space between items on a slide, points
SHRINK_STEPS = (1.0, 0.92, 0.85, 0.78)  # how far a slide's text may shrink before it continues on another
CONTINUE_SCALE = 0.92  # text size on slides that continue (shrinking all the way would help nobody read)
CUSTOM_WIDTH_FACTOR = 0.92  # a user's template may use a wider font than the one we measure with
TITLE_SIZES = (32.0, 28.0, 24.0, 20.0)

Progress = Callable[[int, int, str], bool]


class BuildCancelled(PeerdeskError):
    def __init__(self) -> None:
        super().__init__("Building the presentation was cancelled; no file was written.")


class TemplateError(UserError):
    pass


def default_template() -> Path:
    with resources.as_file(resources.files("peerdesk.resources") / TEMPLATE_NAME) as path:
        return Path(path)


# --- items: what a slide's body is made of ----------------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    """A block of paragraphs drawn as one text box; a "quote" item is drawn as a card with an accent bar."""

    paras: tuple[Para, ...]
    kind: str = "text"  # text | quote
    keep_with_next: bool = False

    @property
    def pad_left(self) -> float:
        return QUOTE_BAR + QUOTE_PAD if self.kind == "quote" else 0.0

    @property
    def pad_y(self) -> float:
        return QUOTE_PAD * 0.6 if self.kind == "quote" else 0.0

    def inner_width(self, width: float) -> float:
        right = QUOTE_PAD if self.kind == "quote" else 0.0
        return width - self.pad_left - right - 2 * INSET

    def height(self, width: float) -> float:
        return textfit.height(self.paras, self.inner_width(width)) + 2 * INSET + 2 * self.pad_y

    def scaled(self, factor: float) -> Item:
        return replace(self, paras=tuple(p.scaled(factor) for p in self.paras))

    def split(self, width: float, max_height: float) -> tuple[Item | None, Item]:
        """The largest head that fits ``max_height`` and the rest (continued without its space before)."""
        room = max_height - 2 * INSET - 2 * self.pad_y
        inner = self.inner_width(width)
        head: list[Para] = []
        used = 0.0
        for n, para in enumerate(self.paras):
            h = para.height(inner, first=not head)
            if used + h <= room:
                head.append(para)
                used += h
                continue
            part, rest = textfit.split_para(para, inner, room - used, first=not head)
            if part is not None:
                head.append(part)
            tail = (rest, *self.paras[n + 1 :])
            if not head:
                return None, self
            return replace(self, paras=tuple(head)), replace(self, paras=tail, keep_with_next=self.keep_with_next)
        return replace(self, paras=tuple(head)), replace(self, paras=())


def paginate(groups: Sequence[Sequence[Item]], width: float, height: float) -> list[list[Item]]:
    """Lay out groups of items (a group stays together when it can) on as few pages as the shrink limits allow."""
    flat = [item for group in groups for item in group]
    for factor in SHRINK_STEPS:
        scaled = [i.scaled(factor) for i in flat]
        if _stack_height(scaled, width) <= height:
            return [scaled]
    pages: list[list[Item]] = [[]]
    used = 0.0
    for group in groups:
        items = [i.scaled(CONTINUE_SCALE) for i in group]
        group_h = _stack_height(items, width)
        if pages[-1] and used + GAP + group_h > height and group_h <= height:
            pages.append([])
            used = 0.0
        for item in items:
            while True:
                gap = GAP if pages[-1] else 0.0
                h = item.height(width)
                if used + gap + h <= height:
                    pages[-1].append(item)
                    used += gap + h
                    break
                head, tail = item.split(width, height - used - gap)
                if head is not None and not (head.keep_with_next or (item.keep_with_next and not pages[-1])):
                    pages[-1].append(head)
                    item = tail
                elif not pages[-1]:
                    raise ValueError("an item cannot fit on an empty slide")  # only with absurd geometry
                pages.append([])
                used = 0.0
    return [p for p in pages if p]


def _stack_height(items: Sequence[Item], width: float) -> float:
    return sum(i.height(width) for i in items) + GAP * max(0, len(items) - 1)


# --- building blocks in our house style ------------------------------------------------------------------------


def text(value: str, size: float = 22, **style: Any) -> Item:
    return Item((Para(value, size, **style),))


def heading(value: str, size: float = 24) -> Item:
    return Item((Para(value, size, bold=True, color="heading"),), keep_with_next=True)


def quote(q: DeckQuote, size: float = 20) -> Item:
    paras = [Para(f"“{q.text}”", size, italic=True)]
    if q.group:
        paras.append(Para(f"— {q.group}", round(size * 0.75), color="muted", space_before=size * 0.3))
    return Item(tuple(paras), kind="quote")


def bullets(lines: Sequence[str], size: float = 22) -> list[Item]:
    return [Item((Para(f"•  {line}", size),)) for line in lines]


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else (many or word + 's')}"


# --- the slides ------------------------------------------------------------------------------------------------


@dataclass
class SlideSpec:
    title: str
    groups: list[list[Item]] = field(default_factory=list)
    handout_rows: list[tuple[str, str]] = field(default_factory=list)  # (number, statement): a table, not items


def slide_specs(deck: Deck, *, handout: bool = True) -> list[SlideSpec]:
    specs: list[SlideSpec] = []

    aim: list[list[Item]] = []
    if deck.focus:
        aim.append([heading("Area of focus"), text(deck.focus)])
    if deck.aim:
        aim.append([heading("What the review set out to learn"), text(deck.aim)])
    if deck.key_questions:
        aim.append([heading("The host's key questions")])
        aim.extend([[text(f"{n}.  {q}")] for n, q in enumerate(deck.key_questions, start=1)])
    if not aim:
        aim.append([text("The aim and key questions were not recorded in this review.", color="muted")])
    specs.append(SlideSpec("The aim of the review", aim))

    people = sum(g.people for g in deck.groups)
    who: list[list[Item]] = [
        [
            text(
                f"{plural(deck.interviews, 'interview')} with {plural(len(deck.groups), 'stakeholder group')}"
                + (f", {plural(people, 'person', 'people')} in all." if people else "."),
                color="heading",
                bold=True,
            )
        ]
    ]
    for g in deck.groups:
        detail = plural(g.interviews, "interview") + (f", {plural(g.people, 'person', 'people')}" if g.people else "")
        who.append([Item((Para(f"{g.group}", 22, bold=True), Para(detail, 18, color="muted")))])
    who.append([text("Everyone spoke in confidence: nothing here says who said what.", 16, color="muted")])
    specs.append(SlideSpec("Who we spoke to", who))

    postits = deck.postits
    method = [
        f"A team of {plural(deck.team_size, 'peer')} on site" + (f", {deck.dates}" if deck.dates else "") + ".",
        f"Day 1: {plural(deck.interviews, 'interview')}, each with one person asking and one noting "
        "people's own words.",
    ]
    if deck.approaches:
        method.append("Approaches: " + "; ".join(f"{a} ({n})" for a, n in deck.approaches) + ".")
    method.append(
        f"Day 1 evening: {plural(deck.quotes, 'quote')} picked out and {plural(sum(postits.values()), 'post-it')} "
        f"written: {postits.get('rose', 0)} roses (strengths), {postits.get('thorn', 0)} thorns (challenges), "
        f"{postits.get('bud', 0)} buds (opportunities)."
    )
    method.append(
        f"Day 2 morning: the post-its grouped into {plural(len(deck.themes), 'theme')}, and each theme tested "
        f"with “so what?” to reach {plural(len(deck.insights), 'insight')}."
    )
    specs.append(SlideSpec("How we worked", [bullets(method)]))

    themes: list[list[Item]] = []
    for t in deck.themes:
        themes.append([heading(t.heading, 22), *[quote(q, 18) for q in t.quotes]])
    if not themes:
        themes.append([text("No themes were recorded.", color="muted")])
    specs.append(SlideSpec("Key themes", themes))

    overview = [
        [text(f"{i.number}.  {i.statement or '(statement to be written)'}", 24, space_before=4)] for i in deck.insights
    ]
    if not overview:
        overview = [[text("No insights were recorded.", color="muted")]]
    specs.append(SlideSpec("Key insights", overview))

    total = len(deck.insights)
    for i in deck.insights:
        groups = [[Item((Para(i.statement or "(statement to be written)", 30, bold=True, color="heading"),))]]
        if i.description:
            groups.append([text(i.description, 22)])
        groups.extend([[quote(q, 22)] for q in i.quotes])
        specs.append(SlideSpec(f"Insight {i.number} of {total}", groups))

    workshop = [
        "At each table: tick ✓ the insights you agree with, cross ✗ those you don't, amend the rest, "
        "and add any we missed.",
        "Agree the goals you would most like to reach for each insight.",
        "Each table takes one goal (no two the same), brainstorms actions on post-its and chooses its top three.",
    ]
    next_groups: list[list[Item]] = [bullets(workshop, 20), [heading("Next steps", 22)]]
    if deck.next_steps:
        next_groups.extend([[i] for i in bullets(deck.next_steps, 20)])
    else:
        next_groups.append(
            [text("The host director sets out the next steps at the close of the workshop.", 20, color="muted")]
        )
    specs.append(SlideSpec("This afternoon's workshop and next steps", next_groups))

    if handout and deck.insights:
        rows = [(str(i.number), i.statement or "(statement to be written)") for i in deck.insights]
        specs.append(SlideSpec("Workshop: our insights — your view", handout_rows=rows))
    return specs


# --- rendering --------------------------------------------------------------------------------------------------


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


_COLORS = MappingProxyType(
    {
        "text": (MSO_THEME_COLOR.TEXT_1, 0.0),
        "heading": (MSO_THEME_COLOR.TEXT_2, 0.0),
        "muted": (MSO_THEME_COLOR.TEXT_1, 0.35),
        "accent": (MSO_THEME_COLOR.ACCENT_1, 0.0),
    }
)
_ALIGN = MappingProxyType({"left": PP_ALIGN.LEFT, "center": PP_ALIGN.CENTER})


class Renderer:
    def __init__(self, template: Path | None) -> None:
        self.custom = template is not None
        path = template or default_template()
        try:
            self.prs = Presentation(str(path))
        except Exception as exc:  # python-pptx raises assorted errors for files that are not presentations
            raise TemplateError(
                f"{path.name} cannot be used as a template: it is not a PowerPoint (.pptx) file."
            ) from exc
        for _ in range(len(self.prs.slides)):
            _drop_slide(self.prs, 0)
        self.width = int(self.prs.slide_width or Emu(12192000))
        self.height = int(self.prs.slide_height or Emu(6858000))
        self.title_layout = _find_layout(
            self.prs, "Title Slide", lambda kinds: _TITLE_KINDS & kinds and PP_PLACEHOLDER.SUBTITLE in kinds
        )
        self.content_layout = _find_layout(
            self.prs, "Title Only", lambda kinds: bool(_TITLE_KINDS & kinds) and not (_BODY_KINDS & kinds)
        )
        if self.content_layout is None:
            self.content_layout = _find_layout(self.prs, "Title and Content", lambda kinds: bool(_TITLE_KINDS & kinds))
        self.blank_layout = self.prs.slide_layouts[len(self.prs.slide_layouts) - 1]

    # --- geometry ---------------------------------------------------------------------------------------------
    def margin(self) -> int:
        return int(self.width * 0.045)

    def body_box(self, title: Any | None) -> Box:
        m = self.margin()
        if title is not None and title.width and title.width > self.width * 0.5 and title.top < self.height * 0.35:
            left, width = int(title.left), int(title.width)
            top = int(title.top + title.height + Pt(8))
        else:
            left, width, top = m, self.width - 2 * m, int(self.height * 0.2)
        width = min(width, self.width - left - m // 2)
        bottom = self.height - int(self.height * 0.07)
        return Box(left, top, width, bottom - top)

    def _measure_width(self, box: Box) -> float:
        return box.width_pt * (CUSTOM_WIDTH_FACTOR if self.custom else 1.0)

    # --- slides -----------------------------------------------------------------------------------------------
    def title_slide(self, deck: Deck) -> None:
        layout = self.title_layout or self.content_layout or self.blank_layout
        slide = self.prs.slides.add_slide(layout)
        title = _placeholder(slide, _TITLE_KINDS)
        subtitle = _placeholder(slide, {PP_PLACEHOLDER.SUBTITLE, PP_PLACEHOLDER.BODY})
        for ph in list(slide.placeholders):
            if ph not in (title, subtitle):
                _remove(ph)
        lines = [f"Peer challenge: {deck.focus}" if deck.focus else "Peer challenge", deck.dates]
        sub_text = "\n".join(x for x in lines if x)
        if title is None:
            m = self.margin()
            title = slide.shapes.add_textbox(m, int(self.height * 0.3), self.width - 2 * m, int(self.height * 0.25))
        self.fill_fitted(title, deck.authority or "Peer challenge", (44, 40, 36, 32, 28, 24), bold=True)
        if subtitle is None:
            m = self.margin()
            subtitle = slide.shapes.add_textbox(m, int(self.height * 0.6), self.width - 2 * m, int(self.height * 0.25))
        self.fill_fitted(subtitle, sub_text, (24, 22, 20, 18, 16), bold=False)

    def content_slides(self, spec: SlideSpec) -> None:
        layout = self.content_layout or self.blank_layout
        box = self.body_box(_placeholder(layout, _TITLE_KINDS))
        width = self._measure_width(box)
        if spec.handout_rows:
            self.handout_slides(spec.title, box, spec.handout_rows)
            return
        pages = paginate(spec.groups, width, box.height_pt)
        for n, page in enumerate(pages):
            label = spec.title if n == 0 else f"{spec.title} (continued)"
            slide, body = self.new_content_slide(label)
            y = body.top
            for item in page:
                h = item.height(width)
                self.draw_item(slide, item, Box(body.left, y, body.width, int(h * EMU_PER_PT)))
                y += int((h + GAP) * EMU_PER_PT)

    def new_content_slide(self, title_text: str) -> tuple[Any, Box]:
        slide = self.prs.slides.add_slide(self.content_layout or self.blank_layout)
        title = _placeholder(slide, _TITLE_KINDS)
        for ph in list(slide.placeholders):
            if ph != title:
                _remove(ph)
        box = self.body_box(title)
        if title is None:
            m = self.margin()
            title = slide.shapes.add_textbox(m, int(self.height * 0.05), self.width - 2 * m, int(self.height * 0.13))
        self.fill_fitted(title, title_text, TITLE_SIZES, bold=True)
        return slide, box

    def fill_fitted(self, shape: Any, value: str, sizes: Sequence[float], *, bold: bool) -> None:
        """Write ``value`` at the largest size that fits the shape; shorten it only as a last resort."""
        frame = shape.text_frame
        _set_frame(frame)
        width = shape.width / EMU_PER_PT - 2 * INSET
        width *= CUSTOM_WIDTH_FACTOR if self.custom else 1.0
        room = shape.height / EMU_PER_PT - 2 * INSET
        lines = value.split("\n")
        chosen = sizes[-1]
        for size in sizes:
            if (
                sum(len(textfit.wrap(line, width, size, bold=bold)) for line in lines) * size * textfit.LINE_HEIGHT
                <= room
            ):
                chosen = size
                break
        else:
            lines = _shorten(lines, width, room, chosen, bold)
        frame.clear()
        for n, line in enumerate(lines):
            p = frame.paragraphs[0] if n == 0 else frame.add_paragraph()
            run = p.add_run()
            run.text = line
            run.font.size = Pt(chosen)
            run.font.bold = bold
            p.line_spacing = Pt(chosen * textfit.LINE_HEIGHT)

    def draw_item(self, slide: Any, item: Item, box: Box) -> None:
        if item.kind == "quote":
            card = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, box.left, box.top, box.width, box.height)
            card.fill.solid()
            card.fill.fore_color.theme_color = MSO_THEME_COLOR.ACCENT_1
            card.fill.fore_color.brightness = 0.9
            card.line.fill.background()
            _plain(card)
            card.name = "quote card"
            bar = slide.shapes.add_shape(
                MSO_SHAPE.RECTANGLE, box.left, box.top, int(QUOTE_BAR * EMU_PER_PT), box.height
            )
            bar.fill.solid()
            bar.fill.fore_color.theme_color = MSO_THEME_COLOR.ACCENT_1
            bar.line.fill.background()
            _plain(bar)
            bar.name = "quote bar"
        left = box.left + int(item.pad_left * EMU_PER_PT)
        right_pad = int((QUOTE_PAD if item.kind == "quote" else 0) * EMU_PER_PT)
        top = box.top + int(item.pad_y * EMU_PER_PT)
        shape = slide.shapes.add_textbox(
            left, top, box.width - (left - box.left) - right_pad, box.height - 2 * int(item.pad_y * EMU_PER_PT)
        )
        shape.name = "quote" if item.kind == "quote" else "text"
        frame = shape.text_frame
        _set_frame(frame)
        for n, para in enumerate(item.paras):
            p = frame.paragraphs[0] if n == 0 else frame.add_paragraph()
            _write_para(p, para, first=n == 0)

    def handout_slides(self, title: str, box: Box, rows: Sequence[tuple[str, str]]) -> None:
        width = box.width_pt
        fractions = (0.05, 0.49, 0.12, 0.14, 0.20)
        col_w = [width * f for f in fractions]
        size = 16.0
        cell_pad = 6.0
        header_h = size * textfit.LINE_HEIGHT + 2 * cell_pad + 4
        heights = []
        for _, statement in rows:
            lines = len(
                textfit.wrap(statement, (col_w[1] - 2 * cell_pad) * (CUSTOM_WIDTH_FACTOR if self.custom else 1.0), size)
            )
            heights.append(max(lines * size * textfit.LINE_HEIGHT + 2 * cell_pad + 4, 54.0))
        pages: list[list[int]] = [[]]
        used = header_h
        for n, h in enumerate(heights):
            if pages[-1] and used + h > box.height_pt:
                pages.append([])
                used = header_h
            pages[-1].append(n)
            used += h
        for k, page in enumerate(pages):
            slide, body = self.new_content_slide(title if k == 0 else f"{title} (continued)")
            total_h = header_h + sum(heights[n] for n in page)
            shape = slide.shapes.add_table(len(page) + 1, 5, body.left, body.top, body.width, int(total_h * EMU_PER_PT))
            shape.name = "handout table"
            table = shape.table
            for c, w in enumerate(col_w):
                table.columns[c].width = int(w * EMU_PER_PT)
            table.rows[0].height = int(header_h * EMU_PER_PT)
            for c, label in enumerate(("#", "Insight", "Agree ✓", "Disagree ✗", "Amend or add")):
                _cell(table.cell(0, c), label, size, bold=True, pad=cell_pad)
            for r, n in enumerate(page, start=1):
                table.rows[r].height = int(heights[n] * EMU_PER_PT)
                number, statement = rows[n]
                _cell(table.cell(r, 0), number, size, bold=True, pad=cell_pad)
                _cell(table.cell(r, 1), statement, size, pad=cell_pad)
                for c in (2, 3, 4):
                    _cell(table.cell(r, c), "", size, pad=cell_pad)


_TITLE_KINDS = frozenset({PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE})
_BODY_KINDS = frozenset({PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT, PP_PLACEHOLDER.SUBTITLE})


def _find_layout(prs: Any, name: str, matches: Callable[[set[Any]], Any]) -> Any | None:
    layouts = list(prs.slide_layouts)
    for layout in layouts:
        if layout.name.strip().lower() == name.lower():
            return layout
    for layout in layouts:
        kinds = {ph.placeholder_format.type for ph in layout.placeholders}
        if matches(kinds):
            return layout
    return None


def _placeholder(slide: Any, kinds: frozenset[Any] | set[Any]) -> Any | None:
    for ph in slide.placeholders:
        if ph.placeholder_format.type in kinds:
            return ph
    return None


def _remove(shape: Any) -> None:
    element = shape._element
    element.getparent().remove(element)


def _drop_slide(prs: Any, index: int) -> None:
    ids = prs.slides._sldIdLst
    slide_id = ids[index]
    prs.part.drop_rel(slide_id.rId)
    ids.remove(slide_id)


def _plain(shape: Any) -> None:
    """No theme effects (some renderers draw the default shape style's shadow even under an empty effect list)."""
    style = shape._element.find(qn("p:style"))
    if style is not None:
        shape._element.remove(style)


def _set_frame(frame: Any) -> None:
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.vertical_anchor = MSO_ANCHOR.TOP
    inset = Pt(INSET)
    frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = inset


def _write_para(p: Any, para: Para, *, first: bool) -> None:
    run = p.add_run()
    run.text = para.text
    font = run.font
    font.size = Pt(para.size)
    font.bold = para.bold
    font.italic = para.italic
    theme, brightness = _COLORS.get(para.color, _COLORS["text"])
    font.color.theme_color = theme
    if brightness:
        font.color.brightness = brightness
    p.line_spacing = Pt(para.size * textfit.LINE_HEIGHT)
    p.space_before = Pt(0 if first else para.space_before)
    p.space_after = Pt(0)
    p.alignment = _ALIGN.get(para.align, PP_ALIGN.LEFT)


def _cell(cell: Any, value: str, size: float, *, bold: bool = False, pad: float) -> None:
    cell.margin_left = cell.margin_right = cell.margin_top = cell.margin_bottom = Pt(pad)
    cell.vertical_anchor = MSO_ANCHOR.TOP
    frame = cell.text_frame
    frame.word_wrap = True
    p = frame.paragraphs[0]
    p.text = ""
    run = p.add_run()
    run.text = value
    run.font.size = Pt(size)
    run.font.bold = bold
    p.line_spacing = Pt(size * textfit.LINE_HEIGHT)


def _shorten(lines: list[str], width: float, room: float, size: float, bold: bool) -> list[str]:
    """The last resort for a title that fits at no size: keep whole lines that fit and end with an ellipsis."""
    max_lines = max(1, int(room // (size * textfit.LINE_HEIGHT)))
    wrapped = [w for line in lines for w in textfit.wrap(line, width, size, bold=bold)]
    kept = wrapped[:max_lines]
    last = kept[-1]
    while last and textfit.text_width(last + "…", size, bold=bold) > width:
        last = last[:-1]
    kept[-1] = last.rstrip() + "…"
    return [" ".join(kept)] if len(lines) == 1 else kept


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

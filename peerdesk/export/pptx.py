"""The presentation: a .pptx in the order the team presents it, built from a ``Deck`` (see ``content``, ``slides``).

peerdesk's template lives in resources/ (see make_template.py); a user's own .pptx is read by ``template``: layouts
by their placeholders, the body's room clear of the master's shapes, colours checked for contrast on the real
background. Every text box is measured in the template's own fonts before it is written (``textfit``): text
shrinks within limits, and what still does not fit continues on another slide, so nothing runs off a slide or out
of its box. What had to be derived or corrected is kept in ``Renderer.findings`` for the pre-flight report.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import PP_ALIGN
from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls

from peerdesk.errors import PeerdeskError, UserError
from peerdesk.export import charts, drawing, handout, textfit
from peerdesk.export.colours import Palette
from peerdesk.export.content import Deck
from peerdesk.export.drawing import EMU_PER_PT, Box
from peerdesk.export.layout_items import GAP, QUOTE_BAR, QUOTE_PAD, Item, paginate
from peerdesk.export.slides import SlideSpec, slide_specs
from peerdesk.export.template import (
    BODY_KINDS,
    SUBTITLE_KINDS,
    TITLE_KINDS,
    Rect,
    Template,
    placeholder,
    set_rect,
)
from peerdesk.export.textfit import Para
from peerdesk.files import private_target

TEMPLATE_NAME = "presentation-template.pptx"
# A template or a deck to add to is someone else's file, opened whole into memory by python-pptx: an authority's
# branded template with its pictures and fonts is tens of megabytes, a zip of a gigabyte of zeros is one.
MAX_PACKAGE_BYTES = 200 * 1024 * 1024
MAX_UNPACKED_BYTES = 600 * 1024 * 1024
MAX_PARTS = 20_000
# python-pptx's own limits for a slide's side (1 to 56 inches, in EMU): anything else cannot be laid out.
SLIDE_SIDE = (914_400, 51_206_400)
TITLE_SIZES = (32.0, 28.0, 24.0, 20.0, 18.0)
COVER_SIZES = (44.0, 40.0, 36.0, 32.0, 28.0, 24.0)
NUMBER_SIZE = 12.0
CAPTION_PT = 14.0
CAPTION_SIZES = (14.0, 13.0, 12.0, 11.0, 10.0)
COLUMN_GAP_PT = 36.0  # between the columns of a two-column body
MIN_COLUMN_PT = 300.0  # a narrower body (a portrait or cramped template) keeps one column

Progress = Callable[[int, int, str], bool]


class BuildCancelled(PeerdeskError):
    def __init__(self) -> None:
        super().__init__("Building the presentation was cancelled; no file was written.")


class TemplateError(UserError):
    pass


def default_template() -> Path:
    with resources.as_file(resources.files("peerdesk.resources") / TEMPLATE_NAME) as path:
        return Path(path)


def load(template: Path | None, *, keep_slides: bool = False) -> Any:
    """The template (peerdesk's own when None) opened for writing; its own slides dropped unless ``keep_slides``."""
    path = template or default_template()
    if template is not None:
        _check_package(path)
    try:
        prs = Presentation(str(path))
    except FileNotFoundError:
        raise TemplateError(f"There is no presentation at {path}.") from None
    except Exception as exc:  # python-pptx raises assorted errors for files that are not presentations
        raise TemplateError(f"{path.name} cannot be used as a template: it is not a PowerPoint (.pptx) file.") from exc
    width, height = prs.slide_width, prs.slide_height
    if not all(isinstance(side, int) and SLIDE_SIDE[0] <= side <= SLIDE_SIDE[1] for side in (width, height)):
        raise TemplateError(f"{path.name} cannot be used as a template: its slide size is missing or impossible.")
    if not len(prs.slide_layouts):
        raise TemplateError(f"{path.name} cannot be used as a template: it has no slide layouts.")
    if not keep_slides:
        for _ in range(len(prs.slides)):
            drawing.drop_slide(prs, 0)
    return prs


def _check_package(path: Path) -> None:
    """Refuse, from its size and its zip index alone, a file too big to open whole (a zip bomb among them)."""
    try:
        size = path.stat().st_size
        if size > MAX_PACKAGE_BYTES:
            most = MAX_PACKAGE_BYTES // 1024**2
            raise TemplateError(f"{path.name} is too big to use ({size // 1024**2} MB; at most {most} MB).")
        with zipfile.ZipFile(path) as package:
            parts = package.infolist()
    except FileNotFoundError:
        raise TemplateError(f"There is no presentation at {path}.") from None
    except (OSError, zipfile.BadZipFile, ValueError) as exc:
        raise TemplateError(f"{path.name} cannot be used as a template: it is not a PowerPoint (.pptx) file.") from exc
    # The sizes a zip declares are the most zipfile (and so python-pptx) will unpack of each part.
    if len(parts) > MAX_PARTS or sum(part.file_size for part in parts) > MAX_UNPACKED_BYTES:
        raise TemplateError(f"{path.name} cannot be used: unpacked it would be far bigger than any presentation.")


class Renderer:
    """Slides written into one template: its layouts, its fonts, its colours (checked), its master's shapes avoided.

    ``keep_slides``: add to the presentation's own slides (the workshop's slides after the team's deck).
    """

    def __init__(self, template: Path | None, *, keep_slides: bool = False) -> None:
        self.prs = load(template, keep_slides=keep_slides)
        self.name = template.name if template is not None else TEMPLATE_NAME
        try:
            self.t = Template(self.prs)
        except (KeyError, TypeError, ValueError, AttributeError, IndexError) as exc:  # someone else's XML
            why = "its layouts or theme cannot be read"
            raise TemplateError(f"{self.name} cannot be used as a template: {why}.") from exc
        self.width, self.height = self.t.width, self.t.height
        self.findings: list[str] = list(self.t.layouts.notes)
        self.title_font, self.body_font = self.t.major_font, self.t.minor_font
        self._palettes: dict[int, Palette] = {}

    def palette(self, layout: Any) -> Palette:
        key = id(layout)
        if key not in self._palettes:
            try:
                palette = self.t.palette(layout)
            except (KeyError, TypeError, ValueError, AttributeError, IndexError) as exc:
                raise TemplateError(f"{self.name} cannot be used as a template: its colours cannot be read.") from exc
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
                drawing.remove(ph)
        rect = self.t.title_rect(layout)
        if title is None:
            title = slide.shapes.add_textbox(rect.left, rect.top, rect.width, rect.height)
            title.name = "Title"
        set_rect(title, rect)
        palette = self.palette(layout)
        colour = palette.title if self.t.has_title(layout) else palette.heading
        caps = self.t.caps(layout, TITLE_KINDS)
        drawing.fill_fitted(title, title_text, sizes, bold=True, family=self.title_font, colour=colour, caps=caps)
        return slide

    def slide_number(self, slide: Any, layout: Any, body: Rect) -> Rect:
        """Number the slide in the template's slide-number spot (or a free corner); the body, clear of it."""
        rect = self.t.number_rect(layout)
        box = slide.shapes.add_textbox(rect.left, rect.top, rect.width, rect.height)
        box.name = "Slide number"
        drawing.set_frame(box.text_frame)
        p = box.text_frame.paragraphs[0]
        p.alignment = PP_ALIGN.RIGHT
        number = len(self.prs.slides)
        field = parse_xml(
            f'<a:fld {nsdecls("a")} id="{{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}}" type="slidenum">'
            f'<a:rPr lang="en-GB" sz="{int(NUMBER_SIZE * 100)}"><a:solidFill>'
            f'<a:srgbClr val="{drawing.hex_of(self.palette(layout).muted)}"/></a:solidFill></a:rPr>'
            f"<a:t>{number}</a:t></a:fld>"
        )
        p._p.append(field)
        return body.avoiding([rect])

    def title_slide(self, deck: Deck) -> None:
        lines = [f"Peer challenge: {deck.focus}" if deck.focus else "Peer challenge", deck.dates]
        self.cover(deck.authority or "Peer challenge", "\n".join(x for x in lines if x))

    def cover(self, title: str, subtitle: str) -> None:
        """The title slide: on the template's cover layout, the subtitle in its own placeholder where it has one."""
        layout = self.t.layouts.cover
        slide = self.new_slide(layout, title, COVER_SIZES, keep=frozenset(SUBTITLE_KINDS))
        self._subtitle(slide, layout, subtitle)

    def _subtitle(self, slide: Any, layout: Any, value: str) -> None:
        sub = placeholder(slide, SUBTITLE_KINDS)
        rect = self.t.subtitle_rect(layout)
        if sub is None:
            sub = slide.shapes.add_textbox(rect.left, rect.top, rect.width, rect.height)
            sub.name = "Subtitle"
        set_rect(sub, rect)
        caps = sub.is_placeholder and self.t.caps(layout, frozenset({sub.placeholder_format.type}))
        colour = self.palette(layout).text
        drawing.fill_fitted(
            sub, value, (24, 22, 20, 18, 16, 14), bold=False, family=self.body_font, colour=colour, caps=caps
        )

    def divider(self, spec: SlideSpec) -> None:
        layout = self.t.layouts.section
        keep = frozenset(SUBTITLE_KINDS | BODY_KINDS)
        slide = self.new_slide(layout, spec.title, COVER_SIZES, keep=keep)
        if placeholder(slide, keep) is not None or placeholder(layout, keep) is None:
            self._subtitle(slide, layout, spec.divider)
        for ph in list(slide.placeholders):
            if ph.placeholder_format.type in keep and not ph.text_frame.text:
                drawing.remove(ph)

    def body_box(self, layout: Any) -> tuple[Rect, Box]:
        """The layout's room for a body, clear of the slide number: as a rectangle and as a box to measure in."""
        body = self.t.body_rect(layout).avoiding([self.t.number_rect(layout)])
        return body, Box(body.left, body.top, body.width, body.height)

    def content_slides(self, spec: SlideSpec) -> None:
        if spec.handout_rows:
            self.handout_slides(spec)
            return
        if spec.chart is not None:
            self.chart_slide(spec, spec.chart)
            return
        layout = self.t.layouts.content
        body, box = self.body_box(layout)
        # Side by side, columns are pages of a narrower body: one slide shows as many as it has columns.
        columns = spec.columns if box.width_pt >= spec.columns * MIN_COLUMN_PT else 1
        column_pt = (box.width_pt - (columns - 1) * COLUMN_GAP_PT) / columns
        with textfit.measuring_with(self.body_font):
            pages = paginate(spec.groups, column_pt, box.height_pt, grow=spec.grow)
            for n in range(0, len(pages), columns):
                slide = self.numbered_slide(spec, layout, body, continued=n > 0)
                for k, page in enumerate(pages[n : n + columns]):
                    left = box.left + int(k * (column_pt + COLUMN_GAP_PT) * EMU_PER_PT)
                    self.draw_column(slide, page, Box(left, box.top, int(column_pt * EMU_PER_PT), box.height), layout)

    def draw_column(self, slide: Any, page: Sequence[Item], box: Box, layout: Any) -> None:
        """A page of items stacked down ``box`` (the body, or one of its columns)."""
        y = box.top
        for item in page:
            h = item.height(box.width_pt)
            self.draw_item(slide, item, Box(box.left, y, box.width, int(h * EMU_PER_PT)), layout)
            y += int((h + GAP) * EMU_PER_PT)

    def numbered_slide(self, spec: SlideSpec, layout: Any, body: Rect, *, continued: bool = False) -> Any:
        """A content slide with its title, its number and its speaker notes."""
        slide = self.new_slide(layout, f"{spec.title} (continued)" if continued else spec.title, TITLE_SIZES)
        self.slide_number(slide, layout, body)
        if spec.notes:
            slide.notes_slide.notes_text_frame.text = spec.notes
        return slide

    def handout_slides(self, spec: SlideSpec) -> None:
        layout = self.t.layouts.title_only
        body, box = self.body_box(layout)
        rows = spec.handout_rows
        plan = handout.plan(rows, box.width_pt, box.height_pt, self.body_font)
        for k, page in enumerate(plan.pages):
            slide = self.numbered_slide(spec, layout, body, continued=k > 0)
            handout.draw(slide, plan, page, rows, box, self.palette(layout))

    def chart_slide(self, spec: SlideSpec, chart: charts.Chart, image: bytes | None = None) -> None:
        """A chart (or the app's picture of one) filling the body, with its caption, fitted, underneath."""
        layout = self.t.layouts.title_only
        body, box = self.body_box(layout)
        slide = self.numbered_slide(spec, layout, body)
        palette = self.palette(layout)
        caption_h = 0
        if spec.caption:
            with textfit.measuring_with(self.body_font):
                item = Item((Para(spec.caption, CAPTION_PT, color="muted"),)).whole_words(box.width_pt)
                caption_h = int(min(item.height(box.width_pt), box.height_pt / 3) * EMU_PER_PT)
            shape = slide.shapes.add_textbox(box.left, box.top + box.height - caption_h, box.width, caption_h)
            shape.name = "caption"
            drawing.fill_fitted(
                shape, spec.caption, CAPTION_SIZES, bold=False, family=self.body_font, colour=palette.muted
            )
        room = Box(box.left, box.top, box.width, box.height - caption_h - int(GAP * EMU_PER_PT))
        if image is None:
            charts.add_chart(slide, chart, room, palette, self.body_font)
        else:
            charts.add_picture(slide, image, room)

    def draw_item(self, slide: Any, item: Item, box: Box, layout: Any) -> None:
        palette = self.palette(layout)
        on_card = item.kind == "quote"
        if on_card:
            card = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, box.left, box.top, box.width, box.height)
            drawing.fill(card, palette.card)
            card.name = "quote card"
            bar = slide.shapes.add_shape(
                MSO_SHAPE.RECTANGLE, box.left, box.top, int(QUOTE_BAR * EMU_PER_PT), box.height
            )
            drawing.fill(bar, palette.accent)
            bar.name = "quote bar"
        left = box.left + int(item.pad_left * EMU_PER_PT)
        right_pad = int((QUOTE_PAD if on_card else 0) * EMU_PER_PT)
        top = box.top + int(item.pad_y * EMU_PER_PT)
        shape = slide.shapes.add_textbox(
            left, top, box.width - (left - box.left) - right_pad, box.height - 2 * int(item.pad_y * EMU_PER_PT)
        )
        shape.name = "quote" if on_card else "text"
        frame = shape.text_frame
        drawing.set_frame(frame)
        drawing.write_paras(frame, [(para, palette.role(para.color, on_card=on_card)) for para in item.paras])


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
    save(renderer.prs, out)
    if progress is not None:
        progress(total, total, "Done")
    return out


def save(prs: Any, out: Path) -> None:
    """Write atomically and owner-only (``files``): a failed save leaves no half-written file, an existing one as it
    was."""
    with private_target(out) as staging:
        prs.save(str(staging))


def template_findings(template: Path | None) -> list[str]:
    """What a template lacks or gets wrong (derived layouts, unreadable colours), before anything is built."""
    renderer = Renderer(template)
    for layout in (renderer.t.layouts.cover, renderer.t.layouts.content, renderer.t.layouts.section):
        renderer.palette(layout)
    return renderer.findings

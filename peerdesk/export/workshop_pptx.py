"""The workshop's outcome as slides: appended to the presentation the team gave, or as a presentation of its own.

Slides use the layouts of the presentation they join (a "Title Only" layout, or the nearest one with a title), so
they look like the rest of the deck. Their bodies are text boxes we size ourselves: the text is measured with a
conservative estimate, set in the largest size that fits, and carried onto a continuation slide when even the
smallest size would run off the slide. Nothing is ever placed outside the slide.

No Qt here: the CLI uses this module headless. The survey slide is a native (editable) chart, or, when the UI hands
over a picture of its own chart, that picture.
"""

from __future__ import annotations

import io
import logging
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
from pptx.enum.text import MSO_AUTO_SIZE
from pptx.util import Emu, Inches, Pt

from peerdesk.errors import UserError
from peerdesk.export import textfit
from peerdesk.services.survey import Results
from peerdesk.services.workshop_outcome import NOTE_LABELS, Outcome

log = logging.getLogger(__name__)

MARGIN = Inches(0.5)
SIZES = (24, 22, 20, 18, 16, 14)  # points, largest first
# A deliberately generous estimate of an average character's width, as a share of the font size (Calibri and
# most sans fonts average ~0.5; bold and capitals run wider), and of line height: better a little air than text
# running past the slide.
CHAR_WIDTH = 0.52
LINE_HEIGHT = 1.2
PARAGRAPH_GAP_PT = 6
INDENT = Inches(0.4)
TITLE_PT = 32
TITLE_SIZES = (32.0, 28.0, 24.0, 20.0, 18.0, 16.0)
OWN_CATEGORY = "peerdesk workshop outcome"


@dataclass(frozen=True)
class Para:
    text: str
    level: int = 0
    bold: bool = False


@dataclass(frozen=True)
class SlideSpec:
    title: str
    paras: tuple[Para, ...] = ()
    columns: tuple[tuple[str, tuple[Para, ...]], ...] = ()  # two headed columns instead of paras


# --- what the slides say --------------------------------------------------------------------------------------


def outcome_slides(outcome: Outcome) -> list[SlideSpec]:
    slides: list[SlideSpec] = []
    if outcome.insights and outcome.tables:
        paras: list[Para] = []
        for insight in outcome.insights:
            paras.append(Para(f"{insight.number}. {insight.statement}", bold=True))
            tally = outcome.tally(insight.id)
            parts = [
                f"{label}: {', '.join(names)}"
                for label, names in (
                    ("Agree", tally["agree"]),
                    ("Disagree", tally["disagree"]),
                    ("Amended", tally["amend"]),
                )
                if names
            ]
            paras.append(Para(" · ".join(parts) if parts else "No response recorded", level=1))
        slides.append(SlideSpec("How the tables responded to the insights", tuple(paras)))
    reworded = [
        Para(f"Insight {insight.number}, {table.name}: “{response.text}”")
        for insight in outcome.insights
        for table in outcome.tables
        if (response := outcome.responses.get((table.id, insight.id))) is not None and response.response == "amend"
    ]
    added = [Para(f"New, from {outcome.table_name(r.table_id)}: {r.text}") for r in outcome.new_insights]
    if reworded or added:
        slides.append(SlideSpec("Amended and new insights", tuple(reworded + added)))
    if outcome.goals:
        paras = []
        numbers = {i.id: i for i in outcome.insights}
        current = None
        for goal in outcome.goals:
            if goal.insight_id != current:
                current = goal.insight_id
                of = numbers.get(goal.insight_id)
                heading = f"Insight {of.number}: {_short(of.statement, 90)}" if of else "Other goals"
                paras.append(Para(heading, bold=True))
            claimed = f"  — chosen by {outcome.table_name(goal.claimed_by)}" if goal.claimed_by else ""
            paras.append(Para(f"{goal.text}{claimed}", level=1))
        slides.append(SlideSpec("Goals", tuple(paras)))
    for table in outcome.tables:
        chosen = outcome.claimed_goal(table.id)
        actions = outcome.actions.get(table.id, [])
        if not chosen and not actions:
            continue
        paras = [Para(f"Goal: {chosen.text}" if chosen else "Goal: not chosen", bold=True)]
        paras += [Para(f"{a.rank}. {a.text}", level=1) for a in actions]
        ideas = len(outcome.ideas.get(chosen.id, [])) if chosen else 0
        if ideas:
            paras.append(Para(f"Chosen from {ideas} idea{'s' if ideas != 1 else ''} on the table's wall."))
        slides.append(SlideSpec(f"{table.name}: top {len(actions) or 3} actions", tuple(paras)))
    steps = outcome.notes.get("next_step", [])
    if steps:
        slides.append(SlideSpec("Next steps", tuple(Para(n.text) for n in steps)))
    well, better = outcome.notes.get("went_well", []), outcome.notes.get("even_better_if", [])
    if well or better:
        slides.append(
            SlideSpec(
                "How the day went",
                columns=(
                    (NOTE_LABELS["went_well"], tuple(Para(n.text) for n in well)),
                    (NOTE_LABELS["even_better_if"], tuple(Para(n.text) for n in better)),
                ),
            )
        )
    return slides


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# --- writing ----------------------------------------------------------------------------------------------------


def export(
    outcome: Outcome,
    out: Path | str,
    *,
    append_to: Path | str | None = None,
    survey: Results | None = None,
    survey_image: bytes | None = None,
) -> int:
    """Write the outcome's slides to ``out``: after the slides of ``append_to`` when given. Returns slides added.

    ``append_to`` itself is only read (``out`` may be the same path to update it in place).
    """
    if append_to is not None:
        try:
            prs = Presentation(str(append_to))
        except FileNotFoundError:
            raise UserError(f"There is no presentation at {append_to}.") from None
        except Exception as exc:  # python-pptx raises many kinds for a file that is not a presentation
            raise UserError(f"{append_to} is not a PowerPoint presentation (.pptx) peerdesk can open.") from exc
    else:
        prs = Presentation()
        prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
        prs.core_properties.category = OWN_CATEGORY
        prs.core_properties.title = "Workshop outcome"
        _widen_titles(prs)
    before = len(prs.slides)
    specs = outcome_slides(outcome)
    if not specs and survey is None:
        raise UserError("There is nothing from the workshop to export yet: add tables, goals or notes first.")
    for spec in specs:
        _add(prs, spec)
    if survey is not None and survey.respondents:
        survey_slide(prs, survey, survey_image)
    added = len(prs.slides) - before
    try:
        prs.save(str(out))
    except OSError as exc:
        raise UserError(f"Could not write {out}: {exc.strerror or exc}.") from None
    log.info("workshop export: %d slides added", added)
    return added


def own_deck(prs: Any) -> bool:
    """True for a presentation we made (rather than the team's deck we append to, whose styles we keep)."""
    return bool(prs.core_properties.category == OWN_CATEGORY)


def _widen_titles(prs: Any) -> None:
    """python-pptx's built-in template is 4:3; on our 16:9 slides its titles should span the width."""
    for layout in prs.slide_layouts:
        for ph in layout.placeholders:
            if ph.placeholder_format.type == 1 and ph.left is not None:
                ph.left, ph.width = MARGIN, prs.slide_width - 2 * MARGIN
                ph.top, ph.height = Inches(0.35), Inches(1.1)


def _title_layout(prs: Any) -> Any:
    layouts = list(prs.slide_layouts)
    for layout in layouts:
        if layout.name.strip().lower() == "title only":
            return layout
    with_title = [lay for lay in layouts if any(p.placeholder_format.type == 1 for p in lay.placeholders)]
    if with_title:
        return min(with_title, key=lambda lay: len(lay.placeholders))
    return layouts[-1] if layouts else None


def _new_slide(prs: Any, title: str) -> tuple[Any, int]:
    """A slide with ``title`` set; returns it and the top (EMU) below which the body may go."""
    layout = _title_layout(prs)
    slide = prs.slides.add_slide(layout)
    # Layouts with content placeholders would leave empty "click to add text" boxes: we draw our own body.
    for ph in list(slide.placeholders):
        if ph.placeholder_format.type != 1:
            ph._element.getparent().remove(ph._element)
    if slide.shapes.title is not None:
        slide.shapes.title.text = title
        _clamp(prs, slide.shapes.title)
        _fit_title(slide.shapes.title, title)
    else:
        box = slide.shapes.add_textbox(MARGIN, MARGIN, prs.slide_width - 2 * MARGIN, Inches(0.9))
        box.text_frame.text = title
        box.text_frame.paragraphs[0].runs[0].font.bold = True
        _fit_title(box, title)
    return slide, _body_top(prs)


def _fit_title(shape: Any, title: str) -> None:
    """The largest title size (32 pt down to 16) at which the title fits its box with no word cut."""
    frame = shape.text_frame
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    width = shape.width / Pt(1) - 16  # less the default insets (0.1 in each side)
    height = shape.height / Pt(1) - 8
    size = textfit.fit_size(title, width, height, TITLE_SIZES, bold=True) or TITLE_SIZES[-1]
    frame.paragraphs[0].runs[0].font.size = Pt(size)


def _body_top(prs: Any) -> int:
    """Where a slide's body starts: just under the layout's title (or under the title box we draw)."""
    layout = _title_layout(prs)
    for ph in layout.placeholders if layout is not None else ():
        if ph.placeholder_format.type == 1 and ph.top is not None:
            bottom = min(int(ph.top) + int(ph.height), int(prs.slide_height) // 3)
            return bottom + int(Inches(0.15))
    return int(MARGIN + Inches(1.05))


def _clamp(prs: Any, shape: Any) -> None:
    """Keep a layout's shape inside the slide (a template made for another slide size may not)."""
    if shape.left is None:
        return
    # Read all four first: setting one on an inheriting placeholder gives it its own, zeroed, geometry.
    left, top, width, height = (int(v) for v in (shape.left, shape.top, shape.width, shape.height))
    left = max(0, min(left, int(prs.slide_width) - 1))
    top = max(0, min(top, int(prs.slide_height) - 1))
    shape.left, shape.top = left, top
    shape.width = min(width, int(prs.slide_width) - left)
    shape.height = min(height, int(prs.slide_height) - top)


def _add(prs: Any, spec: SlideSpec) -> None:
    if spec.columns:
        _add_columns(prs, spec)
        return
    remaining = list(spec.paras)
    title = spec.title
    while True:
        slide, top = _new_slide(prs, title)
        width = int(prs.slide_width) - 2 * int(MARGIN)
        height = int(prs.slide_height) - top - int(MARGIN)
        size, count = _fit(remaining, width, height)
        _text_box(slide, int(MARGIN), top, width, height, remaining[:count], size)
        remaining = remaining[count:]
        if not remaining:
            return
        title = spec.title if spec.title.endswith("(continued)") else f"{spec.title} (continued)"


def _add_columns(prs: Any, spec: SlideSpec) -> None:
    top = _body_top(prs)
    gap = int(Inches(0.4))
    width = (int(prs.slide_width) - 2 * int(MARGIN) - gap) // 2
    height = int(prs.slide_height) - top - int(MARGIN)
    columns = [[Para(heading, bold=True), *paras] for heading, paras in spec.columns]
    fits = [_fit(c, width, height) for c in columns]
    if any(count < len(c) for (_, count), c in zip(fits, columns, strict=True)):
        # Too long for two columns: one full-width slide (or more) per column instead.
        for heading, paras in spec.columns:
            _add(prs, SlideSpec(f"{spec.title}: {heading.lower()}", paras))
        return
    size = min(s for s, _ in fits)
    slide, top = _new_slide(prs, spec.title)
    for n, column in enumerate(columns):
        _text_box(slide, int(MARGIN) + n * (width + gap), top, width, height, column, size)


def _fit(paras: Sequence[Para], width: int, height: int) -> tuple[int, int]:
    """The largest size at which all ``paras`` fit; else the smallest size and how many paragraphs fit at it."""
    for size in SIZES:
        if _height(paras, width, size) <= height:
            return size, len(paras)
    size = SIZES[-1]
    count = 0
    while count < len(paras) and _height(paras[: count + 1], width, size) <= height:
        count += 1
    return size, max(count, 1)  # a single paragraph taller than a slide is cut by the box, never dropped


def _height(paras: Iterable[Para], width: int, size: int) -> int:
    total = 0.0
    for para in paras:
        usable = width - para.level * int(INDENT) - int(Inches(0.2))  # the text box's own insets
        chars_per_line = max(1, int(usable / (Pt(size) * CHAR_WIDTH * (1.08 if para.bold else 1.0))))
        lines = sum(max(1, math.ceil(len(chunk) / chars_per_line)) for chunk in para.text.split("\n"))
        total += lines * Pt(size) * LINE_HEIGHT + Pt(PARAGRAPH_GAP_PT)
    return int(total + Inches(0.1))


def _text_box(slide: Any, left: int, top: int, width: int, height: int, paras: Sequence[Para], size: int) -> None:
    box = slide.shapes.add_textbox(Emu(left), Emu(top), Emu(width), Emu(height))
    frame = box.text_frame
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    for n, para in enumerate(paras):
        p = frame.paragraphs[0] if n == 0 else frame.add_paragraph()
        p.level = para.level
        p.space_after = Pt(PARAGRAPH_GAP_PT)
        run = p.add_run()
        run.text = para.text
        run.font.size = Pt(size)
        run.font.bold = para.bold
        if para.level:
            # A text box has no bullet indents of its own: indent levels by a margin on the paragraph.
            pPr = p._p.get_or_add_pPr()
            pPr.set("marL", str(int(INDENT) * para.level))


# --- the survey ---------------------------------------------------------------------------------------------------


def survey_slide(prs: Any, results: Results, image: bytes | None = None) -> None:
    slide, top = _new_slide(prs, "Leadership of change survey: results by team")
    width = int(prs.slide_width) - 2 * int(MARGIN)
    # The caption states the true scale, which takes more words when items differ: the chart gives it the room.
    people = f"{results.respondents} respondent{'s' if results.respondents != 1 else ''}"
    note = f"Mean score per item for each team ({people}). {results.describe_scale()}"
    if results.scale is None and image is None:
        note += " Shown as % of the way from the left statement (0) to the right (100)."
    note_h = max(int(Inches(0.5)), _height([Para(note)], width, 14))
    height = int(prs.slide_height) - top - int(MARGIN) - note_h
    if image is not None:
        from PIL import Image  # python-pptx's own dependency, used to keep the picture's proportions

        with Image.open(io.BytesIO(image)) as im:
            ratio = im.width / im.height
        w, h = (width, int(width / ratio)) if width / ratio <= height else (int(height * ratio), height)
        slide.shapes.add_picture(io.BytesIO(image), Emu(int(MARGIN) + (width - w) // 2), Emu(top), Emu(w), Emu(h))
    else:
        # Means on their own scale when every item shares it (the numbers respondents chose); otherwise no one
        # axis fits every item, so each mean becomes its share of the way to the right statement, 0–100.
        common = results.scale
        data = CategoryChartData()  # type: ignore[no-untyped-call]
        # Each item by its two statements (what respondents read), not by a number nobody remembers.
        data.categories = [f"{i.number}. {_short(i.left, 38)} ↔ {_short(i.right, 38)}" for i in results.items]
        for team in results.teams:
            if common is not None:
                values = results.means[team]
                data.add_series(team, values, number_format="0.0")  # type: ignore[no-untyped-call]
            else:
                values = [None if v is None else round(100 * v, 1) for v in results.shares(team)]
                data.add_series(team, values, number_format="0")  # type: ignore[no-untyped-call]
        frame = slide.shapes.add_chart(
            XL_CHART_TYPE.COLUMN_CLUSTERED, Emu(int(MARGIN)), Emu(top), Emu(width), Emu(height), data
        )
        chart = frame.chart
        chart.has_legend = True
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
        axis = chart.value_axis
        low, high = common or (0, 100)
        axis.minimum_scale, axis.maximum_scale = low, high
        axis.major_unit = _major_unit(high - low)
        axis.has_major_gridlines = True
        axis.tick_labels.font.size = Pt(12)
        chart.category_axis.tick_labels.font.size = Pt(11)
        chart.legend.font.size = Pt(12)
    _text_box(slide, int(MARGIN), int(prs.slide_height) - int(MARGIN) - note_h, width, note_h, [Para(note)], 14)


def _major_unit(steps: int) -> float:
    """Gridlines on whole scores, at most ten of them (a 0–100 axis gets one every 10)."""
    return float(next(s for s in (1, 2, 5, 10, 20, 25, 50, 100) if steps / s <= 10))

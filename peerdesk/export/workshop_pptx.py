"""The workshop's outcome as slides: appended to the presentation the team gave, or as a presentation of its own.

Either way the slides are written by the presentation's own renderer (``pptx.Renderer``): layouts found by their
placeholders, text measured in the template's fonts and fitted (titles too), colours checked for contrast, the
master's footer bands and logos avoided, slide numbers. Appended, they take the team's deck's template; on their
own, peerdesk's template (or the authority's) with a title slide first, so they look like the morning's deck.

No Qt here: the CLI uses this module headless. The survey slide is a native (editable) chart, or, when the UI hands
over a picture of its own chart, that picture.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from peerdesk.errors import UserError
from peerdesk.export import charts, pptx, slides
from peerdesk.export.layout_items import Item
from peerdesk.export.textfit import Para as TextPara
from peerdesk.services.survey import Results
from peerdesk.services.workshop_outcome import NOTE_LABELS, Outcome

log = logging.getLogger(__name__)

OWN_CATEGORY = "peerdesk workshop outcome"
HEADING_PT = 20.0
TEXT_PT = 18.0
SURVEY_TITLE = "Leadership of change survey: results by team"


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


# --- as the presentation's slides -------------------------------------------------------------------------------


def deck_spec(spec: SlideSpec) -> slides.SlideSpec:
    """A workshop slide as the presentation lays it out: each bold line heads the lines under it (kept together
    when they fit), the two columns of "How the day went" one after the other."""
    paras = list(spec.paras)
    for heading, column in spec.columns:
        paras += [Para(heading, bold=True), *(Para(p.text, level=1) for p in column)]
    groups: list[list[Item]] = []
    for n, para in enumerate(paras):
        heads = para.bold and n + 1 < len(paras) and paras[n + 1].level > para.level
        if para.bold:
            size, colour = HEADING_PT, "heading"
        else:
            size, colour = TEXT_PT, "text"
        item = Item((TextPara(para.text, size, bold=para.bold, color=colour),), keep_with_next=heads)
        if para.level and groups:
            groups[-1].append(item)
        else:
            groups.append([item])
    return slides.SlideSpec(spec.title, groups)


def survey_spec(results: Results, *, picture: bool = False) -> slides.SlideSpec:
    """The survey's chart: means on the items' own scale when they share one, else each mean as its share of the
    way from the left statement to the right (0–100); the caption states the true scale."""
    people = slides.plural(results.respondents, "respondent")
    note = f"Mean score per item for each team ({people}). {results.describe_scale()}"
    common = results.scale
    if common is None and not picture:
        note += " Shown as % of the way from the left statement (0) to the right (100)."
    series: list[tuple[str, tuple[float | None, ...]]] = []
    for team in results.teams:
        if common is not None:
            series.append((team, tuple(results.means[team])))
        else:
            series.append((team, tuple(None if v is None else round(100 * v, 1) for v in results.shares(team))))
    low, high = common or (0, 100)
    chart = charts.Chart(
        # Each item by its two statements (what respondents read), not by a number nobody remembers.
        categories=tuple(f"{i.number}. {_short(i.left, 38)} ↔ {_short(i.right, 38)}" for i in results.items),
        series=tuple(series),
        low=low,
        high=high,
        number_format="0.0" if common is not None else "0",
    )
    return slides.SlideSpec(SURVEY_TITLE, chart=chart, caption=note)


# --- writing ----------------------------------------------------------------------------------------------------


def export(
    outcome: Outcome,
    out: Path | str,
    *,
    append_to: Path | str | None = None,
    survey: Results | None = None,
    survey_image: bytes | None = None,
    template: Path | str | None = None,
    heading: str = "",
    date: str = "",
) -> int:
    """Write the outcome's slides to ``out``: after the slides of ``append_to`` when given. Returns slides added.

    On their own, the slides follow a title slide (``heading``, e.g. the review's title, and ``date``) in
    ``template`` (peerdesk's own when None). ``append_to`` itself is only read (``out`` may be the same path).
    """
    specs = [deck_spec(spec) for spec in outcome_slides(outcome)]
    if not specs and survey is None:
        raise UserError("There is nothing from the workshop to export yet: add tables, goals or notes first.")
    renderer = _renderer(append_to, template)
    before = len(renderer.prs.slides)
    if append_to is None:
        props = renderer.prs.core_properties
        props.category, props.title, props.author = OWN_CATEGORY, f"{heading} workshop outcome".strip(), "peerdesk"
        renderer.cover(heading or "Workshop outcome", "\n".join(x for x in ("Workshop outcome", date) if x))
    for spec in specs:
        renderer.content_slides(spec)
    if survey is not None and survey.respondents:
        spec = survey_spec(survey, picture=survey_image is not None)
        assert spec.chart is not None
        renderer.chart_slide(spec, spec.chart, survey_image)
    added = len(renderer.prs.slides) - before
    pptx.save(renderer.prs, Path(out))
    log.info("workshop export: %d slides added", added)
    return added


def _renderer(append_to: Path | str | None, template: Path | str | None) -> pptx.Renderer:
    if append_to is None:
        return pptx.Renderer(Path(template) if template else None)
    try:
        return pptx.Renderer(Path(append_to), keep_slides=True)
    except pptx.TemplateError as exc:
        if not Path(append_to).is_file():
            raise UserError(f"There is no presentation at {append_to}.") from None
        raise UserError(f"{append_to} is not a PowerPoint presentation (.pptx) peerdesk can open.") from exc

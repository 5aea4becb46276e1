"""What each slide says, in the order the team presents it, as measured blocks of text (no geometry, no colours).

Title; a divider "Why we came": aim and key questions, who we spoke to, how we worked; a divider "What we found":
key themes with quotes, the scale answers per stakeholder group (when any were asked), the insights at a glance,
one slide per insight (speaker notes carry its evidence); a divider "This afternoon": the workshop and next steps,
the handout. A quote appears on one slide only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from peerdesk.export.charts import GROUP_DASH, Chart
from peerdesk.export.content import Deck, DeckInsight, DeckQuote
from peerdesk.export.layout_items import Item
from peerdesk.export.scales import ScaleMeans
from peerdesk.export.textfit import Para


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else (many or word + 's')}"


def text(value: str, size: float = 22, **style: object) -> Item:
    return Item((Para(value, size, **style),))  # type: ignore[arg-type]


def heading(value: str, size: float = 24) -> Item:
    # A list it heads that runs onto another slide opens there with it again (``layout_items.paginate``).
    return Item((Para(value, size, bold=True, color="heading"),), keep_with_next=True, recap=value)


def quote(q: DeckQuote, size: float = 20) -> Item:
    paras = [Para(f"“{q.text}”", size, italic=True)]
    if q.group:
        paras.append(Para(f"— {q.group}", round(size * 0.8), color="muted", space_before=size * 0.3))
    return Item(tuple(paras), kind="quote")


def bullets(lines: Sequence[str], size: float = 22) -> list[Item]:
    return [Item((Para(f"•  {line}", size, hang="•  "),)) for line in lines]


@dataclass
class SlideSpec:
    title: str
    groups: list[list[Item]] = field(default_factory=list)
    handout_rows: list[tuple[str, str]] = field(default_factory=list)  # (number, statement): a table, not items
    notes: str = ""  # speaker notes
    divider: str = ""  # non-empty: a section divider with this line under the title
    grow: bool = False  # little text: set it larger rather than leave the slide empty
    chart: Chart | None = None  # a chart slide: the chart fills the body, ``caption`` under it
    caption: str = ""
    columns: int = 1  # a list of short items (who we spoke to) reads in two columns rather than over two slides


def _aim(deck: Deck) -> SlideSpec:
    aim: list[list[Item]] = []
    if deck.focus:
        aim.append([heading("Area of focus"), text(deck.focus)])
    if deck.aim:
        aim.append([heading("What the review set out to learn"), text(deck.aim)])
    if deck.key_questions:
        aim.append([heading("The host's key questions")])
        aim.extend([[text(f"{n}.  {q}", hang=f"{n}.  ")] for n, q in enumerate(deck.key_questions, start=1)])
    if not aim:
        aim.append([text("The aim and key questions were not recorded in this review.", color="muted")])
    return SlideSpec("The aim of the review", aim)


def _who(deck: Deck) -> SlideSpec:
    people = sum(g.people for g in deck.groups)
    lead = f"{plural(deck.interviews, 'interview')} with {plural(len(deck.groups), 'stakeholder group')}" + (
        f", {plural(people, 'person', 'people')} in all." if people else "."
    )
    who: list[list[Item]] = [[text(lead, color="heading", bold=True)]]
    for g in deck.groups:
        detail = plural(g.interviews, "interview") + (f", {plural(g.people, 'person', 'people')}" if g.people else "")
        who.append([Item((Para(g.group, 22, bold=True), Para(detail, 18, color="muted")))])
    who.append([text("Everyone spoke in confidence: nothing here says who said what.", 16, color="muted")])
    return SlideSpec("Who we spoke to", who, columns=2)


def _method(deck: Deck) -> SlideSpec:
    postits = deck.postits
    method = [
        f"A team of {plural(deck.team_size, 'peer')} on site" + (f", {deck.dates}" if deck.dates else "") + ".",
        f"Day 1: {plural(deck.interviews, 'interview')}, each with one person asking and one noting "
        "people's own words.",
    ]
    if deck.approaches:
        method.append("Approaches: " + "; ".join(f"{a} ({plural(n, 'interview')})" for a, n in deck.approaches) + ".")
    kinds = (("rose", "rose", "strengths"), ("thorn", "thorn", "challenges"), ("bud", "bud", "opportunities"))
    counts = ", ".join(f"{plural(postits.get(k, 0), word)} ({meaning})" for k, word, meaning in kinds)
    method.append(
        f"Day 1 evening: {plural(deck.quotes, 'quote')} picked out and "
        f"{plural(sum(postits.values()), 'post-it')} written: {counts}."
    )
    method.append(
        f"Day 2 morning: the post-its grouped into {plural(len(deck.themes), 'theme')}, and each theme tested "
        f"with “so what?” to reach {plural(len(deck.insights), 'insight')}."
    )
    return SlideSpec("How we worked", [bullets(method)])


def _themes(deck: Deck) -> SlideSpec:
    themes: list[list[Item]] = []
    for t in deck.themes:
        # A theme whose quotes all went on insight slides (a quote appears once) heads nothing: it is a line of
        # its own, which may end a slide, rather than pulling the next theme's heading along with it.
        head = heading(t.heading, 22) if t.quotes else replace(heading(t.heading, 22), keep_with_next=False, recap="")
        themes.append([head, *[quote(q, 18) for q in t.quotes]])
    if not themes:
        themes.append([text("No themes were recorded.", color="muted")])
    return SlideSpec("Key themes", themes)


def scale_spec(means: ScaleMeans) -> SlideSpec:
    """The interviews' 0–10 answers as bars per stakeholder group, one cluster per question."""
    answered = [
        [(g, values[n]) for g, values in means.groups if values[n] is not None] for n in range(len(means.questions))
    ]
    if all(len(by) <= 1 for by in answered):
        # Each question put to one group only: one bar per question, named with its group, rather than clusters
        # of mostly empty places that leave every bar a hairline.
        categories = tuple(f"{q}{GROUP_DASH}{by[0][0]}" for q, by in zip(means.questions, answered, strict=True) if by)
        series: tuple[tuple[str, tuple[float | None, ...]], ...] = (
            ("Mean answer", tuple(by[0][1] for by in answered if by)),
        )
    else:
        categories, series = means.questions, means.groups
    # Questions are sentences: they read better down the side than under columns.
    chart = Chart(categories=categories, series=series, low=0, high=10, horizontal=True)
    notes = "Scale answers by stakeholder group.\n\n" + means.caption()
    return SlideSpec("How people rated what we asked", chart=chart, caption=means.caption(), notes=notes)


def insight_notes(i: DeckInsight) -> str:
    """The speaker notes for an insight's slide: the evidence behind it, for the person presenting."""
    lines = [f"Insight {i.number}: {i.statement or '(statement to be written)'}", ""]
    e = i.evidence
    lines.append(
        f"Evidence: {plural(e.postits, 'post-it')} from {plural(e.groups, 'stakeholder group')}, "
        f"{plural(len(i.quotes), 'quote')} on this slide."
        + (" Checked by the observer." if e.checked else " Not yet checked by the observer.")
    )
    if e.so_what:
        lines += ["", "So what?"] + [f"• {label}: {answer}" for label, answer in e.so_what]
    if e.scale_answers:
        lines += ["", "Scale answers heard:"] + [f"• {line}" for line in e.scale_answers]
    return "\n".join(lines)


def slide_specs(deck: Deck, *, handout: bool = True) -> list[SlideSpec]:
    specs: list[SlideSpec] = [SlideSpec("Why we came", divider="The aim, who we spoke to and how we worked")]
    specs += [_aim(deck), _who(deck), _method(deck)]
    specs.append(
        SlideSpec(
            "What we found", divider=f"{plural(len(deck.themes), 'theme')}, {plural(len(deck.insights), 'insight')}"
        )
    )
    specs.append(_themes(deck))
    if deck.scales is not None and deck.scales.groups:
        specs.append(scale_spec(deck.scales))
    overview = [
        [text(f"{i.number}.  {i.statement or '(statement to be written)'}", 24, space_before=4, hang=f"{i.number}.  ")]
        for i in deck.insights
    ]
    if not overview:
        overview = [[text("No insights were recorded.", color="muted")]]
    specs.append(SlideSpec("Key insights", overview))

    total = len(deck.insights)
    for i in deck.insights:
        statement = i.statement or "(statement to be written)"
        groups = [[Item((Para(statement, 30, bold=True, color="heading"),), recap=statement)]]
        if i.description:
            groups.append([text(i.description, 22)])
        groups.extend([[quote(q, 22)] for q in i.quotes])
        title = f"Insight {i.number} of {total}"
        specs.append(SlideSpec(title, groups, notes=insight_notes(i), grow=True))

    specs.append(SlideSpec("This afternoon", divider="The workshop and next steps"))
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

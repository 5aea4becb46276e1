"""The evening and Day 2 on paper: rose/thorn/bud sheets, one sheet per insight, and each workshop table's sheet.

The evening sheets print the post-its already written (with their authors' initials) and then empty boxes, so
the same page works before anything is typed in and as a record afterwards. Insight sheets carry the statement,
its description and its quotes (with the stakeholder group only). A workshop table's sheet walks the table through
its afternoon: respond to each insight, propose goals, claim one, brainstorm, pick three.
"""

from __future__ import annotations

from types import MappingProxyType

from peerdesk.errors import UserError
from peerdesk.export.print_base import BOX, Printable, e, grid, heading, ruled_lines
from peerdesk.services import insights, review, solution_ideas, wall, workshop_outcome
from peerdesk.store.engine import Store

SHEET_TITLES = MappingProxyType(
    {
        "rose": ("Roses", "Strengths and bright spots: what is working well."),
        "thorn": ("Thorns", "Pain points and challenges: what gets in the way."),
        "bud": ("Buds", "Openings for change: ideas and solutions people hinted at."),
    }
)
COLUMNS = 3
BLANK_ROWS = 2


def _boxes(cells: list[str]) -> str:
    """Post-it sized boxes, three to a row; the empty ones are dashed, to be filled in by hand."""
    blanks = (-len(cells)) % COLUMNS + COLUMNS * BLANK_ROWS
    html_cells = [f"<td class='box' width='33%'>{c}<br>&nbsp;</td>" for c in cells]
    html_cells += ["<td class='blank' width='33%'>&nbsp;<br>&nbsp;<br>&nbsp;</td>"] * blanks
    rows = ["".join(html_cells[n : n + COLUMNS]) for n in range(0, len(html_cells), COLUMNS)]
    return "<table width='100%' cellspacing='4'>" + "".join(f"<tr>{r}</tr>" for r in rows) + "</table>"


def rtb_sheets(store: Store) -> Printable:
    """The Day 1 evening's three sheets: roses, thorns and buds."""
    title = review.summary(store).title
    state = wall.load_wall(store)
    pages = []
    for kind in wall.KINDS:
        name, meaning = SHEET_TITLES[kind]
        cells = [
            f"{e(p.text)}<br><span style='font-size: 8pt'>— {e(p.initials or '?')}</span>" for p in state.column(kind)
        ]
        pages.append(heading(name, f"{meaning} · {title}") + _boxes(cells))
    return Printable(f"Roses, thorns and buds — {title}", tuple(pages))


def insight_sheets(store: Store) -> Printable:
    """One sheet per insight, in presentation order, with its description and illustrating quotes."""
    title = review.summary(store).title
    rows = insights.list_insights(store)
    if not rows:
        raise UserError("There are no insights yet: there is nothing to print.")
    pages = []
    for row in rows:
        detail = insights.detail(store, row.id)
        parts = [heading(f"Insight {row.number}", title), f"<h2>{e(row.statement or '(no statement yet)')}</h2>"]
        if row.description:
            parts.append(f"<p>{e(row.description)}</p>")
        if row.theme_headings:
            parts.append(f"<p class='small'>From the themes: {e('; '.join(row.theme_headings))}</p>")
        parts.append("<h2>What people told us</h2>")
        if detail.quotes:
            parts += [
                f"<p class='quote'>“{e(q.text)}” — {e(q.group or 'a stakeholder group')}</p>" for q in detail.quotes
            ]
        else:
            parts.append("<p>No quotes chosen for this insight yet.</p>")
        parts.append("<h2>Notes from the room</h2>" + ruled_lines(14))
        pages.append("".join(parts))
    return Printable(f"Insight sheets — {title}", tuple(pages))


def workshop_sheets(store: Store) -> Printable:
    """One sheet per workshop table (a single unnamed one when no tables are set up yet)."""
    title = review.summary(store).title
    outcome = workshop_outcome.outcome(store)
    if not outcome.insights:
        raise UserError("There are no insights yet: the tables' sheets list them, so write them first.")
    tables = [(t.id, t.name) for t in outcome.tables] or [("", "Table ______")]
    pages = [_table_page(outcome, table_id, name, title) for table_id, name in tables]
    return Printable(f"Workshop tables' sheets — {title}", tuple(pages))


def _table_page(outcome: workshop_outcome.Outcome, table_id: str, name: str, title: str) -> str:
    parts = [heading(f"Workshop: {name}", title)]
    parts.append(
        "<h2>1. The insights</h2><p class='small'>Tick the ones you agree with, cross the ones you do "
        "not, and write how you would change the rest.</p>"
    )
    rows = []
    for insight in outcome.insights:
        response = outcome.responses.get((table_id, insight.id))
        mark = workshop_outcome.RESPONSE_MARKS.get(response.response, "") if response else ""
        amended = e(response.text) if response and response.response == "amend" else ""
        rows.append([str(insight.number), e(insight.statement), mark or f"{BOX} ✓&nbsp;&nbsp;{BOX} ✗", amended])
    parts.append(grid(["#", "Insight", "Agree / disagree", "How we would change it"], rows, [5, 50, 17, 28]))
    parts.append("<h2>New insights</h2>" + ruled_lines(2))
    parts.append("<h2>2. Goals we would like to achieve</h2>" + ruled_lines(3))
    goal = outcome.claimed_goal(table_id) if table_id else None
    parts.append("<h2>3. The goal we chose</h2>")
    parts.append(f"<p><b>{e(goal.text)}</b></p>" if goal else ruled_lines(1))
    solutions = outcome.notes.get(solution_ideas.KIND, [])
    if solutions:
        items = "".join(f"<li>{e(n.text)}</li>" for n in solutions)
        parts.append(f"<h2>Ideas from the review team to start from</h2><ul>{items}</ul>")
    parts.append("<h2>4. Our ideas</h2>" + ruled_lines(4))
    parts.append("<h2>5. Our top three actions</h2>")
    actions = {a.rank: a.text for a in outcome.actions.get(table_id, [])} if table_id else {}
    parts.append(
        grid(
            ["", "Action"],
            [[str(n), e(actions[n]) if n in actions else "&nbsp;<br>&nbsp;"] for n in (1, 2, 3)],
            [5, 95],
        )
    )
    return "".join(parts)

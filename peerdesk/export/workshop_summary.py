"""A one-page summary of the workshop as a self-contained, printable HTML page.

Why HTML: it needs nothing to open, prints on one A4 page from any browser, and the UI turns the very same page
into a PDF with ``QTextDocument`` (which understands this simple markup). Everything is escaped; no scripts, no
external resources, so opening the file reaches nowhere.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from peerdesk.errors import UserError
from peerdesk.services.workshop_outcome import NOTE_KINDS, NOTE_LABELS, RESPONSE_MARKS, Outcome

STYLE = """
@page { size: A4; margin: 14mm; }
body { font-family: "Segoe UI", "DejaVu Sans", Arial, sans-serif; font-size: 9.5pt; color: #1b1f24; }
h1 { font-size: 15pt; color: #1d3557; margin: 0 0 2pt 0; }
h2 { font-size: 11pt; color: #1d3557; margin: 10pt 0 3pt 0; border-bottom: 1px solid #c9d1d9; }
p.sub { color: #5b6570; margin: 0 0 6pt 0; }
table { border-collapse: collapse; width: 100%; }
td, th { border: 1px solid #d5dbe1; padding: 2pt 4pt; vertical-align: top; text-align: left; }
th { background: #eef1f4; }
td.mark { text-align: center; width: 44pt; }
ol, ul { margin: 0 0 0 14pt; padding: 0; }
li { margin: 0 0 1pt 0; }
td.half { width: 50%; border: none; padding: 0 8pt 0 0; }
"""


def render(outcome: Outcome, title: str, date: str = "") -> str:
    e = escape
    parts = [
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
        f"<title>Workshop summary — {e(title)}</title><style>{STYLE}</style></head><body>",
        f"<h1>Workshop summary</h1><p class='sub'>{e(title)}{' · ' + e(date) if date else ''}</p>",
    ]
    if outcome.insights and outcome.tables:
        head = "".join(f"<th>{e(t.name)}</th>" for t in outcome.tables)
        parts.append(f"<h2>Responses to the insights</h2><table><tr><th>Insight</th>{head}</tr>")
        for insight in outcome.insights:
            cells = []
            for table in outcome.tables:
                response = outcome.responses.get((table.id, insight.id))
                cells.append(f"<td class='mark'>{RESPONSE_MARKS.get(response.response if response else '', '')}</td>")
            parts.append(f"<tr><td>{insight.number}. {e(insight.statement)}</td>{''.join(cells)}</tr>")
        parts.append("</table><p class='sub'>✓ agree · ✗ disagree · ✎ amended</p>")
        amended = [
            (t.name, r.text)
            for i in outcome.insights
            for t in outcome.tables
            if (r := outcome.responses.get((t.id, i.id))) is not None and r.response == "amend"
        ]
        if amended or outcome.new_insights:
            parts.append("<ul>")
            parts += [f"<li><b>{e(name)}</b> amended: {e(text)}</li>" for name, text in amended]
            parts += [
                f"<li><b>{e(outcome.table_name(r.table_id))}</b> new insight: {e(r.text)}</li>"
                for r in outcome.new_insights
            ]
            parts.append("</ul>")
    chosen = [(t, outcome.claimed_goal(t.id), outcome.actions.get(t.id, [])) for t in outcome.tables]
    if any(goal or actions for _, goal, actions in chosen):
        parts.append("<h2>Goals chosen and top actions</h2>")
        parts.append("<table><tr><th>Table</th><th>Goal</th><th>Top actions</th></tr>")
        for table, goal, actions in chosen:
            items = "".join(f"<li>{e(a.text)}</li>" for a in actions)
            parts.append(
                f"<tr><td>{e(table.name)}</td><td>{e(goal.text) if goal else '—'}</td>"
                f"<td>{f'<ol>{items}</ol>' if items else '—'}</td></tr>"
            )
        parts.append("</table>")
    others = [g for g in outcome.goals if not g.claimed_by]
    if others:
        parts.append("<h2>Other goals proposed</h2><ul>")
        parts += [f"<li>{e(g.text)}</li>" for g in others]
        parts.append("</ul>")
    notes = {kind: outcome.notes.get(kind, []) for kind in NOTE_KINDS}
    if notes["next_step"]:
        parts.append(f"<h2>{NOTE_LABELS['next_step']}</h2><ol>")
        parts += [f"<li>{e(n.text)}</li>" for n in notes["next_step"]]
        parts.append("</ol>")
    if notes["went_well"] or notes["even_better_if"]:
        parts.append("<table><tr>")
        for kind in ("went_well", "even_better_if"):
            items = "".join(f"<li>{e(n.text)}</li>" for n in notes[kind])
            parts.append(f"<td class='half'><h2>{NOTE_LABELS[kind]}</h2><ul>{items}</ul></td>")
        parts.append("</tr></table>")
    parts.append("</body></html>")
    return "\n".join(parts)


def write(outcome: Outcome, path: Path | str, title: str, date: str = "") -> None:
    try:
        Path(path).write_text(render(outcome, title, date), encoding="utf-8")
    except OSError as exc:
        raise UserError(f"Could not write {path}: {exc.strerror or exc}.") from None

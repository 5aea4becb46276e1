"""The workshop's outcome on paper: a summary that fits one A4 page, and the full record of everything.

The one-page summary is what the host takes away: the tables' responses to the insights, each table's goal and top
actions, the next steps and how the day went. It is measured before it is written (``html_blocks``): set in the
largest size that fits the page (9.5 pt down to 7 pt), and when even 7 pt would not fit (a long workshop), long
texts are shortened and long lists cut, each saying how many more the full record holds. The full record keeps
every word: amended wordings, every goal, each table's ideas, every note — as many pages as it takes.

Why HTML: it needs nothing to open, prints from any browser, and the UI turns the very same page into a PDF with
``QTextDocument``. Both versions are escaped; no scripts, no external resources.
"""

from __future__ import annotations

from pathlib import Path

from peerdesk.export import html_blocks
from peerdesk.export.html_blocks import Block, Columns, Heading, Items, Table, Text
from peerdesk.files import write_private_text
from peerdesk.services.workshop_outcome import NOTE_KINDS, NOTE_LABELS, RESPONSE_MARKS, Outcome

SIZES = (9.5, 9.0, 8.5, 8.0, 7.5, 7.0)  # body text, points, largest first
# How much the one-page summary keeps when even the smallest size would not fit: (items per list, characters per
# text), from everything down to the bare bones.
TRIMS: tuple[tuple[int | None, int | None], ...] = (
    (None, None),
    (10, 240),
    (8, 200),
    (8, 160),
    (6, 140),
    (6, 120),
    (5, 105),
    (4, 95),
    (4, 85),
    (3, 75),
    (3, 65),
    (2, 55),
    (1, 45),
)
SAFETY = 0.95  # of the printable height: renderers differ a little in line height and wrapping


class _Trim:
    def __init__(self, items: int | None, chars: int | None) -> None:
        self.items, self.chars, self.cut = items, chars, False

    def text(self, value: str) -> str:
        value = " ".join(value.split())
        if self.chars is None or len(value) <= self.chars:
            return value
        self.cut = True
        return value[: self.chars - 1].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"

    def items_of(self, values: list[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
        kept = [(a, self.text(b)) for a, b in values]
        if self.items is None or len(kept) <= self.items:
            return tuple(kept)
        self.cut = True
        more = len(kept) - self.items
        return (*kept[: self.items], ("", f"… and {more} more in the full record"))


def _responses(outcome: Outcome, trim: _Trim, size: float) -> list[Block]:
    if not (outcome.insights and outcome.tables):
        return []
    n = len(outcome.tables)
    # Each table's column as wide as its name (its longest word, when the names are long), within half the page.
    names = [t.name for t in outcome.tables]
    whole = html_blocks.column_share(names, size)
    mark = whole if whole * n <= 0.5 else max(html_blocks.column_share(" ".join(names).split(), size), 0.5 / n)
    table = Table(
        widths=(1 - n * mark, *([mark] * n)),
        header=("Insight", *(t.name for t in outcome.tables)),
        rows=tuple(
            (
                f"{i.number}. {trim.text(i.statement)}",
                *(
                    RESPONSE_MARKS.get(r.response if (r := outcome.responses.get((t.id, i.id))) else "", "")
                    for t in outcome.tables
                ),
            )
            for i in outcome.insights
        ),
        centred=frozenset(range(1, n + 1)),
    )
    blocks: list[Block] = [Heading("Responses to the insights"), table, Text("✓ agree · ✗ disagree · ✎ amended", True)]
    changed = [
        (f"{t.name} amended {i.number}:", r.text)
        for i in outcome.insights
        for t in outcome.tables
        if (r := outcome.responses.get((t.id, i.id))) is not None and r.response == "amend"
    ]
    changed += [(f"{outcome.table_name(r.table_id)} new insight:", r.text) for r in outcome.new_insights]
    if changed:
        blocks.append(Items(trim.items_of(changed)))
    return blocks


def _goals(outcome: Outcome, trim: _Trim, *, ideas: bool = False) -> list[Block]:
    blocks: list[Block] = []
    chosen = [(t, outcome.claimed_goal(t.id), outcome.actions.get(t.id, [])) for t in outcome.tables]
    if any(goal or actions for _, goal, actions in chosen):
        rows = []
        for table, goal, actions in chosen:
            listed = "\n".join(f"{a.rank}. {trim.text(a.text)}" for a in actions) or "—"
            if ideas and goal is not None:
                listed += "\n" + "\n".join(f"· {trim.text(i.text)}" for i in outcome.ideas.get(goal.id, []))
            rows.append((table.name, trim.text(goal.text) if goal else "—", listed.strip()))
        header = ("Table", "Goal", "Top actions" + (" (then the table's ideas)" if ideas else ""))
        blocks += [Heading("Goals chosen and top actions"), Table((0.12, 0.3, 0.58), header, tuple(rows))]
    others = [("", g.text) for g in outcome.goals if not g.claimed_by]
    if others:
        blocks += [Heading("Other goals proposed"), Items(trim.items_of(others))]
    return blocks


def _notes(outcome: Outcome, trim: _Trim) -> list[Block]:
    notes = {kind: [("", n.text) for n in outcome.notes.get(kind, [])] for kind in NOTE_KINDS}
    blocks: list[Block] = []
    if notes["next_step"]:
        blocks += [Heading(NOTE_LABELS["next_step"]), Items(trim.items_of(notes["next_step"]), ordered=True)]
    if notes["went_well"] or notes["even_better_if"]:
        left: tuple[Block, ...] = (Heading(NOTE_LABELS["went_well"]), Items(trim.items_of(notes["went_well"])))
        right: tuple[Block, ...] = (
            Heading(NOTE_LABELS["even_better_if"]),
            Items(trim.items_of(notes["even_better_if"])),
        )
        blocks.append(Columns(left, right))
    return blocks


def _blocks(outcome: Outcome, title: str, date: str, trim: _Trim, *, full: bool, size: float) -> list[Block]:
    name = "Workshop: the full record" if full else "Workshop summary"
    blocks: list[Block] = [Heading(name, 1), Text(f"{title}{' · ' + date if date else ''}", True)]
    blocks += _responses(outcome, trim, size) + _goals(outcome, trim, ideas=full) + _notes(outcome, trim)
    if trim.cut:
        blocks.append(Text("Shortened to fit one page: the full record has every word.", True))
    return blocks


def render(outcome: Outcome, title: str, date: str = "") -> str:
    """The one-page summary: the largest size, and as much of the text, as fits one A4 page."""
    width, room = html_blocks.PAGE_WIDTH, html_blocks.PAGE_HEIGHT * SAFETY
    blocks: list[Block] = []
    for items, chars in TRIMS:
        for size in SIZES:
            blocks = _blocks(outcome, title, date, _Trim(items, chars), full=False, size=size)
            if html_blocks.height(blocks, width, size) <= room and html_blocks.words_fit(blocks, width, size):
                return html_blocks.html(blocks, title=f"Workshop summary — {title}", size=size)
    return html_blocks.html(blocks, title=f"Workshop summary — {title}", size=SIZES[-1])


def render_full(outcome: Outcome, title: str, date: str = "") -> str:
    """The full record: everything, at the normal size, over as many pages as it takes."""
    blocks = _blocks(outcome, title, date, _Trim(None, None), full=True, size=SIZES[0])
    return html_blocks.html(blocks, title=f"Workshop record — {title}", size=SIZES[0])


def write(outcome: Outcome, path: Path | str, title: str, date: str = "", *, full: bool = False) -> None:
    page = (render_full if full else render)(outcome, title, date)
    write_private_text(path, page)

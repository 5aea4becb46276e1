"""What every printed sheet shares: the document value, the style, and a few HTML pieces.

The sheets are plain HTML that Qt's text engine (``QTextDocument``) lays out and paginates; the UI renders them to
a printer or a PDF (``peerdesk.ui.kit.printing``). This module holds no Qt so the same documents can be tested as text.

Why these choices: the visit runs on paper from photocopiers, so everything reads in black and white (borders and
bold type, never colour alone); a tick box is a character (☐) because it prints everywhere; space for handwriting
is ruled lines, since QTextDocument ignores fixed heights but keeps table rows and their borders.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from html import escape

from peerdesk.export import textfit

PAPERS = ("A4", "Letter")
# Every printed page's margin, each side: inside what any office printer can reach, and no more paper lost than that.
MARGIN_MM = 14
BOX = "☐"
FAMILY = "DejaVu Sans"  # the font the style asks for first, whose widths ``column_share`` measures
SIZE = 10.0  # points: body text
CELL_PAD_PX = 5  # a grid cell's padding left and right, in CSS pixels (as STYLE says)
PAGE_WIDTH_PT = (210 - 2 * MARGIN_MM) / 25.4 * 72  # the text's width on A4, the narrower of the two papers
LANDSCAPE_WIDTH_PT = (279.4 - 2 * MARGIN_MM) / 25.4 * 72  # the text's width across Letter, the narrower turned

# A page with nothing on it (the space keeps Qt from dropping it): puts the next page on the front of a sheet.
BLANK_PAGE = "<p style='page-break-before: always'>&nbsp;</p>"

# Lengths in CSS pixels (1/96 inch), font sizes in points: Qt's text engine ignores margins and padding given in
# points, so cells had no padding at all and the ruled lines were a line of text apart, too close to write on.
STYLE = """
body { font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; font-size: 10pt; color: #000; }
h1 { font-size: 16pt; margin: 0 0 3px 0; }
h2 { font-size: 12pt; margin: 10px 0 4px 0; }
p { margin: 0 0 5px 0; }
p.sub { margin: 0 0 10px 0; }
p.small { font-size: 8.5pt; margin: 3px 0; }
table.grid { border-collapse: collapse; }
table.grid td, table.grid th { border: 1px solid #000; padding: 4px 5px; vertical-align: top; text-align: left; }
table.grid th { font-weight: bold; background: #e6e6e6; }
table.lines td { border-bottom: 1px solid #666; padding-top: 12px; }
td.box { border: 1.5px solid #000; padding: 8px; vertical-align: top; }
td.blank { border: 1.5px dashed #000; padding: 8px; }
p.quote { margin: 5px 0 8px 16px; font-style: italic; }
ol, ul { margin-top: 3px; margin-bottom: 3px; }
li { margin-bottom: 4px; }
div.nowrap { white-space: nowrap; }
"""


@dataclass(frozen=True)
class Printable:
    """A document to print: a title (the PDF's title and the print job's name) and its pages as HTML fragments.

    Each page starts on a new page; a page longer than one sheet simply continues on the next. ``separate_sheets``:
    each page goes to other hands (an interview's sheet to its room), so printed on both sides it must start on the
    front of a new sheet of paper: ``html`` is given the pages after which a blank page is put.
    """

    title: str
    pages: tuple[str, ...] = field(default=())
    landscape: bool = False  # printed across the paper (a grid too wide for it upright)
    separate_sheets: bool = False

    def html(self, blank_after: Collection[int] = ()) -> str:
        """The document; after each page numbered in ``blank_after`` (from 0), a blank page."""
        body = [
            page if n == 0 else f"<div style='page-break-before: always'>{page}</div>"
            for n, page in enumerate(self.pages)
        ]
        for n in sorted(blank_after, reverse=True):
            body.insert(n + 1, BLANK_PAGE)
        return (
            "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
            f"<title>{escape(self.title)}</title><style>{STYLE}</style></head><body>{''.join(body)}</body></html>"
        )


# One value prints at most this much (about a page of body text); past it, the sheet says the rest is in
# peerdesk. A colleague's bundle may carry a field as long as the rules allow (20,000 characters, or 10,000 lines):
# Qt then laid out single table cells across dozens of pages, and printing took minutes on the UI thread.
PRINT_CHARS = 3_000
PRINT_LINES = 40
CUT_NOTE = "… (cut for paper: the whole text is in peerdesk)"


def e(text: object) -> str:
    """Escape any value for HTML; line breaks in typed text stay line breaks. A value longer than a sheet should
    hold is cut (``PRINT_CHARS``, ``PRINT_LINES``) and says so."""
    value = str(text)
    kept = "\n".join(value[:PRINT_CHARS].split("\n", PRINT_LINES)[:PRINT_LINES])
    shown = escape(kept).replace("\n", "<br>")
    return shown if kept == value else f"{shown} <i>{escape(CUT_NOTE)}</i>"


def long_date(when: dt.date) -> str:
    """A date as people write it on paper: Thursday 11 March 2027."""
    return f"{when.strftime('%A')} {when.day} {when.strftime('%B %Y')}"


def heading(title: str, subtitle: str = "") -> str:
    sub = f"<p class='sub'>{e(subtitle)}</p>" if subtitle else ""
    return f"<h1>{e(title)}</h1>{sub}"


def nowrap(html: str) -> str:
    """``html`` kept on its lines (a time such as 09:45–10:30 never breaks): its column grows to hold it."""
    return f"<div class='nowrap'>{html}</div>"


def column_share(texts: Iterable[str], *, bold: bool = False, landscape: bool = False) -> float:
    """The per cent of the page's width a grid column needs to hold the widest of ``texts`` on one line."""
    widest = max((textfit.text_width(t, SIZE, bold=bold, family=FAMILY) for t in texts), default=0.0)
    return round(100 * (widest + 2 * CELL_PAD_PX * 0.75 + 2) / (LANDSCAPE_WIDTH_PT if landscape else PAGE_WIDTH_PT), 1)


def ruled_lines(count: int) -> str:
    """``count`` empty ruled lines to write on by hand."""
    rows = "<tr><td>&nbsp;</td></tr>" * count
    return f"<table class='lines' width='100%' cellspacing='0' cellpadding='0'>{rows}</table>"


def grid(header: Sequence[str], rows: Iterable[Sequence[str]], widths: Sequence[float] = ()) -> str:
    """A bordered table; ``rows`` hold HTML already escaped by the caller; ``widths`` in per cent.

    A row shorter than the header spans its last cell over the columns left (a row for everyone, such as lunch).
    """

    def th(n: int, text: str) -> str:
        width = f" width='{widths[n]}%'" if n < len(widths) else ""
        return f"<th{width}>{e(text)}</th>"

    head = "".join(th(n, h) for n, h in enumerate(header))

    def tr(row: Sequence[str]) -> str:
        span = len(header) - len(row) + 1
        last = f"<td colspan='{span}'>{row[-1]}</td>" if span > 1 else f"<td>{row[-1]}</td>"
        return "<tr>" + "".join(f"<td>{cell}</td>" for cell in row[:-1]) + last + "</tr>"

    body = "".join(tr(row) for row in rows)
    # A header row in <thead>: Qt repeats it at the top of each page a long table runs on to.
    return f"<table class='grid' width='100%' cellspacing='0'><thead><tr>{head}</tr></thead>{body}</table>"


def facts(rows: Iterable[tuple[str, str]]) -> str:
    """A bordered two-column table of label and value (values already escaped HTML), without a header row."""
    body = "".join(f"<tr><td width='22%'><b>{e(label)}</b></td><td>{value}</td></tr>" for label, value in rows)
    return f"<table class='grid' width='100%' cellspacing='0'>{body}</table>"


def ticks(items: Iterable[str], *, numbered: bool = False) -> str:
    """A list of things to tick off by hand."""
    lines = [f"<p>{BOX} {f'{n}. ' if numbered else ''}{e(text)}</p>" for n, text in enumerate(items, start=1)]
    return "".join(lines)


def check_paper(paper: str) -> str:
    """The paper size's canonical name, or a clear refusal."""
    from peerdesk.errors import UserError

    for name in PAPERS:
        if paper.lower() == name.lower():
            return name
    raise UserError(f"Unknown paper size {paper!r}: choose {' or '.join(PAPERS)}.")

"""A printable page as a few kinds of block (headings, text, lists, tables, two columns), written as simple HTML and
measured before it is written.

Why measure: "one page" must stay one page. Neither a browser nor Qt's ``QTextDocument`` says how tall a page of
HTML will print, so the height of each block is worked out here with the glyph widths of the font the page asks
for (``textfit``), at a line height a little above what either engine uses. The caller chooses the size (and how
much to keep) at which the estimate fits the printable area of an A4 sheet.

Everything is escaped; no scripts, no external resources, so opening the file reaches nowhere.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from peerdesk.export import textfit
from peerdesk.export.print_base import MARGIN_MM

PAGE_WIDTH = (210 - 2 * MARGIN_MM) / 25.4 * 72  # points: A4 less the margins each side (515.9 at 14 mm)
PAGE_HEIGHT = (297 - 2 * MARGIN_MM) / 25.4 * 72  # points: A4 less the margins top and bottom (762.5 at 14 mm)
FAMILY = "DejaVu Sans"  # named first in the page's CSS where Segoe UI is absent; wider than Segoe UI and Arial
LINE = 1.22  # line height as a multiple of the font size (Qt and browsers use about 1.16 for DejaVu Sans)
CELL_PAD = 2.0  # points, each side
LIST_INDENT = 14.0  # points
COLUMN_GAP = 10.0  # points between two columns


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 2  # 1: the page's title


@dataclass(frozen=True)
class Text:
    text: str
    muted: bool = False


@dataclass(frozen=True)
class Items:
    """A list; each item is (bold lead-in, text)."""

    items: tuple[tuple[str, str], ...]
    ordered: bool = False


@dataclass(frozen=True)
class Table:
    widths: tuple[float, ...]  # shares of the width, one per column
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    centred: frozenset[int] = frozenset()  # columns set centred (the response marks)


@dataclass(frozen=True)
class Columns:
    left: tuple[Block, ...]
    right: tuple[Block, ...]


Block = Heading | Text | Items | Table | Columns


def _sizes(size: float) -> dict[str, float]:
    return {"h1": round(size * 1.6, 1), "h2": round(size * 1.15, 1), "body": size}


# --- measuring -------------------------------------------------------------------------------------------------


def _lines(text: str, width: float, size: float, *, bold: bool = False) -> int:
    return max(1, len(textfit.wrap(text, width, size, bold=bold, family=FAMILY)))


def _words_fit(text: str, width: float, size: float, *, bold: bool = False) -> bool:
    return textfit.word_fits(text, width, size, bold=bold, family=FAMILY)


def height(blocks: Sequence[Block], width: float, size: float) -> float:
    """The printed height in points of ``blocks`` set ``width`` points wide with body text at ``size`` points."""
    s = _sizes(size)
    total = 0.0
    for block in blocks:
        if isinstance(block, Heading):
            h = s["h1"] if block.level == 1 else s["h2"]
            above = 0.0 if block.level == 1 else size
            total += above + _lines(block.text, width, h, bold=True) * h * LINE + 4
        elif isinstance(block, Text):
            total += _lines(block.text, width, size) * size * LINE + size * 0.6
        elif isinstance(block, Items):
            inner = width - LIST_INDENT
            total += sum(_lines(f"{a} {b}".strip(), inner, size) * size * LINE + 1 for a, b in block.items) + 4
        elif isinstance(block, Table):
            total += _table_height(block, width, size)
        else:
            half = (width - COLUMN_GAP) / 2
            total += max(height(block.left, half, size), height(block.right, half, size))
    return total


def _table_height(table: Table, width: float, size: float) -> float:
    total = 0.0
    for n, row in enumerate((table.header, *table.rows)):
        tallest = 0
        for cell, share in zip(row, table.widths, strict=True):
            inner = share * width - 2 * CELL_PAD - 2
            tallest = max(tallest, sum(_lines(part, inner, size, bold=n == 0) for part in cell.split("\n")))
        total += tallest * size * LINE + 2 * CELL_PAD + 1
    return total + 4


def column_share(words: Sequence[str], size: float, *, bold: bool = True) -> float:
    """The share of the page's width a table column needs for the widest of ``words`` on one line."""
    widest = max((textfit.text_width(w, size, bold=bold, family=FAMILY) for w in words), default=0.0)
    return (widest + 2 * CELL_PAD + 3) / PAGE_WIDTH


def words_fit(blocks: Sequence[Block], width: float, size: float) -> bool:
    """No word wider than its table cell (it would be cut, or stretch the column)."""
    for block in blocks:
        if isinstance(block, Table):
            for n, row in enumerate((block.header, *block.rows)):
                for cell, share in zip(row, block.widths, strict=True):
                    if not _words_fit(cell, share * width - 2 * CELL_PAD - 2, size, bold=n == 0):
                        return False
        elif isinstance(block, Columns):
            half = (width - COLUMN_GAP) / 2
            if not (words_fit(block.left, half, size) and words_fit(block.right, half, size)):
                return False
    return True


# --- writing ---------------------------------------------------------------------------------------------------


def _px(points: float) -> str:
    """A length in CSS pixels: Qt's text engine, which makes the PDF, ignores margins and padding in points."""
    return f"{round(points * 4 / 3)}px"


def _style(size: float) -> str:
    s = _sizes(size)
    return (
        f"@page {{ size: A4; margin: {MARGIN_MM}mm; }}\n"
        f'body {{ font-family: "Segoe UI", "{FAMILY}", Arial, sans-serif; font-size: {size}pt; color: #1b1f24; '
        "margin: 0; }\n"  # the page's own margins are the only ones: a browser adds 8px to the body otherwise
        f"h1 {{ font-size: {s['h1']}pt; color: #1d3557; margin: 0 0 {_px(2)} 0; }}\n"
        f"h2 {{ font-size: {s['h2']}pt; color: #1d3557; margin: {_px(size)} 0 {_px(3)} 0; }}\n"
        f"p {{ margin: 0 0 {_px(size * 0.6)} 0; }}\np.sub {{ color: #4a5560; }}\n"
        "table { border-collapse: collapse; width: 100%; }\n"
        # Mid grey rules: pale ones (#d5dbe1, 15 % grey) fade out on a photocopier.
        f"td, th {{ border: 1px solid #8c96a0; padding: {_px(CELL_PAD)}; vertical-align: top; text-align: left; }}\n"
        "th { background: #eef1f4; }\ntd.mark { text-align: center; }\n"
        f"ol, ul {{ margin: 0 0 {_px(4)} {_px(LIST_INDENT)}; padding: 0; }}\nli {{ margin: 0 0 {_px(1)} 0; }}\n"
        f"td.half {{ border: none; padding: 0 {_px(COLUMN_GAP)} 0 0; }}\n"
    )


def _block_html(block: Block) -> str:
    e = escape
    if isinstance(block, Heading):
        tag = "h1" if block.level == 1 else "h2"
        return f"<{tag}>{e(block.text)}</{tag}>"
    if isinstance(block, Text):
        return f"<p{' class=sub' if block.muted else ''}>{e(block.text)}</p>"
    if isinstance(block, Items):
        tag = "ol" if block.ordered else "ul"
        items = "".join(f"<li>{f'<b>{e(a)}</b> ' if a else ''}{e(b)}</li>" for a, b in block.items)
        return f"<{tag}>{items}</{tag}>"
    if isinstance(block, Table):
        width = [f" width='{round(100 * w)}%'" for w in block.widths]
        head = "".join(f"<th{w}>{e(c)}</th>" for c, w in zip(block.header, width, strict=True))
        rows = [f"<tr>{head}</tr>"]
        for row in block.rows:
            cells = (
                f"<td{' class=mark' if n in block.centred else ''}{width[n]}>{e(c).replace(chr(10), '<br>')}</td>"
                for n, c in enumerate(row)
            )
            rows.append(f"<tr>{''.join(cells)}</tr>")
        # cellpadding as well as the CSS padding: Qt's QTextDocument honours the attribute, browsers the CSS.
        return f"<table cellpadding='{CELL_PAD:g}' cellspacing='0'>{''.join(rows)}</table>"
    left = "".join(_block_html(b) for b in block.left)
    right = "".join(_block_html(b) for b in block.right)
    return f"<table><tr><td class='half' width='50%'>{left}</td><td class='half' width='50%'>{right}</td></tr></table>"


def html(blocks: Sequence[Block], *, title: str, size: float) -> str:
    """A complete, self-contained HTML page of ``blocks`` with body text at ``size`` points."""
    body = "\n".join(_block_html(b) for b in blocks)
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{escape(title)}</title><style>{_style(size)}</style></head><body>\n{body}\n</body></html>"
    )

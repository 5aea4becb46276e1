"""Text cells of the CSV files peerdesk writes, safe to open in a spreadsheet, and read back as they were written.

A spreadsheet runs a cell that starts with "=", "+", "-" or "@" as a formula ("=HYPERLINK(…)" sends a click to a
stranger's site, older ones ran commands), and a name, a group or a post-it in a CSV may have come in a colleague's
bundle. Such a cell is written after an apostrophe, which spreadsheets take as "this is text"; a file read back
(the timetable: exported, edited, imported again) drops that apostrophe.
"""

from __future__ import annotations

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def as_text(cell: str) -> str:
    """``cell`` as a spreadsheet shows it without running it."""
    return "'" + cell if _runs(cell) else cell


def as_written(cell: str) -> str:
    """A cell read back from a file ``as_text`` wrote (or a spreadsheet saved): the value it stood for."""
    return cell[1:] if cell.startswith("'") and _runs(cell[1:]) else cell


def _runs(cell: str) -> bool:
    # Also a value that itself starts with an apostrophe before a formula sign: marked too, so that reading the
    # file back takes off only the apostrophe ``as_text`` put there.
    return cell.startswith(FORMULA_START) or (cell.startswith("'") and _runs(cell[1:]))

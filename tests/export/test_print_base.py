"""What every printed sheet shares: escaped HTML pieces, pages that start on a new sheet, the paper sizes."""

from __future__ import annotations

import pytest

from peerdesk.errors import UserError
from peerdesk.export import print_base
from peerdesk.export.print_base import Printable


def test_typed_text_is_escaped_and_keeps_its_line_breaks() -> None:
    assert print_base.e("<b>A & B</b>\nnext") == "&lt;b&gt;A &amp; B&lt;/b&gt;<br>next"
    assert print_base.heading("<Title>", "sub") == "<h1>&lt;Title&gt;</h1><p class='sub'>sub</p>"


def test_a_value_longer_than_a_sheet_should_hold_is_cut_and_says_the_rest_is_in_peerdesk() -> None:
    """A colleague's bundle may carry 20,000 characters or 10,000 lines in a field: laid out whole, a table cell ran
    across dozens of pages and printing took minutes."""
    whole = "word " * (print_base.PRINT_CHARS // 5)
    assert print_base.e(whole) == whole  # at the limit: printed as it is
    cut = print_base.e("x" * 20_000)
    assert cut.split(" <i>")[0] == "x" * print_base.PRINT_CHARS and cut.endswith("the whole text is in peerdesk)</i>")
    lines = print_base.e("line\n" * 10_000)
    assert lines.count("<br>") == print_base.PRINT_LINES - 1 and "cut for paper" in lines
    assert print_base.e("<b>" * 2_000).count("&lt;b&gt;") == print_base.PRINT_CHARS // 3  # cut before escaping


def test_each_page_after_the_first_starts_a_new_sheet() -> None:
    html = Printable("Sheets & more", ("<p>one</p>", "<p>two</p>")).html()
    assert "<title>Sheets &amp; more</title>" in html
    assert html.count("page-break-before: always") == 1 and html.index("one") < html.index("two")


def test_a_blank_page_can_follow_a_page_so_that_the_next_starts_a_sheet_of_paper() -> None:
    doc = Printable("Interview sheets", ("<h1>One</h1>", "<h1>Two</h1>", "<h1>Three</h1>"), separate_sheets=True)
    assert doc.html().count("page-break-before") == 2
    html = doc.html(blank_after=[0, 1])
    assert html.count("page-break-before") == 4
    assert html.index("One") < html.index(print_base.BLANK_PAGE) < html.index("Two")
    assert html.count(print_base.BLANK_PAGE) == 2 and html.rindex(print_base.BLANK_PAGE) < html.index("Three")


def test_tables_lines_and_ticks() -> None:
    grid = print_base.grid(["Who", "Where"], [["a", "b"]], [30, 70])
    assert "<th width='30%'>Who</th>" in grid and "<td>a</td><td>b</td>" in grid
    assert print_base.ruled_lines(3).count("<tr>") == 3
    assert print_base.ticks(["x", "y"], numbered=True) == f"<p>{print_base.BOX} 1. x</p><p>{print_base.BOX} 2. y</p>"
    assert "<b>Room</b>" in print_base.facts([("Room", "2")])


def test_paper_sizes_are_read_in_any_case_and_others_refused() -> None:
    assert print_base.check_paper("a4") == "A4" and print_base.check_paper("LETTER") == "Letter"
    with pytest.raises(UserError, match="A4 or Letter"):
        print_base.check_paper("A5")


def test_a_column_is_as_wide_as_its_widest_text_on_one_line() -> None:
    time = print_base.column_share(["09:45–10:30"])
    assert 10 < time < 16  # per cent of the page's width: not the 12% that cut "09:45–10:3" "0"
    assert print_base.column_share(["09:45–10:30", "9:00"]) == time
    assert print_base.column_share(["Time"], bold=True) < time
    assert print_base.nowrap("09:45–10:30") == "<div class='nowrap'>09:45–10:30</div>"
    assert "div.nowrap { white-space: nowrap; }" in print_base.STYLE
    assert f"padding: 4px {print_base.CELL_PAD_PX}px;" in print_base.STYLE  # what column_share counts

"""Printable pages as blocks: escaped HTML, and a height estimate that grows with the text and shrinks with size."""

from __future__ import annotations

from peerdesk.export import html_blocks
from peerdesk.export.html_blocks import Columns, Heading, Items, Table, Text

LONG = "Families retell their story at every handover between services " * 6


def test_the_page_is_escaped_and_has_its_size_in_the_style() -> None:
    page = html_blocks.html([Heading("<b>Title</b>", 1), Text("a & b")], title="<x>", size=8.5)
    assert "<b>Title</b>" not in page and "&lt;b&gt;Title&lt;/b&gt;" in page
    assert "a &amp; b" in page and "<title>&lt;x&gt;</title>" in page
    assert "font-size: 8.5pt" in page and "size: A4" in page
    assert "<script" not in page and "http" not in page


def test_more_text_is_taller_and_smaller_text_is_shorter() -> None:
    short = [Items((("", "One line"),))]
    long = [Items(tuple(("", LONG) for _ in range(4)))]
    width = html_blocks.PAGE_WIDTH
    assert html_blocks.height(long, width, 9) > 4 * html_blocks.height(short, width, 9)
    assert html_blocks.height(long, width, 7) < html_blocks.height(long, width, 9)


def test_two_columns_are_as_tall_as_the_taller_one() -> None:
    left = (Heading("Went well"), Items((("", LONG),)))
    right = (Heading("Even better if"), Items((("", "Short"),)))
    width = html_blocks.PAGE_WIDTH
    both = html_blocks.height([Columns(left, right)], width, 9)
    assert both == html_blocks.height(list(left), (width - html_blocks.COLUMN_GAP) / 2, 9)


def test_a_word_wider_than_its_cell_is_caught_and_a_column_share_fits_its_word() -> None:
    narrow = Table((0.95, 0.05), ("Insight", "Superlongtablename"), (("x", "✓"),))
    assert not html_blocks.words_fit([narrow], html_blocks.PAGE_WIDTH, 9)
    share = html_blocks.column_share(["Superlongtablename"], 9)
    fitted = Table((1 - share, share), ("Insight", "Superlongtablename"), (("x", "✓"),))
    assert html_blocks.words_fit([fitted], html_blocks.PAGE_WIDTH, 9)
    assert "cellpadding" in html_blocks.html([fitted], title="t", size=9)

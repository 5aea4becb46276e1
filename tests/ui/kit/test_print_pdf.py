"""HTML to a PDF (or a printer) with Qt's text engine, laid out inside the page's margins and nothing more."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QColor, QPageLayout, QPdfWriter, QTextBlock, QTextCursor, QTextDocument, QTextTable
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from peerdesk.errors import UserError
from peerdesk.export import workshop_summary
from peerdesk.export.print_base import Printable
from peerdesk.services import workshop, workshop_outcome
from peerdesk.store.engine import Store
from peerdesk.ui.kit.print_pdf import document_html, html_to_pdf, paginate, print_html, set_paper
from tests.export.test_workshop_pptx import LONG, record_workshop
from tests.helpers.pdf import Word, pdf_info, pdf_text, pdf_words

POINTS_PER_MM = 72 / 25.4
SENTENCE = "The front door works when families are heard."
PARAGRAPH = "<h1>Notes</h1>" + "<p>" + " ".join([SENTENCE] * 400) + "</p>"


def test_html_becomes_a_pdf_file(qtbot: QtBot, tmp_path: Path) -> None:
    out = tmp_path / "summary.pdf"
    html_to_pdf("<h1>Workshop summary</h1><p>Three tables, six goals.</p>", out)
    data = out.read_bytes()
    assert data.startswith(b"%PDF") and b"Workshop summary" in data  # the PDF's title


@pytest.mark.qt_log_ignore("QPainter::begin")  # Qt's own note that it could not open the file
def test_an_unwritable_place_is_refused_plainly(qtbot: QtBot, tmp_path: Path) -> None:
    with pytest.raises(UserError, match=r"folder .* does not exist"):
        html_to_pdf("<p>x</p>", tmp_path / "missing" / "summary.pdf")


# ``qapp``: Qt lays text out only inside a running application.
pytestmark = pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="needs poppler's pdfinfo")


def pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    match = re.search(r"^Pages:\s+(\d+)", info, re.M)
    assert match is not None
    return int(match[1])


def long_workshop(store: Store) -> workshop_outcome.Outcome:
    record_workshop(store, tables=8, long_text=True)
    for k in range(30):
        workshop.add_note(store, ("next_step", "went_well", "even_better_if")[k % 3], f"Note {k}: {LONG}")
    return workshop_outcome.outcome(store)


def test_a_long_workshop_summary_prints_on_one_page_and_its_full_record_on_several(
    qapp: object, demo_store: Store, tmp_path: Path
) -> None:
    outcome = long_workshop(demo_store)
    one, full = tmp_path / "one.pdf", tmp_path / "full.pdf"
    html_to_pdf(workshop_summary.render(outcome, "Eastmere — Early help", "11 March 2026"), one)
    html_to_pdf(workshop_summary.render_full(outcome, "Eastmere — Early help", "11 March 2026"), full)
    assert pages(one) == 1
    assert pages(full) > 1


def test_a_short_workshop_summary_keeps_every_word_at_full_size_on_one_page(
    qapp: object, demo_store: Store, tmp_path: Path
) -> None:
    outcome = record_workshop(demo_store)
    page = workshop_summary.render(outcome, "Eastmere", "")
    html_to_pdf(page, tmp_path / "one.pdf")
    assert pages(tmp_path / "one.pdf") == 1
    assert "font-size: 9.5pt" in page and "Shortened" not in page


def frame(words: list[Word]) -> tuple[float, float, float, float]:
    """Where the printed words reach, in millimetres: the left, top, right and bottom of all of them."""
    return (
        min(w.left for w in words) / POINTS_PER_MM,
        min(w.top for w in words) / POINTS_PER_MM,
        max(w.right for w in words) / POINTS_PER_MM,
        max(w.bottom for w in words) / POINTS_PER_MM,
    )


@pytest.mark.parametrize(("paper", "width", "height"), [("A4", 210, 297), ("Letter", 215.9, 279.4)])
def test_the_text_fills_the_page_inside_14_mm_margins_without_a_page_number(
    qapp: object, tmp_path: Path, paper: str, width: float, height: float
) -> None:
    out = tmp_path / "notes.pdf"
    html_to_pdf(PARAGRAPH, out, "Notes", paper)
    words = pdf_words(out)  # every word, the top margin's too: a line hidden there is one no reader should find
    assert int(pdf_info(out)["Pages"]) > 1
    for page in {w.page for w in words}:
        left, top, right, bottom = frame([w for w in words if w.page == page])
        # Qt's own layout (a document without a page size) put 2 cm more inside these margins: text began at 34 mm.
        assert left == pytest.approx(14, abs=0.5) and top == pytest.approx(14, abs=1), page
        assert width - 14 - 12 < right <= width - 14, page  # the lines run to the right margin
        assert bottom <= height - 14, page
    # Every word printed is the document's: no page number added under the text.
    assert {w.text for w in words} == {"Notes", *SENTENCE.split(" ")}


NUMBERED = " ".join(f"w{n:04d}" for n in range(1600))  # each word once: a word printed twice is seen


def test_a_paragraph_over_page_breaks_is_written_once_and_where_it_was(qapp: object, tmp_path: Path) -> None:
    """At many page breaks Qt paints the line before the page's first one as well, hidden by the page's clip: a PDF's
    search, copy and a screen reader found it twice (here: at every break). Cut at the breaks, each line is there
    once."""
    out = tmp_path / "notes.pdf"
    html_to_pdf(f"<h1>Notes</h1><p>{NUMBERED}</p><ul><li>{NUMBERED}</li><li>short item</li></ul><p>end</p>", out)
    words = pdf_words(out)
    numbered = [w.text for w in words if re.fullmatch(r"w\d{4}", w.text)]
    assert int(pdf_info(out)["Pages"]) >= 4
    assert sorted(numbered) == sorted(NUMBERED.split() * 2), "each word once in the paragraph and once in the item"
    for page in range(2, int(pdf_info(out)["Pages"]) + 1):  # each page's text starts at the top margin, as before
        assert min(w.top for w in words if w.page == page) == pytest.approx(14 * POINTS_PER_MM, abs=1.5), page
    in_item = [w for w in words if w.text == "w0000"][1]
    item_left = in_item.left
    after_item_break = [w for w in words if w.page > in_item.page and w.text.startswith("w")]
    assert min(w.left for w in after_item_break) == pytest.approx(item_left, abs=0.5), "the item's indent goes on"


def test_no_paragraph_outside_a_table_crosses_a_page_and_a_table_is_left_whole(qtbot: QtBot) -> None:
    writer = QPdfWriter(str(Path("/nonexistent/never-written.pdf")))
    set_paper(writer)
    cell = " ".join([SENTENCE] * 300)
    text = paginate(
        f"<p style='text-indent: 20px'>{NUMBERED}</p><ul><li>{NUMBERED}</li><li>short item</li></ul>"
        f"<table><tr><td>{cell}</td></tr></table>",
        writer,
    )
    height = text.pageSize().height()
    pages_of_lines = []
    block = text.begin()
    while block.isValid():
        top = text.documentLayout().blockBoundingRect(block).top()
        lines = block.layout()
        pages = {int((top + lines.lineAt(n).y()) // height) for n in range(lines.lineCount())}
        pages_of_lines.append((block.text()[:5], QTextCursor(block).currentTable() is not None, len(pages)))
        block = block.next()
    parts = [b for b in _blocks(text) if b.text().startswith("w")]
    assert len(parts) >= 4 and all(count == 1 for t, in_table, count in pages_of_lines if not in_table)
    assert "".join(b.text() for b in parts).replace(" ", "") == NUMBERED.replace(" ", "") * 2, "no word lost"
    indents = [b.blockFormat().textIndent() for b in parts]
    assert indents[0] > 0 and indents[1:] == [0] * (len(parts) - 1), "the first-line indent at the start only"
    items = next(b.textList() for b in parts if b.textList() is not None)
    assert items.count() == 2, "an item that goes on over a page is still one item (one bullet)"
    assert any(in_table and count > 1 for _t, in_table, count in pages_of_lines), "the cell still runs over pages"


def _blocks(text: QTextDocument) -> list[QTextBlock]:
    found = []
    block = text.begin()
    while block.isValid():
        found.append(block)
        block = block.next()
    return found


def test_a_printer_lays_the_page_out_inside_the_margins_the_print_dialog_left(qapp: object, tmp_path: Path) -> None:
    # A QPrinter writing a PDF stands in for the real printer; the dialog's user widened its margins to 25 mm.
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    set_paper(printer, "Letter")
    printer.setPageMargins(QMarginsF(25, 25, 25, 25), QPageLayout.Unit.Millimeter)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    print_html(PARAGRAPH, printer)
    del printer
    left, top, right, _ = frame([w for w in pdf_words(out) if w.page == 1])
    assert left == pytest.approx(25, abs=0.5) and top == pytest.approx(25, abs=1)
    assert 215.9 - 25 - 12 < right <= 215.9 - 25
    assert "Notes" in pdf_text(out, first=1, last=1)


def test_the_summary_keeps_its_spacing_and_its_rules_show_on_a_photocopy(
    qapp: object, demo_store: Store, tmp_path: Path
) -> None:
    outcome = record_workshop(demo_store)
    writer = QPdfWriter(str(tmp_path / "measure.pdf"))
    set_paper(writer, "A4")
    text = paginate(workshop_summary.render(outcome, "Eastmere", ""), writer)
    heading = text.find("Goals chosen and top actions")
    # Qt ignores margins and padding in points: the headings sat on the table above them.
    assert heading.blockFormat().topMargin() > 0
    table = next(f for f in text.rootFrame().childFrames() if isinstance(f, QTextTable))
    cell = table.cellAt(1, 0).format().toTableCellFormat()
    assert cell.leftPadding() > 0
    grey = QColor(cell.leftBorderBrush().color())
    assert grey.lightness() < 170  # a mid grey rule, not a pale one that fades out on a copier


def _sheets(*pages: int) -> Printable:
    """Separate sheets taking ``pages`` pages each on A4 (headed "Sheet n")."""
    return Printable(
        "Interview sheets",
        tuple(
            f"<h1>Sheet {n}</h1>" + "<p>" + " ".join([SENTENCE] * 130 * count) + "</p>" for n, count in enumerate(pages)
        ),
        separate_sheets=True,
    )


def test_printed_on_both_sides_each_separate_sheet_starts_on_the_front_of_a_sheet_of_paper(
    qtbot: QtBot, tmp_path: Path
) -> None:
    out = tmp_path / "sheets.pdf"
    html_to_pdf(_sheets(3, 1, 2, 1), out)  # a PDF: it may well be printed on both sides
    starts = {n: page for n, page in enumerate(pdf_text(out).split("\f"), start=1) if page.strip()}
    firsts = [n for n, page in starts.items() if page.strip().startswith("Sheet")]
    assert firsts == [1, 5, 7, 9], "blank pages after the three-page and the one-page sheet, none after the last"
    assert int(pdf_info(out)["Pages"]) == 9
    assert set(range(1, 10)) - set(starts) == {4, 6}, "the blank pages have nothing on them"


def test_sheets_follow_the_printers_two_sided_setting_and_other_documents_never_gain_blank_pages(qtbot: QtBot) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    set_paper(printer)
    document = _sheets(3, 2)
    assert document_html(document, printer, two_sided=False) == document.html()
    assert document_html(document, printer, two_sided=True) == document.html(blank_after=[0])
    plain = Printable("Timetable", document.pages)
    assert document_html(plain, printer, two_sided=True) == plain.html()

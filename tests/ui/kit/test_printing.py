"""Printing the visit's paperwork: to a PDF on A4 or Letter, headless for the CLI, or from the Print dialog; File ▸
Print… opens one dialog, and what it saves as PDF reads back as the visit's paperwork."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from PySide6.QtGui import QPageSize, QPdfWriter, QTextDocument, QTextTable
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from peerdesk.errors import UserError
from peerdesk.export import printing as documents
from peerdesk.export.print_base import Printable, grid, ruled_lines
from peerdesk.services import action_progress, questions, timetable, timetable_grid
from peerdesk.store.engine import Store
from peerdesk.ui.kit import printing
from peerdesk.ui.kit.print_pdf import paginate, set_paper
from peerdesk.ui.kit.printing import PrintDialog, new_printer, print_to, write_pdf
from peerdesk.ui.kit.session import ReviewSession
from tests.export.test_workshop_pptx import LONG, record_workshop
from tests.helpers.pdf import pages_starting, pdf_info, pdf_text, pdf_words
from tests.helpers.timetable import build_day

POINTS_PER_MM = 72 / 25.4


def test_a_document_becomes_a_pdf_and_a_missing_folder_is_refused(qtbot: QtBot, tmp_path: Path) -> None:
    out = tmp_path / "sheet.pdf"
    printing.write_pdf(Printable("Timetable", ("<h1>Day 1</h1>",)), out, "Letter")
    assert out.read_bytes().startswith(b"%PDF")
    with pytest.raises(UserError, match="does not exist"):
        printing.write_pdf(Printable("x", ("y",)), tmp_path / "missing" / "x.pdf")


def test_a_new_printer_has_the_chosen_paper(qtbot: QtBot) -> None:
    printer = printing.new_printer("Letter")
    assert printer.pageLayout().pageSize().id() == QPageSize.PageSizeId.Letter


def test_write_headless_builds_the_named_document(qtbot: QtBot, store: Store, tmp_path: Path) -> None:
    build_day(store)
    doc = printing.write_headless(store, "timetable", tmp_path / "t.pdf", paper="a4", view="team")
    assert len(doc.pages) == 2 and (tmp_path / "t.pdf").stat().st_size > 0


def test_the_dialog_offers_the_timetable_view_only_for_the_timetable_and_says_why_not(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    dialog = printing.PrintDialog(store)
    qtbot.addWidget(dialog)
    dialog.choose("timetable", view="person", paper="Letter")
    assert not dialog.view.isHidden() and dialog.paper_name == "Letter"
    dialog.choose("followup-sheet")
    assert dialog.view.isHidden()
    assert dialog.document() is None and "Nothing to print yet" in dialog.error.text()
    assert not dialog.save_pdf(tmp_path / "f.pdf") and not (tmp_path / "f.pdf").exists()


def dialog(qtbot: QtBot, store: Store) -> PrintDialog:
    d = PrintDialog(store)
    qtbot.addWidget(d)
    return d


def test_the_timetable_per_team_on_letter_paper(qtbot: QtBot, demo_store: Store, tmp_path: Path) -> None:
    d = dialog(qtbot, demo_store)
    d.choose("timetable", view="team", paper="Letter")
    assert d.view.isVisibleTo(d)
    out = tmp_path / "teams.pdf"
    assert d.save_pdf(out)
    assert pdf_info(out)["Page size"].startswith("612 x 792")  # US Letter, in points
    assert pages_starting(out, "Timetable for Team A") == 1
    assert pages_starting(out, "Timetable for Team C") == 1
    assert pdf_info(out)["Title"].startswith("Day 1 timetable")


def test_interview_sheets_on_a4_one_heading_per_interview(qtbot: QtBot, demo_store: Store, tmp_path: Path) -> None:
    d = dialog(qtbot, demo_store)
    d.choose("interview-sheets")
    assert not d.view.isVisibleTo(d)  # the timetable's option only shows for the timetable
    out = tmp_path / "sheets.pdf"
    assert d.save_pdf(out)
    assert pdf_info(out)["Page size"].startswith("595 x 842")  # A4
    text = pdf_text(out)
    assert text.count("Interview: ") == 15
    assert pages_starting(out, "Interview: ") == 15  # each interview's sheet starts a page of its own
    assert "Senior leaders" in text and "Quotes, word for word" in text and "☐ 1." in text


def test_evening_insight_and_workshop_sheets(qtbot: QtBot, demo_store: Store, tmp_path: Path) -> None:
    d = dialog(qtbot, demo_store)
    for what, heading in (("rtb-sheets", "Roses"), ("insight-sheets", "Insight 1"), ("workshop-sheets", "Workshop")):
        d.choose(what)
        out = tmp_path / f"{what}.pdf"
        assert d.save_pdf(out), what
        assert pages_starting(out, heading) == 1, what
    insight_text = pdf_text(tmp_path / "insight-sheets.pdf")
    assert "What people told us" in insight_text and "“" in insight_text


def test_nothing_to_print_is_said_under_the_form_and_nothing_is_written(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    d = dialog(qtbot, store)
    d.choose("insight-sheets")
    out = tmp_path / "none.pdf"
    assert not d.save_pdf(out)
    assert not out.exists()
    assert "no insights yet" in d.error.text() and d.error.isVisibleTo(d)
    d.choose("rtb-sheets")
    assert not d.error.isVisibleTo(d)


def test_printing_to_a_printer_uses_the_same_pages(qtbot: QtBot, demo_store: Store, tmp_path: Path) -> None:
    # A QPrinter set to PDF output stands in for the real printer the print dialog would choose.
    printer = new_printer("A4")
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    print_to(documents.build(demo_store, "rtb-sheets"), printer)
    del printer
    assert "Thorns" in pdf_text(out) and "Buds" in pdf_text(out)
    write_pdf(documents.build(demo_store, "rtb-sheets"), tmp_path / "same.pdf")
    assert pdf_text(out) == pdf_text(tmp_path / "same.pdf")
    assert pdf_words(out) == pdf_words(tmp_path / "same.pdf")  # and every word in the same place


def test_file_menu_has_print(qtbot: QtBot, demo_session: ReviewSession) -> None:
    from peerdesk.ui.shell.main_window import MainWindow

    window = MainWindow(demo_session)
    qtbot.addWidget(window)
    assert window.action_print in window.file_menu.actions()
    assert window.action_print.shortcut().toString() == "Ctrl+P"


def test_cells_are_padded_and_ruled_lines_are_far_enough_apart_to_write_on(qapp: object, tmp_path: Path) -> None:
    # Qt's text engine ignores padding and margins given in points: cells had none, and ruled lines were a line of
    # print apart (4 mm), too close to write on.
    out = tmp_path / "sheet.pdf"
    sheet = Printable("Sheet", (grid(["Who"], [["Sam"]]) + ruled_lines(10),))
    write_pdf(sheet, out)
    sam = next(w for w in pdf_words(out) if w.text == "Sam")
    assert sam.left / POINTS_PER_MM > 14 + 1  # inside the cell's border, not against it
    writer = QPdfWriter(str(tmp_path / "measure.pdf"))
    set_paper(writer, "A4")
    text = paginate(sheet.html(), writer)
    tables = [frame for frame in text.rootFrame().childFrames() if isinstance(frame, QTextTable)]
    assert len(tables) == 2
    ruled = text.documentLayout().frameBoundingRect(tables[1]).height() / 10 / (writer.logicalDpiY() / 25.4)
    assert 7 <= ruled <= 9  # millimetres between ruled lines: room for handwriting


def printed_words(document: Printable) -> set[str]:
    """The document's words, and the pieces a line may end or start with where a word breaks after a hyphen."""
    text = QTextDocument()
    text.setHtml(document.html())
    words = set(text.toPlainText().split())
    return words | {piece for word in words for piece in re.split(r"(?<=[-–/])", word)}


@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize("view", ["whole", "team", "person"])
def test_the_timetable_never_breaks_a_time_or_a_word_and_its_teams_share_the_width(
    qtbot: QtBot, demo_store: Store, tmp_path: Path, view: str, paper: str
) -> None:
    out = tmp_path / "timetable.pdf"
    document = printing.write_headless(demo_store, "timetable", out, paper=paper, view=view)
    words = pdf_words(out)
    printed = {unicodedata.normalize("NFKC", w.text) for w in words}  # the PDF's ligatures (ﬀ) as letters
    times = {f"{slot.starts}–{slot.ends}" for slot in timetable.timetable(demo_store).slots}
    assert len(times) == 5 and times <= printed  # "09:45–10:30", never "09:45–10" and ":30"
    assert printed <= printed_words(document)  # no word cut in two by a narrow column
    if view == "whole":
        # Each team's column starts with its header ("Team A (…)"): the columns are the same width.
        starts = [w.left for w in words if w.page == 1 and w.text == "Team"][:3]
        assert len(starts) == 3 and starts[2] - starts[1] == pytest.approx(starts[1] - starts[0], abs=1)


def page_headings(pdf: Path) -> list[str]:
    """The first line of each page: a sheet's heading where one begins, else what the page continues with."""
    return [page.strip().split("\n")[0] if page.strip() else "" for page in pdf_text(pdf).split("\f")[:-1]]


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_each_sheet_fits_its_paper_without_a_sliver_on_a_second_page(
    qtbot: QtBot, demo_store: Store, tmp_path: Path, paper: str
) -> None:
    def printed(what: str) -> list[str]:
        out = tmp_path / f"{what}-{paper}.pdf"
        printing.write_headless(demo_store, what, out, paper=paper)
        return page_headings(out)

    assert printed("rtb-sheets") == ["Roses", "Thorns", "Buds"]  # a page each, with room left to write
    assert printed("workshop-sheets") == ["Workshop: Table ______"]  # the blank sheet, before tables are set up
    assert printed("insight-sheets") == [f"Insight {n}" for n in (1, 2, 3, 4)]
    # Two pages per interview, each starting a page of its own: printed on both sides, one sheet per interview.
    interviews = printed("interview-sheets")
    assert len(interviews) == 30 and all(h.startswith("Interview: ") for h in interviews[::2])
    record_workshop(demo_store, tables=4)
    assert printed("workshop-sheets") == [f"Workshop: Table {n}" for n in (1, 2, 3, 4)]


def test_a_long_table_repeats_its_header_on_the_next_page(qtbot: QtBot, demo_store: Store, tmp_path: Path) -> None:
    record_workshop(demo_store, tables=4)
    for row in action_progress.rows(demo_store):
        action_progress.set_fields(demo_store, row.action_id, owner="Head of early help", evidence=LONG, note=LONG)
    out = tmp_path / "followup.pdf"
    printing.write_headless(demo_store, "followup-sheet", out)
    # A row that runs over the page break is also painted above the next page's margin, clipped away (unseen):
    # what is seen starts inside the margin.
    seen = [w for w in pdf_words(out) if w.top >= 14 * POINTS_PER_MM - 1]
    pages = sorted({w.page for w in seen})
    assert len(pages) > 1
    for page in pages[1:]:
        first_line = min(w.top for w in seen if w.page == page)
        header = [
            w.text for w in sorted((w for w in seen if w.page == page and w.top == first_line), key=lambda w: w.left)
        ]
        assert header[:5] == ["Table", "Goal", "#", "Action", "agreed"], page


@pytest.mark.parametrize(("paper", "size"), [("A4", "842 x 595"), ("Letter", "792 x 612")])
def test_a_grid_of_many_teams_turns_across_the_paper_rather_than_cut_its_words(
    qtbot: QtBot, demo_store: Store, tmp_path: Path, paper: str, size: str
) -> None:
    upright = tmp_path / "three.pdf"
    assert not printing.write_headless(demo_store, "timetable", upright, paper=paper).landscape
    assert not pdf_info(upright)["Page size"].startswith(size)
    for name, room in (("Team D", "Council Chamber"), ("Team E", "Safeguarding Partnership Office"), ("Team F", "")):
        timetable_grid.add_team(demo_store, name, room)
    out = tmp_path / "six.pdf"
    document = printing.write_headless(demo_store, "timetable", out, paper=paper)
    assert document.landscape and pdf_info(out)["Page size"].startswith(size)
    printed = {unicodedata.normalize("NFKC", w.text) for w in pdf_words(out)}
    assert printed <= printed_words(document)  # upright, "Transformational" came out as "Transformati" "onal"


def _long_plan(store: Store) -> None:
    """The first interview's plan runs to three pages: forty questions, each asked at length."""
    first = timetable.timetable(store).interviews[0].id
    for n in range(40):
        questions.add_to_plan(store, first, f"Question {n + 1}: " + "tell us how that decision was reached " * 4)


def _interview_pages(out: Path) -> list[int]:
    pages = pdf_text(out).split("\f")
    return [n for n, page in enumerate(pages, start=1) if page.strip().startswith("Interview: ")]


def test_saved_interview_sheets_each_start_on_the_front_of_a_sheet_of_paper(
    qtbot: QtBot, demo_store: Store, tmp_path: Path
) -> None:
    """A long question plan ran to three pages and put the next interview's sheet on the back of its last one."""
    _long_plan(demo_store)
    d = dialog(qtbot, demo_store)
    d.choose("interview-sheets")
    out = tmp_path / "sheets.pdf"
    assert d.save_pdf(out)
    starts = _interview_pages(out)
    assert len(starts) == 15 and starts[1] - starts[0] >= 4, "the long sheet takes three pages and a blank one"
    assert all(page % 2 == 1 for page in starts), starts


class PrinterSetTo(QPrinter):
    """A printer as the print dialog leaves it, one- or two-sided, writing a PDF here (no printer is installed)."""

    def __init__(self, duplex: QPrinter.DuplexMode, out: Path) -> None:
        super().__init__(QPrinter.PrinterMode.HighResolution)
        set_paper(self)
        self.setOutputFileName(str(out))
        self.chosen = duplex

    def outputFormat(self) -> QPrinter.OutputFormat:
        return QPrinter.OutputFormat.NativeFormat

    def duplex(self) -> QPrinter.DuplexMode:
        return self.chosen


def test_printed_interview_sheets_follow_the_printers_two_sided_setting(
    qtbot: QtBot, demo_store: Store, tmp_path: Path
) -> None:
    _long_plan(demo_store)
    document = documents.build(demo_store, "interview-sheets")
    starts = {}
    for duplex in (QPrinter.DuplexMode.DuplexNone, QPrinter.DuplexMode.DuplexLongSide):
        printer = PrinterSetTo(duplex, tmp_path / f"{duplex.name}.pdf")
        print_to(document, printer)
        del printer
        starts[duplex] = _interview_pages(tmp_path / f"{duplex.name}.pdf")
    assert all(page % 2 == 1 for page in starts[QPrinter.DuplexMode.DuplexLongSide])
    one_sided = starts[QPrinter.DuplexMode.DuplexNone]
    assert one_sided[1] - one_sided[0] == 3, "printed on one side, no blank sheet is wasted"
    to_file = new_printer("A4")  # the print dialog's Print to file: a PDF, as Save as PDF writes it
    assert printing.two_sided(to_file) and to_file.duplex() == QPrinter.DuplexMode.DuplexNone

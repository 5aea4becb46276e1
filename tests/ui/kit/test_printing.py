"""Printing the visit's paperwork: to a PDF on A4 or Letter, headless for the CLI, or from the Print dialog."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QPageSize
from pytestqt.qtbot import QtBot

from peerdesk.errors import UserError
from peerdesk.export.print_base import Printable
from peerdesk.store.engine import Store
from peerdesk.ui.kit import printing
from tests.helpers.timetable import build_day


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

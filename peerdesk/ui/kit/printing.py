"""Printing the visit's paperwork: through Qt's print dialog or to a PDF, on A4 or Letter.

The documents themselves are built without Qt (``peerdesk.export.printing``); here Qt's text engine lays them out
(``QTextDocument``) and paints them onto a printer or a ``QPdfWriter``. peerdesk writes no temporary file; a job
sent to a printer is spooled by the system's print service (CUPS keeps it in a file of the user's only until the
printer has it), as for any app: the user asked for paper.
"""

from __future__ import annotations

import os
from pathlib import Path
from types import MappingProxyType

from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QLabel,
    QWidget,
)

from peerdesk.errors import PeerdeskError
from peerdesk.export import printing
from peerdesk.export.print_base import PAPERS, Printable, check_paper
from peerdesk.export.print_day1 import TIMETABLE_VIEWS
from peerdesk.store.engine import Store
from peerdesk.ui.kit import messages
from peerdesk.ui.kit.dialogs import close_buttons
from peerdesk.ui.kit.print_pdf import document_html, html_to_pdf, print_html, set_paper
from peerdesk.ui.kit.widgets import busy_cursor, error_label, push_button

VIEW_LABELS = MappingProxyType({"whole": "The whole grid", "team": "A page per team", "person": "A page per person"})


def write_pdf(document: Printable, out: Path, paper: str = "A4") -> None:
    """Lay ``document`` out on ``paper`` and write it to ``out`` as a PDF (whole or not at all, owner-only)."""
    html_to_pdf(document, out, document.title, paper, landscape=document.landscape)


def new_printer(paper: str = "A4", *, landscape: bool = False) -> QPrinter:
    """A printer set up as our PDFs are (paper, orientation and margins); the print dialog may change them."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    set_paper(printer, paper, landscape=landscape)
    return printer


def two_sided(printer: QPrinter) -> bool:
    """Whether separate sheets need a blank page after an odd page count: a printer set to print on both sides, or
    the print dialog's "Print to file", a PDF (written as Save as PDF writes it: ``print_pdf.html_to_pdf``).

    A printer's own setting is followed, since it is known: printed on one side, blank pages would only be wasted
    sheets in the pile."""
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat:
        return True
    return printer.duplex() != QPrinter.DuplexMode.DuplexNone


def print_to(document: Printable, printer: QPrinter) -> None:
    """Print ``document`` laid out on the paper and margins the printer has (after the print dialog)."""
    printer.setDocName(document.title)
    print_html(document_html(document, printer, two_sided=two_sided(printer)), printer)


def write_headless(store: Store, what: str, out: Path, *, paper: str = "A4", view: str = "whole") -> Printable:
    """``peerdesk print``: build and write a PDF without a screen."""
    paper = check_paper(paper)
    document = printing.build(store, what, printing.PrintOptions(timetable_view=view))
    if QGuiApplication.instance() is None:
        # A command run over SSH or in a script has no screen; the text engine still needs an application.
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        app = QGuiApplication([])
        app.setObjectName("peerdesk-print")
    write_pdf(document, out, paper)
    return document


class PrintDialog(QDialog):
    """File ▸ Print…: choose what to print and on which paper, then print it or save it as a PDF."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle("Print")
        self.setObjectName("printDialog")
        form = QFormLayout(self)
        self.what = QComboBox()
        for kind in printing.KINDS:
            self.what.addItem(kind.label, kind.name)
        what_label = QLabel("&What")
        what_label.setBuddy(self.what)
        form.addRow(what_label, self.what)
        self.view = QComboBox()
        for view in TIMETABLE_VIEWS:
            self.view.addItem(VIEW_LABELS[view], view)
        self.view_label = QLabel("&Timetable")
        self.view_label.setBuddy(self.view)
        form.addRow(self.view_label, self.view)
        self.paper = QComboBox()
        for paper in PAPERS:
            self.paper.addItem(paper, paper)
        paper_label = QLabel("&Paper")
        paper_label.setBuddy(self.paper)
        form.addRow(paper_label, self.paper)
        self.error = error_label()
        form.addRow("", self.error)
        self.print_button = push_button("&Print…", self.choose_printer)
        self.print_button.setObjectName("primaryButton")
        self.pdf_button = push_button("Save as P&DF…", self.choose_pdf)
        form.addRow(close_buttons(self, self.print_button, self.pdf_button))
        self.what.currentIndexChanged.connect(self._what_changed)
        self._what_changed()

    def choose(self, what: str, *, view: str = "whole", paper: str = "A4") -> None:
        self.what.setCurrentIndex(self.what.findData(what))
        self.view.setCurrentIndex(self.view.findData(view))
        self.paper.setCurrentIndex(self.paper.findData(paper))

    def _what_changed(self) -> None:
        timetable = self.what.currentData() == "timetable"
        self.view.setVisible(timetable)
        self.view_label.setVisible(timetable)
        self.error.hide()

    def document(self) -> Printable | None:
        """The chosen document, or None (with the reason shown under the form) when it cannot be made."""
        try:
            document = printing.build(
                self.store, str(self.what.currentData()), printing.PrintOptions(str(self.view.currentData()))
            )
        except PeerdeskError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return None
        self.error.hide()
        return document

    @property
    def paper_name(self) -> str:
        return str(self.paper.currentData())

    def save_pdf(self, out: Path) -> bool:
        document = self.document()
        if document is None:
            return False
        try:
            with busy_cursor():  # a long document takes seconds to lay out
                write_pdf(document, out, self.paper_name)
        except PeerdeskError as exc:
            messages.error(self, "Save as PDF", exc)
            return False
        return True

    def choose_pdf(self) -> None:
        if self.document() is None:
            return
        name = f"{self.what.currentData()}.pdf"
        out, _ = QFileDialog.getSaveFileName(self, "Save as PDF", str(Path.home() / name), "PDF (*.pdf)")
        if out:
            self.save_pdf(Path(out if out.lower().endswith(".pdf") else out + ".pdf"))

    def choose_printer(self) -> None:
        document = self.document()
        if document is None:
            return
        printer = new_printer(self.paper_name, landscape=document.landscape)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            with busy_cursor():
                print_to(document, printer)

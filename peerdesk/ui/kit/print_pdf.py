"""HTML to a PDF file with Qt's own text engine (QTextDocument + QPdfWriter): no browser, no temporary files.

The document is laid out on exactly the printable area of the page (A4 less 14 mm margins), with no margin of its
own: left alone, ``QTextDocument.print_`` adds a 2 cm margin and a page number inside the writer's margins, and a
page measured to fit A4 (the workshop's one-page summary) would spill onto a second sheet.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from peerdesk.errors import UserError
from peerdesk.files import private_target

MARGIN_MM = 14.0
LAYOUT_DPI = 96.0  # QTextDocument lays a paginated document out in pixels at this resolution when printing


def html_to_pdf(html: str, out: Path, title: str = "Workshop summary") -> None:
    """``html`` laid out on A4 and written to ``out`` as a PDF (whole or not at all, owner-only: ``files``)."""
    with private_target(out) as staging:
        writer = QPdfWriter(str(staging))
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setPageMargins(QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter)
        writer.setTitle(title)
        area = writer.pageLayout().paintRect(QPageLayout.Unit.Millimeter)
        document = QTextDocument()
        document.setDocumentMargin(0)
        document.setPageSize(QSizeF(area.width() / 25.4 * LAYOUT_DPI, area.height() / 25.4 * LAYOUT_DPI))
        document.setHtml(html)
        document.print_(writer)
        del writer  # the file is finished when the writer goes
        if staging.stat().st_size == 0:
            raise UserError(f"Could not write {out}.")

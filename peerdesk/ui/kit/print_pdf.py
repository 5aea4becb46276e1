"""HTML to a PDF file with Qt's own text engine (QTextDocument + QPdfWriter): no browser, no temporary files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from peerdesk.errors import UserError


def html_to_pdf(html: str, out: Path) -> None:
    writer = QPdfWriter(str(out))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(14, 14, 14, 14), QPageLayout.Unit.Millimeter)
    writer.setTitle("Workshop summary")
    document = QTextDocument()
    document.setHtml(html)
    document.print_(writer)
    del writer  # the file is finished when the writer goes
    if not out.exists() or out.stat().st_size == 0:
        raise UserError(f"Could not write {out}.")

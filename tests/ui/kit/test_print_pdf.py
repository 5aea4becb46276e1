"""HTML to a PDF with Qt's text engine."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from peerdesk.errors import UserError
from peerdesk.ui.kit.print_pdf import html_to_pdf


def test_html_becomes_a_pdf_file(qtbot: QtBot, tmp_path: Path) -> None:
    out = tmp_path / "summary.pdf"
    html_to_pdf("<h1>Workshop summary</h1><p>Three tables, six goals.</p>", out)
    data = out.read_bytes()
    assert data.startswith(b"%PDF") and b"Workshop summary" in data  # the PDF's title


@pytest.mark.qt_log_ignore("QPainter::begin")  # Qt's own note that it could not open the file
def test_an_unwritable_place_is_refused_plainly(qtbot: QtBot, tmp_path: Path) -> None:
    with pytest.raises(UserError, match="Could not write"):
        html_to_pdf("<p>x</p>", tmp_path / "missing" / "summary.pdf")

"""HTML to a PDF with Qt's text engine."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from peerdesk.errors import UserError
from peerdesk.export import workshop_summary
from peerdesk.services import workshop, workshop_outcome
from peerdesk.store.engine import Store
from peerdesk.ui.kit.print_pdf import html_to_pdf
from tests.export.test_workshop_pptx import LONG, record_workshop


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

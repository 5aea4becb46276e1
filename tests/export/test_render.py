"""LibreOffice Impress opens the presentation, and in its rendering every word stays inside the box it belongs to.

This is the independent check on our text measuring: LibreOffice lays the text out itself, and pdftotext tells
where each word landed. Skipped where LibreOffice or poppler's tools are not installed.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pptx import Presentation

from peerdesk.export import pptx, presentation
from peerdesk.store.engine import Store
from tests.export.pptx_checks import long_deck
from tests.helpers import day2

LIBREOFFICE = shutil.which("libreoffice") or shutil.which("soffice")
pytestmark = pytest.mark.skipif(
    LIBREOFFICE is None or shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None,
    reason="needs LibreOffice and poppler-utils",
)
EMU_PER_PT = 12700
TOLERANCE = 2.0  # points: anti-aliasing and glyph overhang


def render_pdf(deck: Path, folder: Path) -> Path:
    assert LIBREOFFICE is not None
    profile = folder / "lo-profile"  # our own profile: never collide with a LibreOffice the user has open
    subprocess.run(
        [
            LIBREOFFICE,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(deck),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    pdf = folder / (deck.stem + ".pdf")
    assert pdf.exists(), "LibreOffice did not produce a PDF"
    return pdf


def words_by_page(pdf: Path) -> list[list[tuple[float, float, float, float, str]]]:
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    pages = []
    for page in html.split("<page ")[1:]:
        words = []
        for m in re.finditer(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', page
        ):
            words.append((float(m[1]), float(m[2]), float(m[3]), float(m[4]), m[5]))
        pages.append(words)
    return pages


def text_boxes(deck: Path) -> list[list[tuple[float, float, float, float]]]:
    boxes = []
    for slide in Presentation(str(deck)).slides:
        rects = []
        for shape in slide.shapes:
            if shape.has_text_frame or shape.has_table or shape.has_chart:  # a chart's labels stay in its frame
                rects.append(
                    (
                        shape.left / EMU_PER_PT,
                        shape.top / EMU_PER_PT,
                        (shape.left + shape.width) / EMU_PER_PT,
                        (shape.top + shape.height) / EMU_PER_PT,
                    )
                )
        boxes.append(rects)
    return boxes


def stray_words(deck: Path, pdf: Path) -> list[str]:
    stray = []
    pages, boxes = words_by_page(pdf), text_boxes(deck)
    assert len(pages) == len(boxes), "LibreOffice rendered a different number of slides"
    for n, (words, rects) in enumerate(zip(pages, boxes, strict=True), start=1):
        for x0, y0, x1, y1, word in words:
            inside = any(
                x0 >= a - TOLERANCE and y0 >= b - TOLERANCE and x1 <= c + TOLERANCE and y1 <= d + TOLERANCE
                for a, b, c, d in rects
            )
            if not inside:
                stray.append(f"slide {n}: {word!r} at ({x0:.0f},{y0:.0f})-({x1:.0f},{y1:.0f})")
    return stray


def test_libreoffice_opens_the_presentation_and_every_word_stays_in_its_box(store: Store, tmp_path: Path) -> None:
    day2.seed(store)
    deck = presentation.export_pptx(store, tmp_path / "deck.pptx")
    pdf = render_pdf(deck, tmp_path)
    assert stray_words(deck, pdf) == []
    subprocess.run(["pdftoppm", "-png", "-r", "50", str(pdf), str(tmp_path / "slide")], check=True, timeout=120)
    pngs = sorted(tmp_path.glob("slide-*.png"))
    assert len(pngs) == len(Presentation(str(deck)).slides)


def test_long_text_stays_in_its_boxes_when_libreoffice_lays_it_out(tmp_path: Path) -> None:
    deck = pptx.build(long_deck(), tmp_path / "long.pptx")
    pdf = render_pdf(deck, tmp_path)
    assert stray_words(deck, pdf) == []


def test_other_scripts_and_a_hostile_template_stay_in_their_boxes_in_libreoffice(tmp_path: Path) -> None:
    from tests.export import hostile_templates
    from tests.export.test_scripts import _deck

    deck = pptx.build(_deck(), tmp_path / "scripts.pptx")  # type: ignore[arg-type]
    assert stray_words(deck, render_pdf(deck, tmp_path)) == []
    template = hostile_templates.make("renamed-4x3-footer-logo", tmp_path)
    branded = pptx.build(long_deck(words=40, n_insights=3), tmp_path / "branded.pptx", template=template)
    assert stray_words(branded, render_pdf(branded, tmp_path)) == []

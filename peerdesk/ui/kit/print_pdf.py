"""HTML laid out on pages by Qt's own text engine (QTextDocument), onto a PDF or a printer: the one way every printed
page is made (the visit's sheets and the workshop's one-page summary alike). No browser, no temporary files.

The document is laid out on exactly the printable area of the page (the paper less ``MARGIN_MM`` each side), with
no margin of its own. Left alone, ``QTextDocument.print_`` treats a document without a page size as unpaginated and
adds a 2 cm margin (and a page number) *inside* the device's margins: every sheet came out in a narrow column with
35 mm margins, and a page measured to fit A4 (the workshop's one-page summary) would spill onto a second sheet.

No page numbers: each sheet opens with its own heading (the interview, the team, the person, the insight, the
table) and goes to different hands, so a running number through the pile means nothing on paper, and a PDF
viewer numbers pages itself. Qt draws page numbers only in its own 2 cm layout, the very margin removed here.

The layout's paint device is the page itself, so the text is measured at the printer's resolution (as Qt does when
it paginates for itself) rather than at a screen's, whose dots per inch vary from one computer to the next.
"""

from __future__ import annotations

from pathlib import Path
from types import MappingProxyType

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import (
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextBlock,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from peerdesk.errors import UserError
from peerdesk.export.print_base import MARGIN_MM, Printable, check_paper
from peerdesk.files import private_target

PAGE_GAP_PX = 1.0
AFTER = QTextFormat.PageBreakFlag.PageBreak_AlwaysAfter
PAGE_SIZES = MappingProxyType({"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter})


def set_paper(device: QPagedPaintDevice, paper: str = "A4", *, landscape: bool = False) -> None:
    """``paper`` (A4 or Letter), upright or across, with the margins every printed page has."""
    device.setPageSize(QPageSize(PAGE_SIZES[check_paper(paper)]))
    device.setPageOrientation(QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait)
    device.setPageMargins(QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter)


def paginate(html: str, device: QPagedPaintDevice) -> QTextDocument:
    """``html`` laid out in pages the size of ``device``'s printable area (its paper less its margins)."""
    text = QTextDocument()
    text.documentLayout().setPaintDevice(device)
    text.setPageSize(device.pageLayout().paintRectPixels(device.logicalDpiX()).size().toSizeF())
    text.setHtml(html)
    frame = text.rootFrame().frameFormat()
    frame.setMargin(0)
    # A hair (a CSS pixel, about 0.3 mm) above and below each page's text: Qt paints the lines either side of a page
    # break on both pages and lets the clip hide them, so on pages that abut, the PDF's text (what search and copy
    # see) held every heading that begins a page twice.
    frame.setTopMargin(PAGE_GAP_PX)
    frame.setBottomMargin(PAGE_GAP_PX)
    text.rootFrame().setFrameFormat(frame)
    cut_at_page_breaks(text)
    return text


def cut_at_page_breaks(text: QTextDocument) -> None:
    """Each paragraph that runs over a page break cut in two there, so that no paragraph crosses a page.

    Qt paints a paragraph on every page it reaches and lets the page's clip hide the rest, and at many breaks it also
    paints the line just before the first one the page shows: that line was written again in the next page's margin,
    hidden, where a PDF's search, copy and a screen reader found it twice. The second part starts a page
    where the line already was, so nothing moves; it has no space above or first-line indent of its own, and in a
    list it is no new item (no second bullet). Paragraphs in table cells are left as they are.
    """
    height = text.pageSize().height()
    text.pageCount()  # the whole document laid out: Qt lays out lazily, and a line not laid out yet has no page
    cuts: list[int] = []
    block = text.begin()
    while block.isValid():
        cuts.extend(_lines_opening_a_page(text, block, height))
        block = block.next()
    for at in reversed(cuts):  # from the end: the places found before it have not moved
        _cut(text, at)


def _lines_opening_a_page(text: QTextDocument, block: QTextBlock, height: float) -> list[int]:
    """Where in the document each line of ``block`` that is the first of it on a page begins, but its first line."""
    lines = block.layout()
    if lines.lineCount() < 2 or QTextCursor(block).currentTable() is not None:
        return []
    top = text.documentLayout().blockBoundingRect(block).top()
    pages = [int((top + lines.lineAt(n).y()) // height) for n in range(lines.lineCount())]
    return [block.position() + lines.lineAt(n).textStart() for n in range(1, len(pages)) if pages[n] != pages[n - 1]]


def _cut(text: QTextDocument, at: int) -> None:
    cursor = QTextCursor(text)
    cursor.setPosition(at)
    first = cursor.block()
    shape = first.blockFormat()
    listed = first.textList()
    breaks = shape.pageBreakPolicy()
    cursor.insertBlock()
    second = QTextBlockFormat(shape)
    second.setTopMargin(0)
    second.setTextIndent(0)
    second.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore | (breaks & AFTER))
    if listed is not None:
        listed.remove(cursor.block())  # the item goes on: no bullet or number of its own, but the item's indent
        second.setObjectIndex(-1)
        second.setIndent(listed.format().indent())
    cursor.setBlockFormat(second)
    shape.setBottomMargin(0)  # else Qt leaves that space at the top of the next page, before the second part
    shape.setPageBreakPolicy(breaks & ~AFTER)
    QTextCursor(first).setBlockFormat(shape)


def print_html(html: str, device: QPagedPaintDevice) -> None:
    """Print ``html`` on ``device`` (a printer as the print dialog left it, or a PDF writer), page by page."""
    paginate(html, device).print_(device)


def document_html(document: Printable, device: QPagedPaintDevice, *, two_sided: bool) -> str:
    """``document``'s HTML for ``device``; printed ``two_sided``, separate sheets each start on the front of a sheet
    of paper: a sheet that takes an odd number of pages on this paper is followed by a blank page."""
    if not (two_sided and document.separate_sheets):
        return document.html()
    # Each sheet starts a page of its own, so laid out alone it takes as many pages as it will in the whole.
    counts = [paginate(Printable(document.title, (page,)).html(), device).pageCount() for page in document.pages]
    return document.html(blank_after=[n for n, count in enumerate(counts[:-1]) if count % 2])


def html_to_pdf(
    html: str | Printable, out: Path, title: str = "Workshop summary", paper: str = "A4", *, landscape: bool = False
) -> None:
    """``html`` laid out on ``paper`` and written to ``out`` as a PDF (whole or not at all, owner-only: ``files``).

    A ``Printable`` of separate sheets is laid out for printing on both sides: nobody can tell how a PDF will be
    printed, and office copiers print both sides by default. A blank page costs a sheet when it is printed on one
    side; without it, the next interview's sheet is on the back of another's and goes to the wrong room."""
    with private_target(out) as staging:
        writer = QPdfWriter(str(staging))
        set_paper(writer, paper, landscape=landscape)
        writer.setTitle(title)
        writer.setCreator("peerdesk")
        print_html(html if isinstance(html, str) else document_html(html, writer, two_sided=True), writer)
        del writer  # the file is finished when the writer goes
        if staging.stat().st_size == 0:
            raise UserError(f"Could not write {out}.")

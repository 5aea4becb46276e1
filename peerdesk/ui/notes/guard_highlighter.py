"""The names guard while typing: words in the notes that could identify someone get a red wavy underline.

A ``QSyntaxHighlighter`` re-checks only the paragraph being edited, so a long interview's notes stay instant;
the check itself is ``services.guard.check_text`` (one compiled pattern per list of names).

Given the editor that shows the document, only the paragraphs on screen (and a screen's worth either side) are
checked: opening a 300,000-character note does not check its 500 paragraphs up front. The others are left
unchecked and checked when they come into view (the view asks for a repaint whenever it scrolls or resizes).
"Unchecked" is Qt's own state of a paragraph never formatted (-1), so a paragraph left for later and one Qt has
just made are alike, and an edit never runs on through the paragraphs below it (Qt re-formats the next paragraph
only while the states change). A whole text put in ``replacing_text`` is not even visited paragraph by paragraph.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import SIGNAL, SLOT, QObject, QPoint, QRect, QTimer
from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument
from PySide6.QtWidgets import QPlainTextEdit

from peerdesk.services import guard

UNDERLINE = QColor("#c0392b")
CHECKED, UNCHECKED = 0, -1  # a paragraph's state (QSyntaxHighlighter's block state; -1: never formatted)
# QSyntaxHighlighter re-formats the paragraphs of each change through this slot (private, but in its meta-object).
REFORMAT_SLOT = "_q_reformatBlocks(int,int,int)"


class GuardHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument, view: QPlainTextEdit | None = None) -> None:
        super().__init__(document)
        self.names: tuple[str, ...] = ()
        self.flag_format = QTextCharFormat()
        self.flag_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        self.flag_format.setUnderlineColor(UNDERLINE)
        self.flag_format.setToolTip("This may identify someone: notes and quotes name groups, never people.")
        self.view = view
        # Measured when the view has been laid out (not while Qt is changing the text), kept between: a stale
        # measure only checks a few paragraphs too many or too few, which the next check after a repaint mends.
        self.near = (0, 50)
        # Checking from inside the view's repaint request would re-format the document while Qt is still
        # changing it: the check waits for the event loop's next turn (before the paint it asked for).
        self.shown_check = QTimer(self, singleShot=True, interval=0)
        self.shown_check.timeout.connect(self.check_shown)
        if view is not None:
            view.updateRequest.connect(self._view_repaints)

    def set_names(self, names: tuple[str, ...]) -> None:
        if names != self.names:
            self.names = names
            self.rehighlight()

    @contextmanager
    def replacing_text(self) -> Iterator[None]:
        """Around putting a whole new text in the document (opening a note): Qt would call ``highlightBlock`` for
        each of its paragraphs, 500 calls into Python for a 300,000-character note, nearly all only to hear that
        the paragraph is off screen. Qt's re-formatting is unhooked meanwhile, so every paragraph comes in
        unchecked, and those near the view are checked at once after."""
        document = self.document()
        change, reformat = SIGNAL("contentsChange(int,int,int)"), SLOT(REFORMAT_SLOT)
        unhooked = document is not None and QObject.disconnect(document, change, self, reformat)
        try:
            yield
        finally:
            if unhooked:
                QObject.connect(document, change, self, reformat)
                if self.view is None:
                    self.rehighlight()  # nothing tells which paragraphs are seen: all of them
                else:
                    self.check_shown()

    def highlightBlock(self, text: str) -> None:
        # Called for every paragraph when a note is loaded: the test is kept to one call into Qt.
        low, high = self.near
        if self.view is not None and not low <= self.currentBlock().blockNumber() <= high:
            self.setCurrentBlockState(UNCHECKED)
            return
        self.setCurrentBlockState(CHECKED)
        for finding in guard.check_text(text, self.names):
            # Python counts code points, Qt UTF-16 units; they differ only past the BMP (emoji), where we
            # accept an underline a character off rather than pay a conversion per keystroke.
            self.setFormat(finding.start, finding.end - finding.start, self.flag_format)

    def _measure(self) -> None:
        """The paragraphs on screen, and as many above and below them (scrolling a little finds them checked)."""
        assert self.view is not None
        viewport = self.view.viewport()
        first = self.view.firstVisibleBlock().blockNumber()
        last = self.view.cursorForPosition(QPoint(viewport.width(), viewport.height())).blockNumber()
        shown = max(last - first + 1, 1)
        self.near = (first - shown, last + shown)

    def _view_repaints(self, _rect: QRect, _dy: int) -> None:
        self.shown_check.start()

    def check_shown(self) -> None:
        """Check the paragraphs near the view that were left unchecked (each check runs on through the unchecked
        paragraphs after it that are near the view too)."""
        if self.view is None or self.document() is None:
            return
        self._measure()
        low, high = self.near
        block = self.document().findBlockByNumber(max(low, 0))
        while block.isValid() and block.blockNumber() <= high:
            if block.userState() == UNCHECKED:
                self.rehighlightBlock(block)
            block = block.next()

"""The note taker's editor: plain text in a generous font, with the captured quotes highlighted.

Each quote's place is held by two ``QTextCursor`` objects, which Qt moves as text is typed or deleted around
them, so the highlight follows the words and the saved offsets stay right. Qt does not put them back when an undo
or a redo brings back words it had taken away (one Ctrl+Z takes back a whole run of typing, quote and all): the
editor keeps each quote's words, and a mark whose words went finds them again in the text that comes back.

Qt counts positions in UTF-16 units, Python in code points: the two differ only past an emoji or other astral
character, and ``to_py``/``to_qt`` convert.

A note may be 300,000 characters with 150 quotes: nothing here lays out paragraphs nobody sees. The quotes'
cursors are placed inside one edit block (Qt then defers each cursor's on-screen x, which would lay out its
paragraph), and only the quotes on screen are painted, again as the view scrolls or resizes.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from PySide6.QtCore import QPoint, QTimer
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QFont,
    QKeyEvent,
    QKeySequence,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

from peerdesk.services.notes import QuoteInfo
from peerdesk.ui.kit import drops

NOTE_POINT_SIZE = 14
QUOTE_COLOUR = "#fff0a6"
PENDING_COLOUR = "#d8f3dc"
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class Offsets:
    """Qt (UTF-16) ↔ Python (code point) positions in one text, worked out once for the whole text.

    Only characters outside the basic plane (emoji, some scripts) take two UTF-16 units; most notes have none,
    which one fast encode tells. Otherwise their places are listed once, and each conversion is a bisection: a
    save or a capture converts every quote's offsets without scanning the note again for each.
    """

    def __init__(self, text: str) -> None:
        self.length = len(text)
        self.qt_length = len(text.encode("utf-16-le")) // 2
        self._astral = [] if self.qt_length == self.length else [m.start() for m in _ASTRAL.finditer(text)]
        # the Qt position just after each astral character
        self._qt_after = [p + n + 2 for n, p in enumerate(self._astral)]

    def to_py(self, qt_pos: int) -> int:
        if not self._astral:
            return qt_pos
        # a position inside a surrogate pair counts as after the character, as Qt's cursor never stops there
        return min(qt_pos - bisect.bisect_right(self._qt_after, qt_pos), self.length)

    def to_qt(self, py_pos: int) -> int:
        if not self._astral:
            return py_pos
        py_pos = min(py_pos, self.length)
        return py_pos + bisect.bisect_left(self._astral, py_pos)


def to_py(text: str, qt_pos: int) -> int:
    return Offsets(text).to_py(qt_pos)


def to_qt(text: str, py_pos: int) -> int:
    return Offsets(text).to_qt(py_pos)


class NoteEditor(QPlainTextEdit):
    """Typing uses the editor's own undo; right after a quote or post-it, Undo takes that back first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noteEditor")
        font = QFont(self.font())
        font.setPointSize(NOTE_POINT_SIZE)
        self.setFont(font)
        # The app's style sheet sizes every widget's text, and a style sheet beats setFont: say it the same way.
        self.setStyleSheet(f"QPlainTextEdit#noteEditor {{ font-size: {NOTE_POINT_SIZE}pt; }}")
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setPlaceholderText(
            "Type the interview notes here. Ctrl+Q captures the selected words as a quote (with nothing selected, "
            "it starts a quote typed word for word; Ctrl+Q again ends it). Ctrl+1, Ctrl+2, Ctrl+3 make a rose, "
            "thorn or bud from the selection or the current line."
        )
        self.loading = False
        self.marks: dict[str, tuple[QTextCursor, QTextCursor]] = {}
        self.live: set[str] = set()
        self.words: dict[str, str] = {}  # each mark's words, to find them again when an undo or redo brings them back
        self.gone: set[str] = set()  # marks whose words were taken out of the text
        self.pending: QTextCursor | None = None  # start of a verbatim quote being typed
        self.typing_at: QTextCursor | None = None  # where the last key typed; it moves with the text around it
        self.commands_since_typing = 0
        self.undo_command: Callable[[], bool] | None = None  # undoes the last quote/post-it, if any
        self.redo_command: Callable[[], bool] | None = None  # redoes the one just undone, if any
        self.undone_since_typing = 0
        self.document().contentsChange.connect(self._typed)
        self.cursorPositionChanged.connect(self._paint)
        # Scrolling and resizing paint the quotes that come into view on the event loop's next turn: Qt is still
        # moving the view when it says so, and extra selections set from there can crash it.
        self.scrolled = QTimer(self, singleShot=True, interval=0)
        self.scrolled.timeout.connect(self._paint)
        self.verticalScrollBar().valueChanged.connect(self.scrolled.start)

    # --- loading -----------------------------------------------------------------------------------------------
    def load(self, text: str) -> None:
        """Show a note's text (clears the editor's own undo history and every quote mark)."""
        self.loading = True
        try:
            self.setPlainText(text)
        finally:
            self.loading = False
        self.marks.clear()
        self.live.clear()
        self.words.clear()
        self.gone.clear()
        self.pending = None
        self.typing_at = None
        self.commands_since_typing = 0
        self._paint()

    def _typed(self, _pos: int, removed: int, added: int) -> None:
        if self.loading or not (removed or added):
            return
        self.commands_since_typing = self.undone_since_typing = 0
        if removed:
            self.gone.update(q for q in self.live if q in self.words and self._span(q) is None)
        if added and self.gone:
            self._find_gone_words()

    def _span(self, quote_id: str) -> tuple[int, int] | None:
        a, b = self.marks[quote_id]
        return (a.position(), b.position()) if a.position() < b.position() else None

    def _find_gone_words(self) -> None:
        """Words put back where a mark's words were taken out (an undo or a redo): the mark takes them again.

        Qt inserts them at the place where the mark's two cursors met: the start cursor moves on past the new
        text, the end one stays, so what came back lies between them (the span is reversed meanwhile, which
        reads as no quote: nothing paints, selects or saves it). A redo word by word widens it word by word."""
        for quote_id in sorted(self.gone):
            a, b = self.marks[quote_id]
            if a.position() <= b.position():
                continue  # text put back elsewhere
            region = self._words_at(b.position(), a.position())
            found = region.find(self.words[quote_id])
            if found >= 0:
                offsets, at = Offsets(region), b.position()
                a.setPosition(at + offsets.to_qt(found))
                b.setPosition(at + offsets.to_qt(found + len(self.words[quote_id])))
                self.gone.discard(quote_id)
                self._paint()

    # --- quote marks -----------------------------------------------------------------------------------------
    def set_quotes(self, quotes: list[QuoteInfo], text: str | None = None) -> None:
        """Mark these quotes. A quote already marked keeps its cursors (they know where its words are now), so
        the note's text is read only when a quote is new here (after a capture or an undo, none is).
        ``text``: the note's text when the caller holds it (just loaded), so a long note's is not copied out of Qt
        again; taken only if the editor holds as many characters (Qt makes one line break of a CR LF)."""
        offsets: Offsets | None = None
        shown = ""  # the text the offsets count in, read once the first new quote needs it
        self.live = set()
        batch = QTextCursor(self.document())
        batch.beginEditBlock()  # no paragraph laid out per cursor placed (see the module's docstring)
        try:
            for quote in quotes:
                if quote.id not in self.marks:
                    if not quote.anchored:
                        continue
                    if offsets is None:
                        shown, offsets = self._offsets(text)
                    if quote.anchor_end > offsets.length:
                        continue
                    start, end = offsets.to_qt(quote.anchor_start), offsets.to_qt(quote.anchor_end)
                    self.marks[quote.id] = self._cursors(start, end)
                    self.words[quote.id] = shown[quote.anchor_start : quote.anchor_end]
                self.live.add(quote.id)
        finally:
            batch.endEditBlock()  # changes nothing: no undo step, no contents change
        self._paint()

    def _offsets(self, text: str | None) -> tuple[str, Offsets]:
        """``text`` and its offsets if the editor holds as many characters, else the editor's own text and its."""
        text = self.toPlainText() if text is None else text
        offsets = Offsets(text)
        if offsets.qt_length != self.document().characterCount() - 1:
            text = self.toPlainText()
            offsets = Offsets(text)
        return text, offsets

    def mark(self, quote_id: str, qt_start: int, qt_end: int) -> None:
        self.marks[quote_id] = self._cursors(qt_start, qt_end)
        self.words[quote_id] = self._words_at(qt_start, qt_end)
        self.live.add(quote_id)
        self._paint()

    def _cursors(self, start: int, end: int) -> tuple[QTextCursor, QTextCursor]:
        first = QTextCursor(self.document())
        first.setPosition(start)
        # Words typed just before or just after a quote are not part of it.
        last = QTextCursor(self.document())
        last.setPosition(end)
        last.setKeepPositionOnInsert(True)
        return first, last

    def anchors(self, text: str | None = None) -> dict[str, tuple[int, int]]:
        """Every live quote's (start, end) in the text as Python counts it, for saving; ``text``: the editor's
        text when the caller already holds it (copying a long note's text out of Qt takes a millisecond)."""
        offsets = Offsets(self.toPlainText() if text is None else text)
        return {
            qid: (offsets.to_py(a.position()), offsets.to_py(b.position()))
            for qid, (a, b) in self.marks.items()
            if qid in self.live
        }

    def snapshot(self) -> tuple[str, dict[str, tuple[int, int]]]:
        """The text and the live quotes' places in it, for saving (the text copied out of Qt once)."""
        text = self.toPlainText()
        return text, self.anchors(text)

    def _words_at(self, qt_start: int, qt_end: int) -> str:
        cursor = QTextCursor(self.document())
        cursor.setPosition(qt_start)
        cursor.setPosition(qt_end, QTextCursor.MoveMode.KeepAnchor)
        return cursor.selectedText().replace("\u2029", "\n")  # Qt's paragraph separator is a line break in the text

    def quote_range(self, quote_id: str) -> tuple[int, int] | None:
        """The quote's (start, end) in Qt positions; None when it is not marked here or its words are gone."""
        return self._span(quote_id) if quote_id in self.live else None

    def select(self, start: int, end: int) -> None:
        """Select from ``start`` to ``end`` (Qt positions)."""
        cursor = self.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def after_quote(self, quote_id: str) -> None:
        """Put the cursor just after a marked quote, on screen. Nothing is selected: its mark shows the words, and
        a key typed next must add to the note, not replace what was quoted."""
        span = self.quote_range(quote_id)
        if span is not None:
            self.select(span[1], span[1])
            self.centerCursor()
        self.setFocus()

    def back_to_typing(self, quote_start: int, quote_end: int) -> None:
        """After words were captured: nothing stays selected (the quote's mark shows what was quoted, and the next
        key must not replace the words just quoted), and the cursor goes back where the note taker was typing, or
        just after the quote when that place is unknown or inside it."""
        back = self.typing_at.position() if self.typing_at is not None else quote_end
        cursor = self.textCursor()
        cursor.setPosition(quote_end if quote_start < back < quote_end else back)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def shown_span(self) -> tuple[int, int]:
        """The Qt positions of the first and the last paragraph on screen, from start to end."""
        first = self.firstVisibleBlock()
        viewport = self.viewport()
        last = self.cursorForPosition(QPoint(viewport.width(), viewport.height())).block()
        return first.position(), last.position() + last.length()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if not drops.pass_on_files(event):  # a bundle dragged out of the mail goes to the window: imported, not typed
            super().dragEnterEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.scrolled.start()

    def _paint(self) -> None:
        selections = []
        quote_format = QTextCharFormat()
        quote_format.setBackground(QColor(QUOTE_COLOUR))
        top, bottom = self.shown_span()
        for qid in self.live:
            a, b = self.marks[qid]
            if a.position() >= b.position() or b.position() < top or a.position() > bottom:
                continue  # empty, or off screen: painted when scrolled into view
            sel = QTextEdit.ExtraSelection()
            cursor = QTextCursor(a)  # already in place: one move instead of two (a note may hold hundreds)
            cursor.setPosition(b.position(), QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cursor
            sel.format = quote_format
            selections.append(sel)
        if self.pending is not None:
            pending_format = QTextCharFormat()
            pending_format.setBackground(QColor(PENDING_COLOUR))
            sel = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.document())
            cursor.setPosition(self.pending.position())
            cursor.setPosition(
                max(self.textCursor().position(), self.pending.position()), QTextCursor.MoveMode.KeepAnchor
            )
            sel.cursor = cursor
            sel.format = pending_format
            selections.append(sel)
        self.setExtraSelections(selections)

    def repaint_marks(self) -> None:
        self._paint()

    # --- verbatim quotes --------------------------------------------------------------------------------------
    def start_verbatim(self) -> None:
        cursor = self.textCursor()
        cursor.insertText("“")
        start = QTextCursor(self.document())
        start.setPosition(cursor.position())
        start.setKeepPositionOnInsert(True)
        self.pending = start
        self._paint()

    def finish_verbatim(self) -> tuple[int, int] | None:
        """Close the quote being typed: returns its (start, end) in Qt positions, or None if it is empty."""
        if self.pending is None:
            return None
        start, end = self.pending.position(), self.textCursor().position()
        if end <= start:
            self.cancel_verbatim()
            return None
        self.pending = None
        cursor = self.textCursor()
        cursor.setPosition(end)
        cursor.insertText("”")
        self.setTextCursor(cursor)
        self._paint()
        return start, end

    def cancel_verbatim(self) -> None:
        """Stop a quote typed word for word: what was typed stays in the notes, its opening mark goes."""
        if self.pending is not None and not self.isReadOnly():
            at = self.pending.position()
            if at > 0 and self.document().characterAt(at - 1) == "“":
                mark = QTextCursor(self.document())
                mark.setPosition(at - 1)
                mark.setPosition(at, QTextCursor.MoveMode.KeepAnchor)
                mark.removeSelectedText()
        self.pending = None
        self._paint()

    # --- keys --------------------------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        undo_ours = event.matches(QKeySequence.StandardKey.Undo) and self.commands_since_typing > 0
        if undo_ours and self.undo_command is not None and self.undo_command():
            self.commands_since_typing -= 1
            self.undone_since_typing += 1
            event.accept()
            return
        # Redo right after such an undo brings the capture back (the editor's own redo has nothing to redo then).
        redo_ours = event.matches(QKeySequence.StandardKey.Redo) and self.undone_since_typing > 0
        if redo_ours and self.redo_command is not None and self.redo_command():
            self.undone_since_typing -= 1
            self.commands_since_typing += 1
            event.accept()
            return
        if event.matches(QKeySequence.StandardKey.Cancel) and self.pending is not None:
            self.cancel_verbatim()
            event.accept()
            return
        super().keyPressEvent(event)
        if event.text() and not self.textCursor().hasSelection() and not self.isReadOnly():
            self.typing_at = QTextCursor(self.textCursor())  # a copy: it keeps its place as the text changes
            if event.text().isspace():
                # Qt makes one undo step of a whole run of typing, so one Ctrl+Z took back minutes of notes. It
                # joins a key's insertion to the last one only while the document is "modified": saying it is not
                # at each word's end makes each word an undo step (nothing here reads the modified flag).
                self.document().setModified(False)

"""A multi-line field that saves itself: used by the overview's planning form and by reading notes."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QSignalBlocker
from PySide6.QtGui import QDragEnterEvent, QFontMetricsF, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QPlainTextEdit

from peerdesk.ui.kit import drops
from peerdesk.ui.kit.typing_pause import TypingPause

TYPING_PAUSE_MS = 600


class AutoSaveText(QPlainTextEdit):
    """A multi-line field that saves a moment after typing stops, and when it loses focus.

    It is ``lines`` lines high; with ``most`` (more lines), it grows with its words up to that many, so a form shows
    a longer answer whole instead of two lines and a sliver of the third over a scroll bar."""

    def __init__(
        self, save: Callable[[str], None], placeholder: str = "", lines: int = 3, *, most: int | None = None
    ) -> None:
        super().__init__()
        self._save = save
        self.setPlaceholderText(placeholder)
        self.setTabChangesFocus(True)
        self._lines = lines
        self._most = max(lines, most or lines)
        self._fit_lines()
        if self._most > self._lines:
            # In a plain text field the document's height is counted in lines, as wrapped at the field's width.
            self.document().documentLayout().documentSizeChanged.connect(lambda _size: self._fit_lines())
        self.pause = TypingPause(TYPING_PAUSE_MS, parent=self)  # tests drive its clock
        self.pause.due.connect(self.flush)
        self.textChanged.connect(self.pause.typed)
        self._saved = ""

    def shown_lines(self) -> int:
        """How many lines high the field is: ``lines``, or as many as its words take up to ``most``."""
        taken = math.ceil(self.document().size().height()) if self._most > self._lines else 0
        return min(self._most, max(self._lines, taken))

    def _fit_lines(self) -> None:
        """Exactly ``shown_lines`` lines high in the font and frame the widget has now (see changeEvent)."""
        margins = self.contentsMargins()  # the frame and any padding the style sheet adds
        # A laid-out line is the font's exact height rounded up (often a pixel more than the whole-pixel line
        # spacing), and Qt keeps a pixel below the last line before it offers a scroll bar.
        metrics = QFontMetricsF(self.font())
        line = math.ceil(max(metrics.height(), metrics.lineSpacing()))
        text = line * self.shown_lines() + 2 * self.document().documentMargin() + 2
        height = math.ceil(text) + margins.top() + margins.bottom()
        if (self.minimumHeight(), self.maximumHeight()) != (height, height):  # no relayout for the same height
            self.setFixedHeight(height)

    # The application's style sheet sets the font and the frame only when the widget is polished, after __init__
    # (the font first): sized for Qt's default font, a two-line field showed one and a half lines behind a scroll bar.
    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_lines()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)  # the words wrapped again at the new width
        if self._most > self._lines and event.size().width() != event.oldSize().width():
            self._fit_lines()

    def showEvent(self, event: QShowEvent) -> None:
        self._fit_lines()  # polished by now: the style's font and frame both
        super().showEvent(event)

    def set_value(self, text: str) -> None:
        if text != self.toPlainText():
            with QSignalBlocker(self):
                cursor = self.textCursor().position()
                self.setPlainText(text)
                c = self.textCursor()
                c.setPosition(min(cursor, len(text)))
                self.setTextCursor(c)
        self._saved = text

    def flush(self) -> None:
        self.pause.stop()
        text = self.toPlainText()
        if text != self._saved:
            self._saved = text
            self._save(text)

    def focusOutEvent(self, event: Any) -> None:
        self.flush()
        super().focusOutEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if not drops.pass_on_files(event):  # a review or bundle opens in the window, not typed in as its path
            super().dragEnterEvent(event)

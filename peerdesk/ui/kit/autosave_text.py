"""A multi-line field that saves itself: used by the overview's planning form and by reading notes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QPlainTextEdit

from peerdesk.ui.kit.typing_pause import TypingPause

TYPING_PAUSE_MS = 600


class AutoSaveText(QPlainTextEdit):
    """A multi-line field that saves a moment after typing stops, and when it loses focus."""

    def __init__(self, save: Callable[[str], None], placeholder: str = "", lines: int = 3) -> None:
        super().__init__()
        self._save = save
        self.setPlaceholderText(placeholder)
        self.setTabChangesFocus(True)
        self.setFixedHeight(self.fontMetrics().lineSpacing() * lines + 16)
        self.pause = TypingPause(TYPING_PAUSE_MS, parent=self)  # tests drive its clock
        self.pause.due.connect(self.flush)
        self.textChanged.connect(self.pause.typed)
        self._saved = ""

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

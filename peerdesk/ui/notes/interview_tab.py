"""What the note taker's side tabs share: each shows something of the interview open in the notes."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from peerdesk.services import timetable as tt
from peerdesk.ui.kit.session import ReviewSession


class InterviewTab(QWidget):
    """A side tab beside the notes, its parts one under another in ``body``: ``load`` shows the interview open
    there (None: none is), and the tab's edits go to ``session``."""

    def __init__(self, session: ReviewSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.interview: tt.InterviewInfo | None = None
        self.body = QVBoxLayout(self)

    def load(self, interview: tt.InterviewInfo | None) -> None:
        self.interview = interview

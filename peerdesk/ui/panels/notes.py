"""The interview notes panel."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from peerdesk.services.changes import Changes
from peerdesk.ui.panels.base import Panel
from peerdesk.ui.session import ReviewSession
from peerdesk.ui.widgets import EmptyState


class NotesPanel(Panel):
    watches = ("notes", "interviews")

    def __init__(self, session: ReviewSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        layout = QVBoxLayout(self)
        self.empty = EmptyState(
            "No interview open", "Open an interview from the timetable to take notes and capture quotes."
        )
        layout.addWidget(self.empty)

    def refresh(self, changes: Changes) -> None:
        pass

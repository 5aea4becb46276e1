"""The timetable panel."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from peerdesk.services.changes import Changes
from peerdesk.ui.panels.base import Panel
from peerdesk.ui.session import ReviewSession
from peerdesk.ui.widgets import EmptyState


class TimetablePanel(Panel):
    watches = ("interviews", "slots", "teams")

    def __init__(self, session: ReviewSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        layout = QVBoxLayout(self)
        self.empty = EmptyState(
            "No interviews yet",
            "Add the Day 1 slots and teams, then an interview in each cell (or import a timetable from CSV).",
        )
        layout.addWidget(self.empty)

    def refresh(self, changes: Changes) -> None:
        pass

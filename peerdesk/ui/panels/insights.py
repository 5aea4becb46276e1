"""The insights panel."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from peerdesk.services.changes import Changes
from peerdesk.ui.panels.base import Panel
from peerdesk.ui.session import ReviewSession
from peerdesk.ui.widgets import EmptyState


class InsightsPanel(Panel):
    watches = ("insights", "insight_quotes", "insight_themes")

    def __init__(self, session: ReviewSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        layout = QVBoxLayout(self)
        self.empty = EmptyState(
            "No insights yet", "On Day 2, turn a theme on the wall into an insight by answering “so what?”."
        )
        layout.addWidget(self.empty)

    def refresh(self, changes: Changes) -> None:
        pass

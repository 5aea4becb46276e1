"""The quotes panel."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from peerdesk.services.changes import Changes
from peerdesk.ui.panels.base import Panel
from peerdesk.ui.session import ReviewSession
from peerdesk.ui.widgets import EmptyState


class QuotesPanel(Panel):
    watches = ("quotes", "quote_tags", "tags")

    def __init__(self, session: ReviewSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        layout = QVBoxLayout(self)
        self.empty = EmptyState(
            "No quotes yet", "Select words in an interview's notes and press Ctrl+Q to capture a quote."
        )
        layout.addWidget(self.empty)

    def refresh(self, changes: Changes) -> None:
        pass

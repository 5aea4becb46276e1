"""What every dock panel has: the session, and a hook for the changes it cares about."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from peerdesk.services.changes import Changes
from peerdesk.ui.kit.session import ReviewSession


class Panel(QWidget):
    #: the shared tables whose changes this panel shows; it refreshes only for those
    watches: tuple[str, ...] = ()

    def __init__(self, session: ReviewSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        session.changed.connect(self._changed)

    def _changed(self, changes: Changes) -> None:
        if changes.touches(*self.watches):
            self.refresh(changes)

    def refresh(self, changes: Changes) -> None:
        """Bring the panel up to date after ``changes``; the default reloads everything."""

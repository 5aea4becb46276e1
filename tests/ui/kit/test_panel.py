"""Every dock panel: it refreshes only for changes to the tables it watches."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from peerdesk.services.changes import Changes, everything
from peerdesk.ui.kit.panel import Panel
from peerdesk.ui.kit.session import ReviewSession


class _QuotesPanel(Panel):
    watches = ("quotes",)

    def __init__(self, session: ReviewSession) -> None:
        super().__init__(session)
        self.seen: list[Changes] = []

    def refresh(self, changes: Changes) -> None:
        self.seen.append(changes)


def test_a_panel_refreshes_for_its_tables_and_for_everything_only(qtbot: QtBot, session: ReviewSession) -> None:
    panel = _QuotesPanel(session)
    qtbot.addWidget(panel)
    session.notify(Changes.of("notes"))
    assert panel.seen == []
    session.notify(Changes.of("quotes", ids=["q1"]))
    session.notify(everything())
    assert panel.seen == [Changes.of("quotes", ids=["q1"]), everything()]
    assert panel.session is session

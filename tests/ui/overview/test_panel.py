"""The review overview: its heading and the retention countdown follow the review."""

from __future__ import annotations

import datetime as dt

import pytest
from pytestqt.qtbot import QtBot

from peerdesk.services import review
from peerdesk.services.changes import Changes
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.overview.panel import OverviewPanel, retention_sentence

TODAY = dt.date(2026, 3, 1)


@pytest.mark.parametrize(
    ("date", "says"),
    [
        ("", "Set the follow-up date"),
        ("2026-03-11", "kept for 10 days more"),
        ("2026-09-01", "about 6 months"),
        ("2026-03-02", "due for deletion tomorrow"),
        ("2026-03-01", "due for deletion today"),
        ("2026-02-01", "delete them now"),
    ],
)
def test_the_retention_sentence_counts_down_to_the_date(date: str, says: str) -> None:
    assert says in retention_sentence(date, TODAY)


def test_the_panel_shows_the_review_and_follows_its_edits(qtbot: QtBot, session: ReviewSession) -> None:
    panel = OverviewPanel(session)
    qtbot.addWidget(panel)
    assert "Westfold County Council" in panel.heading.text()
    assert panel.countdown.text()
    review.update_review(session.store, aim="Understand the front door")
    session.notify(Changes.of("review"))
    assert panel.texts["aim"].toPlainText() == "Understand the front door"
    assert panel.checklist.table.rowCount() > 0 and panel.documents_box.chooser.count() == 0

"""The workshop panel's fixtures: the panel on the demo review, and what it told the user."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from peerdesk.ui.kit import messages
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.workshop.panel import WorkshopPanel


@pytest.fixture
def refusals(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the panel told the user (the message box itself would wait for a click)."""
    seen: list[str] = []
    monkeypatch.setattr(messages, "error", lambda _parent, _title, exc, **_kw: seen.append(str(exc)))
    monkeypatch.setattr(messages, "info", lambda _parent, _title, text: seen.append(text))
    return seen


@pytest.fixture
def panel(qtbot: QtBot, demo_session: ReviewSession) -> Iterator[WorkshopPanel]:
    """The workshop panel on the demo review, shown as large as on a desktop screen."""
    shown = WorkshopPanel(demo_session)
    qtbot.addWidget(shown)
    shown.resize(1300, 800)
    shown.show()
    yield shown

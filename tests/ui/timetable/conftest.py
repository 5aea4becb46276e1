"""The timetable's UI tests work on a shown panel, on an empty review or on the small Day 1 timetable."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.timetable.panel import TimetablePanel
from tests.helpers.layout import on_screen
from tests.helpers.timetable import Day, build_day


@pytest.fixture
def make_panel(qtbot: QtBot, session: ReviewSession) -> Callable[[], TimetablePanel]:
    """Makes the panel on what the review holds at that moment, shown at a laptop's size."""

    def make() -> TimetablePanel:
        panel = on_screen(qtbot, TimetablePanel(session), 900, 600)
        return panel

    return make


@pytest.fixture
def day(session: ReviewSession) -> Day:
    return build_day(session.store)


@pytest.fixture
def panel(make_panel: Callable[[], TimetablePanel], day: Day) -> TimetablePanel:
    """The panel on the small Day 1 timetable (three slots, two teams, three interviews)."""
    return make_panel()

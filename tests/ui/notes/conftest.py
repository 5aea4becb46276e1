"""A real notes panel on a real review file, with the day's timetable, showing my notes of its first interview; its
typing pause runs on a clock the test moves on."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.notes.panel import NotesPanel
from tests.helpers.clock import Clock
from tests.helpers.layout import on_screen
from tests.helpers.timetable import Day, build_day


@pytest.fixture
def day(session: ReviewSession) -> Day:
    return build_day(session.store)


@pytest.fixture
def clock() -> Clock:
    """The typing pause's clock: the autosave falls due only when the test moves it on."""
    return Clock()


@pytest.fixture
def panel(qtbot: QtBot, session: ReviewSession, day: Day, clock: Clock) -> NotesPanel:
    panel = on_screen(qtbot, NotesPanel(session), 1100, 700)
    panel.pause.clock = clock
    qtbot.waitExposed(panel)
    panel.activateWindow()
    panel.open_interview(day.interviews[0])  # I take the notes of this one
    panel.editor.setFocus()
    return panel

"""A note taker's tab (questions, scales) opened on the first interview of a small Day 1."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from pytestqt.qtbot import QtBot

from peerdesk.services import timetable
from peerdesk.ui.kit.session import ReviewSession
from tests.helpers.timetable import build_day

T = TypeVar("T")


def opened_tab(qtbot: QtBot, session: ReviewSession, make: Callable[[ReviewSession], T]) -> tuple[T, str]:
    """The tab ``make`` builds, shown with the interview loaded; and that interview's id."""
    interview = build_day(session.store).interviews[0]
    tab: Any = make(session)
    qtbot.addWidget(tab)
    tab.load(timetable.interview(session.store, interview))
    return tab, interview

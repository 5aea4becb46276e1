"""A side tab of the note taker keeps the session its edits go to and the interview it was last shown."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from peerdesk.services import timetable as tt
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.notes.interview_tab import InterviewTab
from peerdesk.ui.notes.plan import QuestionPlanTab
from peerdesk.ui.notes.scales import ScalesTab
from tests.helpers.seed import seed


def test_a_tab_starts_with_no_interview_and_shows_the_one_it_is_given(qtbot: QtBot, session: ReviewSession) -> None:
    seeded = seed(session.store)
    tab = InterviewTab(session)
    qtbot.addWidget(tab)
    assert tab.session is session and tab.interview is None
    info = tt.interview(session.store, seeded.interview_id)
    tab.load(info)
    assert tab.interview == info
    tab.load(None)
    assert tab.interview is None


def test_the_plan_and_scales_tabs_are_interview_tabs(qtbot: QtBot, session: ReviewSession) -> None:
    for tab in (QuestionPlanTab(session), ScalesTab(session)):
        qtbot.addWidget(tab)
        assert isinstance(tab, InterviewTab) and tab.interview is None

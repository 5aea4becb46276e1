"""The note taker's Scales tab: 0–10 answers recorded, corrected and deleted as undo steps, and the summary."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from peerdesk.services import scale_answers, timetable
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.notes.scales import ScalesTab
from tests.helpers.tabs import opened_tab


def _tab(qtbot: QtBot, session: ReviewSession) -> tuple[ScalesTab, str]:
    return opened_tab(qtbot, session, ScalesTab)


def test_an_answer_is_recorded_shown_and_summarised_by_group(qtbot: QtBot, session: ReviewSession) -> None:
    tab, interview = _tab(qtbot, session)
    assert tab.add_scale("the service overall", 7, "quick replies")
    tab.load(timetable.interview(session.store, interview))
    assert tab.scales_model.rowCount() == 1 and tab.scales_model.data(tab.scales_model.index(0, 0)) == "7/10"
    assert tab.summary_model.rowCount() == 1
    assert tab.summary_model.item(0, 0).text() == "Foster carers" and tab.summary_model.item(0, 2).text() == "7"


def test_a_correction_is_one_undo_step(qtbot: QtBot, session: ReviewSession) -> None:
    tab, _ = _tab(qtbot, session)
    answer = tab.add_scale("the service overall", 7)
    assert answer is not None
    assert tab.edit_scale(answer, "value", 4)
    assert scale_answers.scale_answer(session.store, answer).value == 4
    session.undo_stack.undo()
    assert scale_answers.scale_answer(session.store, answer).value == 7


def test_a_refused_answer_is_said_and_records_nothing(qtbot: QtBot, session: ReviewSession, shown: list[str]) -> None:
    tab, interview = _tab(qtbot, session)
    assert tab.add_scale("   ", 5) is None
    assert shown and "Say what was rated" in shown[-1]
    assert scale_answers.scale_answers(session.store, interview) == [] and session.undo_stack.count() == 0


def test_deleting_the_selected_answer(qtbot: QtBot, session: ReviewSession) -> None:
    tab, interview = _tab(qtbot, session)
    tab.add_scale("the service overall", 7)
    tab.load(timetable.interview(session.store, interview))
    tab.scales_view.setCurrentIndex(tab.scales_model.index(0, 0))
    tab.delete_selected_scale()
    assert scale_answers.scale_answers(session.store, interview) == []

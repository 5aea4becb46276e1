"""An interview's question plan as a list: numbered, a tick for "asked", the closing question last and in italics."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from peerdesk.services import questions
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.notes.plan_model import PlanModel
from tests.helpers.timetable import build_day


def test_the_plan_is_numbered_with_the_closing_question_last(qtbot: QtBot, session: ReviewSession) -> None:
    interview = build_day(session.store).interviews[0]
    questions.add_to_plan(session.store, interview, "What works well?")
    model = PlanModel(session)
    model.load(interview)
    assert model.rowCount() >= 2 and model.data(model.index(0, 0)) == "1. What works well?"
    last = model.item(model.rowCount() - 1)
    assert last is not None and last.closing
    assert model.data(model.index(model.rowCount() - 1, 0), Qt.ItemDataRole.FontRole).italic()
    assert model.item(99) is None and model.row_of("no-such-id") == -1


def test_a_tick_is_asked_for_never_written_by_the_model(qtbot: QtBot, session: ReviewSession) -> None:
    interview = build_day(session.store).interviews[0]
    planned, _ = questions.add_to_plan(session.store, interview, "What works well?")
    model = PlanModel(session)
    model.load(interview)
    index = model.index(model.row_of(planned), 0)
    assert model.data(index, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    with qtbot.waitSignal(model.tick_requested) as asked:
        assert model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert asked.args == [planned, True]
    assert not questions.plan(session.store, interview)[0].asked


def test_no_interview_means_an_empty_plan(qtbot: QtBot, session: ReviewSession) -> None:
    model = PlanModel(session)
    model.load("")
    assert model.rowCount() == 0 and model.interview_id == ""

"""Planning interviews: from the empty timetable in one undo step, and "New interview" with no grid yet."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from peerdesk.services import interviews
from peerdesk.services import timetable as tt
from peerdesk.ui.kit import messages
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.timetable.interview_dialog import InterviewDialog
from peerdesk.ui.timetable.panel import TimetablePanel


def test_the_first_interview_brings_its_slot_team_and_group_in_one_undo_step_and_opens(
    qtbot: QtBot, session: ReviewSession, make_panel: Callable[[], TimetablePanel]
) -> None:
    panel = make_panel()
    with qtbot.waitSignal(panel.open_requested) as opened:
        panel.empty.group.setEditText("Foster carers")
        panel.empty.plan_button.click()
    table = tt.timetable(session.store)
    [interview] = table.interviews
    assert opened.args == [interview.id]
    assert [s.starts + "–" + s.ends for s in table.slots] == ["09:45–10:30"]
    assert [t.name for t in table.teams] == ["Team A"] and interview.group == "Foster carers"
    assert interviews.interview_fields(session.store, interview.id)["note_taker_id"] == session.store.member_id
    assert panel.view.isVisibleTo(panel) and not panel.empty.isVisibleTo(panel)
    assert session.undo_stack.count() == 1
    session.undo_stack.undo()
    table = tt.timetable(session.store)
    assert (table.slots, table.teams, table.interviews) == ([], [], [])
    assert panel.empty.isVisibleTo(panel)


def test_planning_again_reuses_the_slot_and_team_that_exist(
    qtbot: QtBot, session: ReviewSession, make_panel: Callable[[], TimetablePanel]
) -> None:
    panel = make_panel()
    slot = panel.create_slot("09:45", "10:30")
    assert slot is not None
    first = panel.plan_first("Carers", "09:45", "team a")  # the same team, however it is typed
    assert first is not None
    table = tt.timetable(session.store)
    assert [s.id for s in table.slots] == [slot] and len(table.teams) == 1


def test_new_interview_with_no_grid_says_how_and_offers_to_add_it(
    qtbot: QtBot, session: ReviewSession, make_panel: Callable[[], TimetablePanel], monkeypatch: pytest.MonkeyPatch
) -> None:
    panel = make_panel()
    asked: list[str] = []
    monkeypatch.setattr(messages, "confirm", lambda _p, _t, text, yes="": not asked.append(text))
    monkeypatch.setattr(InterviewDialog, "exec", lambda _self: 0)  # the user then cancels the interview itself
    panel.new_interview()
    assert "time slot (a row" in asked[0] and "Add a time slot and a team now" in asked[0]
    table = tt.timetable(session.store)
    assert [s.starts for s in table.slots] == ["09:45"] and [t.name for t in table.teams] == ["Team A"]
    assert table.interviews == []

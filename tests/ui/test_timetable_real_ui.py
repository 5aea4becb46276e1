"""The timetable as it really is, in the panel (#20): rows for everyone span the grid and take no interviews;
people from outside the team are typed into the interview dialog by name."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from peerdesk.services import interviews, review, timetable_grid
from peerdesk.services import timetable as tt
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.timetable.interview_dialog import InterviewDialog, SlotDialog
from peerdesk.ui.timetable.model import ACTIVITY_ROLE
from peerdesk.ui.timetable.panel import TimetablePanel
from tests.helpers.timetable import build_day


def make_panel(qtbot: QtBot, session: ReviewSession) -> TimetablePanel:
    panel = TimetablePanel(session)
    qtbot.addWidget(panel)
    panel.resize(900, 600)
    panel.show()
    return panel


def test_a_row_for_everyone_spans_the_teams_and_refuses_a_drop(
    qtbot: QtBot, session: ReviewSession, shown: list[str]
) -> None:
    day = build_day(session.store)
    panel = make_panel(qtbot, session)
    lunch = panel.create_slot("12:30", "13:15", 1, "Lunch")
    assert lunch is not None
    row = next(n for n, s in enumerate(panel.model.table.slots) if s.id == lunch)
    assert panel.view.columnSpan(row, 0) == 2
    assert panel.model.index(row, 1).data(ACTIVITY_ROLE) == "Lunch"
    assert not panel.model.flags(panel.model.index(row, 0)) & Qt.ItemFlag.ItemIsDropEnabled
    assert not panel.move_interview(day.interviews[0], lunch, day.teams[0])
    assert shown and "kept for “Lunch”" in shown[0]
    session.undo_stack.undo()  # the slot's creation
    assert all(not s.activity for s in panel.model.table.slots)
    assert panel.view.columnSpan(0, 0) == 1


def test_the_slot_dialog_turns_an_empty_slot_into_a_row_for_everyone_as_one_undo_step(
    qtbot: QtBot, session: ReviewSession
) -> None:
    day = build_day(session.store)
    panel = make_panel(qtbot, session)
    dialog = SlotDialog(current=timetable_grid.slot_fields(session.store, day.slots[2]))
    qtbot.addWidget(dialog)
    dialog.activity.setEditText("  Team   discussion ")
    assert dialog.activity_text() == "Team discussion"
    assert panel.retime_slot(day.slots[2], *dialog.values(), activity=dialog.activity_text())
    assert timetable_grid.slot_activity(session.store, day.slots[2]) == "Team discussion"
    session.undo_stack.undo()
    assert timetable_grid.slot_activity(session.store, day.slots[2]) == ""


def test_someone_from_outside_the_team_is_typed_in_by_name(qtbot: QtBot, session: ReviewSession) -> None:
    day = build_day(session.store)
    store = session.store
    dialog = InterviewDialog(
        tt.timetable(store),
        review.members(store),
        interviews.interview_fields(store, day.interviews[0]),
        title="Interview details",
    )
    qtbot.addWidget(dialog)
    dialog.interviewer.setEditText("Priya Shah (host officer)")
    fields = dialog.fields(day.groups["Foster carers"])
    assert (fields["interviewer_id"], fields["interviewer_name"]) == ("", "Priya Shah (host officer)")
    assert (fields["note_taker_id"], fields["note_taker_name"]) == (store.member_id, "")
    panel = make_panel(qtbot, session)
    assert panel.edit_interview(day.interviews[0], fields)
    assert tt.interview(store, day.interviews[0]).interviewer == "Priya Shah (host officer)"
    again = InterviewDialog(
        tt.timetable(store), review.members(store), interviews.interview_fields(store, day.interviews[0]), title="Again"
    )
    qtbot.addWidget(again)
    assert again.interviewer.currentText() == "Priya Shah (host officer)"
    again.interviewer.setCurrentIndex(0)
    assert again.fields(day.groups["Foster carers"])["interviewer_name"] == ""
    session.undo_stack.undo()
    assert tt.interview(store, day.interviews[0]).interviewer == "Sam Okafor"

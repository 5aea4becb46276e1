"""The dialogs that plan an interview, a time slot and a team: people from outside the team typed in by name,
a slot turned into a row for everyone."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTime
from pytestqt.qtbot import QtBot

from peerdesk.services import interviews, review, timetable, timetable_grid
from peerdesk.services import timetable as tt
from peerdesk.store.engine import Store
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.timetable.interview_dialog import InterviewDialog, SlotDialog, TeamDialog
from peerdesk.ui.timetable.panel import TimetablePanel
from tests.helpers.timetable import Day, build_day


def _dialog(qtbot: QtBot, store: Store, fields: dict[str, object]) -> InterviewDialog:
    dialog = InterviewDialog(timetable.timetable(store), review.members(store), fields, title="Plan an interview")
    qtbot.addWidget(dialog)
    return dialog


def test_an_existing_interview_is_shown_and_read_back_unchanged(qtbot: QtBot, store: Store) -> None:
    day = build_day(store)
    fields = interviews.interview_fields(store, day.interviews[0])
    dialog = _dialog(qtbot, store, fields)
    assert dialog.group_choice() == (day.groups["Foster carers"], "Foster carers")
    back = dialog.fields(day.groups["Foster carers"])
    for key in ("slot_id", "team_id", "approach", "interviewer_id", "note_taker_id", "attendees"):
        assert back[key] == fields[key], key


def test_a_new_group_name_and_an_outside_interviewer_are_read_as_typed(qtbot: QtBot, store: Store) -> None:
    build_day(store)
    dialog = _dialog(qtbot, store, {})
    dialog.group.setEditText("  Health visitors ")
    assert dialog.group_choice() == ("", "Health visitors")
    dialog.group.setEditText("foster CARERS")
    assert dialog.group_choice()[1] == "Foster carers"
    dialog.interviewer.setEditText("Dana  Host")
    fields = dialog.fields("")
    assert (fields["interviewer_id"], fields["interviewer_name"]) == ("", "Dana Host")


def test_a_stakeholder_group_is_required(qtbot: QtBot, store: Store) -> None:
    build_day(store)
    dialog = _dialog(qtbot, store, {})
    dialog._check()
    assert dialog.error.text() == "Name the stakeholder group being interviewed." and dialog.result() == 0


def test_slot_and_team_dialogs_read_back_their_values(qtbot: QtBot) -> None:
    slot = SlotDialog(current=("09:00", "", 2))
    qtbot.addWidget(slot)
    slot.starts.setTime(QTime(9, 30))
    assert slot.values() == ("09:30", "", 2) and slot.windowTitle() == "Change a time slot"
    slot.has_end.setChecked(True)
    slot.ends.setTime(QTime(10, 15))
    assert slot.values() == ("09:30", "10:15", 2)
    team = TeamDialog("Team C", room="Room 3", editing=True)
    qtbot.addWidget(team)
    assert team.values() == ("Team C", "Room 3") and team.windowTitle() == "Rename a team"


def test_the_slot_dialog_keeps_a_slot_without_an_end_time_so(qtbot: QtBot) -> None:
    dialog = SlotDialog(current=("11:45", "", 1))
    qtbot.addWidget(dialog)
    assert dialog.values() == ("11:45", "", 1)
    dialog.has_end.setChecked(True)
    assert dialog.values() == ("11:45", "12:30", 1)
    assert SlotDialog("10:45").values() == ("11:45", "12:30", 1)


def test_the_slot_dialog_turns_an_empty_slot_into_a_row_for_everyone_as_one_undo_step(
    qtbot: QtBot, panel: TimetablePanel, day: Day, session: ReviewSession
) -> None:
    dialog = SlotDialog(current=timetable_grid.slot_fields(session.store, day.slots[2]))
    qtbot.addWidget(dialog)
    dialog.activity.setEditText("  Team   discussion ")
    assert dialog.activity_text() == "Team discussion"
    assert panel.retime_slot(day.slots[2], *dialog.values(), activity=dialog.activity_text())
    assert timetable_grid.slot_activity(session.store, day.slots[2]) == "Team discussion"
    session.undo_stack.undo()
    assert timetable_grid.slot_activity(session.store, day.slots[2]) == ""


def test_someone_from_outside_the_team_is_typed_in_by_name(
    qtbot: QtBot, make_panel: Callable[[], TimetablePanel], day: Day, session: ReviewSession
) -> None:
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
    panel = make_panel()
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

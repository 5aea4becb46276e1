"""The dialogs that plan an interview, a time slot and a team."""

from __future__ import annotations

from PySide6.QtCore import QTime
from pytestqt.qtbot import QtBot

from peerdesk.services import interviews, review, timetable
from peerdesk.store.engine import Store
from peerdesk.ui.timetable.interview_dialog import InterviewDialog, SlotDialog, TeamDialog
from tests.helpers.timetable import build_day


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

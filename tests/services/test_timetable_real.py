"""The timetable as it really is (#20): people from outside the team can ask or take notes, and some rows (the
opening, lunch, a break) are for every team rather than interview slots."""

from __future__ import annotations

import pytest

from peerdesk.errors import UserError
from peerdesk.services import interviews, timetable, timetable_grid
from peerdesk.services import timetable_csv as tcsv
from peerdesk.store.engine import Store
from tests.helpers.timetable import build_day

WITH_OUTSIDERS = """day,starts,ends,team,room,stakeholder_group,approach,interviewer,note_taker,attendees,title
1,09:00,09:30,,,,,,,,Opening and introductions
1,09:45,10:30,Team A,Room 1,Foster carers,Appreciative inquiry,Priya Host (host officer),AR,6,
1,12:30,13:15,,,,,,,,Lunch
1,13:30,14:15,Team A,Room 1,Young people,,Alex Reviewer,Dana Observer,4,
"""


def test_a_csv_may_name_people_outside_the_team_and_rows_for_everyone(store: Store) -> None:
    result = tcsv.import_text(store, WITH_OUTSIDERS)
    assert result.interviews == 2
    table = timetable.timetable(store)
    assert [(s.starts, s.activity) for s in table.slots] == [
        ("09:00", "Opening and introductions"),
        ("09:45", ""),
        ("12:30", "Lunch"),
        ("13:30", ""),
    ]
    first, second = table.interviews
    assert (first.interviewer, first.interviewer_id) == ("Priya Host (host officer)", "")
    assert first.note_taker == "Alex Reviewer" and first.note_taker_id == store.member_id
    assert (second.note_taker, second.note_taker_id) == ("Dana Observer", "")


def test_the_export_writes_them_back_and_reimports_the_same(store: Store, tmp_path: object) -> None:
    tcsv.import_text(store, WITH_OUTSIDERS)
    text = tcsv.export_text(store)
    assert "1,12:30,13:15,,,,,,,0,Lunch" in text
    assert "Priya Host (host officer)" in text and "Dana Observer" in text


def test_interviews_cannot_go_into_a_row_for_everyone(store: Store) -> None:
    day = build_day(store)
    lunch, _ = timetable_grid.add_slot(store, "12:30", "13:15", activity="Lunch")
    with pytest.raises(UserError, match="kept for “Lunch”"):
        interviews.move_interview(store, day.interviews[0], lunch, day.teams[0])
    with pytest.raises(UserError, match="kept for “Lunch”"):
        interviews.add_interview(store, slot_id=lunch, team_id=day.teams[1])
    assert timetable.free_cell(timetable.timetable(store), lunch, day.teams[0]) != (lunch, day.teams[0])


def test_a_slot_with_interviews_cannot_become_a_row_for_everyone_but_an_empty_one_can(store: Store) -> None:
    day = build_day(store)
    with pytest.raises(UserError, match="holds interviews"):
        timetable_grid.update_slot(store, day.slots[0], "09:45", "10:30", 1, activity="Break")
    assert timetable_grid.slot_activity(store, day.slots[0]) == ""
    timetable_grid.update_slot(store, day.slots[2], "11:45", "", 1, activity="Team discussion")
    assert timetable_grid.slot_activity(store, day.slots[2]) == "Team discussion"
    timetable_grid.update_slot(store, day.slots[2], "11:45", "", 1, activity="")
    assert timetable_grid.slot_activity(store, day.slots[2]) == ""


def test_an_outside_name_is_kept_when_typed_in_an_interview(store: Store) -> None:
    interview_id, _ = interviews.add_interview(store, interviewer_name="Host officer", note_taker_name="Observer")
    info = timetable.interview(store, interview_id)
    assert (info.interviewer, info.note_taker) == ("Host officer", "Observer")
    with pytest.raises(UserError, match="at most"):
        interviews.update_interview(store, interview_id, interviewer_name="x" * 500)

"""Interviews in the timetable: one to a cell, moved (a swap on a taken cell), duplicated with their plan,
deleted and restored; never in a row for everyone; someone from outside the team kept by name."""

from __future__ import annotations

import pytest

from peerdesk.errors import UserError
from peerdesk.services import interviews, questions, timetable, timetable_grid
from peerdesk.store.engine import Store
from tests.helpers.timetable import build_day


def test_moving_onto_an_empty_cell_moves_and_moving_back_restores(store: Store) -> None:
    day = build_day(store)
    interviews.move_interview(store, day.interviews[0], day.slots[2], day.teams[1])
    tt = timetable.timetable(store)
    assert tt.at(day.slots[0], day.teams[0]) is None
    moved = tt.at(day.slots[2], day.teams[1])
    assert moved is not None and moved.id == day.interviews[0]
    interviews.move_interview(store, day.interviews[0], day.slots[0], day.teams[0])
    back = timetable.timetable(store).at(day.slots[0], day.teams[0])
    assert back is not None and back.id == day.interviews[0]


def test_moving_onto_a_taken_cell_swaps_the_two_interviews(store: Store) -> None:
    day = build_day(store)
    changes = interviews.move_interview(store, day.interviews[0], day.slots[0], day.teams[1])
    assert set(changes.ids) == {day.interviews[0], day.interviews[1]}
    tt = timetable.timetable(store)
    a, b = tt.at(day.slots[0], day.teams[0]), tt.at(day.slots[0], day.teams[1])
    assert a is not None and b is not None
    assert (a.id, b.id) == (day.interviews[1], day.interviews[0])


def test_a_cell_takes_one_interview(store: Store) -> None:
    day = build_day(store)
    with pytest.raises(UserError, match="already has an interview"):
        interviews.add_interview(store, slot_id=day.slots[0], team_id=day.teams[0], group_id="")


def test_duplicating_fills_the_next_free_cell_and_copies_the_plan_unticked(store: Store) -> None:
    day = build_day(store)
    asked, _ = questions.add_to_plan(store, day.interviews[0], "What keeps you going?")
    questions.set_asked(store, asked, True)
    copy_id, _ = interviews.duplicate_interview(store, day.interviews[0])
    copy = timetable.interview(store, copy_id)
    assert (copy.slot_id, copy.team_id) == (day.slots[2], day.teams[0])  # 10:45 Team A is taken
    assert copy.group == "Foster carers"
    plan = questions.plan(store, copy_id)
    assert [(q.text, q.asked, q.closing) for q in plan] == [
        ("What keeps you going?", False, False),
        (questions.CLOSING_TEXT, False, True),
    ]


def test_a_deleted_interview_frees_its_cell_and_comes_back_on_restore(store: Store) -> None:
    day = build_day(store)
    interviews.delete_interview(store, day.interviews[0])
    assert timetable.timetable(store).at(day.slots[0], day.teams[0]) is None
    interviews.restore_interview(store, day.interviews[0])
    assert timetable.timetable(store).at(day.slots[0], day.teams[0]) is not None


def test_interviews_cannot_go_into_a_row_for_everyone(store: Store) -> None:
    day = build_day(store)
    lunch, _ = timetable_grid.add_slot(store, "12:30", "13:15", activity="Lunch")
    with pytest.raises(UserError, match="kept for “Lunch”"):
        interviews.move_interview(store, day.interviews[0], lunch, day.teams[0])
    with pytest.raises(UserError, match="kept for “Lunch”"):
        interviews.add_interview(store, slot_id=lunch, team_id=day.teams[1])
    assert timetable.free_cell(timetable.timetable(store), lunch, day.teams[0]) != (lunch, day.teams[0])


def test_an_outside_name_is_kept_when_typed_in_an_interview(store: Store) -> None:
    interview_id, _ = interviews.add_interview(store, interviewer_name="Host officer", note_taker_name="Observer")
    info = timetable.interview(store, interview_id)
    assert (info.interviewer, info.note_taker) == ("Host officer", "Observer")
    with pytest.raises(UserError, match="at most"):
        interviews.update_interview(store, interview_id, interviewer_name="x" * 500)

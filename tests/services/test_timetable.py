"""The Day 1 timetable: cells, moves, duplicates and "my next interview"."""

from __future__ import annotations

import datetime as dt

import pytest

from peerdesk.errors import UserError
from peerdesk.services import questions, timetable
from peerdesk.store.engine import Store
from tests.helpers.timetable import build_day


def test_the_timetable_puts_each_interview_in_its_slot_and_team(store: Store) -> None:
    day = build_day(store)
    tt = timetable.timetable(store)
    assert [s.starts for s in tt.slots] == ["09:45", "10:45", "11:45"]
    assert [t.label for t in tt.teams] == ["Team A (Room 1)", "Team B (Room 2)"]
    cell = tt.at(day.slots[0], day.teams[0])
    assert cell is not None
    assert (cell.group, cell.approach_label, cell.interviewer, cell.note_taker) == (
        "Foster carers",
        "Appreciative inquiry",
        "Sam Okafor",
        "Alex Reviewer",
    )
    assert tt.at(day.slots[2], day.teams[1]) is None


def test_times_are_read_the_way_people_write_them(store: Store) -> None:
    assert timetable.parse_time("9.45") == "09:45"
    assert timetable.parse_time(" 14:05 ") == "14:05"
    for bad in ("25:00", "noon", "9", ""):
        with pytest.raises(UserError, match="not a time"):
            timetable.parse_time(bad)
    with pytest.raises(UserError, match="end after it starts"):
        timetable.add_slot(store, "10:00", "09:00")


def test_moving_onto_an_empty_cell_moves_and_moving_back_restores(store: Store) -> None:
    day = build_day(store)
    timetable.move_interview(store, day.interviews[0], day.slots[2], day.teams[1])
    tt = timetable.timetable(store)
    assert tt.at(day.slots[0], day.teams[0]) is None
    moved = tt.at(day.slots[2], day.teams[1])
    assert moved is not None and moved.id == day.interviews[0]
    timetable.move_interview(store, day.interviews[0], day.slots[0], day.teams[0])
    back = timetable.timetable(store).at(day.slots[0], day.teams[0])
    assert back is not None and back.id == day.interviews[0]


def test_moving_onto_a_taken_cell_swaps_the_two_interviews(store: Store) -> None:
    day = build_day(store)
    changes = timetable.move_interview(store, day.interviews[0], day.slots[0], day.teams[1])
    assert set(changes.ids) == {day.interviews[0], day.interviews[1]}
    tt = timetable.timetable(store)
    a, b = tt.at(day.slots[0], day.teams[0]), tt.at(day.slots[0], day.teams[1])
    assert a is not None and b is not None
    assert (a.id, b.id) == (day.interviews[1], day.interviews[0])


def test_a_cell_takes_one_interview(store: Store) -> None:
    day = build_day(store)
    with pytest.raises(UserError, match="already has an interview"):
        timetable.add_interview(store, slot_id=day.slots[0], team_id=day.teams[0], group_id="")


def test_duplicating_fills_the_next_free_cell_and_copies_the_plan_unticked(store: Store) -> None:
    day = build_day(store)
    asked, _ = questions.add_to_plan(store, day.interviews[0], "What keeps you going?")
    questions.set_asked(store, asked, True)
    copy_id, _ = timetable.duplicate_interview(store, day.interviews[0])
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
    timetable.delete_interview(store, day.interviews[0])
    assert timetable.timetable(store).at(day.slots[0], day.teams[0]) is None
    timetable.restore_interview(store, day.interviews[0])
    assert timetable.timetable(store).at(day.slots[0], day.teams[0]) is not None


def test_my_next_interview_is_the_one_under_way_or_starting_soonest(store: Store) -> None:
    day = build_day(store)  # the review's Day 1 is 2026-03-10
    before = dt.datetime(2026, 3, 10, 8, 0)
    during_first = dt.datetime(2026, 3, 10, 10, 0)
    between = dt.datetime(2026, 3, 10, 10, 35)
    after = dt.datetime(2026, 3, 10, 12, 0)
    first = timetable.next_interview(store, before)
    assert first is not None and first.id in (day.interviews[0], day.interviews[1])
    under_way = timetable.next_interview(store, during_first)
    assert under_way is not None and under_way.slot_id == day.slots[0]
    following = timetable.next_interview(store, between)
    assert following is not None and following.id == day.interviews[2]
    assert timetable.next_interview(store, after) is None


def test_someone_with_no_interviews_has_no_next_one(store: Store) -> None:
    build_day(store)
    assert timetable.next_interview(store, dt.datetime(2026, 3, 10, 8, 0), member_id="nobody") is None

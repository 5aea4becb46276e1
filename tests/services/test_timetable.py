"""The Day 1 timetable: cells, moves, duplicates and "my next interview"."""

from __future__ import annotations

import datetime as dt

import pytest

from peerdesk.errors import UserError
from peerdesk.services import timetable, timetable_grid
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
        timetable_grid.add_slot(store, "10:00", "09:00")


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

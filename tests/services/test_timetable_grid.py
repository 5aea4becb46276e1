"""Changing and deleting time slots, teams and stakeholder groups: what moves with them, what is refused; an empty
slot can become a row for everyone (the opening, lunch, a break)."""

from __future__ import annotations

import pytest

from peerdesk.errors import UserError
from peerdesk.services import interviews, notes, timetable, timetable_grid
from peerdesk.store.engine import Store
from tests.helpers.timetable import build_day


def test_retiming_a_slot_keeps_its_interviews_in_it(store: Store) -> None:
    day = build_day(store)
    changes = timetable_grid.update_slot(store, day.slots[0], "9.30", "10:15")
    assert "slots" in changes
    tt = timetable.timetable(store)
    assert (tt.slots[0].starts, tt.slots[0].ends) == ("09:30", "10:15")
    cell = tt.at(day.slots[0], day.teams[0])
    assert cell is not None and cell.group == "Foster carers"
    assert not timetable_grid.update_slot(store, day.slots[0], "09:30", "10:15")  # nothing changed, nothing to say


def test_a_slot_cannot_take_the_time_of_another_or_end_before_it_starts(store: Store) -> None:
    day = build_day(store)
    with pytest.raises(UserError, match="already a slot at 10:45"):
        timetable_grid.update_slot(store, day.slots[0], "10:45")
    with pytest.raises(UserError, match="end after it starts"):
        timetable_grid.update_slot(store, day.slots[0], "10:00", "09:00")
    with pytest.raises(UserError, match="not a time"):
        timetable_grid.update_slot(store, day.slots[0], "lunch")
    assert timetable_grid.slot_fields(store, day.slots[0]) == ("09:45", "10:30", 1)


def test_a_slot_moved_later_sorts_after_the_others(store: Store) -> None:
    day = build_day(store)
    timetable_grid.update_slot(store, day.slots[0], "13:00", "", 1)
    assert [s.id for s in timetable.timetable(store).slots] == [day.slots[1], day.slots[2], day.slots[0]]


def test_renaming_a_team_keeps_names_distinct(store: Store) -> None:
    day = build_day(store)
    timetable_grid.update_team(store, day.teams[0], " Team Red ", "Library")
    assert timetable_grid.team_fields(store, day.teams[0]) == ("Team Red", "Library")
    with pytest.raises(UserError, match="already a team called 'Team B'"):
        timetable_grid.update_team(store, day.teams[0], "team b")
    with pytest.raises(UserError, match="name"):
        timetable_grid.update_team(store, day.teams[0], "  ")


def test_deleting_a_slot_deletes_its_interviews_and_undo_brings_back_exactly_those(store: Store) -> None:
    day = build_day(store)
    interviews.delete_interview(store, day.interviews[2])  # deleted before: must stay deleted after the undo
    usage = timetable_grid.slot_usage(store, day.slots[0])
    assert usage.interviews == sorted(day.interviews[:2]) and usage.describe() == "2 interviews"
    deleted, changes = timetable_grid.delete_slot(store, day.slots[0])
    assert sorted(deleted) == sorted(day.interviews[:2])
    assert changes.touches("slots") and changes.touches("interviews")
    tt = timetable.timetable(store)
    assert day.slots[0] not in [s.id for s in tt.slots] and tt.interviews == []
    timetable.set_deleted(store, {"slots": [day.slots[0]], "interviews": deleted}, False)
    tt = timetable.timetable(store)
    assert [i.id for i in tt.interviews] == sorted(day.interviews[:2], key=lambda i: day.interviews.index(i))
    assert timetable_grid.slot_fields(store, day.slots[0]) == ("09:45", "10:30", 1)


def test_deleting_a_team_deletes_its_column_of_interviews(store: Store) -> None:
    day = build_day(store)
    deleted, _ = timetable_grid.delete_team(store, day.teams[0])
    assert sorted(deleted) == sorted([day.interviews[0], day.interviews[2]])
    assert [i.id for i in timetable.timetable(store).interviews] == [day.interviews[1]]


def test_usage_counts_interviews_that_already_have_notes_or_quotes(store: Store) -> None:
    day = build_day(store)
    assert timetable_grid.team_usage(store, day.teams[0]).with_notes == 0
    note, _ = notes.open_note(store, day.interviews[0])
    assert timetable_grid.team_usage(store, day.teams[0]).with_notes == 0  # an empty note is no notes yet
    notes.save_body(store, note, "They said a lot")
    assert timetable_grid.team_usage(store, day.teams[0]).with_notes == 1


def test_a_stakeholder_group_in_use_cannot_be_deleted_but_can_be_renamed(store: Store) -> None:
    day = build_day(store)
    carers = day.groups["Foster carers"]
    with pytest.raises(UserError, match="'Foster carers' is the stakeholder group of 1 interview, so it cannot"):
        timetable_grid.delete_group(store, carers)
    note, _ = notes.open_note(store, day.interviews[0])
    notes.capture_quote(store, note, 0, 11, "Heard a lot")
    with pytest.raises(UserError, match="group of 1 interview and 1 quote"):
        timetable_grid.delete_group(store, carers)
    timetable_grid.rename_group(store, carers, "Foster and kinship carers")
    cell = timetable.timetable(store).at(day.slots[0], day.teams[0])
    assert cell is not None and cell.group == "Foster and kinship carers"
    with pytest.raises(UserError, match="already a stakeholder group called 'Young people'"):
        timetable_grid.rename_group(store, carers, "young people")


def test_an_unused_stakeholder_group_is_deleted_and_restored(store: Store) -> None:
    build_day(store)
    partners, _ = timetable_grid.add_group(store, "Partners", reuse=False)
    assert [(g.name, g.interviews, g.quotes) for g in timetable_grid.groups_in_use(store)][-1] == ("Partners", 0, 0)
    timetable_grid.delete_group(store, partners)
    assert "Partners" not in [g.name for g in timetable.timetable(store).groups]
    timetable_grid.restore_group(store, partners)
    assert "Partners" in [g.name for g in timetable.timetable(store).groups]


def test_adding_a_group_the_review_already_has_is_refused_when_asked(store: Store) -> None:
    day = build_day(store)
    assert timetable_grid.add_group(store, "foster carers")[0] == day.groups["Foster carers"]
    with pytest.raises(UserError, match="already a stakeholder group called 'Foster carers'"):
        timetable_grid.add_group(store, "foster carers", reuse=False)


def test_a_slot_with_interviews_cannot_become_a_row_for_everyone_but_an_empty_one_can(store: Store) -> None:
    day = build_day(store)
    with pytest.raises(UserError, match="holds interviews"):
        timetable_grid.update_slot(store, day.slots[0], "09:45", "10:30", 1, activity="Break")
    assert timetable_grid.slot_activity(store, day.slots[0]) == ""
    timetable_grid.update_slot(store, day.slots[2], "11:45", "", 1, activity="Team discussion")
    assert timetable_grid.slot_activity(store, day.slots[2]) == "Team discussion"
    timetable_grid.update_slot(store, day.slots[2], "11:45", "", 1, activity="")
    assert timetable_grid.slot_activity(store, day.slots[2]) == ""

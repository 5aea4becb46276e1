"""The survey's configurable scale: hosts run their survey on 1–5, 1–7, 0–10…, and items may even differ."""

from __future__ import annotations

from pathlib import Path

import pytest

from peerdesk.errors import UserError
from peerdesk.services import survey, survey_csv
from peerdesk.store.engine import Store


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def two_items(store: Store, tmp_path: Path) -> list[survey.Item]:
    survey_csv.import_items(
        store, write(tmp_path, "items.csv", "left,right\nChange is explained,It just happens\nAsked,Told\n")
    )
    return survey.items(store)


def test_a_new_survey_is_scored_from_1_to_5(store: Store, tmp_path: Path) -> None:
    assert [i.scale for i in two_items(store, tmp_path)] == [(1, 5), (1, 5)]
    assert survey.survey_scale(store) == (1, 5)


def test_on_a_1_to_7_scale_a_7_is_accepted_and_an_8_refused_with_its_row_and_column(
    store: Store, tmp_path: Path
) -> None:
    two_items(store, tmp_path)
    survey.set_scale(store, 1, 7)
    assert survey_csv.import_responses(store, write(tmp_path, "ok.csv", "team,Q1,Q2\nNorth,7,1\nNorth,5,\n")).count == 2
    assert survey.results(store).means["North"] == [6.0, 1.0]
    with pytest.raises(survey_csv.SurveyFileError) as caught:
        survey_csv.import_responses(store, write(tmp_path, "bad.csv", "team,Q1,Q2\nSouth,7,7\nSouth,2,8\n"))
    assert "row 3, column “Q2”: “8” is not a score from 1 to 7" in str(caught.value)
    assert "row 2" not in str(caught.value), "a 7 is a score on this scale"
    results = survey.results(store)
    assert results.teams == ["North"] and results.respondents == 2, "nothing of the refused file was imported"


def test_a_0_to_10_scale_takes_0_and_10_but_not_minus_1_or_11(store: Store, tmp_path: Path) -> None:
    two_items(store, tmp_path)
    survey.set_scale(store, 0, 10)
    survey_csv.import_responses(store, write(tmp_path, "ok.csv", "team,a,b\nEast,0,10\nEast,10,5\n"))
    results = survey.results(store)
    assert results.means["East"] == [5.0, 7.5]
    assert results.shares("East") == [0.5, 0.75]
    assert results.describe_scale() == "0 = wholly the left statement, 10 = wholly the right."
    with pytest.raises(survey_csv.SurveyFileError) as caught:
        survey_csv.import_responses(store, write(tmp_path, "bad.csv", "team,a,b\nEast,-1,11\n"))
    assert "row 2, column “a”: “-1” is not a score from 0 to 10" in str(caught.value)
    assert "row 2, column “b”: “11” is not a score from 0 to 10" in str(caught.value)
    assert survey.results(store).means["East"] == [5.0, 7.5]


@pytest.mark.parametrize(
    ("low", "high", "expected"),
    [
        (5, 5, "the first number must be the smaller"),
        (7, 1, "the first number must be the smaller"),
        (0, 101, "more than 100 steps"),
        (1.5, 5, "whole numbers"),
        (True, 5, "whole numbers"),
        (-2000, -1990, "between"),
    ],
)
def test_a_scale_that_is_no_scale_is_refused_and_changes_nothing(
    store: Store, tmp_path: Path, low: object, high: object, expected: str
) -> None:
    two_items(store, tmp_path)
    with pytest.raises(UserError, match=expected):
        survey.set_scale(store, low, high)  # type: ignore[arg-type]  # what a careless caller might pass
    assert [i.scale for i in survey.items(store)] == [(1, 5), (1, 5)]


def test_setting_the_scale_of_a_survey_without_items_says_to_add_them_first(store: Store) -> None:
    with pytest.raises(UserError, match="no items yet"):
        survey.set_scale(store, 1, 7)


def test_set_scale_applies_to_every_item_and_set_scales_puts_the_old_ones_back(store: Store, tmp_path: Path) -> None:
    first, second = two_items(store, tmp_path)
    survey.edit_item(store, second.id, "Asked", "Told", scale=(0, 10))
    old = survey.scales(store)
    assert old == {first.id: (1, 5), second.id: (0, 10)}
    changes = survey.set_scale(store, 1, 7)
    assert "survey_items" in changes and changes.ids == {first.id, second.id}
    assert survey.scales(store) == {first.id: (1, 7), second.id: (1, 7)}
    assert not survey.set_scale(store, 1, 7), "setting the scale it already has changes nothing"
    survey.set_scales(store, old)
    assert survey.scales(store) == old


def test_a_scale_that_imported_scores_fall_outside_is_refused(store: Store, tmp_path: Path) -> None:
    two_items(store, tmp_path)
    survey.set_scale(store, 1, 7)
    survey_csv.import_responses(store, write(tmp_path, "r.csv", "team,a,b\nWest,6,2\nWest,7,\n"))
    with pytest.raises(UserError, match="2 imported score\\(s\\) for item 1 lie outside 1 to 5"):
        survey.set_scale(store, 1, 5)
    assert [i.scale for i in survey.items(store)] == [(1, 7), (1, 7)], "nothing was changed"
    survey.set_scale(store, 0, 10)  # a wider scale keeps every score: fine
    assert survey.survey_scale(store) == (0, 10)


def test_new_items_take_the_surveys_scale(store: Store, tmp_path: Path) -> None:
    two_items(store, tmp_path)
    survey.set_scale(store, 0, 10)
    item_id, _ = survey.add_item(store, "Left", "Right")
    survey_csv.import_items(store, write(tmp_path, "more.csv", "left,right\nA,B\n"))
    assert [i.scale for i in survey.items(store)] == [(0, 10)] * 4
    other_id, _ = survey.add_item(store, "L", "R", scale=(1, 7))
    assert {i.id: i.scale for i in survey.items(store)}[other_id] == (1, 7)
    assert item_id != other_id


def test_items_can_be_imported_with_their_own_scale(store: Store, tmp_path: Path) -> None:
    text = "left,right,low,high\nA,B,1,7\nC,D,,\nE,F,0,10.0\n"
    assert survey_csv.import_items(store, write(tmp_path, "items.csv", text)).count == 3
    assert [i.scale for i in survey.items(store)] == [(1, 7), (1, 5), (0, 10)]
    assert survey.survey_scale(store) == (1, 5), "mixed items: a new one takes the default"
    assert survey.describe_scales(survey.items(store)) == (
        "Items are scored on different scales: item 1 from 1 to 7; item 2 from 1 to 5; item 3 from 0 to 10."
    )


def test_imported_rows_without_a_scale_take_the_one_all_items_share(store: Store, tmp_path: Path) -> None:
    two_items(store, tmp_path)
    survey.set_scale(store, 1, 7)
    survey_csv.import_items(store, write(tmp_path, "more.csv", "left,right,low,high\nA,B,,\nC,D,0,10\n"))
    assert [i.scale for i in survey.items(store)] == [(1, 7), (1, 7), (1, 7), (0, 10)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("left,right,low,high\nFine,Good,1,5\nA,B,7,1\n", "row 3, “7” to “1”: a survey scale runs from"),
        ("left,right,low,high\nFine,Good,1,5\nA,B,1,\n", "row 3, “1” to “”: the ends of a survey scale are whole"),
        ("left,right,low,high\nFine,Good,1,5\nA,B,1,x\n", "row 3, “1” to “x”: the ends"),
        ("left,right,low,high\nFine,Good,1,5\nA,B,1,2.5\n", "whole numbers"),
        ("left,right,low,high\nFine,Good,1,5\nA,B,0,500\n", "more than 100 steps"),
        ("left,right,low,high\nFine,Good,1,5\nA,B,1,5,x\n", "row 3 has more than two statements and a scale"),
        ("left,right\nFine,Good\nA,B,1\n", "row 3 has more than two statements"),
        ("left,right,scale\nFine,Good,5\n", "row 1 must be the header"),
    ],
)
def test_an_item_file_with_a_bad_scale_is_refused_whole(store: Store, tmp_path: Path, text: str, expected: str) -> None:
    with pytest.raises(survey_csv.SurveyFileError, match=expected):
        survey_csv.import_items(store, write(tmp_path, "items.csv", text))
    assert survey.items(store) == [], "not even the fine row was imported"


def test_responses_are_checked_against_each_items_own_scale(store: Store, tmp_path: Path) -> None:
    survey_csv.import_items(store, write(tmp_path, "items.csv", "left,right,low,high\nA,B,1,5\nC,D,0,10\n"))
    with pytest.raises(survey_csv.SurveyFileError) as caught:
        survey_csv.import_responses(store, write(tmp_path, "bad.csv", "team,a,b\nNorth,7,7\n"))
    assert "row 2, column “a”: “7” is not a score from 1 to 5" in str(caught.value)
    assert "column “b”" not in str(caught.value), "7 is a score from 0 to 10"
    survey_csv.import_responses(store, write(tmp_path, "ok.csv", "team,a,b\nNorth,5,0\nNorth,4,5\n"))
    results = survey.results(store)
    assert results.scale is None
    assert results.means["North"] == [4.5, 2.5]
    assert results.shares("North") == [0.875, 0.25], "each mean placed by its own item's scale"


def test_a_merged_scale_with_its_ends_crossed_places_scores_in_the_middle() -> None:
    # Two members editing the two ends at once can merge into a pair the service would refuse.
    item = survey.Item("id", "L", "R", 1, low=5, high=5)
    assert item.share(5) == 0.5


def test_added_items_go_after_the_others_each_on_its_own_scale(store: Store, tmp_path: Path) -> None:
    first = survey.add_items(store, [("We plan", "We react", (1, 5))])
    added = survey.add_items(store, [("A", "B", (0, 10)), ("C", "D", (1, 7))])
    assert added.count == 2 and added.replaced == [] and "survey_items" in added.changes
    assert [(i.left, i.scale) for i in survey.items(store)] == [("We plan", (1, 5)), ("A", (0, 10)), ("C", (1, 7))]
    assert [i.id for i in survey.items(store)] == first.added + added.added

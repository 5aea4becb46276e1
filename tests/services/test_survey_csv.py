"""The survey from CSV: items and responses imported whole or not at all, every problem named by its row."""

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


def three_items(store: Store, tmp_path: Path) -> None:
    items = write(
        tmp_path,
        "items.csv",
        "left,right\nChange is explained,Change just happens\nStaff are asked,Staff are told\n"
        "Mistakes are learned from,Mistakes are hidden\n",
    )
    assert survey_csv.import_items(store, items).count == 3


def test_survey_responses_give_each_teams_mean_per_item(store: Store, tmp_path: Path) -> None:
    three_items(store, tmp_path)
    csv = write(tmp_path, "r.csv", "Team,Q1,Q2,Q3\nFront door,1,2,5\nFront door,3,,4\nEarly help,5,5,5\n\n")
    assert survey_csv.import_responses(store, csv).count == 3
    results = survey.results(store)
    assert results.teams == ["Early help", "Front door"]
    assert results.means["Front door"] == [2.0, 2.0, 4.5]
    assert results.counts == {"Early help": 1, "Front door": 2}
    # Importing again replaces, never adds.
    survey_csv.import_responses(store, write(tmp_path, "r2.csv", "team;a;b;c\nX;1;1;1\n"))
    assert survey.results(store).respondents == 1


def test_a_survey_file_with_bad_rows_is_refused_whole_with_row_numbers(store: Store, tmp_path: Path) -> None:
    three_items(store, tmp_path)
    survey_csv.import_responses(store, write(tmp_path, "ok.csv", "team,1,2,3\nA,1,1,1\n"))
    bad = write(tmp_path, "bad.csv", "team,1,2,3\nA,1,2,3\n,2,2,2\nB,9,2,x\nC,1,2\nD,,,\n")
    with pytest.raises(survey_csv.SurveyFileError) as caught:
        survey_csv.import_responses(store, bad)
    text = str(caught.value)
    assert "row 3 has no team" in text
    assert "row 4, column “1”: “9” is not a score from 1 to 5" in text
    assert "“x”" in text
    assert "row 5 has 3 cells" in text
    assert "row 6 has no scores" in text
    assert survey.results(store).respondents == 1, "nothing of the bad file was imported"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("", "empty"),
        ("name,1,2,3\nA,1,1,1\n", "“team” column"),
        ("team,1,2\nA,1,1\n", "2 score columns but the survey has 3 items"),
        ("team,1,2,3\n", "no responses"),
    ],
)
def test_a_survey_file_without_the_expected_shape_is_refused(
    store: Store, tmp_path: Path, content: str, expected: str
) -> None:
    three_items(store, tmp_path)
    with pytest.raises(UserError, match=expected):
        survey_csv.import_responses(store, write(tmp_path, "r.csv", content))


def test_responses_need_items_first_and_items_need_both_statements(store: Store, tmp_path: Path) -> None:
    with pytest.raises(UserError, match="items first"):
        survey_csv.import_responses(store, write(tmp_path, "r.csv", "team,1\nA,1\n"))
    with pytest.raises(survey_csv.SurveyFileError, match="row 3 needs both statements"):
        survey_csv.import_items(store, write(tmp_path, "i.csv", "left,right\nA,B\nC,\n"))
    assert survey.items(store) == []
    with pytest.raises(UserError, match="not UTF-8"):
        (tmp_path / "latin.csv").write_bytes("left,right\ncaf\xe9,b\n".encode("latin-1"))
        survey_csv.import_items(store, tmp_path / "latin.csv")


def test_a_file_over_the_row_limit_is_refused_before_it_is_checked(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(survey_csv, "MAX_ROWS", 2)
    with pytest.raises(survey_csv.SurveyFileError, match="more than 2 rows"):
        survey_csv.import_items(store, write(tmp_path, "i.csv", "left,right\nA,B\nC,D\nE,F\n"))
    assert survey.items(store) == []


def test_many_problems_are_counted_past_the_ones_shown() -> None:
    problems = [f"row {n} needs both statements" for n in range(2, 14)]
    error = survey_csv.SurveyFileError("items.csv", problems)
    assert error.problems == problems
    assert str(error).endswith(f"row 9 needs both statements (and {len(problems) - 8} more).")


def test_a_file_no_survey_could_be_is_refused_in_words_without_being_read(store: Store, tmp_path: Path) -> None:
    import os

    huge = tmp_path / "huge.csv"
    with huge.open("wb") as handle:
        handle.truncate(1024**3)
    with pytest.raises(survey_csv.SurveyFileError, match="larger than"):
        survey_csv.import_items(store, huge)
    pipe = tmp_path / "pipe.csv"
    os.mkfifo(pipe)  # a zero-size "file" that never ends: it kept the import waiting for ever
    with pytest.raises(UserError, match="Could not read"):
        survey_csv.import_items(store, pipe)
    with pytest.raises(UserError, match="Could not read"):  # a name no file can have
        survey_csv.import_items(store, tmp_path / ("x" * 300 + ".csv"))
    assert survey.items(store) == []


def test_more_items_than_a_response_can_score_are_refused_whole(store: Store, tmp_path: Path) -> None:
    from peerdesk.store.rules import MAX_SCORES

    rows = "".join(f"Statement {n},Opposite {n}\n" for n in range(MAX_SCORES + 1))
    with pytest.raises(UserError, match=f"at most {MAX_SCORES} items"):
        survey_csv.import_items(store, write(tmp_path, "i.csv", "left,right\n" + rows))
    assert survey.items(store) == []

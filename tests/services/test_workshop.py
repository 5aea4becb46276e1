"""The workshop, follow-up and survey services on the demo review: what the facilitator records, and refusals."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from peerdesk.errors import UserError
from peerdesk.services import followup, review, survey, workshop, workshop_goals, workshop_outcome
from peerdesk.store.engine import Store
from peerdesk.store.models import TableResponse
from peerdesk.store.uow import UnitOfWork


def four_tables(store: Store) -> list[str]:
    return [workshop.add_table(store)[0] for _ in range(4)]


def test_tables_are_numbered_renamed_and_removed_with_everything_they_said(demo_store: Store) -> None:
    t1, t2, _, _ = four_tables(demo_store)
    assert [t.name for t in workshop.tables(demo_store)] == ["Table 1", "Table 2", "Table 3", "Table 4"]
    workshop.rename_table(demo_store, t2, "  Window table ")
    insight = workshop.insights(demo_store)[0]
    workshop.set_response(demo_store, t2, insight.id, "agree")
    workshop.remove_table(demo_store, t2)
    outcome = workshop_outcome.outcome(demo_store)
    assert [t.name for t in outcome.tables] == ["Table 1", "Table 3", "Table 4"]
    assert not outcome.responses
    workshop.restore_table(demo_store, t2)
    outcome = workshop_outcome.outcome(demo_store)
    assert outcome.table_name(t2) == "Window table"
    assert outcome.responses[(t2, insight.id)].response == "agree"
    with pytest.raises(UserError):
        workshop.rename_table(demo_store, t1, "   ")


def test_a_response_is_one_record_per_table_and_insight_with_a_derived_id(demo_store: Store) -> None:
    [t1] = [workshop.add_table(demo_store)[0]]
    insight = workshop.insights(demo_store)[1]
    workshop.set_response(demo_store, t1, insight.id, "agree")
    workshop.set_response(demo_store, t1, insight.id, "amend", "Services feel separate to families, not to staff.")
    with UnitOfWork(demo_store) as uow:
        ids = [r.id for r in uow.query(TableResponse, table_id=t1)]
    assert ids == [str(uuid.uuid5(uuid.UUID(t1), insight.id))]
    assert workshop.response(demo_store, t1, insight.id) == (
        "amend",
        "Services feel separate to families, not to staff.",
    )
    workshop.set_response(demo_store, t1, insight.id, "disagree")
    assert workshop.response(demo_store, t1, insight.id) == ("disagree", "")
    workshop.set_response(demo_store, t1, insight.id, "")
    assert workshop.response(demo_store, t1, insight.id) == ("", "")
    with pytest.raises(UserError, match="amended wording"):
        workshop.set_response(demo_store, t1, insight.id, "amend", " ")
    with pytest.raises(UserError):
        workshop.set_response(demo_store, t1, insight.id, "maybe")


def test_follow_up_record_starts_from_the_planned_date_and_lists_the_actions(demo_store: Store) -> None:
    record = followup.get(demo_store)
    assert record.meeting_date == review.summary(demo_store).followup_date and record.what_changed == ""
    followup.set_fields(demo_store, what_changed="Duty managers now meet weekly", meeting_date="2026-07-14")
    assert followup.get(demo_store).what_changed == "Duty managers now meet weekly"
    with pytest.raises(UserError):
        followup.set_fields(demo_store, meeting_date="14/07/2026")
    with pytest.raises(UserError):
        followup.set_fields(demo_store, not_a_field="x")
    t1 = workshop.add_table(demo_store, "Blue table")[0]
    workshop_goals.set_top_action(demo_store, t1, 1, "Publish a one-page guide")
    assert [(a.table, a.rank, a.text) for a in followup.actions_for_review(demo_store)] == [
        ("Blue table", 1, "Publish a one-page guide")
    ]


# --- survey ---------------------------------------------------------------------------------------------------


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
    assert survey.import_items(store, items).count == 3


def test_survey_responses_give_each_teams_mean_per_item(store: Store, tmp_path: Path) -> None:
    three_items(store, tmp_path)
    csv = write(tmp_path, "r.csv", "Team,Q1,Q2,Q3\nFront door,1,2,5\nFront door,3,,4\nEarly help,5,5,5\n\n")
    assert survey.import_responses(store, csv).count == 3
    results = survey.results(store)
    assert results.teams == ["Early help", "Front door"]
    assert results.means["Front door"] == [2.0, 2.0, 4.5]
    assert results.counts == {"Early help": 1, "Front door": 2}
    # Importing again replaces, never adds.
    survey.import_responses(store, write(tmp_path, "r2.csv", "team;a;b;c\nX;1;1;1\n"))
    assert survey.results(store).respondents == 1


def test_a_survey_file_with_bad_rows_is_refused_whole_with_row_numbers(store: Store, tmp_path: Path) -> None:
    three_items(store, tmp_path)
    survey.import_responses(store, write(tmp_path, "ok.csv", "team,1,2,3\nA,1,1,1\n"))
    bad = write(tmp_path, "bad.csv", "team,1,2,3\nA,1,2,3\n,2,2,2\nB,9,2,x\nC,1,2\nD,,,\n")
    with pytest.raises(survey.SurveyFileError) as caught:
        survey.import_responses(store, bad)
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
        survey.import_responses(store, write(tmp_path, "r.csv", content))


def test_responses_need_items_first_and_items_need_both_statements(store: Store, tmp_path: Path) -> None:
    with pytest.raises(UserError, match="items first"):
        survey.import_responses(store, write(tmp_path, "r.csv", "team,1\nA,1\n"))
    with pytest.raises(survey.SurveyFileError, match="row 3 needs both statements"):
        survey.import_items(store, write(tmp_path, "i.csv", "left,right\nA,B\nC,\n"))
    assert survey.items(store) == []
    with pytest.raises(UserError, match="not UTF-8"):
        (tmp_path / "latin.csv").write_bytes("left,right\ncaf\xe9,b\n".encode("latin-1"))
        survey.import_items(store, tmp_path / "latin.csv")

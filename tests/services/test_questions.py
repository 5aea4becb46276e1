"""The question bank, in two versions per approach (children and families; staff and partners), and each
interview's plan."""

from __future__ import annotations

import pytest

from peerdesk.errors import UserError
from peerdesk.services import approaches, questions, records, review
from peerdesk.store.engine import Store
from peerdesk.store.models import Question
from tests.helpers.timetable import build_day


def test_a_new_review_has_a_question_set_for_every_approach(store: Store) -> None:
    sets = questions.bank(store, "staff")
    assert list(sets) == list(approaches.APPROACHES)
    assert all(len(sets[a]) >= 4 for a in approaches.APPROACHES)
    assert [q.text for q in sets["appreciative"]] == list(questions.DEFAULT_SETS["appreciative"])


def test_every_member_seeds_the_same_question_records(store: Store) -> None:
    first = questions.bank(store)["ethnographic"][0]
    assert first.id == questions.bank_id(store.review_id, "ethnographic", 0)


def test_the_team_can_add_to_a_set(store: Store) -> None:
    questions.add_question(store, "other", "What would you tell a new starter?")
    assert questions.bank(store, "")["other"][-1].text == "What would you tell a new starter?"
    with pytest.raises(UserError):
        questions.add_question(store, "astrology", "Which sign are you?")


def test_key_questions_come_from_the_review(store: Store) -> None:
    assert questions.key_questions(store) == []
    review.update_review(store, key_question_1="How well do leaders know the front line?", key_question_3="Q3")
    assert questions.key_questions(store) == ["How well do leaders know the front line?", "Q3"]


def test_a_plan_keeps_its_order_and_the_closing_question_last(store: Store) -> None:
    day = build_day(store)
    interview = day.interviews[0]
    ids = [questions.add_to_plan(store, interview, text)[0] for text in ("one", "two", "three")]
    questions.move_in_plan(store, ids[2], -2)
    questions.move_in_plan(store, ids[0], +5)
    plan = questions.plan(store, interview)
    assert [q.text for q in plan] == ["three", "two", "one", questions.CLOSING_TEXT]
    closing = plan[-1]
    with pytest.raises(UserError, match="closing"):
        questions.move_in_plan(store, closing.id, -1)
    with pytest.raises(UserError, match="closing"):
        questions.remove_from_plan(store, closing.id)
    questions.remove_from_plan(store, ids[1])
    assert [q.text for q in questions.plan(store, interview)] == ["three", "one", questions.CLOSING_TEXT]


def test_ticking_a_question_marks_it_asked(store: Store) -> None:
    day = build_day(store)
    planned, _ = questions.add_to_plan(store, day.interviews[1], "What is a good week like?")
    questions.set_asked(store, planned, True)
    assert questions.plan(store, day.interviews[1])[0].asked
    assert not questions.set_asked(store, planned, True)  # no change, nothing to tell


def test_plans_are_visible_to_the_whole_team(store: Store) -> None:
    day = build_day(store)
    questions.add_to_plan(store, day.interviews[0], "Colleague's question")
    questions.start_plan(store, day.interviews[1])
    sizes = questions.plan_sizes(store)
    assert sizes[day.interviews[0]] == 2 and sizes[day.interviews[1]] == 1


def test_a_new_review_has_both_versions_of_every_approach(store: Store) -> None:
    families = questions.bank(store, "families")
    staff = questions.bank(store, "staff")
    for approach in approaches.APPROACHES:
        assert len(families[approach]) >= 4 and len(staff[approach]) >= 4, approach
        assert not {q.text for q in families[approach]} & {q.text for q in staff[approach]}
    assert families["appreciative"][0].id == questions.family_bank_id(store.review_id, "appreciative", 0)
    everything = questions.bank(store)["appreciative"]
    assert [q.audience for q in everything] == ["staff"] * len(staff["appreciative"]) + ["families"] * len(
        families["appreciative"]
    )


def test_a_families_question_removed_on_purpose_is_not_brought_back(store: Store) -> None:
    removed = questions.family_bank_id(store.review_id, "ethnographic", 0)
    records.delete(store, "questions", removed)
    with pytest.raises(UserError, match="already has"):
        questions.add_family_sets(store)
    assert removed not in {q.id for q in questions.bank(store, "families")["ethnographic"]}


def _family_ids(store: Store) -> list[str]:
    return [
        questions.family_bank_id(store.review_id, approach, n)
        for approach, texts in questions.family_sets().items()
        for n in range(len(texts))
    ]


def test_adding_the_families_versions_and_taking_them_back(store: Store) -> None:
    ids = _family_ids(store)
    with store.session() as s:  # a review from before: no families questions at all
        s.execute(Question.__table__.delete().where(Question.id.in_(ids)))  # type: ignore[attr-defined]
        s.commit()
    added, changes = questions.add_family_sets(store)
    assert sorted(added) == sorted(ids) and "questions" in changes
    questions.set_questions_deleted(store, added, True)
    assert questions.bank(store, "families")["appreciative"] == []
    questions.set_questions_deleted(store, added, False)
    assert len(questions.bank(store, "families")["appreciative"]) == len(questions.family_sets()["appreciative"])


def test_a_question_added_to_a_version_stays_in_it(store: Store) -> None:
    questions.add_question(store, "appreciative", "What do you like about your foster home?", "families")
    assert questions.bank(store, "families")["appreciative"][-1].text == "What do you like about your foster home?"
    with pytest.raises(UserError, match="audience"):
        questions.add_question(store, "appreciative", "Who?", "pets")

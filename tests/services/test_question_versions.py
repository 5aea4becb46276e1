"""Question sets in two versions per approach (children and families; staff and partners) and the interview's
opening and closing checklist (#20)."""

from __future__ import annotations

import pytest

from peerdesk.errors import UserError
from peerdesk.services import approaches, interview_checklist, questions, records
from peerdesk.store.engine import Store
from peerdesk.store.models import Question
from tests.helpers.timetable import build_day


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


def test_the_opening_and_closing_checklist(store: Store) -> None:
    opening = interview_checklist.part("opening")
    closing = interview_checklist.part("closing")
    assert [i.key for i in opening][:2] == ["introductions", "purpose"]
    assert any("not as inspectors" in i.text for i in opening)
    assert any("deleted after the follow-up" in i.text for i in opening)
    assert closing[0].key == "anything-else"
    day = build_day(store)
    interview = day.interviews[0]
    interview_checklist.set_done(store, interview, "purpose", True)
    interview_checklist.set_done(store, interview, "purpose", True)
    states = {s.item.key: s.done for s in interview_checklist.state(store, interview)}
    assert states["purpose"] and not states["introductions"]
    assert not any(s.done for s in interview_checklist.state(store, day.interviews[1]))
    interview_checklist.set_done(store, interview, "purpose", False)
    assert not any(s.done for s in interview_checklist.state(store, interview))
    with pytest.raises(UserError, match="not known"):
        interview_checklist.set_done(store, interview, "sing-a-song", True)

"""0–10 scale answers: checked, corrected in place in their order, and summarised per stakeholder group."""

from __future__ import annotations

import pytest

from peerdesk.errors import UserError
from peerdesk.services import scale_answers
from peerdesk.store.engine import Store
from tests.helpers.timetable import build_day


def test_scale_answers_are_checked_and_summarised_per_stakeholder_group(store: Store) -> None:
    day = build_day(store)
    for interview, value in ((day.interviews[0], 4), (day.interviews[0], 8), (day.interviews[1], 7)):
        scale_answers.add_scale_answer(store, interview, "The service overall", value, "because")
    scale_answers.add_scale_answer(store, day.interviews[0], "the service  OVERALL", 6)
    with pytest.raises(UserError, match="0 to 10"):
        scale_answers.add_scale_answer(store, day.interviews[0], "Anything", 11)
    summary = {(s.group, s.question): s for s in scale_answers.scale_summary(store)}
    carers = summary[("Foster carers", "The service overall")]
    assert (carers.count, carers.mean, carers.median, carers.low, carers.high) == (3, 6.0, 6.0, 4, 8)
    assert summary[("Social workers", "The service overall")].count == 1
    scale_answers.add_scale_answer(store, day.interviews[0], "Support from managers", 9)
    by_group = {s.group: s for s in scale_answers.scale_summary(store, by_question=False)}
    assert (by_group["Foster carers"].count, by_group["Foster carers"].question) == (4, "2 questions")


def test_a_scale_answer_is_corrected_in_place_and_keeps_its_place_in_the_list(store: Store) -> None:
    day = build_day(store)
    first, _ = scale_answers.add_scale_answer(store, day.interviews[0], "The service overall", 4, "slow")
    second, _ = scale_answers.add_scale_answer(store, day.interviews[0], "Support from managers", 9)
    changes = scale_answers.update_scale_answer(store, first, value=6, reason=" quicker lately ")
    assert "scale_answers" in changes
    assert [(a.id, a.value, a.reason) for a in scale_answers.scale_answers(store, day.interviews[0])] == [
        (first, 6, "quicker lately"),
        (second, 9, ""),
    ]
    assert not scale_answers.update_scale_answer(store, first, value=6)  # the same value: nothing changed
    for bad in ({"value": 11}, {"value": -1}, {"question": "  "}):
        with pytest.raises(UserError):
            scale_answers.update_scale_answer(store, first, **bad)  # type: ignore[arg-type]
    assert scale_answers.scale_answer(store, first).value == 6

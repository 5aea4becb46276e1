from __future__ import annotations

import pytest

from peerdesk.services import insight_checks


@pytest.mark.parametrize(
    "statement",
    [
        "We should give managers more time to think",
        "Improve the front door",
        "Need to recruit more foster carers",
        "Ensure that every child has a say",
        "The council must invest in its workforce",
        "Leaders need to be more visible",
        "Senior managers should stay longer at team meetings.",
    ],
)
def test_statements_that_read_like_goals_get_a_gentle_hint(statement: str) -> None:
    hint = insight_checks.goal_hint(statement)
    assert hint is not None and "goal" in hint


@pytest.mark.parametrize(
    "statement",
    [
        "",
        "Staff carry the service on goodwill, and the goodwill is wearing thin.",
        "Managers feel they must firefight rather than plan ahead",
        "Different parts of the service follow different visions",
        "The leadership is trusted and seen as visible",
        "Improvement work is happening in pockets",
    ],
)
def test_descriptions_get_no_goal_hint(statement: str) -> None:
    assert insight_checks.goal_hint(statement) is None


def test_the_counter_tracks_the_four_to_six_target() -> None:
    assert insight_checks.target(3).state == "short"
    assert insight_checks.target(4).state == "on-target"
    assert insight_checks.target(6).state == "on-target"
    assert insight_checks.target(7).state == "over"
    assert "4–6" in insight_checks.target(1).text


def test_quote_warnings() -> None:
    assert insight_checks.quote_warning(0) is not None
    assert insight_checks.quote_warning(1) is None
    assert insight_checks.quote_warning(2) is None
    assert insight_checks.quote_warning(3) is not None

"""Buds into solution ideas for the workshop: one per line, in order, taken away and brought back together."""

from __future__ import annotations

import pytest

from peerdesk.errors import UserError
from peerdesk.services import solution_ideas, wall
from peerdesk.store.engine import Store


def test_the_brainstorming_rules_have_a_title_and_rules() -> None:
    rules = solution_ideas.brainstorming_rules()
    assert rules.title and len(rules.rules) >= 3


def test_ideas_are_added_one_per_line_after_those_already_written(store: Store) -> None:
    first, _ = solution_ideas.add_ideas(store, ["  One   front door  ", ""])
    second, changes = solution_ideas.add_ideas(store, ["Named worker for every school", "Weekly huddle"])
    assert "workshop_notes" in changes
    assert [i.text for i in solution_ideas.ideas(store)] == [
        "One front door",
        "Named worker for every school",
        "Weekly huddle",
    ]
    solution_ideas.set_deleted(store, second, True)
    assert [i.id for i in solution_ideas.ideas(store)] == first
    solution_ideas.set_deleted(store, second, False)
    assert len(solution_ideas.ideas(store)) == 3


@pytest.mark.parametrize(("texts", "says"), [(["", "  "], "at least one"), (["x" * 501], "at most 500")])
def test_empty_or_overlong_ideas_are_refused(store: Store, texts: list[str], says: str) -> None:
    with pytest.raises(UserError, match=says):
        solution_ideas.add_ideas(store, texts)
    assert solution_ideas.ideas(store) == []


def test_only_the_buds_among_chosen_post_its_are_read(store: Store) -> None:
    bud = wall.add_postit(store, "bud", "Peer mentoring could spread").created_id
    thorn = wall.add_postit(store, "thorn", "Waiting lists").created_id
    assert solution_ideas.buds(store, [bud, thorn]) == ["Peer mentoring could spread"]

"""The workshop's goals: one central list, one goal per table and no goal for two, each goal's ideas, and each
table's top three actions."""

from __future__ import annotations

import pytest

from peerdesk.errors import UserError
from peerdesk.services import workshop, workshop_goals, workshop_outcome
from peerdesk.store.engine import Store


def four_tables(store: Store) -> list[str]:
    return [workshop.add_table(store)[0] for _ in range(4)]


def test_two_tables_cannot_claim_the_same_goal_and_a_table_holds_one_goal(demo_store: Store) -> None:
    t1, t2, _, _ = four_tables(demo_store)
    insight = workshop.insights(demo_store)[0]
    g1, _ = workshop_goals.add_goal(
        demo_store, insight.id, "Every duty manager makes the same call on the same referral"
    )
    g2, _ = workshop_goals.add_goal(demo_store, insight.id, "Schools know who to ring and what happens next")
    workshop_goals.claim_goal(demo_store, g1, t1)
    before = workshop_goals.claims(demo_store)
    with pytest.raises(UserError, match="Table 1 has already chosen this goal"):
        workshop_goals.claim_goal(demo_store, g1, t2)
    assert workshop_goals.claims(demo_store) == before, "a refused claim changes nothing"
    workshop_goals.claim_goal(demo_store, g2, t1)  # a table changing its mind releases its first goal
    assert workshop_goals.claims(demo_store) == {g1: "", g2: t1}
    workshop_goals.claim_goal(demo_store, g1, t2)
    workshop.remove_table(demo_store, t1)  # a removed table's goal is free again
    workshop_goals.claim_goal(demo_store, g2, t2)
    assert workshop_outcome.outcome(demo_store).claimed_goal(t2) is not None


def test_ideas_go_on_their_own_goals_wall(demo_store: Store) -> None:
    insight = workshop.insights(demo_store)[0]
    goal, _ = workshop_goals.add_goal(demo_store, insight.id, "A goal")
    other, _ = workshop_goals.add_goal(demo_store, insight.id, "Another goal")
    ids = [workshop_goals.add_idea(demo_store, goal, f"Idea {n}")[0] for n in range(3)]
    workshop_goals.add_idea(demo_store, other, "Elsewhere")
    assert [i.id for i in workshop_goals.ideas(demo_store, goal)] == ids
    assert [i.text for i in workshop_goals.ideas(demo_store, other)] == ["Elsewhere"]
    with pytest.raises(UserError):
        workshop_goals.add_idea(demo_store, goal, "  ")


def test_each_table_has_at_most_three_ranked_actions_linked_to_its_goal(demo_store: Store) -> None:
    t1 = workshop.add_table(demo_store)[0]
    goal, _ = workshop_goals.add_goal(demo_store, workshop.insights(demo_store)[0].id, "A goal")
    workshop_goals.claim_goal(demo_store, goal, t1)
    for rank in (1, 2, 3):
        workshop_goals.set_top_action(demo_store, t1, rank, f"Action {rank}")
    workshop_goals.set_top_action(demo_store, t1, 2, "Action two, reworded")
    with pytest.raises(UserError):
        workshop_goals.set_top_action(demo_store, t1, 4, "A fourth")
    assert workshop_goals.top_actions(demo_store, t1) == {1: "Action 1", 2: "Action two, reworded", 3: "Action 3"}
    workshop_goals.swap_top_actions(demo_store, t1, 1, 3)
    assert workshop_goals.top_actions(demo_store, t1)[1] == "Action 3"
    workshop_goals.set_top_action(demo_store, t1, 3, "")
    actions = workshop_outcome.outcome(demo_store).actions[t1]
    assert [(a.rank, a.goal_id) for a in actions] == [(1, goal), (2, goal)]

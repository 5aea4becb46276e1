"""The workshop's outcome, read at once: what each table said, in display order, without removed tables."""

from __future__ import annotations

from peerdesk.services import workshop, workshop_goals, workshop_outcome
from peerdesk.store.engine import Store


def test_an_empty_workshop_says_so(demo_store: Store) -> None:
    outcome = workshop_outcome.outcome(demo_store)
    assert outcome.is_empty and outcome.insights, "the demo has insights but no workshop yet"
    assert workshop_outcome.summary_counts(demo_store) == dict.fromkeys(
        ("tables", "responses", "new_insights", "goals", "claimed", "ideas", "actions", "notes"), 0
    )


def test_the_tally_names_the_tables_behind_each_response(demo_store: Store) -> None:
    north, south, east = (workshop.add_table(demo_store, name)[0] for name in ("North", "South", "East"))
    insight = workshop_outcome.outcome(demo_store).insights[0]
    workshop.set_response(demo_store, north, insight.id, "agree")
    workshop.set_response(demo_store, south, insight.id, "agree")
    workshop.set_response(demo_store, east, insight.id, "amend", "Say who is on duty")
    workshop.add_new_insight(demo_store, east, "Partners want to be asked first")
    outcome = workshop_outcome.outcome(demo_store)
    assert outcome.tally(insight.id) == {"agree": ["North", "South"], "disagree": [], "amend": ["East"]}
    assert [r.text for r in outcome.new_insights] == ["Partners want to be asked first"]


def test_counts_leave_out_what_a_removed_table_did(demo_store: Store) -> None:
    kept, removed = (workshop.add_table(demo_store)[0] for _ in range(2))
    insight = workshop_outcome.outcome(demo_store).insights[0]
    goal, _ = workshop_goals.add_goal(demo_store, insight.id, "One front door for partners")
    workshop_goals.add_idea(demo_store, goal, "A named link worker per school cluster")
    workshop_goals.claim_goal(demo_store, goal, removed)
    workshop_goals.set_top_action(demo_store, removed, 1, "Publish the duty rota")
    workshop.set_response(demo_store, kept, insight.id, "agree")
    workshop.add_note(demo_store, "next_step", "Share the outcome with partners")
    workshop.remove_table(demo_store, removed)
    counts = workshop_outcome.summary_counts(demo_store)
    assert counts == {
        "tables": 1,
        "responses": 1,
        "new_insights": 0,
        "goals": 1,
        "claimed": 0,
        "ideas": 1,
        "actions": 0,
        "notes": 1,
    }
    assert workshop_outcome.outcome(demo_store).goal(goal) is not None

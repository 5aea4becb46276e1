"""The follow-up visit's one record per review, and the workshop's actions it checks on."""

from __future__ import annotations

import pytest

from peerdesk.errors import UserError
from peerdesk.services import followup, workshop, workshop_goals
from peerdesk.store.engine import Store


def test_before_anything_is_written_the_record_is_empty_with_its_derived_id(store: Store) -> None:
    record = followup.get(store)
    assert record.id == followup.record_id(store)
    assert (record.what_changed, record.host_learned, record.process_feedback) == ("", "", "")


def test_fields_are_written_one_at_a_time_and_a_repeat_changes_nothing(store: Store) -> None:
    assert "followup" in followup.set_fields(store, what_changed="A single front door", meeting_date="2026-07-14")
    followup.set_fields(store, host_learned="Ask the families")
    record = followup.get(store)
    assert (record.what_changed, record.host_learned, record.meeting_date) == (
        "A single front door",
        "Ask the families",
        "2026-07-14",
    )
    assert not followup.set_fields(store, host_learned="Ask the families")


@pytest.mark.parametrize(("fields", "says"), [({"mood": "good"}, "no field mood"), ({"meeting_date": "July"}, "date")])
def test_unknown_fields_and_bad_dates_are_refused(store: Store, fields: dict[str, str], says: str) -> None:
    with pytest.raises(UserError, match=says):
        followup.set_fields(store, **fields)
    assert followup.get(store).what_changed == ""


def test_the_workshop_actions_are_listed_by_table_and_rank(store: Store) -> None:
    table, _ = workshop.add_table(store, "Blue table")
    workshop_goals.set_top_action(store, table, 2, "Second")
    workshop_goals.set_top_action(store, table, 1, "First")
    assert [(a.table, a.rank, a.text) for a in followup.actions_for_review(store)] == [
        ("Blue table", 1, "First"),
        ("Blue table", 2, "Second"),
    ]

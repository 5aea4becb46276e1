"""The workshop and follow-up services on the demo review: what the facilitator records, and refusals."""

from __future__ import annotations

import uuid

import pytest

from peerdesk.errors import UserError
from peerdesk.services import followup, review, workshop, workshop_goals, workshop_outcome
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

"""The follow-up checks each workshop action: owner, state, evidence and a note, beside the action itself."""

from __future__ import annotations

import uuid

import pytest

from peerdesk.errors import UserError
from peerdesk.services import action_progress, workshop, workshop_goals
from peerdesk.store.engine import Store


@pytest.fixture
def action(store: Store) -> str:
    table, _ = workshop.add_table(store, "Blue table")
    workshop_goals.set_top_action(store, table, 1, "Publish the front door's threshold guide")
    return workshop.action_id(table, 1)


def test_an_action_with_nothing_recorded_is_not_looked_at_yet(store: Store, action: str) -> None:
    [row] = action_progress.rows(store)
    assert (row.table, row.rank, row.action) == ("Blue table", 1, "Publish the front door's threshold guide")
    assert row.status == "" and row.status_label == "Not looked at yet"
    assert action_progress.values(store, action) == {f: "" for f in action_progress.FIELDS}


def test_progress_is_recorded_trimmed_and_a_repeat_changes_nothing(store: Store, action: str) -> None:
    changes = action_progress.set_fields(store, action, owner="  Head of service ", status="under_way")
    assert "action_progress" in changes and action_progress.progress_id(action) in changes.ids
    [row] = action_progress.rows(store)
    assert (row.owner, row.status_label) == ("Head of service", "Under way")
    assert not action_progress.set_fields(store, action, status="under_way")


@pytest.mark.parametrize(
    ("fields", "says"),
    [({"colour": "red"}, "no field colour"), ({"status": "finished"}, "not a state"), ({"note": "x" * 2001}, "2000")],
)
def test_what_progress_cannot_hold_is_refused(store: Store, action: str, fields: dict[str, str], says: str) -> None:
    with pytest.raises(UserError, match=says):
        action_progress.set_fields(store, action, **fields)
    assert action_progress.values(store, action)["status"] == ""


def test_each_action_has_its_own_derived_progress_id() -> None:
    a, b = str(uuid.uuid4()), str(uuid.uuid4())
    assert action_progress.progress_id(a) == action_progress.progress_id(a) != action_progress.progress_id(b)

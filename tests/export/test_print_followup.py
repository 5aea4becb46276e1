"""The follow-up visit on paper: the meeting's record, then each workshop action beside how it has gone."""

from __future__ import annotations

import pytest

from peerdesk.errors import UserError
from peerdesk.export import print_followup
from peerdesk.services import action_progress, followup, workshop, workshop_goals
from peerdesk.store.engine import Store


def test_nothing_to_print_is_said_plainly(store: Store) -> None:
    with pytest.raises(UserError, match="Nothing to print yet"):
        print_followup.followup_sheet(store)


def test_the_sheet_holds_the_record_and_each_action_with_its_progress(store: Store) -> None:
    followup.set_fields(store, what_changed="One front door <now>")
    table, _ = workshop.add_table(store, "Blue table")
    workshop_goals.set_top_action(store, table, 1, "Publish the threshold guide")
    action_progress.set_fields(store, workshop.action_id(table, 1), status="done", owner="Head of service")
    sheet = print_followup.followup_sheet(store)
    assert sheet.landscape  # eight columns side by side: across the paper, each wraps less
    [page] = sheet.pages
    assert "One front door &lt;now&gt;" in page
    assert "Publish the threshold guide" in page and "<b>Done</b>" in page and "Head of service" in page


def test_a_record_without_actions_says_the_workshop_recorded_none(store: Store) -> None:
    followup.set_fields(store, host_learned="Ask the families")
    [page] = print_followup.followup_sheet(store).pages
    assert "The workshop recorded no actions." in page


def test_the_meeting_date_reads_as_on_paper(store: Store) -> None:
    followup.set_fields(store, meeting_date="2027-03-11", host_learned="Ask the families")
    [page] = print_followup.followup_sheet(store).pages
    assert "meeting on Thursday 11 March 2027" in page and "2027-03-11" not in page

"""State-based merge: per field the higher version wins; a merge is idempotent and says what it changed."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from peerdesk.exchange import merge, transfer
from peerdesk.exchange.errors import BundleRefused
from peerdesk.services import records, sharing
from peerdesk.store.engine import Store
from peerdesk.store.uow import UnitOfWork
from tests.helpers.conflicts import clash, make_conflict
from tests.helpers.exchange import Team, send


def _merge(store: Store, content: dict[str, Any], *, allow_roster: bool = False, **kw: Any) -> merge.MergeResult:
    with UnitOfWork(store) as uow:
        result = merge.merge(uow, content, allow_roster=allow_roster, **kw)
        uow.commit()
    return result


def test_a_summary_lists_new_changed_and_deleted_records_or_says_nothing_new() -> None:
    result = merge.MergeResult()
    assert result.summary("Sam") == "Sam: nothing new"
    result.new["quotes"] = 2
    result.changed["notes"] = 1
    result.conflicts = 1
    assert result.summary("Sam") == "Sam: 2 new quotes, 1 note changed, 1 conflict"
    assert result.tables == {"quotes", "notes"}


def test_the_later_edit_of_a_field_wins_and_a_second_merge_changes_nothing(duo: Team) -> None:
    lead, sam = duo.stores
    quote_id, _ = records.create(sam, "quotes", text="First wording.")
    send(sam, lead)
    records.set_fields(sam, "quotes", quote_id, text="Second wording.")
    content = transfer.content(sam)
    first = _merge(lead, content)
    assert first.changed["quotes"] == 1 and quote_id in first.ids
    assert records.values(lead, "quotes", quote_id, ["text"])["text"] == "Second wording."
    assert _merge(lead, content).summary("Sam") == "Sam: nothing new"


def test_only_the_lead_may_send_the_roster(duo: Team) -> None:
    lead, sam = duo.stores
    with pytest.raises(BundleRefused) as refused:
        _merge(sam, transfer.content(lead))
    assert refused.value.reason == "roster-not-lead"


def test_edits_dated_more_than_a_day_ahead_are_refused(duo: Team) -> None:
    _, sam = duo.stores
    records.create(sam, "quotes", text="From the future.")
    with pytest.raises(BundleRefused) as refused:
        merge.check_clocks(transfer.content(sam), now_ms=0)
    assert refused.value.reason == "clock-ahead"


def test_the_summary_tells_a_timetable_team_from_a_team_member() -> None:
    # Seen under Xvfb: a member's first import said "1 new team member, …, 1 new team" (Team A of the timetable).
    result = merge.MergeResult(new=Counter({"members": 1, "teams": 2}))
    assert result.summary("Alex Lead") == "Alex Lead: 1 new team member, 2 new timetable teams"


def test_a_bundle_that_only_settles_a_conflict_names_the_conflicts_it_changed(duo: Team) -> None:
    # Seen in the team's walk: Sam chose "Keep the text now"; the lead's import of that bundle said "nothing new"
    # and named no table, so no view heard of it and Conflicts kept listing the settled conflict.
    lead, sam = duo.stores
    make_conflict(duo)
    [kept] = sharing.conflicts(sam)
    sharing.set_conflict_resolved(sam, kept.id)
    result = _merge(lead, transfer.content(sam))
    assert result.tables == {"conflicts"} and kept.id in result.ids
    assert result.summary("Sam") == "Sam: 1 conflict settled"
    assert sharing.conflicts(lead) == []
    assert _merge(lead, transfer.content(sam)).tables == set()  # the same bundle again brings nothing


def test_a_kept_conflict_names_the_conflicts_table_among_what_a_merge_changed(duo: Team) -> None:
    lead, _sam = duo.stores
    _quote_id, from_sam = clash(duo)
    imported = transfer.import_bundle(lead, from_sam)
    assert imported.result.tables == {"quotes", "conflicts"} and imported.result.conflicts == 1

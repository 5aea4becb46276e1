"""Export my shared records as a bundle; import a colleague's, after every check, in one transaction."""

from __future__ import annotations

import datetime as dt

import pytest

from peerdesk.exchange import transfer
from peerdesk.exchange.errors import BundleRefused
from peerdesk.services import records, review
from tests.helpers.exchange import Team


def _quote_texts(store: object) -> set[str]:
    return {r["text"] for r in records.rows(store, "quotes", ["text"])}  # type: ignore[arg-type]


def test_a_bundle_carries_my_new_records_to_my_colleague_and_says_what_arrived(duo: Team) -> None:
    lead, sam = duo.stores
    records.create(sam, "quotes", text="We are heard at last.")
    exported = transfer.export_bundle(sam)
    assert exported.recipients == ["Alex Lead"]
    imported = transfer.import_bundle(lead, exported.data)
    assert imported.sender == "Sam Okafor" and imported.summary.startswith("Sam Okafor: 1 new quote")
    assert "We are heard at last." in _quote_texts(lead)


def test_a_second_import_of_the_same_bundle_finds_nothing_new(duo: Team) -> None:
    lead, sam = duo.stores
    records.create(sam, "quotes", text="Supervision is regular.")
    data = transfer.export_bundle(sam).data
    transfer.import_bundle(lead, data)
    assert transfer.import_bundle(lead, data).summary == "Sam Okafor: nothing new"


def test_my_own_bundle_and_an_expired_one_are_refused_and_change_nothing(duo: Team) -> None:
    lead, sam = duo.stores
    records.create(sam, "quotes", text="Not yet sent.")
    data = transfer.export_bundle(sam).data
    before = review.info(lead)
    with pytest.raises(BundleRefused) as expired:
        transfer.import_bundle(lead, data, now=dt.datetime(2100, 1, 1, tzinfo=dt.UTC))
    assert expired.value.reason == "expired"
    with pytest.raises(BundleRefused):
        transfer.import_bundle(sam, data)
    assert review.info(lead) == before


def test_content_holds_the_tables_with_records_and_the_roster_only_from_the_lead(duo: Team) -> None:
    lead, sam = duo.stores
    records.create(sam, "quotes", text="Mine to send.")
    mine = transfer.content(sam)
    assert set(mine) == {"format", "known", "tables", "sync"}
    assert mine["sync"]["base"] == {} and mine["sync"]["have"][sam.member_id] > ""  # everything, and what Sam has
    assert "quotes" in mine["tables"] and "members" not in mine["tables"]
    assert "members" in transfer.content(lead)["tables"] and "quotes" not in transfer.content(lead)["tables"]

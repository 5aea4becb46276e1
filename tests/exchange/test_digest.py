"""content_digest: equal on two members' files exactly when their shared content is equal."""

from __future__ import annotations

from peerdesk.exchange.digest import content_digest
from peerdesk.services import records
from tests.helpers.exchange import Team, send


def test_two_files_agree_after_an_exchange_and_differ_after_an_edit_on_one_side(duo: Team) -> None:
    lead, sam = duo.stores
    records.create(sam, "quotes", text="We are heard at last.")
    send(sam, lead)
    send(lead, sam)
    assert content_digest(lead) == content_digest(sam)
    quote_id = records.create(lead, "quotes", text="Only on the lead's file.")[0]
    assert content_digest(lead) != content_digest(sam)
    records.delete(lead, "quotes", quote_id)
    assert content_digest(lead) != content_digest(sam)  # a tombstone is content too


def test_the_digest_is_a_sha256_hex_and_stable_while_nothing_changes(duo: Team) -> None:
    lead, _ = duo.stores
    digest = content_digest(lead)
    assert len(digest) == 64 and int(digest, 16) >= 0
    assert content_digest(lead) == digest

"""A bundle's header reads back exactly as written, and anything else is refused as damaged."""

from __future__ import annotations

from typing import Any

import pytest

from peerdesk.exchange import canonical
from peerdesk.exchange.errors import BundleRefused
from peerdesk.exchange.header import MAX_RECIPIENTS, SEALED_LEN, Header, Recipient, parse_header

HEADER = Header(
    bundle_id="b-1",
    review_id="r-1",
    sender_id="m-1",
    sender_name="Sam Okafor",
    created="2026-12-05T17:00:00Z",
    expires="2027-04-01",
    recipients=(Recipient("m-2", bytes(SEALED_LEN)), Recipient("m-3", b"\x01" * SEALED_LEN)),
)


def test_a_header_round_trips_and_finds_each_recipients_sealed_key() -> None:
    parsed = parse_header(canonical.dumps(HEADER.to_json()))
    assert parsed == HEADER
    assert parsed.sealed_for("m-3") == b"\x01" * SEALED_LEN
    assert parsed.sealed_for("m-9") is None


def changed(**fields: Any) -> bytes:
    return canonical.dumps({**HEADER.to_json(), **fields})


@pytest.mark.parametrize(
    "data",
    [
        b"{",
        changed(format=True),
        changed(format=2),
        changed(created="2026-13-40T00:00:00Z"),
        changed(expires="yesterday"),
        changed(sender={"id": "m-1"}),
        changed(recipients=[]),
        changed(recipients=[{"member": "m-2", "sealed": "AAAA"}]),
        changed(recipients=[HEADER.to_json()["recipients"][0]] * 2),
        changed(recipients=[HEADER.to_json()["recipients"][0]] * (MAX_RECIPIENTS + 1)),
        changed(note="extra field"),
    ],
)
def test_anything_but_a_well_formed_header_is_damaged(data: bytes) -> None:
    with pytest.raises(BundleRefused) as caught:
        parse_header(data)
    assert caught.value.reason == "damaged"


def test_a_damaged_bundle_is_said_in_plain_words_before_the_detail() -> None:
    # Seen under Xvfb: "The bundle is damaged or incomplete (its length does not match what its header says)".
    with pytest.raises(BundleRefused) as refused:
        parse_header(b"not a header")
    said = str(refused.value)
    assert refused.value.reason == "damaged"
    assert said.startswith(
        "The bundle is damaged or incomplete: part of it may have been lost on the way. Ask the sender to export it "
        "and send it again. (Details: "
    )

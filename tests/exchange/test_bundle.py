"""The .pdbundle format: written for named recipients, signed; parsed, verified and decrypted strictly."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from peerdesk.exchange import bundle
from peerdesk.exchange.errors import BundleRefused, ExportRefused
from peerdesk.exchange.identity import KeyPair, hpke_public

REVIEW = str(uuid.uuid4())
SENDER = str(uuid.uuid4())
READER = str(uuid.uuid4())
CONTENT = {"format": 1, "known": {}, "tables": {"notes": []}}


def _write(sender: KeyPair, reader: KeyPair, **changes: object) -> bytes:
    fields: dict[str, object] = {
        "review_id": REVIEW,
        "sender_id": SENDER,
        "sender_name": "Sam Okafor",
        "expires": "2099-01-01",
        "recipients": [(READER, reader.kem_public)],
        "signer": sender.signer(),
        "created": dt.datetime(2026, 3, 10, 18, 30, tzinfo=dt.UTC),
    }
    fields.update(changes)
    content = fields.pop("content", CONTENT)
    return bundle.write(bundle.Envelope(**fields), content)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def keys() -> tuple[KeyPair, KeyPair]:
    return KeyPair.generate(), KeyPair.generate()


def test_the_addressed_reader_gets_back_exactly_what_was_written(keys: tuple[KeyPair, KeyPair]) -> None:
    sender, reader = keys
    data = _write(sender, reader)
    assert data.startswith(bundle.MAGIC_LINE)
    parsed = bundle.parse(data)
    bundle.verify(parsed, sender.signing_public)
    assert bundle.decrypt(parsed, READER, reader.hpke_private()) == CONTENT
    assert hpke_public(reader.kem_public) is not None


def test_inspect_tells_sender_dates_and_size_without_any_key(keys: tuple[KeyPair, KeyPair]) -> None:
    data = _write(*keys)
    seen = bundle.inspect(data)
    assert (seen["sender"], seen["sender_id"], seen["review_id"]) == ("Sam Okafor", SENDER, REVIEW)
    assert (seen["created"], seen["expires"]) == ("2026-03-10T18:30:00Z", "2099-01-01")
    assert seen["recipients"] == [READER] and seen["size"] == len(data)


def test_another_key_cannot_verify_nor_decrypt_it(keys: tuple[KeyPair, KeyPair]) -> None:
    sender, reader = keys
    parsed = bundle.parse(_write(sender, reader))
    stranger = KeyPair.generate()
    with pytest.raises(BundleRefused) as signature:
        bundle.verify(parsed, stranger.signing_public)
    assert signature.value.reason == "bad-signature"
    with pytest.raises(BundleRefused) as addressed:
        bundle.decrypt(parsed, str(uuid.uuid4()), stranger.hpke_private())
    assert addressed.value.reason == "not-addressed"
    with pytest.raises(BundleRefused) as wrong_key:
        bundle.decrypt(parsed, READER, stranger.hpke_private())
    assert wrong_key.value.reason == "undecryptable"


def test_bytes_after_the_signature_or_a_cut_file_are_refused(keys: tuple[KeyPair, KeyPair]) -> None:
    data = _write(*keys)
    for damaged in (data + b"\x00", data[:-1], b"not a bundle at all"):
        with pytest.raises(BundleRefused):
            bundle.parse(damaged)


def test_a_bundle_that_colleagues_would_refuse_as_too_large_is_not_written(keys: tuple[KeyPair, KeyPair]) -> None:
    """The sender is told, rather than every recipient later: a review's texts may add up past what a reader
    unpacks (``MAX_PLAIN``) even when each record keeps its rules."""
    big = {**CONTENT, "tables": {"notes": [{"body": "x" * 400_000} for _ in range(32)]}}
    with pytest.raises(ExportRefused, match=r"unpack to 12\.\d MB, more than peerdesk accepts.*Nothing was exported"):
        _write(*keys, content=big)
    fits = {**CONTENT, "tables": {"notes": [{"body": "x" * 400_000} for _ in range(30)]}}
    parsed = bundle.parse(_write(*keys, content=fits))
    assert bundle.decrypt(parsed, READER, keys[1].hpke_private()) == fits


def test_a_bundle_needs_someone_to_go_to(keys: tuple[KeyPair, KeyPair]) -> None:
    with pytest.raises(ExportRefused, match="nobody to send"):
        _write(*keys, recipients=[])

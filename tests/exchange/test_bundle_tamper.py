"""A bundle changed anywhere, by one byte or by losing its end, is refused with a sentence; the file is unchanged."""

from __future__ import annotations

from pathlib import Path

from peerdesk.exchange import transfer
from peerdesk.exchange.digest import content_digest
from peerdesk.exchange.errors import BundleRefused
from peerdesk.services import records
from tests.helpers.exchange import make_team
from tests.helpers.files import all_bytes


def test_every_flipped_byte_and_every_truncation_is_refused_and_changes_nothing(tmp_path: Path) -> None:
    crew = make_team(tmp_path, size=2)
    lead, sam = crew.stores
    try:
        records.create(lead, "quotes", text="Short, small, and signed")
        data = transfer.export_bundle(lead).data
        # a new review carries its question bank (#3), each approach in two versions (#20): about 55 short records
        assert len(data) < 14_000
        before, raw_before = content_digest(sam), all_bytes(sam.path)
        reasons: dict[str, int] = {}

        def attempt(variant: bytes) -> None:
            try:
                transfer.import_bundle(sam, variant)
            except BundleRefused as exc:
                assert len(str(exc)) > 30
                reasons[exc.reason] = reasons.get(exc.reason, 0) + 1
            else:  # pragma: no cover - the failure this test exists to catch
                raise AssertionError(f"a changed bundle was accepted ({len(variant)} bytes)")

        for i in range(len(data)):
            attempt(data[:i] + bytes([data[i] ^ 0xFF]) + data[i + 1 :])
        for length in range(len(data)):
            attempt(data[:length])
        attempt(data + b"\x00")

        assert sum(reasons.values()) == 2 * len(data) + 1
        assert set(reasons) <= {
            "not-a-bundle",
            "newer-format",
            "damaged",
            "bad-signature",
            "unknown-signer",
            "other-review",
        }
        assert content_digest(sam) == before
        assert all_bytes(sam.path) == raw_before
        # The original still imports: the refusals left no trace that would block it.
        assert transfer.import_bundle(sam, data).summary == "Alex Lead: 1 new quote"
    finally:
        crew.close()


def test_the_header_parser_refuses_or_reads_but_never_fails_otherwise() -> None:
    """The header is read before any signature check, by anyone who runs ``bundle inspect``: any byte, anywhere
    in it, gives a ``BundleRefused`` or a header, never another exception."""
    from peerdesk.exchange import bundle
    from tests.exchange.test_vectors import VECTORS, read_vector

    data = read_vector(VECTORS / "valid.vector")[1]
    start = len(bundle.MAGIC_LINE) + 4
    end = start + len(bundle.parse(data).header_bytes)
    outcomes: dict[str, int] = {}
    for at in range(start, end):
        for byte in b'9"\\\x00{[e.-\xff':
            variant = data[:at] + bytes([byte]) + data[at + 1 :]
            try:
                bundle.inspect(variant)
                outcome = "read"
            except BundleRefused as exc:
                outcome = exc.reason
            outcomes[outcome] = outcomes.get(outcome, 0) + 1
    assert set(outcomes) <= {"read", "damaged"} and outcomes["damaged"] > outcomes.get("read", 0)

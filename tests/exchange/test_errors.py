"""Why the exchange layer refused something: a stable reason code for tests, a sentence for people."""

from __future__ import annotations

from peerdesk.errors import PeerdeskError
from peerdesk.exchange.errors import BundleRefused, CardRefused, ExportRefused


def test_a_refused_bundle_keeps_its_reason_code_apart_from_its_message() -> None:
    refused = BundleRefused("expired", "The bundle expired on 1 May 2026.")
    assert refused.reason == "expired" and str(refused) == "The bundle expired on 1 May 2026."


def test_every_exchange_refusal_is_a_peerdesk_error_the_cli_and_ui_know_how_to_show() -> None:
    for error in (BundleRefused("x", "y"), CardRefused("y"), ExportRefused("y")):
        assert isinstance(error, PeerdeskError) and str(error) == "y"

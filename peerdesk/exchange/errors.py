"""Why the exchange layer refused something, each with a sentence a reviewer can act on."""

from __future__ import annotations

from peerdesk.errors import PeerdeskError


class BundleRefused(PeerdeskError):
    """A bundle was not imported; ``reason`` is a stable code (tests and the vectors kit name it), the text is
    for people. Nothing in the review file was changed."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


class CardRefused(PeerdeskError):
    """A member card or an invitation could not be used."""


class ExportRefused(PeerdeskError):
    """A bundle could not be made (nobody to send to, no post-quantum KEM on this computer...)."""

"""Member cards and invitations: small signed text blocks people paste into an email or save as a file.

A card carries a member's name, role and public keys for one review; it is signed with the member's own
Ed25519 key (proof that whoever made it holds that key). An invitation is the lead's card plus the review id,
signed by the lead. Neither proves *who* made it: that is what comparing fingerprints aloud is for.

Text form::

    Sam Okafor (reviewer), fingerprint 12345 67890 12345 67890
    -----BEGIN PEERDESK MEMBER CARD-----
    <base64 of canonical JSON, 64 columns>
    -----END PEERDESK MEMBER CARD-----

Only the armoured block is read back; the line above it is for people.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import re
import textwrap
from dataclasses import asdict, dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric import ed25519

from peerdesk.exchange import canonical
from peerdesk.exchange.errors import CardRefused
from peerdesk.exchange.identity import b64, fingerprint, unb64, usable_keys
from peerdesk.files import read_at_most, reason
from peerdesk.roles import ROLES
from peerdesk.store import rules

CARD_LABEL = "PEERDESK MEMBER CARD"
INVITE_LABEL = "PEERDESK INVITATION"
MAX_TEXT = 64 * 1024
ED25519_PUBLIC = 32
HPKE_PUBLIC = 1184 + 32  # ML-KEM-768 encapsulation key + X25519 public key


@dataclass(frozen=True)
class Card:
    review_id: str
    member_id: str
    name: str
    role: str
    signing_key: bytes
    kem_key: bytes

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.signing_key, self.kem_key)

    def fields(self) -> dict[str, Any]:
        """Every field as text: the keys in base64."""
        return {**asdict(self), "signing_key": b64(self.signing_key), "kem_key": b64(self.kem_key)}

    @classmethod
    def from_fields(cls, data: Any) -> Card:
        expected = {"review_id", "member_id", "name", "role", "signing_key", "kem_key"}
        if not isinstance(data, dict) or set(data) != expected or not all(isinstance(v, str) for v in data.values()):
            raise CardRefused("The card is not complete: ask for a new one.")
        try:
            signing, kem = unb64(data["signing_key"]), unb64(data["kem_key"])
        except (binascii.Error, ValueError):
            raise CardRefused("The card's keys are damaged: ask for a new one.") from None
        if len(signing) != ED25519_PUBLIC or len(kem) != HPKE_PUBLIC or not usable_keys(signing, kem):
            raise CardRefused("The card's keys are not the kind peerdesk uses: ask for a new one.")
        if not data["name"].strip() or rules.check("members", "name", data["name"]) is not None:
            raise CardRefused("The card has no usable name: ask for a new one.")
        # What a card says goes into the roster (a joiner's file takes the lead's card as it is), which travels in
        # bundles checked by these same rules in every colleague's file.
        if not rules.is_id(data["review_id"]) or not rules.is_id(data["member_id"]) or data["role"] not in ROLES:
            raise CardRefused("The card is damaged (its review, member or role is not one peerdesk knows).")
        return cls(data["review_id"], data["member_id"], data["name"], data["role"], signing, kem)


@dataclass(frozen=True)
class Invitation:
    lead: Card
    created: str


def _signed_body(kind: str, body: dict[str, Any]) -> bytes:
    return b"peerdesk-" + kind.encode() + b"-v1\x00" + canonical.dumps(body)


def _armor(label: str, headline: str, payload: bytes) -> str:
    lines = textwrap.wrap(base64.b64encode(payload).decode("ascii"), 64)
    return "\n".join([headline, f"-----BEGIN {label}-----", *lines, f"-----END {label}-----", ""])


# What the other kind of block is, and what to ask for instead: a card pasted where an invitation goes, and back.
_MIXED_UP = MappingProxyType(
    {
        INVITE_LABEL: (CARD_LABEL, "That is a member card, not an invitation: ask the lead for an invitation."),
        CARD_LABEL: (INVITE_LABEL, "That is an invitation, not a member card: ask your colleague for their card."),
    }
)


def read_file(path: Path, what: str) -> str:
    """The text of a saved card or invitation (``what``, as the user calls it). A card is ~2 KB: no more than a
    card could be is read, so a huge file chosen by mistake (or sent on purpose) is refused without filling memory.
    """
    most = MAX_TEXT * 4  # UTF-8: up to four bytes a character
    try:
        data = read_at_most(path, most)
    except IsADirectoryError:
        raise CardRefused(f"{path.name} is a folder, not {with_article(what)}.") from None
    except (OSError, ValueError) as exc:  # missing, no permission, a pipe (which would never end)
        raise CardRefused(f"{path.name} cannot be read: {reason(exc)}.") from None
    if data is None:
        raise CardRefused(f"That is far too long to be {with_article(what)}.")
    return data.decode("utf-8", errors="replace")


def _unarmor(label: str, text: str, what: str) -> bytes:
    if len(text) > MAX_TEXT:
        raise CardRefused(f"That is far too long to be {with_article(what)}.")
    match = re.search(rf"-----BEGIN {label}-----(.*?)-----END {label}-----", text, re.DOTALL)
    if match is None:
        other, instead = _MIXED_UP[label]
        if f"-----BEGIN {other}-----" in text and f"-----BEGIN {label}-----" not in text:
            raise CardRefused(instead)
        raise CardRefused(f"No {what} found: paste the whole block, from -----BEGIN to -----END.")
    try:
        return base64.b64decode("".join(match.group(1).split()), validate=True)
    except (binascii.Error, ValueError):
        raise CardRefused(f"The {what} is damaged (a line may be missing or changed).") from None


def _seal(kind: str, body: dict[str, Any], signer: ed25519.Ed25519PrivateKey) -> bytes:
    signature = signer.sign(_signed_body(kind, body))
    return canonical.dumps({**body, "kind": kind, "signature": b64(signature)})


def _open(kind: str, payload: bytes, what: str) -> tuple[dict[str, Any], bytes]:
    """The signed body of ``payload`` (``what``: "member card", "invitation", as the user calls it)."""
    try:
        data = canonical.loads(payload)
    except canonical.NotCanonical:
        raise CardRefused(f"The {what} is damaged (a line may be missing or changed).") from None
    if not isinstance(data, dict) or data.get("kind") != kind or not isinstance(data.get("signature"), str):
        raise CardRefused(f"That is not {with_article(what)}.")
    try:
        signature = unb64(data.pop("signature"))
    except ValueError:  # not base64 (binascii.Error), or not even ASCII
        raise CardRefused(f"The {what} was changed after it was made (its signature is damaged).") from None
    del data["kind"]
    return data, signature


def with_article(what: str) -> str:
    """ "a member card", "an invitation"."""
    return f"{'an' if what[:1] in tuple('aeiou') else 'a'} {what}"


def _verify(kind: str, body: dict[str, Any], signature: bytes, key: bytes, what: str) -> None:
    try:
        ed25519.Ed25519PublicKey.from_public_bytes(key).verify(signature, _signed_body(kind, body))
    except (InvalidSignature, ValueError):
        raise CardRefused(f"The {what} was changed after it was made (its signature does not match).") from None


# --- cards ---------------------------------------------------------------------------------------------------


def card_text(card: Card, signer: ed25519.Ed25519PrivateKey) -> str:
    headline = f"{card.name} ({card.role}), fingerprint {card.fingerprint}"
    return _armor(CARD_LABEL, headline, _seal("card", card.fields(), signer))


def read_card(text: str) -> Card:
    body, signature = _open("card", _unarmor(CARD_LABEL, text, "member card"), "member card")
    card = Card.from_fields(body)
    _verify("card", body, signature, card.signing_key, "member card")
    return card


# --- invitations ---------------------------------------------------------------------------------------------


def invitation_text(lead: Card, signer: ed25519.Ed25519PrivateKey, created: dt.datetime | None = None) -> str:
    when = (created or dt.datetime.now(dt.UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
    body = {"lead": lead.fields(), "created": when}
    headline = f"Invitation from {lead.name} to join a peerdesk review; fingerprint {lead.fingerprint}"
    return _armor(INVITE_LABEL, headline, _seal("invitation", body, signer))


def read_invitation(text: str) -> Invitation:
    body, signature = _open("invitation", _unarmor(INVITE_LABEL, text, "invitation"), "invitation")
    if set(body) != {"lead", "created"} or not isinstance(body["created"], str):
        raise CardRefused("The invitation is not complete: ask the lead for a new one.")
    lead = Card.from_fields(body["lead"])
    _verify("invitation", body, signature, lead.signing_key, "invitation")
    return Invitation(lead, body["created"])

"""A bundle's header: readable without any key, so it names people and dates, never the review's content.

Canonical JSON with exactly these fields: ``format`` (the integer 1), ``bundle`` and ``review`` ids, ``sender``
{``id``, ``name``}, ``created`` (UTC, ``YYYY-MM-DDTHH:MM:SSZ``), ``expires`` (``YYYY-MM-DD``, the review's
retention date), ``suite`` and ``recipients`` [{``member``, ``sealed``}] (the content key sealed to each, base64).
It is parsed before the signature is checked, so ``parse_header`` is strict and raises nothing but ``damaged``.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from peerdesk.exchange import canonical
from peerdesk.exchange.errors import BundleRefused
from peerdesk.store import rules

FORMAT = 1
MAX_RECIPIENTS = 32
MAX_SENDER_NAME = rules.MAX_NAME
KEY_LEN = 32
SUITE_NAME = "MLKEM768-X25519/HKDF-SHA256/AES-256-GCM"
SEALED_LEN = 1120 + KEY_LEN + 16  # HPKE encapsulated key + sealed content key + tag
_HEADER_KEYS = frozenset({"format", "bundle", "review", "sender", "created", "expires", "suite", "recipients"})
_CREATED = re.compile(r"\A[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z\Z")  # ASCII digits only


def damaged(why: str) -> BundleRefused:
    # Plain words first (a council officer reads this); the technical detail last, for whoever helps them.
    return BundleRefused(
        "damaged",
        "The bundle is damaged or incomplete: part of it may have been lost on the way. Ask the sender to export "
        f"it and send it again. (Details: {why}.)",
    )


@dataclass(frozen=True)
class Recipient:
    member_id: str
    sealed: bytes


@dataclass(frozen=True)
class Header:
    bundle_id: str
    review_id: str
    sender_id: str
    sender_name: str
    created: str  # UTC, "YYYY-MM-DDTHH:MM:SSZ"
    expires: str  # "YYYY-MM-DD": the review's retention date
    recipients: tuple[Recipient, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "bundle": self.bundle_id,
            "review": self.review_id,
            "sender": {"id": self.sender_id, "name": self.sender_name},
            "created": self.created,
            "expires": self.expires,
            "suite": SUITE_NAME,
            "recipients": [
                {"member": r.member_id, "sealed": base64.b64encode(r.sealed).decode("ascii")} for r in self.recipients
            ],
        }

    def sealed_for(self, member_id: str) -> bytes | None:
        for r in self.recipients:
            if r.member_id == member_id:
                return r.sealed
        return None


def parse_header(header_bytes: bytes) -> Header:
    try:
        raw = canonical.loads(
            header_bytes,
            max_containers=2 * MAX_RECIPIENTS + 8,
            max_strings=16 * MAX_RECIPIENTS,
            max_items=16 * MAX_RECIPIENTS,
        )
    except canonical.NotCanonical:
        raise damaged("its header is not readable") from None
    if not isinstance(raw, dict) or set(raw) != _HEADER_KEYS:
        raise damaged("its header has the wrong fields")
    sender, recipients = raw["sender"], raw["recipients"]
    ok = (
        type(raw["format"]) is int  # not true, not 1.0: both compare equal to 1
        and raw["format"] == FORMAT
        and raw["suite"] == SUITE_NAME
        and all(isinstance(raw[k], str) for k in ("bundle", "review", "created", "expires"))
        and rules.is_id(raw["bundle"])
        and rules.is_id(raw["review"])
        and isinstance(sender, dict)
        and set(sender) == {"id", "name"}
        and all(isinstance(v, str) for v in sender.values())
        and rules.is_id(sender["id"])
        and len(sender["name"]) <= MAX_SENDER_NAME
        and isinstance(recipients, list)
        and 0 < len(recipients) <= MAX_RECIPIENTS
    )
    if not ok or not _is_created(raw["created"]) or not rules.is_date(raw["expires"]):
        raise damaged("its header has values of the wrong kind")
    parsed: list[Recipient] = []
    for item in recipients:
        if not isinstance(item, dict) or set(item) != {"member", "sealed"} or not isinstance(item["member"], str):
            raise damaged("a recipient line is malformed")
        if not rules.is_id(item["member"]) or not isinstance(item["sealed"], str):
            raise damaged("a recipient line is malformed")
        try:
            sealed = base64.b64decode(item["sealed"].encode("ascii"), validate=True)
        except (binascii.Error, ValueError, UnicodeEncodeError):
            raise damaged("a recipient's key is malformed") from None
        if len(sealed) != SEALED_LEN:
            raise damaged("a recipient's key has the wrong length")
        parsed.append(Recipient(item["member"], sealed))
    if len({r.member_id for r in parsed}) != len(parsed):
        raise damaged("a recipient appears twice")
    return Header(
        raw["bundle"], raw["review"], sender["id"], sender["name"], raw["created"], raw["expires"], tuple(parsed)
    )


def _is_created(value: str) -> bool:
    if not _CREATED.match(value):
        return False
    try:
        dt.datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ")
    except ValueError:
        return False
    return True

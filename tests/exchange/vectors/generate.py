"""Writes the bundle test vectors: one file per case, named for what it tests, with the refusal it expects.

Run from the repository root: ``python tests/exchange/vectors/generate.py``. Each ``.vector`` file is::

    expect: <refusal reason, or "success">
    comment: <what was done to the bundle>
    ---
    <the bundle's bytes>
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import struct
import sys
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[3]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from peerdesk.exchange import bundle, canonical  # noqa: E402
from tests.helpers import vector_world as w  # noqa: E402

HERE = Path(__file__).resolve().parent
QUOTE_ID = "5d0c1f3e-6d9a-4f61-9a52-0c7d2f1e9b10"


def content(author: str = "lead") -> dict[str, Any]:
    fields = {
        "interview_id": "",
        "group_id": "",
        "note_id": "",
        "text": "They asked us what we thought, for once",
        "anchor_start": -1,
        "anchor_end": -1,
        "kind": "rose",
        "starred": False,
        "guard_decision": "",
        "deleted": False,
    }
    quote = {
        "id": QUOTE_ID,
        "author_id": w.member_id(author),
        "versions": {f: w.stamp(author) for f in fields},
        "updated": w.stamp(author),
        **fields,
    }
    return {"format": 1, "known": {w.member_id(author): w.stamp(author, 9)}, "tables": {"quotes": [quote]}}


def make(
    sender: str = "lead",
    *,
    plain: bytes | None = None,
    body: Any = None,
    review: str = w.REVIEW_ID,
    to: tuple[str, ...] = ("me", "other"),
    expires: str = w.EXPIRES,
    seal_as: dict[str, str] | None = None,
) -> bytes:
    if plain is None:
        plain = zlib.compress(canonical.dumps(content(sender) if body is None else body), 9)
    return bundle.write_plain(
        review_id=review,
        sender_id=w.member_id(sender),
        sender_name=sender.title(),
        expires=expires,
        recipients=[(w.member_id(n), w.keys(n).kem_public) for n in to],
        plain=plain,
        signer=w.keys(sender).signer(),
        created=dt.datetime.fromisoformat(w.CREATED.replace("Z", "+00:00")),
        seal_as=seal_as,
    )


def flip(data: bytes, at: int) -> bytes:
    at %= len(data)
    return data[:at] + bytes([data[at] ^ 0x01]) + data[at + 1 :]


def reframe(data: bytes, header: bytes, signer: str = "lead") -> bytes:
    """Same payload under another header, properly framed and signed (to reach checks after the signature)."""
    parsed = bundle.parse(data)
    signed = bundle.MAGIC_LINE + struct.pack(">I", len(header)) + header
    signed += struct.pack(">Q", len(parsed.payload)) + parsed.payload
    return signed + w.keys(signer).signer().sign(signed)


def with_record(change: Callable[[dict[str, Any]], None]) -> dict[str, Any]:
    body = copy.deepcopy(content())
    change(body["tables"]["quotes"][0])
    return body


def bomb() -> bytes:
    packer = zlib.compressobj(9)
    chunk = b"\x00" * 2**20
    return b"".join(packer.compress(chunk) for _ in range(bundle.MAX_PLAIN // 2**20 + 1)) + packer.flush()


def roster_body() -> dict[str, Any]:
    body = content("other")
    fields = {
        "name": "Mallory",
        "role": "lead",
        "initials": "MA",
        "signing_key": "",
        "kem_key": "",
        "removed": False,
        "deleted": False,
    }
    body["tables"]["members"] = [
        {
            "id": w.member_id("mallory"),
            "author_id": w.member_id("other"),
            "versions": {f: w.stamp("other") for f in fields},
            "updated": w.stamp("other"),
            **fields,
        }
    ]
    return body


def vectors() -> dict[str, tuple[str, str, Callable[[], bytes]]]:
    def valid() -> bytes:
        return make()

    def header_spaced() -> bytes:
        good = make()
        header = json.dumps(bundle.parse(good).header.to_json(), sort_keys=True).encode()
        return reframe(good, header)

    return {
        "valid": ("success", "a bundle from the lead with one quote", valid),
        "header_byte_changed": (
            "bad-signature",
            "one bit of the sender's name changed after signing",
            lambda: (lambda v: flip(v, v.index(b'"name":"Lead"') + 9))(valid()),
        ),
        "payload_byte_changed": ("bad-signature", "one bit of the ciphertext changed", lambda: flip(valid(), -100)),
        "signature_byte_changed": ("bad-signature", "one bit of the signature changed", lambda: flip(valid(), -1)),
        "truncated": ("damaged", "the last 10 bytes are missing", lambda: valid()[:-10]),
        "trailing_byte": ("damaged", "one byte added after the signature", lambda: valid() + b"\x00"),
        "newer_format": (
            "newer-format",
            "the first line says format 2",
            lambda: b"peerdesk-bundle/2\n" + valid()[len(bundle.MAGIC_LINE) :],
        ),
        "not_a_bundle": ("not-a-bundle", "a zip file's first bytes", lambda: b"PK\x03\x04" + b"\x00" * 60),
        "header_not_canonical": ("damaged", "the header has spaces: not canonical JSON, though signed", header_spaced),
        "unknown_signer": ("unknown-signer", "signed by someone not on the roster", lambda: make("outsider")),
        "removed_signer": ("removed-signer", "signed by a member the lead removed", lambda: make("removed")),
        "other_review": (
            "other-review",
            "signed by the lead but for another review",
            lambda: make(review=w.OTHER_REVIEW_ID),
        ),
        "not_addressed": ("not-addressed", "encrypted to another member only", lambda: make(to=("other",))),
        "expired": ("expired", "its retention date has passed", lambda: make(expires="2025-01-02")),
        "key_bound_to_other_recipient": (
            "undecryptable",
            "my sealed key was bound to another member's id",
            lambda: make(seal_as={w.member_id("me"): w.member_id("other")}),
        ),
        "not_zlib": ("malformed", "the decrypted content is not zlib data", lambda: make(plain=b"plain text")),
        "bomb": ("bomb", "a small payload that unpacks to over 256 MB", lambda: make(plain=bomb())),
        "duplicate_key": (
            "malformed",
            "a JSON object repeats a key",
            lambda: make(plain=zlib.compress(b'{"format":1,"format":1}')),
        ),
        "nan_number": ("malformed", "NaN, which JSON does not have", lambda: make(plain=zlib.compress(b'{"a":NaN}'))),
        "not_canonical": ("malformed", "content with spaces", lambda: make(plain=zlib.compress(b'{"format": 1}'))),
        "unknown_table": (
            "malformed",
            "a table that is not shared",
            lambda: make(body={**content(), "tables": {"identity": []}}),
        ),
        "wrong_type": (
            "malformed",
            "a boolean field holding a string",
            lambda: make(body=with_record(lambda r: r.update(starred="yes"))),
        ),
        "extra_field": (
            "malformed",
            "a record with a field the table does not have",
            lambda: make(body=with_record(lambda r: r.update(speaker="a name"))),
        ),
        "bad_version": (
            "malformed",
            "a version that is not a clock stamp",
            lambda: make(body=with_record(lambda r: r["versions"].update(text="yesterday"))),
        ),
        "roster_from_member": (
            "roster-not-lead",
            "a reviewer's bundle that adds a member to the team",
            lambda: make("other", body=roster_body()),
        ),
        "clock_ahead": (
            "clock-ahead",
            "an edit stamped in the year 2286",
            lambda: make(
                body=with_record(lambda r: r["versions"].update(text=f"9999999999999.00000.{w.member_id('lead')}"))
            ),
        ),
    }


def main() -> None:
    for old in HERE.glob("*.vector"):
        old.unlink()
    for name, (expect, comment, build) in vectors().items():
        data = build()
        (HERE / f"{name}.vector").write_bytes(f"expect: {expect}\ncomment: {comment}\n---\n".encode() + data)
    print(f"wrote {len(vectors())} vectors to {HERE}")


if __name__ == "__main__":
    main()

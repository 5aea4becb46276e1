"""Writes the bundle test vectors: one file per case, named for what it tests, with the refusal it expects.

Run from the repository root: ``python tests/exchange/vectors/generate.py``. Each ``.vector`` file is::

    expect: <refusal reason, or "success">
    comment: <what was done to the bundle>
    ---
    <the bundle's bytes>

Everything is derived from fixed names and seeds (``tests/helpers/vector_world.py``, ``seeded_id``); only HPKE and
the AES-GCM nonce draw fresh randomness. The hostile classes of issue #15 (content that breaks the shared rules,
review-wide facts from a member, strict JSON in header and content, resource exhaustion, outside strings with
controls) are in ``hostile()``; huge payloads repeat one pattern so that their files stay small.
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import json
import struct
import sys
import uuid
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[3]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from peerdesk.exchange import bundle, canonical  # noqa: E402
from peerdesk.store import rules  # noqa: E402
from peerdesk.store.models import SHARED_MODELS  # noqa: E402
from peerdesk.store.tables import BOOKKEEPING  # noqa: E402
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
    sender_name: str | None = None,
) -> bytes:
    if plain is None:
        plain = zlib.compress(canonical.dumps(content(sender) if body is None else body), 9)
    envelope = bundle.Envelope(
        review_id=review,
        sender_id=w.member_id(sender),
        sender_name=sender.title() if sender_name is None else sender_name,
        expires=expires,
        recipients=[(w.member_id(n), w.keys(n).kem_public) for n in to],
        signer=w.keys(sender).signer(),
        created=dt.datetime.fromisoformat(w.CREATED.replace("Z", "+00:00")),
    )
    return bundle.write_plain(envelope, plain, seal_as=seal_as)


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
        **hostile(),
    }


# --- the hostile corpus (issue #15) --------------------------------------------------------------------------------


def seeded_id(label: str) -> str:
    return str(uuid.UUID(bytes=hashlib.sha256(b"vector record " + label.encode()).digest()[:16], version=4))


def record(table: str, label: str, author: str = "lead", **fields: Any) -> dict[str, Any]:
    """A record of ``table`` with every column at its default, then ``fields``, all stamped by ``author``."""
    values: dict[str, Any] = {}
    for column in SHARED_MODELS[table].__table__.columns:  # type: ignore[attr-defined]
        if column.name in BOOKKEEPING:
            continue
        default = column.default.arg if column.default is not None else None
        values[column.name] = default() if callable(default) else default
    values.update(fields)
    if any(isinstance(v, float) for v in values.values()) or table in ("themes", "postits"):
        for column in SHARED_MODELS[table].__table__.columns:  # type: ignore[attr-defined]
            if isinstance(values.get(column.name), int) and column.type.python_type is float:
                values[column.name] = float(values[column.name])
    return {
        "id": REVIEW_RECORD if table == "review" else seeded_id(label),
        "author_id": w.member_id(author),
        "versions": {f: w.stamp(author) for f in values},
        "updated": w.stamp(author),
        **values,
    }


REVIEW_RECORD = w.REVIEW_ID
EVIL_NAME = "Lead\x1b[31m\u202e\x00\n\x1b]0;owned\x07"  # colour, right-to-left override, NUL, newline, a title


def review_record(author: str = "lead", **fields: Any) -> dict[str, Any]:
    base = {
        "authority": "Westbrook County Council",
        "focus": "Early help",
        "visit_start": "2026-12-04",
        "visit_end": "2026-12-05",
        "followup_date": "2027-04-04",
        "retention_date": "2099-06-30",
    }
    return record("review", "review", author, **{**base, **fields})


def timetable() -> dict[str, list[dict[str, Any]]]:
    """A small, legal Day 1: one slot, team, group, interview, note, quote, theme and post-it."""
    slot = record("slots", "slot", day=1, starts="09:45", ends="10:30")
    team = record("teams", "team", name="Team A", room="Room 1")
    group = record("stakeholder_groups", "group", name="Foster carers", position=1.0)
    interview = record(
        "interviews",
        "interview",
        slot_id=slot["id"],
        team_id=team["id"],
        group_id=group["id"],
        approach="appreciative",
        attendees=6,
        title="Foster carers",
    )
    note = record("notes", "note", interview_id=interview["id"], body="They asked us what we thought, for once.")
    quote = record(
        "quotes",
        "quote",
        interview_id=interview["id"],
        group_id=group["id"],
        note_id=note["id"],
        text="They asked us what we thought, for once",
        kind="rose",
    )
    theme = record("themes", "theme", heading="Being heard", x=0.0, y=0.0, width=380.0, height=420.0)
    postit = record(
        "postits", "postit", kind="rose", text="Being asked", quote_id=quote["id"], theme_id=theme["id"], placed=True
    )
    postit.update(x=20.0, y=60.0)
    return {
        "slots": [slot],
        "teams": [team],
        "stakeholder_groups": [group],
        "interviews": [interview],
        "notes": [note],
        "quotes": [quote],
        "themes": [theme],
        "postits": [postit],
    }


def body_with(tables: dict[str, list[dict[str, Any]]], author: str = "lead") -> dict[str, Any]:
    return {"format": 1, "known": {w.member_id(author): w.stamp(author, 9)}, "tables": tables}


def a_review(change: Callable[[dict[str, list[dict[str, Any]]]], None] | None = None, **review: Any) -> bytes:
    tables = {"review": [review_record(**review)], **timetable()}
    if change is not None:
        change(tables)
    return make(body=body_with(tables))


def set_field(table: str, **fields: Any) -> Callable[[dict[str, list[dict[str, Any]]]], None]:
    def change(tables: dict[str, list[dict[str, Any]]]) -> None:
        tables[table][0].update(fields)

    return change


def raw_content(tail: bytes) -> bytes:
    """The valid quote bundle's content with ``tail`` (raw JSON text) spliced in as a quote's ``anchor_start``."""
    text = canonical.dumps(content()).replace(b'"anchor_start":-1', b'"anchor_start":' + tail)
    return make(plain=zlib.compress(text, 9))


def header_with(replace: bytes, by: bytes) -> bytes:
    """A bundle whose (canonical) header has ``replace`` swapped for ``by``, properly framed and signed again."""
    good = make()
    header = canonical.dumps(bundle.parse(good).header.to_json())
    assert replace in header
    return reframe(good, header.replace(replace, by, 1))


def streamed(prefix: bytes, piece: bytes, count: int, suffix: bytes) -> bytes:
    """zlib of prefix + piece × count + suffix, without ever holding the whole in memory."""
    packer = zlib.compressobj(9)
    out = [packer.compress(prefix)]
    block = piece * max(1, 2**20 // len(piece))
    full, rest = divmod(count, len(block) // len(piece))
    out.extend(packer.compress(block) for _ in range(full))
    out.append(packer.compress(piece * rest + suffix))
    return b"".join(out) + packer.flush()


def huge_text(table: str, field: str, size: int) -> bytes:
    """One record whose ``field`` holds ``size`` letters, streamed (250 MB never exists in memory)."""
    rec = canonical.dumps(record(table, "huge", **{field: "@"}))
    before, after = rec.split(b'"@"')
    head = b'{"format":1,"known":{},"tables":{"' + table.encode() + b'":[' + before + b'"'
    return make(plain=streamed(head, b"a", size, b'"' + after + b"]}}"))


def bare_tag(label: str) -> dict[str, Any]:
    """A tag with no history (legal: it loses to any write), the smallest record there is."""
    return record("tags", label, name="t") | {"id": f"tag-{label}", "author_id": "", "versions": {}, "updated": ""}


def many_records(count: int, distinct: bool) -> bytes:
    if not distinct:
        tag = canonical.dumps(bare_tag("many"))
        head = b'{"format":1,"known":{},"tables":{"tags":['
        return make(plain=streamed(head, tag + b",", count - 1, tag + b"]}}"))
    return make(body=body_with({"tags": [bare_tag(f"{i:06d}") for i in range(count)]}))


def with_conflict(**change: Any) -> dict[str, Any]:
    """The valid quote bundle plus the conflict keeping an earlier text of that quote (shared since 0012)."""
    body = content()
    fields = {
        "table_name": "quotes",
        "row_id": QUOTE_ID,
        "field": "text",
        "value": "They asked us, for once",
        "version": w.stamp("lead"),
        "winner_version": w.stamp("lead", 1),
        "created": w.CREATED,
        "resolved": False,
        "deleted": False,
    } | {k: v for k, v in change.items() if k != "id"}
    derived = rules.conflict_id(fields["table_name"], fields["row_id"], fields["field"], fields["version"])
    bookkeeping = {"author_id": w.member_id("lead"), "updated": w.stamp("lead")}
    versions = {f: w.stamp("lead") for f in fields}
    body["tables"]["conflicts"] = [{"id": change.get("id", derived), **bookkeeping, "versions": versions, **fields}]
    return body


def hostile() -> dict[str, tuple[str, str, Callable[[], bytes]]]:
    return {
        "conflict_kept": (
            "success",
            "a conflict keeping an earlier text of the quote it brings",
            lambda: make(body=with_conflict()),
        ),
        "conflict_id_not_derived": (
            "invalid",
            "a conflict whose id is not the one derived from what it keeps (copies would not merge)",
            lambda: make(body=with_conflict(id=seeded_id("any conflict"))),
        ),
        "conflict_field_not_text": (
            "invalid",
            "a conflict naming a field that is not a text (the quote's group)",
            lambda: make(body=with_conflict(field="group_id")),
        ),
        "conflict_of_the_roster": (
            "invalid",
            "a conflict about the roster, which only the lead writes",
            lambda: make(body=with_conflict(table_name="members", field="name")),
        ),
        "review_valid": ("success", "the lead's review record and a small legal Day 1", lambda: a_review()),
        "quote_kind_zzz": ("invalid", "a quote whose kind is 'zzz'", lambda: a_review(set_field("quotes", kind="zzz"))),
        "postit_kind_zzz": (
            "invalid",
            "a post-it whose kind is 'zzz'",
            lambda: a_review(set_field("postits", kind="zzz")),
        ),
        "guard_decision_maybe": (
            "invalid",
            "a quote whose guard decision is 'maybe'",
            lambda: a_review(set_field("quotes", guard_decision="maybe")),
        ),
        "slot_starts_25_99": (
            "invalid",
            "a slot starting at 25:99",
            lambda: a_review(set_field("slots", starts="25:99")),
        ),
        "slot_time_arabic_digits": (
            "invalid",
            "a slot starting at 09:45 written in Arabic-Indic digits",
            lambda: a_review(set_field("slots", starts="٠٩:٤٥")),
        ),
        "visit_start_x": ("invalid", "the visit starting on 'x'", lambda: a_review(visit_start="x")),
        "retention_soon": ("invalid", "a retention date 'soon'", lambda: a_review(retention_date="soon")),
        "retention_in_the_past": (
            "retention-past",
            "the lead moves the retention date into the past",
            lambda: a_review(retention_date="2025-06-01"),
        ),
        "member_changes_retention": (
            "review-not-lead",
            "a reviewer's bundle whose review record holds a retention date the reviewer wrote",
            lambda: make("other", body=body_with({"review": [review_record("other")]}, "other")),
        ),
        "second_review_record": (
            "invalid",
            "a second review record",
            lambda: a_review(lambda t: t["review"].append(record("review", "second") | {"id": seeded_id("second")})),
        ),
        "other_review_record": (
            "invalid",
            "a review record with another review's id",
            lambda: a_review(lambda t: t["review"][0].update(id=w.OTHER_REVIEW_ID)),
        ),
        "coordinates_1e308": ("invalid", "a post-it at x = 1e308", lambda: a_review(set_field("postits", x=1e308))),
        "coordinates_minus_1e308": (
            "invalid",
            "a theme at y = -1e308",
            lambda: a_review(set_field("themes", y=-1e308)),
        ),
        "attendees_minus_5": (
            "invalid",
            "an interview with -5 attending",
            lambda: a_review(set_field("interviews", attendees=-5)),
        ),
        "int_beyond_2_53": (
            "invalid",
            "2**53 + 1 people attending (a number JSON readers no longer hold exactly)",
            lambda: a_review(set_field("interviews", attendees=2**53 + 1)),
        ),
        "dangling_interview": (
            "dangling",
            "a quote of an interview nobody has",
            lambda: a_review(set_field("quotes", interview_id=seeded_id("nobody's interview"))),
        ),
        "dangling_slot": (
            "dangling",
            "an interview in a slot nobody has",
            lambda: a_review(set_field("interviews", slot_id=seeded_id("nobody's slot"))),
        ),
        "payload_1e999": ("malformed", "1e999 (infinity) in a record", lambda: raw_content(b"1e999")),
        "payload_nan": ("malformed", "NaN in a record", lambda: raw_content(b"NaN")),
        "payload_infinity": ("malformed", "Infinity in a record", lambda: raw_content(b"-Infinity")),
        "payload_400_digits": ("malformed", "a 400-digit integer in a record", lambda: raw_content(b"9" * 400)),
        "payload_5000_digits": ("malformed", "a 5,000-digit integer in a record", lambda: raw_content(b"9" * 5000)),
        "content_format_true": (
            "malformed",
            "the content's format is true",
            lambda: make(plain=zlib.compress(canonical.dumps({**content(), "format": True}))),
        ),
        "content_format_1_0": (
            "malformed",
            "the content's format is 1.0",
            lambda: make(plain=zlib.compress(canonical.dumps({**content(), "format": 1.0}))),
        ),
        "header_1e999": (
            "damaged",
            "the header's format is 1e999",
            lambda: header_with(b'"format":1', b'"format":1e999'),
        ),
        "header_nan": ("damaged", "the header's format is NaN", lambda: header_with(b'"format":1', b'"format":NaN')),
        "header_400_digits": (
            "damaged",
            "the header's format is a 400-digit integer",
            lambda: header_with(b'"format":1', b'"format":' + b"1" * 400),
        ),
        "header_5000_digits": (
            "damaged",
            "the header's format is a 5,000-digit integer",
            lambda: header_with(b'"format":1', b'"format":' + b"1" * 5000),
        ),
        "header_version_true": (
            "damaged",
            "the header's format is true",
            lambda: header_with(b'"format":1', b'"format":true'),
        ),
        "header_version_1_0": (
            "damaged",
            "the header's format is 1.0",
            lambda: header_with(b'"format":1', b'"format":1.0'),
        ),
        "expires_arabic_digits": (
            "damaged",
            "the header's expiry date in Arabic-Indic digits (a bundle that would never expire)",
            lambda: make(expires="٢٠٩٩-١٢-٣١"),
        ),
        "expires_soon": ("damaged", "the header's expiry date is 'soon'", lambda: make(expires="soon")),
        "sender_name_controls": (
            "success",
            "the sender's name carries an ANSI escape, a bidi override, NUL and a newline",
            lambda: make(sender_name=EVIL_NAME),
        ),
        "sender_name_controls_forged": (
            "bad-signature",
            "the same, with its signature broken: the refusal names the sender",
            lambda: flip(make(sender_name=EVIL_NAME), -1),
        ),
        "sender_name_overlong": (
            "damaged",
            "a sender's name of 10,000 characters",
            lambda: make(sender_name="L" * 10_000),
        ),
        "million_records": (
            "bomb",
            "a million (identical) tags: unpacks past the content cap before anything is parsed",
            lambda: many_records(1_000_000, distinct=False),
        ),
        "too_many_records": (
            "over-limit",
            "40,001 small tags: more records of one type than a bundle may hold",
            lambda: many_records(40_001, distinct=True),
        ),
        "huge_string": ("bomb", "one text of 250 MB", lambda: huge_text("tags", "name", 250 * 2**20)),
        "quote_50mb": ("bomb", "a quote of 50 MB", lambda: huge_text("quotes", "text", 50 * 10**6)),
        "quote_1mb": ("over-limit", "a quote of 1 MB", lambda: huge_text("quotes", "text", 10**6)),
        "many_empty_objects": (
            "malformed",
            "two million empty JSON objects (gigabytes once parsed)",
            lambda: make(plain=streamed(b"[", b"{},", 2_000_000, b"{}]")),
        ),
        "deep_nesting": (
            "malformed",
            "lists nested 100,000 deep",
            lambda: make(plain=zlib.compress(b"[" * 100_000 + b"]" * 100_000, 9)),
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

"""The ``.pdbundle`` file format: one file a team member emails to the others.

Layout (all lengths exact, integers big-endian, nothing after the signature)::

    b"peerdesk-bundle/1\\n"             magic and format version, one line
    u32 header length, header           canonical JSON (``header.Header``), readable without any key
    u64 payload length, payload         12-byte nonce + AES-256-GCM(content key, zlib(canonical JSON)),
                                        associated data = magic line + header
    64 bytes                            Ed25519 signature by the sender over every byte before it

The content key is random per bundle and sealed to each recipient with HPKE (RFC 9180, base mode) using
ML-KEM-768 + X25519, HKDF-SHA256 and AES-256-GCM; ``info`` binds the bundle id, the review id and the
recipient, so a sealed key cannot be moved to another bundle or another recipient line.

Readers check, in this order: size, magic and version, framing, header shape, then (by the caller, who knows
the roster) the signature, and only then open anything. Every refusal is a ``BundleRefused`` with its reason.

Work is bounded before it is done: the file is read only if it is a regular file of at most ``MAX_BUNDLE`` bytes
(``read_file``), the framing's declared lengths are checked against the data and their caps before any slice,
decompression stops at ``MAX_PLAIN`` bytes, and the JSON parser is given at most ``MAX_CONTAINERS`` objects and
lists, ``MAX_STRINGS`` texts and ``MAX_ITEMS`` values. The header is parsed before the signature is checked, so
its parser is as strict as the content's and raises nothing but ``BundleRefused``.
"""

from __future__ import annotations

import datetime as dt
import os
import stat
import struct
import uuid
import zlib
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature, InvalidTag, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hpke
from cryptography.hazmat.primitives.asymmetric import ed25519, mlkem
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from peerdesk.exchange import canonical
from peerdesk.exchange.display import clip
from peerdesk.exchange.errors import BundleRefused, ExportRefused
from peerdesk.exchange.header import (
    FORMAT,
    MAX_RECIPIENTS,
    Header,
    Recipient,
    damaged,
    parse_header,
)
from peerdesk.exchange.identity import hpke_public
from peerdesk.store import rules

MAGIC = b"peerdesk-bundle/"
MAGIC_LINE = MAGIC + str(FORMAT).encode() + b"\n"
SUFFIX = ".pdbundle"
# Caps, chosen so that refusing anything takes under 2 s and 300 MiB (tests/bench/bench_bundle_hostile.py) while
# the demo ×20 (a 0.6 MB bundle of 4.7 MB of JSON, 5,000 records) fits with room to spare.
MAX_BUNDLE = 16 * 1024 * 1024  # the file
MAX_HEADER = 256 * 1024
MAX_PLAIN = 12 * 1024 * 1024  # the decompressed content: a zip bomb stops here
MAX_CONTAINERS = 2 * rules.MAX_BUNDLE_RECORDS + 16  # JSON objects and lists: a record and its versions each
MAX_STRINGS = 1_000_000  # JSON texts, keys included (the demo ×20 has 160,000)
MAX_ITEMS = 600_000  # commas: values in lists and objects together (the demo ×20 has 87,000)
SIGNATURE_LEN = 64
# zlib level 6, not 9: on the demo ×20, 9 spent more than half of an export compressing for 2 % fewer bytes.
COMPRESSION = 6
NONCE_LEN = 12


def suite() -> hpke.Suite:
    return hpke.Suite(hpke.KEM.MLKEM768_X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)


def post_quantum_available() -> bool:
    """True if this computer's cryptography library can do ML-KEM (needed to export)."""
    try:
        mlkem.MLKEM768PrivateKey.generate()
    except UnsupportedAlgorithm:
        return False
    return True


def refuse(reason: str, message: str) -> BundleRefused:
    return BundleRefused(reason, message)


@dataclass(frozen=True)
class Parsed:
    """A bundle whose framing and header are well formed; nothing about it is trusted yet."""

    header: Header
    header_bytes: bytes
    signed: bytes  # every byte the signature covers
    payload: bytes
    signature: bytes
    size: int


def seal_info(bundle_id: str, review_id: str, member_id: str) -> bytes:
    return b"\x00".join([b"peerdesk-bundle-key-v1", bundle_id.encode(), review_id.encode(), member_id.encode()])


# --- writing -----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Envelope:
    """Who sends a bundle of which review to whom, and until when: everything about it but its content.

    ``recipients`` are (member id, HPKE public key) pairs; ``created`` and ``bundle_id`` default to now and a
    new UUID (tests and vectors fix them).
    """

    review_id: str
    sender_id: str
    sender_name: str
    expires: str
    recipients: list[tuple[str, bytes]]
    signer: ed25519.Ed25519PrivateKey
    created: dt.datetime | None = None
    bundle_id: str | None = None


def write(envelope: Envelope, content: Any) -> bytes:
    """Encrypt ``content`` (canonical-JSON-able) to the envelope's recipients and sign it."""
    recipients = envelope.recipients
    if not post_quantum_available():
        raise ExportRefused(
            "This computer's cryptography library cannot do ML-KEM, the post-quantum part of peerdesk's "
            "encryption. Nothing was exported: update peerdesk (or its cryptography library) and try again."
        )
    if not recipients:
        raise ExportRefused("There is nobody to send a bundle to yet: add your colleagues' cards in Team first.")
    if len(recipients) > MAX_RECIPIENTS:
        raise ExportRefused(f"A bundle can go to at most {MAX_RECIPIENTS} people.")
    plain = canonical.dumps(content)
    if len(plain) > MAX_PLAIN:  # every colleague's peerdesk would refuse it (``inflate``): say so here instead
        raise ExportRefused(
            f"This bundle would unpack to {len(plain) / 2**20:.1f} MB, more than peerdesk accepts from a colleague "
            f"({MAX_PLAIN // 2**20} MB). Nothing was exported. Send what changed since the last bundle rather "
            "than everything, or remove large texts the review no longer needs."
        )
    return write_plain(envelope, zlib.compress(plain, COMPRESSION))


def write_plain(envelope: Envelope, plain: bytes, *, seal_as: dict[str, str] | None = None) -> bytes:
    """The format itself, for already compressed content (the test vectors use it to build hostile bundles).

    ``seal_as`` maps a recipient to the member id bound in its sealed key's ``info`` (only vectors change it).
    """
    review_id, sender_id, sender_name = envelope.review_id, envelope.sender_id, envelope.sender_name
    bundle_id = envelope.bundle_id or str(uuid.uuid4())
    when = (envelope.created or dt.datetime.now(dt.UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
    key = AESGCM.generate_key(bit_length=256)
    hp = suite()
    bound = seal_as or {}
    sealed = tuple(
        Recipient(
            member,
            hp.encrypt(key, hpke_public(public), info=seal_info(bundle_id, review_id, bound.get(member, member))),
        )
        for member, public in sorted(envelope.recipients)
    )
    header = Header(bundle_id, review_id, sender_id, sender_name, when, envelope.expires, sealed)
    header_bytes = canonical.dumps(header.to_json())
    nonce = os.urandom(NONCE_LEN)
    payload = nonce + AESGCM(key).encrypt(nonce, plain, MAGIC_LINE + header_bytes)
    signed = MAGIC_LINE + struct.pack(">I", len(header_bytes)) + header_bytes
    signed += struct.pack(">Q", len(payload)) + payload
    return signed + envelope.signer.sign(signed)


# --- reading -----------------------------------------------------------------------------------------------------


def read_file(path: str | os.PathLike[str]) -> bytes:
    """A bundle file's bytes: only from a regular file of at most ``MAX_BUNDLE`` bytes, without ever blocking.

    Opened without blocking (a FIFO would otherwise wait for a writer forever) and judged by ``fstat`` of what was
    opened, not of the name, so a symlink to ``/dev/zero``, a FIFO, a device or a folder is refused before one
    byte is read. At most ``MAX_BUNDLE + 1`` bytes are read in any case, so a file that grows is refused too.
    ``FileNotFoundError`` and other ``OSError`` are the caller's to word.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            kind = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file (a pipe, a device or the like)"
            raise refuse("not-a-file", f"{os.fspath(path)} is {kind}, not a bundle. It was not read.")
        if info.st_size > MAX_BUNDLE:
            raise _oversized(info.st_size)
        chunks: list[bytes] = []
        left = MAX_BUNDLE + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        data = b"".join(chunks)
    finally:
        os.close(fd)
    if len(data) > MAX_BUNDLE:
        raise _oversized(len(data))
    return data


def _oversized(size: int) -> BundleRefused:
    return refuse(
        "oversized",
        f"The bundle is {size / 1e6:.1f} MB, more than peerdesk accepts ({MAX_BUNDLE // 2**20} MB). It was not opened.",
    )


def parse(data: bytes) -> Parsed:
    """Check size, magic, version, framing and the header's shape. Trusts nothing: the signature comes next."""
    if len(data) > MAX_BUNDLE:
        raise _oversized(len(data))
    newline = data.find(b"\n", 0, 32)
    if not data.startswith(MAGIC) or newline < 0:
        raise refuse("not-a-bundle", "This is not a peerdesk bundle (.pdbundle).")
    version = data[len(MAGIC) : newline]
    if not version.isdigit() or version != str(int(version)).encode():
        raise refuse("not-a-bundle", "This is not a peerdesk bundle (its first line is not one).")
    if int(version) > FORMAT:
        raise refuse(
            "newer-format",
            f"This bundle was made by a newer peerdesk (format {int(version)}). Update peerdesk to import it.",
        )
    if int(version) != FORMAT:
        raise refuse("not-a-bundle", f"Bundle format {int(version)} is not one peerdesk knows.")
    pos = newline + 1
    if len(data) < pos + 4:
        raise damaged("it ends before its header")
    (header_len,) = struct.unpack_from(">I", data, pos)
    pos += 4
    if header_len > MAX_HEADER or len(data) < pos + header_len + 8:
        raise damaged("its header length is wrong")
    header_bytes = data[pos : pos + header_len]
    pos += header_len
    (payload_len,) = struct.unpack_from(">Q", data, pos)
    pos += 8
    if len(data) != pos + payload_len + SIGNATURE_LEN:
        raise damaged("its length does not match what its header says")
    payload = data[pos : pos + payload_len]
    if payload_len < NONCE_LEN + 16:
        raise damaged("its content is too short")
    header = parse_header(header_bytes)
    return Parsed(header, header_bytes, data[: pos + payload_len], payload, data[pos + payload_len :], len(data))


def verify(parsed: Parsed, signing_public: bytes) -> None:
    try:
        ed25519.Ed25519PublicKey.from_public_bytes(signing_public).verify(parsed.signature, parsed.signed)
    except (InvalidSignature, ValueError):
        raise refuse(
            "bad-signature",
            f"The bundle's signature does not match {clip(parsed.header.sender_name) or 'its sender'}'s key: it was "
            "changed after it was made, or damaged on the way. Ask the sender to export it again.",
        ) from None


def decrypt(parsed: Parsed, member_id: str, hpke_private: hpke.MLKEM768X25519PrivateKey) -> Any:
    """Open the content key sealed for me, decrypt, decompress within limits, parse canonical JSON."""
    header = parsed.header
    sealed = header.sealed_for(member_id)
    if sealed is None:
        raise refuse(
            "not-addressed",
            f"This bundle was not encrypted to you. Ask {clip(header.sender_name) or 'the sender'} to check that your "
            "card is on their team, then export again.",
        )
    try:
        key = suite().decrypt(sealed, hpke_private, info=seal_info(header.bundle_id, header.review_id, member_id))
        nonce, body = parsed.payload[:NONCE_LEN], parsed.payload[NONCE_LEN:]
        plain = AESGCM(key).decrypt(nonce, body, MAGIC_LINE + parsed.header_bytes)
    except (InvalidTag, ValueError):
        raise refuse(
            "undecryptable",
            "The bundle could not be decrypted with your key (it may have been made for an older key of yours). "
            "Ask the sender to export it again.",
        ) from None
    return canonical_content(inflate(plain))


def inflate(plain: bytes) -> bytes:
    inflater = zlib.decompressobj()
    try:
        out = inflater.decompress(plain, MAX_PLAIN)
    except zlib.error:
        raise refuse("malformed", "The bundle's content is not in the expected shape (it does not unpack).") from None
    if inflater.unconsumed_tail or (not inflater.eof and len(out) == MAX_PLAIN):
        raise refuse(
            "bomb",
            f"The bundle's content unpacks to more than {MAX_PLAIN // 2**20} MB, more than peerdesk accepts (the "
            "limits are in docs/sharing.md). It was refused.",
        )
    if not inflater.eof or inflater.unused_data:
        raise refuse("malformed", "The bundle's content is not in the expected shape (it is cut short).")
    return out


def canonical_content(data: bytes) -> Any:
    try:
        return canonical.loads(data, max_containers=MAX_CONTAINERS, max_strings=MAX_STRINGS, max_items=MAX_ITEMS)
    except canonical.NotCanonical as exc:
        raise refuse("malformed", f"The bundle's content is not in the expected shape ({exc}).") from None


def inspect(data: bytes) -> dict[str, Any]:
    """What can be said about a bundle without any key: who sent it, when, until when, how big."""
    parsed = parse(data)
    h = parsed.header
    return {
        "bundle_id": h.bundle_id,
        "review_id": h.review_id,
        "sender_id": h.sender_id,
        "sender": h.sender_name,
        "created": h.created,
        "expires": h.expires,
        "recipients": [r.member_id for r in h.recipients],
        "size": parsed.size,
        "format": FORMAT,
    }

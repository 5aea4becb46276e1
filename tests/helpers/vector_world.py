"""The fixed world the bundle test vectors are made in: keys from fixed seeds, fixed ids, one recipient file.

Everything here is derived from names, so regenerating the vectors (tests/exchange/vectors/generate.py) gives
the same people, keys and records. HPKE encapsulation and the AES-GCM nonce draw fresh randomness (cryptography
offers no way to fix them), so a regenerated vector differs in its sealed keys, ciphertext and signature only.
"""

from __future__ import annotations

import hashlib
import uuid
from pathlib import Path

from peerdesk.exchange.identity import KeyPair, b64, fingerprint
from peerdesk.store.engine import Store
from peerdesk.store.models import Identity, Member, MemberTrust
from peerdesk.store.uow import UnitOfWork

PASSPHRASE = "vectors passphrase, not secret"
REVIEW_ID = str(uuid.UUID(bytes=hashlib.sha256(b"vector review").digest()[:16], version=4))
OTHER_REVIEW_ID = str(uuid.UUID(bytes=hashlib.sha256(b"another review").digest()[:16], version=4))
PEOPLE = {  # name: (role, on the roster, removed)
    "lead": ("lead", True, False),
    "me": ("reviewer", True, False),
    "other": ("reviewer", True, False),
    "removed": ("reviewer", True, True),
    "outsider": ("reviewer", False, False),
}
CREATED = "2025-01-01T09:00:00Z"
EXPIRES = "2099-12-31"
STAMP_MS = 1735722000000  # 2025-01-01 09:00 UTC


def member_id(name: str) -> str:
    return str(uuid.UUID(bytes=hashlib.sha256(b"vector member " + name.encode()).digest()[:16], version=4))


def keys(name: str) -> KeyPair:
    def seed(label: str, n: int) -> bytes:
        return hashlib.sha512(f"peerdesk vector {name} {label}".encode()).digest()[:n]

    return KeyPair(seed("ed25519", 32), seed("mlkem768", 64) + seed("x25519", 32))


def stamp(name: str, counter: int = 0) -> str:
    return f"{STAMP_MS:013d}.{counter:05d}.{member_id(name)}"


def build_recipient_file(path: Path) -> Store:
    """The file of "me": a reviewer whose roster holds the lead, another reviewer and a removed one."""
    store = Store.create(path, PASSPHRASE)
    mine = keys("me")
    with UnitOfWork(store) as uow:
        uow.set_meta("review_id", REVIEW_ID)
        uow.set_meta("member_id", member_id("me"))
        uow.set_meta("lead_id", member_id("lead"))
        uow.session.add(
            Identity(member_id=member_id("me"), signing_private=mine.signing_private, kem_private=mine.kem_private)
        )
        for name, (role, on_roster, removed) in PEOPLE.items():
            if not on_roster:
                continue
            k = keys(name)
            fields = {
                "name": name.title(),
                "role": role,
                "initials": name[:2].upper(),
                "removed": removed,
                "signing_key": b64(k.signing_public),
                "kem_key": b64(k.kem_public),
            }
            versions = {f: stamp("lead") for f in [*fields, "deleted"]}
            uow.session.add(
                Member(
                    id=member_id(name),
                    author_id=member_id("lead"),
                    versions=versions,
                    updated=stamp("lead"),
                    deleted=False,
                    **fields,
                )
            )
            uow.session.add(
                MemberTrust(member_id=member_id(name), verified_fingerprint=fingerprint(k.signing_public, k.kem_public))
            )
        uow.commit()
    return store

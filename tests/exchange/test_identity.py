"""A member's keys: a signing key and a hybrid key to receive bundles, and the fingerprint read aloud."""

from __future__ import annotations

import re

from cryptography.hazmat.primitives.asymmetric import ed25519

from peerdesk.exchange import identity
from peerdesk.exchange.identity import KeyPair


def test_a_key_pair_signs_what_its_public_key_verifies() -> None:
    keys = KeyPair.generate()
    signature = keys.signer().sign(b"a bundle")
    ed25519.Ed25519PublicKey.from_public_bytes(keys.signing_public).verify(signature, b"a bundle")
    assert len(keys.signing_public) == 32 and len(keys.kem_public) == 1184 + 32


def test_the_private_halves_rebuild_the_same_public_keys() -> None:
    keys = KeyPair.generate()
    again = KeyPair(keys.signing_private, keys.kem_private)
    assert (again.signing_public, again.kem_public) == (keys.signing_public, keys.kem_public)
    assert identity.hpke_public(keys.kem_public) is not None
    assert KeyPair.generate().kem_public != keys.kem_public


def test_a_fingerprint_is_twenty_digits_in_fives_and_changes_with_either_key() -> None:
    keys = KeyPair.generate()
    other = KeyPair.generate()
    mine = identity.fingerprint(keys.signing_public, keys.kem_public)
    assert re.fullmatch(r"\d{5} \d{5} \d{5} \d{5}", mine)
    assert mine == identity.fingerprint(keys.signing_public, keys.kem_public)
    assert mine != identity.fingerprint(other.signing_public, keys.kem_public)
    assert mine != identity.fingerprint(keys.signing_public, other.kem_public)


def test_b64_round_trips_bytes() -> None:
    assert identity.unb64(identity.b64(b"\x00\xffkey")) == b"\x00\xffkey"

"""A member's keys: Ed25519 to sign bundles, hybrid ML-KEM-768 + X25519 to receive them (HPKE, RFC 9180).

The private halves are stored only in the ``identity`` table of the encrypted review file.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass

from cryptography.hazmat.primitives import hpke
from cryptography.hazmat.primitives.asymmetric import ed25519, mlkem, x25519

MLKEM_SEED = 64
X25519_LEN = 32


@dataclass(frozen=True)
class KeyPair:
    signing_private: bytes  # Ed25519 raw private key
    kem_private: bytes  # ML-KEM-768 seed (64 bytes) + X25519 raw private key (32 bytes)

    @classmethod
    def generate(cls) -> KeyPair:
        signing = ed25519.Ed25519PrivateKey.generate()
        kem = mlkem.MLKEM768PrivateKey.generate()
        dh = x25519.X25519PrivateKey.generate()
        return cls(signing.private_bytes_raw(), kem.private_bytes_raw() + dh.private_bytes_raw())

    def signer(self) -> ed25519.Ed25519PrivateKey:
        return ed25519.Ed25519PrivateKey.from_private_bytes(self.signing_private)

    def _kem_parts(self) -> tuple[mlkem.MLKEM768PrivateKey, x25519.X25519PrivateKey]:
        seed, dh = self.kem_private[:MLKEM_SEED], self.kem_private[MLKEM_SEED:]
        return mlkem.MLKEM768PrivateKey.from_seed_bytes(seed), x25519.X25519PrivateKey.from_private_bytes(dh)

    def hpke_private(self) -> hpke.MLKEM768X25519PrivateKey:
        return hpke.MLKEM768X25519PrivateKey(*self._kem_parts())

    @property
    def signing_public(self) -> bytes:
        return self.signer().public_key().public_bytes_raw()

    @property
    def kem_public(self) -> bytes:
        kem, dh = self._kem_parts()
        return kem.public_key().public_bytes_raw() + dh.public_key().public_bytes_raw()


def hpke_public(kem_public: bytes) -> hpke.MLKEM768X25519PublicKey:
    kem, dh = kem_public[:-X25519_LEN], kem_public[-X25519_LEN:]
    return hpke.MLKEM768X25519PublicKey(
        mlkem.MLKEM768PublicKey.from_public_bytes(kem), x25519.X25519PublicKey.from_public_bytes(dh)
    )


def usable_keys(signing_public: bytes, kem_public: bytes) -> bool:
    """True if both public keys load: a signature can be checked with the one and a bundle sealed to the other.
    Right-sized bytes are not enough (an ML-KEM key's numbers must be in range): a card or a roster entry whose
    keys do not load would be trusted, and then break every bundle sealed to its member."""
    try:
        ed25519.Ed25519PublicKey.from_public_bytes(signing_public)
        hpke_public(kem_public)
    except ValueError:
        return False
    return True


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def fingerprint(signing_public: bytes, kem_public: bytes) -> str:
    """A short code to read aloud: 20 digits in groups of five, from a hash of both public keys."""
    digest = hashlib.sha256(b"peerdesk-fingerprint-v1\x00" + signing_public + kem_public).digest()
    number = int.from_bytes(digest[:10], "big") % 10**20
    digits = f"{number:020d}"
    return " ".join(digits[i : i + 5] for i in range(0, 20, 5))

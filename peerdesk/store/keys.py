"""A review file's raw SQLCipher key, derived by us instead of by SQLCipher, so the slow derivation can run on a
thread of its own while other work goes on.

SQLCipher 4 keys a file with ``PRAGMA key = 'passphrase'`` by deriving PBKDF2-HMAC-SHA512 of the passphrase's UTF-8
bytes over the file's 16-byte random salt (stored in the clear as its first 16 bytes), 256,000 rounds, 32 bytes.
``PRAGMA key = "x'<key><salt>'"`` hands it that derived key directly and skips its own derivation: everything
else (the HMAC key derived from it, the page format) is the same. So a file keyed either way opens either way, and
files made before this module existed need no migration. The parameters are SQLCipher 4's defaults and are never
lowered; the key lives in memory exactly as long as the passphrase it replaces.

The derivation is cryptography's PBKDF2HMAC rather than ``hashlib.pbkdf2_hmac``: the same function and the same
bytes (``tests/store/test_keys.py`` checks one against the other), but the OpenSSL that cryptography ships computes
it about a quarter faster than the one Python links (96 against 129 ms here). Both release the GIL while they run,
which is what makes ``Derivation`` worth having: creating a review builds its schema, and a cold start imports the
ORM, while the key is derived.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

KDF_ITERATIONS = 256_000  # SQLCipher 4's default (cipher_default_kdf_iter): the files' format, never lowered
KEY_SIZE = 32
SALT_SIZE = 16


@dataclass(frozen=True, repr=False)  # repr=False: a key must never end up in a log line or a traceback
class FileKey:
    """The raw key of one file: the derived key and the salt it was derived over."""

    key: bytes
    salt: bytes

    def pragma_value(self) -> str:
        """What ``PRAGMA key`` and ``ATTACH … KEY`` take: a blob literal (key then salt) inside a string."""
        return f"x'{self.key.hex()}{self.salt.hex()}'"


def derive(passphrase: str, salt: bytes) -> FileKey:
    """The key SQLCipher derives from ``passphrase`` for a file whose salt is ``salt``."""
    if "\x00" in passphrase:
        raise ValueError("a passphrase cannot contain a NUL character")
    if len(salt) != SALT_SIZE:
        raise ValueError(f"a SQLCipher salt is {SALT_SIZE} bytes")
    key = PBKDF2HMAC(hashes.SHA512(), KEY_SIZE, salt, KDF_ITERATIONS).derive(passphrase.encode("utf-8"))
    return FileKey(key, salt)


def new_salt() -> bytes:
    return os.urandom(SALT_SIZE)


def file_salt(path: Path) -> bytes | None:
    """The salt in the first bytes of an encrypted file, or None if it has fewer (it is then no review)."""
    try:
        with path.open("rb") as fh:
            salt = fh.read(SALT_SIZE)
    except OSError:
        return None
    return salt if len(salt) == SALT_SIZE else None


class Derivation:
    """``derive(passphrase, salt)`` started on a thread at once; ``result()`` waits for it.

    ``for_file`` reads the salt from a file first; when there is none to read, ``result()`` is None and the caller
    goes the ordinary way (which then says why the file cannot be opened).
    """

    def __init__(self, passphrase: str, salt: bytes | None) -> None:
        self.salt = salt
        self._key: FileKey | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(passphrase,), name="key-derivation", daemon=True)
        if salt is not None:
            self._thread.start()

    @classmethod
    def for_file(cls, path: Path, passphrase: str) -> Derivation:
        return cls(passphrase, file_salt(path))

    def _run(self, passphrase: str) -> None:
        assert self.salt is not None
        try:
            self._key = derive(passphrase, self.salt)
        except BaseException as exc:  # handed to the thread that waits for the key
            self._error = exc

    def result(self) -> FileKey | None:
        if self.salt is None:
            return None
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._key

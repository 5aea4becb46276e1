"""Decrypt every page of a SQLCipher 4 file ourselves, free pages included, as someone holding the passphrase would.

SQLCipher 4's documented defaults: the first 16 bytes of the file are the KDF salt; the key is
PBKDF2-HMAC-SHA512(passphrase, salt, 256000 iterations, 32 bytes); each 4096-byte page is AES-256-CBC encrypted
except its last 80 bytes (the reserve: a 16-byte IV, then a 64-byte HMAC-SHA512); page 1's first 16 bytes are the
salt in place of "SQLite format 3\\0". SQLite's own API never shows free pages or stale cells; this does.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

PAGE = 4096
RESERVE = 80
KDF_ITERATIONS = 256_000
SQLITE_HEADER = b"SQLite format 3\x00"


def decrypt_pages(path: Path, passphrase: str) -> list[bytes]:
    data = path.read_bytes()
    assert len(data) % PAGE == 0, "a SQLCipher file is a whole number of pages"
    salt = data[:16]
    key = hashlib.pbkdf2_hmac("sha512", passphrase.encode(), salt, KDF_ITERATIONS, 32)
    pages = []
    for offset in range(0, len(data), PAGE):
        page = data[offset : offset + PAGE]
        start = 16 if offset == 0 else 0
        iv = page[PAGE - RESERVE : PAGE - RESERVE + 16]
        decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
        plain = decryptor.update(page[start : PAGE - RESERVE]) + decryptor.finalize()
        pages.append((SQLITE_HEADER if offset == 0 else b"") + plain)
    header = pages[0]
    # The decrypted header proves the key is right: page size 4096 and 80 reserved bytes per page.
    assert int.from_bytes(header[16:18], "big") == PAGE and header[20] == RESERVE, "wrong passphrase or format"
    return pages


def plaintext(path: Path, passphrase: str) -> bytes:
    """All decrypted pages joined, lower-cased (search-index tokens are lower case)."""
    return b"".join(decrypt_pages(path, passphrase)).lower()


WAL_HEADER = 32
WAL_FRAME_HEADER = 24


def decrypt_wal_pages(wal: Path, database: Path, passphrase: str) -> list[bytes]:
    """Decrypt every frame of a WAL (valid or not), keyed like the database it belongs to (its salt is the key's)."""
    data = wal.read_bytes() if wal.exists() else b""
    if not data:
        return []
    salt = database.read_bytes()[:16]
    key = hashlib.pbkdf2_hmac("sha512", passphrase.encode(), salt, KDF_ITERATIONS, 32)
    pages = []
    offset = WAL_HEADER
    while offset + WAL_FRAME_HEADER + PAGE <= len(data):
        page = data[offset + WAL_FRAME_HEADER : offset + WAL_FRAME_HEADER + PAGE]
        page_no = int.from_bytes(data[offset : offset + 4], "big")
        start = 16 if page_no == 1 else 0
        iv = page[PAGE - RESERVE : PAGE - RESERVE + 16]
        decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
        pages.append(decryptor.update(page[start : PAGE - RESERVE]) + decryptor.finalize())
        offset += WAL_FRAME_HEADER + PAGE
    return pages


def file_and_wal_plaintext(path: Path, passphrase: str) -> bytes:
    """The file's decrypted pages and its WAL's, joined and lower-cased."""
    wal = Path(f"{path}-wal")
    return (plaintext(path, passphrase) + b"".join(decrypt_wal_pages(wal, path, passphrase))).lower()

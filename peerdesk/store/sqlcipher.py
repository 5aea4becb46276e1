"""Keyed SQLCipher connections and the checks that tell apart why a file will not open.

Every check here only reads: a file we refuse is left byte-for-byte as it was.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import hmac
import os
import stat
from pathlib import Path
from typing import Any

import sqlcipher3

from peerdesk.errors import DamagedFile, FileMissing, FileUnreadable, NotAReview, ReadOnlyReview, WrongPassphrase
from peerdesk.store.keys import FileKey, derive

# "PDR1": set in every review file's (encrypted) header, so a SQLCipher file made by another program is told apart.
APPLICATION_ID = 0x50445231
PAGE_SIZE = 4096  # SQLCipher 4's default; every SQLCipher 4 file is a whole number of pages
SQLITE_HEADER = b"SQLite format 3\x00"

DatabaseError = sqlcipher3.dbapi2.DatabaseError


def quote_literal(text: str) -> str:
    """A SQL string literal (PRAGMA key takes no bound parameters)."""
    if "\x00" in text:
        raise ValueError("a passphrase cannot contain a NUL character")
    return "'" + text.replace("'", "''") + "'"


def key_literal(key: str | FileKey) -> str:
    """What ``PRAGMA key`` and ``ATTACH … KEY`` take for a passphrase (SQLCipher derives) or a raw key (it does not)."""
    return quote_literal(key.pragma_value() if isinstance(key, FileKey) else key)


def export_into(conn: Any, target: Path, key: str | FileKey) -> None:
    """Copy the database behind ``conn`` into the new file ``target``, keyed with ``key`` (a passphrase or raw key).

    ``sqlcipher_export`` copies the logical content (WAL included) and never writes it in the clear; it does not
    copy the application id, which marks the file as a review, so that is carried over by hand.
    """
    conn.execute(f"ATTACH DATABASE {quote_literal(str(target))} AS exported KEY {key_literal(key)}")
    try:
        # One transaction: left to itself, each table's copy commits (and syncs) on its own, 40 times slower.
        conn.execute("BEGIN")
        try:
            conn.execute("SELECT sqlcipher_export('exported')")
            app_id = conn.execute("PRAGMA main.application_id").fetchone()[0]
            conn.execute(f"PRAGMA exported.application_id = {int(app_id)}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    finally:
        conn.execute("DETACH DATABASE exported")


def connect(path: Path, passphrase: str) -> Any:
    """A connection keyed with the passphrase and set up for durable autosave.

    - WAL with synchronous=FULL: a commit that returned survives a crash or power cut.
    - temp_store=MEMORY: sorts and temporary tables never reach disk in the clear.
    - secure_delete = FAST: removed text is wiped from every page SQLite rewrites anyway. ``ON`` also zeroed the
      overflow pages a long text frees at each save (twice the pages to encrypt and sync in a 300,000-character
      note) without closing the other places a removed word stays until a purge (the log's old frames, the search
      index): the purge is the erasure, and it vacuums (``store/maintenance.py``).
    """
    return connect_key(path, passphrase)


def connect_key(path: Path, key: str | FileKey) -> Any:
    """``connect`` with a passphrase or with the file's raw key (no key derivation: see ``store/keys.py``)."""
    conn = sqlcipher3.connect(str(path), check_same_thread=False, isolation_level=None)
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = {key_literal(key)}")
    return conn


def draft() -> Any:
    """An unkeyed in-memory database: a new review is built in it, then sealed into its file (``export_into``).

    It lives in this process's memory only (``temp_store=MEMORY`` keeps its temporary tables there too): nothing
    of it reaches the disk until the export writes it, encrypted.
    """
    conn = sqlcipher3.connect(":memory:", check_same_thread=False, isolation_level=None)
    conn.execute("PRAGMA temp_store = MEMORY")  # set here too: the draft must not depend on who configures it
    return conn


def opens_with(path: Path, passphrase: str) -> bool:
    """True if ``passphrase`` opens the file at ``path`` (a fresh keyed connection; nothing is written)."""
    try:
        conn = connect(path, passphrase)
    except ValueError:
        return False
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except DatabaseError:
        return False
    finally:
        conn.close()


def cipher_version() -> str:
    """The SQLCipher library's version, for the About box and the smoke test."""
    conn = sqlcipher3.connect(":memory:")
    try:
        return str(conn.execute("PRAGMA cipher_version").fetchone()[0])
    finally:
        conn.close()


def configure(conn: Any) -> None:
    for pragma in (
        "PRAGMA journal_mode = WAL",
        "PRAGMA synchronous = FULL",
        "PRAGMA temp_store = MEMORY",
        "PRAGMA secure_delete = FAST",
        "PRAGMA foreign_keys = ON",
        "PRAGMA busy_timeout = 10000",
    ):
        conn.execute(pragma)


def preflight(path: Path) -> None:
    """Refuse, from the bytes alone, what cannot be a review file."""
    try:
        found = path.stat()
    except PermissionError:
        raise FileUnreadable(str(path)) from None
    except (OSError, ValueError):  # missing, or a name no file can have (too long, a NUL byte in it)
        raise FileMissing(str(path)) from None
    if stat.S_ISDIR(found.st_mode):
        raise NotAReview(str(path), "it is a folder.")
    size = found.st_size
    if size == 0:
        raise NotAReview(str(path), "the file is empty.")
    try:
        with path.open("rb") as fh:
            head = fh.read(PAGE_SIZE)
    except PermissionError:
        raise FileUnreadable(str(path)) from None
    if head.startswith(SQLITE_HEADER):
        raise NotAReview(str(path), "it is an unencrypted SQLite database.")
    if _looks_like_text(head):
        raise NotAReview(str(path), "it is a text file.")
    if size < PAGE_SIZE:
        raise NotAReview(str(path), "it is too small to be an encrypted review.")
    if size % PAGE_SIZE:
        raise DamagedFile(str(path), f"it is truncated or padded: {size} bytes is not a whole number of pages")
    _check_writable(path)


def _check_writable(path: Path) -> None:
    """A review is edited in place (and SQLite's WAL needs its folder): say so plainly if that is not allowed."""
    try:
        fd = os.open(path, os.O_RDWR)
    except OSError as exc:
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            raise ReadOnlyReview(str(path)) from None
        raise
    os.close(fd)
    if not os.access(path.parent, os.W_OK):
        raise ReadOnlyReview(str(path), "folder it is in")


def _looks_like_text(head: bytes) -> bool:
    # SQLCipher's first 16 bytes are a random salt; text files are printable throughout.
    sample = head[:512]
    printable = sum(32 <= b < 127 or b in (9, 10, 13) for b in sample)
    return len(sample) > 0 and printable / len(sample) > 0.95


def check_readable(conn: Any, path: Path) -> int:
    """Prove the key opens the file and its pages are intact; returns the application id."""
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except DatabaseError as exc:
        if "not a database" in str(exc) or "encrypted" in str(exc):
            raise WrongPassphrase(str(path)) from None
        raise DamagedFile(str(path), _reason(exc)) from None
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
    except DatabaseError as exc:
        raise DamagedFile(str(path), _reason(exc)) from None
    if [r[0] for r in rows] != ["ok"]:
        raise DamagedFile(str(path), "its pages do not pass SQLite's integrity check")
    app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
    return app_id


def later_page_authenticates(path: Path, passphrase: str | FileKey) -> bool:
    """True if ``passphrase`` (or the key derived from it) authenticates page 2 of the file: the key is right, so a
    refusal is page 1's damage.

    SQLCipher 4's defaults (the same as ``PRAGMA cipher_default_*``): the key is PBKDF2-HMAC-SHA512 of the
    passphrase over the file's 16-byte salt, 256,000 rounds (``keys.derive``); the HMAC key is PBKDF2-HMAC-SHA512 of
    that key over the salt XOR 0x3a, 2 rounds; each page ends in a 64-byte HMAC-SHA512 of the rest of it and its
    page number (4 bytes, little-endian).
    """
    try:
        with path.open("rb") as fh:
            salt = fh.read(16)
            fh.seek(PAGE_SIZE)
            page = fh.read(PAGE_SIZE)
    except OSError:
        return False
    if len(salt) < 16 or len(page) < PAGE_SIZE:
        return False
    if isinstance(passphrase, FileKey) and passphrase.salt != salt:
        return False
    key = passphrase.key if isinstance(passphrase, FileKey) else derive(passphrase, salt).key
    mac_key = hashlib.pbkdf2_hmac("sha512", key, bytes(b ^ 0x3A for b in salt), 2, 32)
    expected = hmac.new(mac_key, page[: PAGE_SIZE - 64] + (2).to_bytes(4, "little"), hashlib.sha512).digest()
    return hmac.compare_digest(expected, page[PAGE_SIZE - 64 :])


def _reason(exc: Exception) -> str:
    text = str(exc)
    if "malformed" in text:
        return "SQLite reports the database image is malformed"
    if "hmac" in text.lower() or "not a database" in text:
        return "a page failed its authentication check"
    return text


def remove_with_sidecars(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            os.remove(f"{path}{suffix}")

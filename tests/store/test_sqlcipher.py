"""Keyed SQLCipher connections, and the checks that tell why a file will not open (they only read)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from peerdesk.errors import DamagedFile, FileMissing, NotAReview
from peerdesk.store import sqlcipher
from peerdesk.store.engine import Store
from tests.conftest import PASSPHRASE


def test_quote_literal_doubles_quotes_and_refuses_nul() -> None:
    assert sqlcipher.quote_literal("it's") == "'it''s'"
    with pytest.raises(ValueError, match="NUL"):
        sqlcipher.quote_literal("a\x00b")


def test_a_review_opens_with_its_passphrase_only(store: Store) -> None:
    assert sqlcipher.opens_with(store.path, PASSPHRASE)
    assert not sqlcipher.opens_with(store.path, "not the passphrase")
    assert not sqlcipher.opens_with(store.path, "nul\x00inside")


def test_the_cipher_version_is_a_sqlcipher_4_version() -> None:
    assert sqlcipher.cipher_version().startswith("4.")


@pytest.mark.parametrize(
    ("content", "error", "says"),
    [
        (b"", NotAReview, "empty"),
        (b"just some notes\n" * 400, NotAReview, "text file"),
        (b"\x8f" * 100, NotAReview, "too small"),
        (b"\x8f" * 4097, DamagedFile, "whole number of pages"),
    ],
)
def test_preflight_names_what_the_bytes_show(tmp_path: Path, content: bytes, error: type[Exception], says: str) -> None:
    path = tmp_path / "x.peerdesk"
    path.write_bytes(content)
    with pytest.raises(error, match=says):
        sqlcipher.preflight(path)
    assert path.read_bytes() == content


def test_preflight_refuses_a_missing_file_a_folder_and_a_plain_sqlite_database(tmp_path: Path) -> None:
    with pytest.raises(FileMissing):
        sqlcipher.preflight(tmp_path / "absent.peerdesk")
    with pytest.raises(NotAReview, match="folder"):
        sqlcipher.preflight(tmp_path)
    plain = tmp_path / "plain.db"
    sqlite3.connect(plain).execute("CREATE TABLE t(x)").connection.commit()
    with pytest.raises(NotAReview, match="unencrypted SQLite"):
        sqlcipher.preflight(plain)


def test_remove_with_sidecars_removes_the_wal_and_shm_too(tmp_path: Path) -> None:
    path = tmp_path / "r.peerdesk"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").write_bytes(b"x")
    sqlcipher.remove_with_sidecars(path)
    assert list(tmp_path.iterdir()) == []


def test_an_export_is_a_review_under_the_new_passphrase_only(store: Store, tmp_path: Path) -> None:
    target = tmp_path / "copy.peerdesk"
    conn = sqlcipher.connect(store.path, PASSPHRASE)
    try:
        sqlcipher.export_into(conn, target, "another passphrase")
        app_id = conn.execute("PRAGMA main.application_id").fetchone()[0]
    finally:
        conn.close()
    assert not sqlcipher.opens_with(target, PASSPHRASE) and sqlcipher.opens_with(target, "another passphrase")
    copy = sqlcipher.connect(target, "another passphrase")
    try:
        assert copy.execute("PRAGMA application_id").fetchone()[0] == app_id != 0
    finally:
        copy.close()


def test_a_draft_lives_in_memory_only() -> None:
    draft = sqlcipher.draft()
    try:
        assert [row[2] for row in draft.execute("PRAGMA database_list")] == [""]
    finally:
        draft.close()


def test_a_drafts_temporary_tables_and_sorts_stay_in_memory() -> None:
    conn = sqlcipher.draft()
    try:
        assert conn.execute("PRAGMA temp_store").fetchone()[0] == 2  # MEMORY: nothing of a new review on disk
    finally:
        conn.close()

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
    with pytest.raises(FileMissing):  # a name no file can have: said in words, not an OSError
        sqlcipher.preflight(tmp_path / ("x" * 300 + ".peerdesk"))
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


def test_text_edited_away_is_zeroed_in_its_page_not_left_in_the_file(store: Store, review_path: Path) -> None:
    """``secure_delete = FAST``: an edit that removes words (a name typed by mistake) leaves no copy of the old text
    in the page that held it, once the write-ahead log is folded into the file (closing does that). The search
    index still lists the removed words (FTS5 keeps them, marked deleted, until its pieces merge): what erases
    them for good is the purge, which rebuilds the index and vacuums (``test_retention``)."""
    from peerdesk.services import notes
    from tests.helpers.pages import plaintext
    from tests.helpers.timetable import build_day

    neighbours = [notes.open_note(store, i)[0] for i in build_day(store).interviews[:3]]
    for note in neighbours:  # rows sharing the page: the shortened row's old bytes are not simply overwritten
        notes.save_body(store, note, "Filler words about the hub and the duty line. " * 10)
    notes.save_body(store, neighbours[1], "Said Gwendolyn Featherstonehaugh from the hub, at length. " * 8)
    notes.save_body(store, neighbours[1], "Short.")
    store.close()
    after = plaintext(review_path, PASSPHRASE)
    assert b"filler words about the hub" in after  # the pages are readable: the hunt would find it
    assert b"said gwendolyn featherstonehaugh" not in after


def test_connections_overwrite_deleted_content_without_extra_writes(tmp_path: Path) -> None:
    conn = sqlcipher.connect(tmp_path / "x.peerdesk", PASSPHRASE)
    try:
        sqlcipher.configure(conn)
        assert conn.execute("PRAGMA secure_delete").fetchone()[0] == 2  # FAST (see ``configure``)
    finally:
        conn.close()

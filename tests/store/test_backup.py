"""Encrypted snapshots of a review, kept in a private folder beside it."""

from __future__ import annotations

import stat
from pathlib import Path

from peerdesk import files
from peerdesk.store import backup, sqlcipher
from peerdesk.store.engine import Store
from tests.conftest import PASSPHRASE


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_snapshot_is_an_encrypted_copy_on_the_same_passphrase_in_the_owners_folder(store: Store) -> None:
    conn = store.raw()
    try:
        copy = backup.snapshot(conn.driver_connection, store.path, reason="manual", passphrase=PASSPHRASE)
    finally:
        conn.close()
    assert copy.parent == backup.folder_for(store.path) == store.path.with_name("review.peerdesk.backups")
    assert copy.name.endswith("-manual.peerdesk") and backup.list_snapshots(store.path) == [copy]
    assert sqlcipher.opens_with(copy, PASSPHRASE) and not sqlcipher.opens_with(copy, "another passphrase")
    assert _mode(copy.parent) == files.PRIVATE_FOLDER and _mode(copy) == files.PRIVATE_FILE
    assert not list(copy.parent.glob("*.partial"))


def test_without_a_backups_folder_there_are_no_snapshots_and_nothing_to_remove(tmp_path: Path) -> None:
    review = tmp_path / "r.peerdesk"
    assert backup.list_snapshots(review) == []
    assert backup.remove_all(review) == 0


def test_leftovers_of_an_interrupted_backup_or_restore_are_cleared_but_backups_stay(tmp_path: Path) -> None:
    review = tmp_path / "r.peerdesk"
    folder = files.private_folder(backup.folder_for(review))
    kept = folder / "r-1-manual.peerdesk"
    kept.write_bytes(b"x")
    (folder / "r-2-hourly.partial").write_bytes(b"half")
    backup.restoring_copy(review).write_bytes(b"staged")
    backup.clear_leftovers(review)
    assert list(folder.iterdir()) == [kept] and not backup.restoring_copy(review).exists()
    assert backup.remove_all(review) == 1 and not folder.exists()


def test_tighten_takes_away_group_and_world_bits_but_keeps_the_owners(tmp_path: Path) -> None:
    review = tmp_path / "r.peerdesk"
    review.write_bytes(b"")
    review.chmod(0o444)
    backup.tighten(review)
    assert _mode(review) == 0o400  # read-only stays read-only

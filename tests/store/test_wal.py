"""A write-ahead log left by an unclean exit: a private copy is kept, and committed work it will lose is counted."""

from __future__ import annotations

import shutil
import stat
from pathlib import Path

from peerdesk import files
from peerdesk.store import backup, wal
from peerdesk.store.engine import Store
from tests.conftest import PASSPHRASE
from tests.helpers.seed import seed


def _leftover_wal(store: Store, tmp_path: Path) -> Path:
    """A copy of the review and its WAL as a killed process leaves them (the live file is still open)."""
    seed(store)
    copy = tmp_path / "left" / "review.peerdesk"
    copy.parent.mkdir()
    shutil.copy(store.path, copy)
    shutil.copy(f"{store.path}-wal", f"{copy}-wal")
    return copy


def test_a_review_without_a_leftover_wal_needs_nothing(tmp_path: Path) -> None:
    path = tmp_path / "r.peerdesk"
    assert wal.keep_leftover(path) is None
    Path(f"{path}-wal").write_bytes(b"")
    assert wal.keep_leftover(path) is None


def test_a_healthy_leftover_wal_is_copied_privately_and_loses_nothing(store: Store, tmp_path: Path) -> None:
    review = _leftover_wal(store, tmp_path)
    kept = wal.keep_leftover(review)
    assert kept is not None and kept.lost_commits == 0
    assert kept.copy.parent == backup.folder_for(review) and kept.copy.suffix == wal.SUFFIX
    assert kept.copy.read_bytes() == Path(f"{review}-wal").read_bytes()
    assert stat.S_IMODE(kept.copy.stat().st_mode) == files.PRIVATE_FILE
    assert wal.keep_leftover(review) == kept  # the same WAL again (a retry after a mistyped passphrase): one copy
    assert Store.open(review, PASSPHRASE).close() is None


def test_a_damaged_frame_loses_the_commits_after_it_and_the_message_says_so(store: Store, tmp_path: Path) -> None:
    review = _leftover_wal(store, tmp_path)
    data = bytearray(Path(f"{review}-wal").read_bytes())
    assert wal.lost_commits(bytes(data)) == 0
    data[wal.HEADER + wal.FRAME_HEADER + 10] ^= 0xFF  # a byte of the first frame's page
    lost = wal.lost_commits(bytes(data))
    assert lost >= 1
    Path(f"{review}-wal").write_bytes(bytes(data))
    kept = wal.keep_leftover(review)
    assert kept is not None and kept.lost_commits == lost
    assert f"{lost} saved change(s) could not be applied" in kept.message and kept.copy.name in kept.message


def test_bytes_that_are_not_a_wal_count_no_lost_commits() -> None:
    assert wal.lost_commits(b"") == 0
    assert wal.lost_commits(b"\x00" * 4096) == 0

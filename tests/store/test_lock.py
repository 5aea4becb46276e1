"""One writer per review file: the lock beside the review is held from open to close."""

from __future__ import annotations

from pathlib import Path

import pytest

from peerdesk.errors import OpenElsewhere
from peerdesk.store.lock import ReviewLock, lock_path


def test_a_second_holder_is_told_the_review_is_open_elsewhere_until_the_first_releases(tmp_path: Path) -> None:
    review = tmp_path / "r.peerdesk"
    first = ReviewLock.acquire(review)
    assert lock_path(review) == tmp_path / "r.peerdesk.lock" and lock_path(review).exists()
    with pytest.raises(OpenElsewhere):
        ReviewLock.acquire(review)  # even from the same process
    first.release()
    assert not lock_path(review).exists()
    second = ReviewLock.acquire(review)
    second.release()


def test_releasing_twice_is_harmless(tmp_path: Path) -> None:
    lock = ReviewLock.acquire(tmp_path / "r.peerdesk")
    lock.release()
    lock.release()
    assert not lock_path(tmp_path / "r.peerdesk").exists()

"""What the store's helpers need of an open review: the Store satisfies it, and passphrases are checked."""

from __future__ import annotations

import pytest

from peerdesk.errors import UserError
from peerdesk.store.engine import Store
from peerdesk.store.handle import MIN_PASSPHRASE, OpenReview, check_passphrase


def test_a_store_is_an_open_review(store: Store) -> None:
    review: OpenReview = store
    assert review.path == store.path and review.meta("review_id") == store.review_id


def test_a_passphrase_must_be_long_enough_and_hold_no_nul() -> None:
    check_passphrase("x" * MIN_PASSPHRASE)
    with pytest.raises(UserError, match=f"at least {MIN_PASSPHRASE} characters"):
        check_passphrase("x" * (MIN_PASSPHRASE - 1))
    with pytest.raises(UserError, match="NUL"):
        check_passphrase("a long passphrase\x00with a nul")

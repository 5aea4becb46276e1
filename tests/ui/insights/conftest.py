"""The insights panel and the Build dialog work on a review seeded with Day 2's themes, quotes and insights."""

from __future__ import annotations

import pytest

from peerdesk.ui.kit.session import ReviewSession
from tests.helpers import day2


@pytest.fixture
def seeded(session: ReviewSession) -> day2.Day2:
    return day2.seed(session.store)

"""A module that makes its team once (``closed_team``, module-scoped, its files closed) gets fresh copies of it,
opened, for each test (``crew``): quicker than a new team every time, and no test sees another's edits."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.exchange import Team, copy_team


@pytest.fixture
def crew(closed_team: Team, tmp_path: Path) -> Iterator[Team]:
    t = copy_team(closed_team, tmp_path)
    yield t
    t.close()

"""The Day 2 wall of six post-its, shown at 1400×900 on the canvas, for the wall's UI tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.wall.scene import DAY2
from peerdesk.ui.wall.widget import WallWidget
from tests.helpers.layout import on_screen
from tests.helpers.wall_data import seed_postits


@pytest.fixture(autouse=True)
def _refusals_fail(errors_fail_the_test: None) -> None:
    """Every wall test: a refusal fails the test (``tests/ui/conftest.py``)."""


@pytest.fixture
def widget(qtbot: QtBot, session: ReviewSession) -> Iterator[WallWidget]:
    seed_postits(session.store)
    w = on_screen(qtbot, WallWidget(session), 1400, 900)
    qtbot.waitExposed(w)
    w.set_mode(DAY2)
    w.view.resetTransform()
    w.view.centerOn(700, 300)
    yield w

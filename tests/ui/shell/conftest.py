"""The shell's tests drive the app's controller from its start screen."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from peerdesk.ui.shell.app import Controller, make_app


@pytest.fixture
def controller(qtbot: QtBot) -> Iterator[Controller]:
    """The app's controller on its start screen; every window it opened is closed afterwards."""
    made = Controller(make_app())
    qtbot.addWidget(made.start)
    yield made
    for window in list(made.windows):
        window.close()
    qtbot.waitUntil(lambda: not made.windows)
    made.start.close()

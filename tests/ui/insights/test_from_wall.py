"""The wall's Ctrl+I on a theme makes its insight in the Insights dock, or finds the one it already has."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from peerdesk.services import insights
from peerdesk.ui.insights.panel import InsightsPanel
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.shell.main_window import MainWindow
from tests.helpers import day2
from tests.helpers.user_actions import Counted, main_window


@pytest.fixture
def window(qtbot: QtBot, session: ReviewSession) -> MainWindow:
    day2.seed(session.store, insights=False)
    return main_window(qtbot, session)


def test_make_insight_from_the_wall_is_one_key_on_a_theme(
    qtbot: QtBot, window: MainWindow, session: ReviewSession
) -> None:
    user = Counted(qtbot)
    window.show_work(window.wall)
    window.wall.set_mode("day2")
    theme_id = session.call(insights.themes)[0][0]
    item = window.wall.scene.themes[theme_id]
    item.setSelected(True)
    window.wall.view.setFocus()
    qtbot.waitUntil(window.wall.view.hasFocus)
    assert window.wall.action_make_insight.isEnabled()
    user.key(Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    panel = window.panels["dock-insights"]
    assert isinstance(panel, InsightsPanel)
    assert panel.isVisible() and panel.model.rowCount() == 1
    assert session.call(lambda s: insights.insight_of_theme(s, theme_id)) == panel.current_id
    assert len(panel.quote_model.rows) == 2 and panel.texts["statement"].hasFocus()
    assert "Insight 1 made" in window.statusBar().currentMessage()
    # the same theme again selects its insight rather than making a second
    window.wall.view.setFocus()
    qtbot.waitUntil(window.wall.view.hasFocus)
    user.key(Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert panel.model.rowCount() == 1 and "already" in window.statusBar().currentMessage()
    assert user.count == 2

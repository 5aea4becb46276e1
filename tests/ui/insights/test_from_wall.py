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


def _day2_wall(window: MainWindow) -> None:
    window.show_work(window.wall)
    window.wall.set_mode("day2")


def _first_theme_picked(qtbot: QtBot, window: MainWindow, session: ReviewSession) -> str:
    """The first theme selected on the wall, the keyboard in the wall's view; its id."""
    theme_id: str = session.call(insights.themes)[0][0]
    window.wall.scene.themes[theme_id].setSelected(True)
    window.wall.view.setFocus()
    qtbot.waitUntil(window.wall.view.hasFocus)
    return theme_id


def test_make_insight_from_the_wall_is_one_key_on_a_theme(
    qtbot: QtBot, window: MainWindow, session: ReviewSession
) -> None:
    user = Counted(qtbot)
    _day2_wall(window)
    theme_id = _first_theme_picked(qtbot, window, session)
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


def test_make_insight_with_the_panels_hidden_brings_insights_back_and_ends_hiding(
    qtbot: QtBot, window: MainWindow, session: ReviewSession
) -> None:
    # Seen under X: Ctrl+I showed the Insights dock while "Hide the panels" stayed ticked, so the next
    # Ctrl+Shift+H (meant to hide Insights again) brought every panel back instead.
    user = Counted(qtbot)
    _day2_wall(window)
    hide = window.layouts.hide_action
    hide.trigger()
    assert hide.isChecked() and not any(d.isVisible() for d in window.docks.values())
    _first_theme_picked(qtbot, window, session)
    user.key(Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert window.docks["dock-insights"].isVisible()
    assert not hide.isChecked(), "the panels are no longer hidden: the toolbar must not say they are"
    assert [n for n, d in window.docks.items() if d.isVisible()] == ["dock-insights"], "only what was asked for"
    hide.trigger()  # Ctrl+Shift+H again: the wall gets the window back
    assert not window.docks["dock-insights"].isVisible()

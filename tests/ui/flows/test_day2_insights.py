"""Day 2 morning, as the team does it in the real window: the themes exist; five insights with their quotes, then
the presentation. Every click, key and typed field is counted; the goal (#16) is at most 40 actions."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QPushButton, QTabBar, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from peerdesk.services import insights, wall_themes
from peerdesk.store.models import PostIt
from peerdesk.ui.insights.panel import InsightsPanel
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.shell.main_window import MainWindow
from tests.export.pptx_checks import slides
from tests.helpers import day2
from tests.helpers.user_actions import Counted, main_window

GOAL = 40
# In the order the themes come up (by heading): voice, first impressions, leadership, partners, workload.
STATEMENTS = (
    "Children and carers are asked, but the answer rarely changes the decision.",
    "The first welcome is warm, and people remember it.",
    "Leaders are seen and liked; their decisions still feel far away.",
    "Partners plan well together at the top and lose each other at night.",
    "Staff stay because of their colleagues, and leave because of the caseloads.",
)


@pytest.fixture
def window(qtbot: QtBot, session: ReviewSession) -> MainWindow:
    day2.seed(session.store, insights=False)  # four themes, no insight yet
    with session.store.session() as s:
        welcome = s.scalars(select(PostIt.id).where(PostIt.text == "Warm welcome at reception")).one()
    wall_themes.group_as_theme(session.store, [welcome], heading="First impressions")  # a fifth, no quote behind it
    return main_window(qtbot, session)


def dock_tab(window: MainWindow, title: str) -> tuple[QTabBar, QPoint]:
    for bar in window.findChildren(QTabBar):
        for i in range(bar.count()):
            if bar.tabText(i) == title and bar.isVisible():
                return bar, bar.tabRect(i).center()
    raise AssertionError(f"no visible tab {title!r}")


def pick_a_quote_by_keyboard(user: Counted, panel: InsightsPanel) -> None:
    """ "First impressions" has one post-it and no quote behind it: pick one from every quote, by keyboard."""
    assert panel.quote_model.rows == [] and panel.quote_warning.isVisible()
    user.key(Qt.Key.Key_Q, Qt.KeyboardModifier.AltModifier)  # Show every quote
    user.qtbot.waitUntil(panel.all_quotes.isChecked)  # a mnemonic "clicks" the box after a short animation
    evidence = panel.evidence_view
    user.click(evidence.viewport(), "a quote", evidence.visualRect(panel.evidence_model.index(0)).center())
    user.key(Qt.Key.Key_Return)  # use it
    assert len(panel.quote_model.rows) == 1


def test_five_insights_with_their_quotes_then_the_deck_within_forty_actions(
    qtbot: QtBot, window: MainWindow, session: ReviewSession, tmp_path: Path
) -> None:
    user = Counted(qtbot)
    panel = window.panels["dock-insights"]
    assert isinstance(panel, InsightsPanel)

    bar, at = dock_tab(window, "Insights")
    user.click(bar, "the Insights tab", at)
    qtbot.waitUntil(lambda: panel.isVisible() and panel.height() >= 330)  # the dock's layout settles
    assert panel.isVisible() and panel.height() >= 330, "the dock grew: usable without dragging a splitter"

    for n, statement in enumerate(STATEMENTS, start=1):
        user.click(panel.make_button, "Make insight")  # the next theme without an insight is already chosen
        assert panel.model.rowCount() == n and panel.texts["statement"].hasFocus()
        if n == 1:  # the statement and the quotes that came along are in view, without scrolling
            viewport = panel.editor.viewport()
            quotes_top = panel.quote_view.mapTo(viewport, QPoint(0, 0)).y()
            assert 0 <= quotes_top < viewport.height() - 40
        user.type(statement, "the statement")  # it replaces the theme's heading, which is selected
        description = panel.texts["description"]
        user.click(description.viewport(), "the description")
        user.type(f"What we heard, in two sentences (insight {n}).", "the description")
        if n == 2:
            pick_a_quote_by_keyboard(user, panel)

    # Insight 1 came with two quotes; the team keeps only the first.
    user.click(panel.view.viewport(), "insight 1", panel.view.visualRect(panel.model.index(0)).center())
    assert len(panel.quote_model.rows) == 2
    second = panel.quote_view.visualRect(panel.quote_model.index(1)).center()
    user.click(panel.quote_view.viewport(), "its second quote", second)
    user.key(Qt.Key.Key_Delete)  # take it off
    assert len(panel.quote_model.rows) == 1

    summaries = session.call(insights.list_insights)
    assert [s.statement for s in summaries] == list(STATEMENTS)
    assert all(s.quote_count >= 1 for s in summaries), "every insight has its quote"

    # File ▸ Build presentation… (Ctrl+Shift+P), Enter on the suggested file; "saved" is said without a box.
    out = tmp_path / "eastmere.pptx"

    def build(dialog: QWidget) -> None:
        dialog.out.setText(str(out))  # type: ignore[attr-defined]  # the suggested name, in a test folder
        user.key(Qt.Key.Key_Return)

    user.when_modal("buildPresentationDialog", build)
    user.key(Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: out.is_file() and QApplication.activeModalWidget() is None, timeout=60000)
    user.check()
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == f"Presentation saved as {out}", timeout=60000)
    assert window.statusBar().findChild(QPushButton, "openPresentationFolder") is not None

    titles = [s.title for s in slides(out)]
    for n in range(1, 6):
        assert f"Insight {n} of 5" in titles
    deck_text = "\n".join(s.all for s in slides(out))
    for statement in STATEMENTS:
        assert statement in deck_text
    print(f"Day 2, five insights with their quotes and the deck: {user.count} actions", *user.log, sep="\n  ")
    assert user.count <= GOAL, user.log

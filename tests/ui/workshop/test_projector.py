"""The projector view: the workshop's steps full screen, driven by the arrow keys."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from peerdesk.services import workshop, workshop_goals
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.workshop.panel import WorkshopPanel
from peerdesk.ui.workshop.projector import ProjectorView

SCREENSHOTS = Path(__file__).resolve().parents[3] / "docs" / "screenshots"


@pytest.fixture(autouse=True)
def _screenshots_go_to_docs_only_when_asked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """README screenshots are refreshed with PEERDESK_SCREENSHOTS=1; a normal run leaves the work tree alone."""
    if not os.environ.get("PEERDESK_SCREENSHOTS"):
        monkeypatch.setattr(sys.modules[__name__], "SCREENSHOTS", tmp_path / "screenshots")


def test_the_projector_steps_with_the_arrow_keys_and_leaves_with_escape(
    qtbot: QtBot, demo_session: ReviewSession
) -> None:
    store = demo_session.store
    tables = [workshop.add_table(store)[0] for _ in range(2)]
    goal, _ = workshop_goals.add_goal(store, workshop.insights(store)[0].id, "Same decision, whoever is on duty")
    workshop_goals.claim_goal(store, goal, tables[0])
    for n, insight in enumerate(workshop.insights(store)):
        workshop.set_response(store, tables[0], insight.id, "agree")
        workshop.set_response(store, tables[1], insight.id, ("agree", "disagree")[n % 2])
    for rank, text in enumerate(("A monthly threshold clinic", "Shadowing between duty managers"), start=1):
        workshop_goals.set_top_action(store, tables[0], rank, text)
    view = ProjectorView(demo_session)
    qtbot.addWidget(view)
    view.resize(1600, 900)
    view.show()
    assert view.title.text() == "The insights"
    assert view.body_size >= 24, "four insights fit in large type"
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.title.text() == "Goals"
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.title.text() == "How we brainstorm"  # the tables' rules, before they brainstorm (#20)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.title.text() == "Table 1: top three"
    assert "A monthly threshold clinic" in view.body.text()
    qtbot.keyClick(view, Qt.Key.Key_Right)  # the last step: stays
    assert view.title.text() == "Table 1: top three"
    workshop_goals.set_top_action(store, tables[0], 3, "Publish who to call")
    demo_session.notify(workshop.Changes.of("actions"))
    assert "Publish who to call" in view.body.text(), "it follows the facilitator's edits, on the same step"
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert view.title.text() == "How we brainstorm"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    view.go(0)
    view.grab().save(str(SCREENSHOTS / "projector.png"))
    with qtbot.waitSignal(view.destroyed, timeout=2000):
        qtbot.keyClick(view, Qt.Key.Key_Escape)


def test_the_projector_shows_a_goals_ideas_theme_by_theme_and_opens_on_the_panels_step(
    qtbot: QtBot, demo_session: ReviewSession
) -> None:
    from peerdesk.services import wall_themes

    store = demo_session.store
    table = workshop.add_table(store, "Window table")[0]
    goal, _ = workshop_goals.add_goal(store, workshop.insights(store)[0].id, "Same decision, whoever is on duty")
    workshop_goals.claim_goal(store, goal, table)
    a, b, _ = (workshop_goals.add_idea(store, goal, t)[0] for t in ("Shadowing", "A weekly huddle", "One crib sheet"))
    wall_themes.group_as_theme(store, [a, b], "Learning from each other")
    panel = WorkshopPanel(demo_session)
    qtbot.addWidget(panel)
    panel.steps.setCurrentIndex(2)
    panel.ideas.idea_goal.setCurrentIndex(panel.ideas.idea_goal.findData(goal))
    assert panel.projector_start() == f"ideas:{goal}"
    view = ProjectorView(demo_session, start=panel.projector_start())
    qtbot.addWidget(view)
    view.resize(1600, 900)
    view.show()
    assert view.title.text() == "Ideas"
    text = view.body.text()
    assert text.index("Learning from each other") < text.index("Shadowing") < text.index("Other ideas")
    assert text.index("Other ideas") < text.index("One crib sheet")
    assert "(Window table)" in text
    panel.steps.setCurrentIndex(3)
    assert panel.projector_start() == f"table:{table}"


def test_a_tables_name_in_a_title_is_shown_as_the_tables_wrote_it(qtbot: QtBot, demo_session: ReviewSession) -> None:
    store = demo_session.store
    table, _ = workshop.add_table(store, "<b>Blue</b> & green")
    workshop_goals.set_top_action(store, table, 1, "A monthly threshold clinic")
    view = ProjectorView(demo_session)
    qtbot.addWidget(view)
    view.show()
    for _ in range(8):  # to the table's top three, the last step
        qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.title.text() == "<b>Blue</b> & green: top three"
    assert view.title.textFormat() == Qt.TextFormat.PlainText

"""A goal's idea wall is the post-it wall itself, shown for one goal: canvas only, ideas only, same undo."""

from __future__ import annotations

import uuid
from pathlib import Path

from pytestqt.qtbot import QtBot

from peerdesk.services import insights, wall, workshop_goals
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.wall.dialogs import PostItDialog
from peerdesk.ui.wall.widget import WallWidget
from tests.helpers.wall_data import seed_postits


def _goal(session: ReviewSession, text: str) -> str:
    insight = str(uuid.uuid4())
    insights.create_insight(session.store, insight, statement="Thresholds are applied unevenly")
    return workshop_goals.add_goal(session.store, insight, text)[0]


def test_an_idea_wall_shows_nothing_until_a_goal_is_chosen_then_only_that_goals_ideas(
    qtbot: QtBot, session: ReviewSession
) -> None:
    seed_postits(session.store)
    goal, other = _goal(session, "One front door"), _goal(session, "One story for families")
    widget = WallWidget(session, goal_id=None)
    qtbot.addWidget(widget)
    assert widget.scene.postits == {} and not widget.action_new.isEnabled()
    widget.show_wall(goal)
    assert widget.action_new.isEnabled()
    first = widget.add_postit(wall.IDEA, "A weekly huddle")
    widget.add_postit(wall.IDEA, "Shadow a duty manager")
    assert first is not None and set(widget.scene.postits) == {
        p.id for p in wall.load_wall(session.store, goal).postits
    }
    assert widget.status.text() == "2 ideas · 0 themes"
    places = {(i.pos().x(), i.pos().y()) for i in widget.scene.postits.values()}
    assert len(places) == 2, "ideas typed one after another do not pile up on one spot"
    widget.show_wall(other)
    assert widget.scene.postits == {}
    widget.show_wall(goal)
    assert first in widget.scene.postits


def test_an_idea_wall_has_no_evening_sheets_no_read_out_and_no_colours(qtbot: QtBot, session: ReviewSession) -> None:
    goal = _goal(session, "One front door")
    widget = WallWidget(session, goal_id=goal)
    qtbot.addWidget(widget)
    toolbar = {a.text() for a in widget.toolbar.actions() if a.isVisible()}
    assert "New idea" in toolbar and "Group as theme" in toolbar
    assert not toolbar & {"Evening sheets", "Day 2 canvas", "Read out", "Rose", "Thorn", "Bud"}
    widget.add_postit(wall.IDEA, "A weekly huddle")
    widget.scene.postits[next(iter(widget.scene.postits))].setSelected(True)
    assert not widget.action_rose.isEnabled()
    dialog = PostItDialog(widget, "New idea", wall.IDEA)
    qtbot.addWidget(dialog)
    assert dialog.kind.isHidden() and dialog.values() == ("idea", "")


def test_deleting_an_idea_is_one_undo_step_and_the_export_is_that_goals_wall(
    qtbot: QtBot, session: ReviewSession, tmp_path: Path
) -> None:
    seed_postits(session.store)
    goal = _goal(session, "One front door")
    widget = WallWidget(session, goal_id=goal)
    qtbot.addWidget(widget)
    idea = widget.add_postit(wall.IDEA, "A weekly huddle")
    assert idea is not None
    widget.scene.postits[idea].setSelected(True)
    widget.action_delete.trigger()
    assert widget.scene.postits == {}
    assert session.undo_stack.undoText() == "Delete idea"
    session.undo_stack.undo()
    assert idea in widget.scene.postits
    widget.export(tmp_path / "ideas.csv")
    rows = (tmp_path / "ideas.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(rows) == 2 and "A weekly huddle" in rows[1]
    widget.export(tmp_path / "ideas.png")
    assert (tmp_path / "ideas.png").stat().st_size > 1000

"""Solution ideas from buds, on the wall: the dialog shows the buds, the ideas are added as one undo step."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from peerdesk.services import solution_ideas
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.wall.solution_ideas import SolutionIdeasDialog, add_ideas


def test_the_dialog_lists_the_buds_and_reads_one_idea_per_line(qtbot: QtBot) -> None:
    dialog = SolutionIdeasDialog(["Peer mentoring could spread", "A shared front door"])
    qtbot.addWidget(dialog)
    assert dialog.buds.count() == 2 and dialog.buds.item(1).text() == "A shared front door"
    dialog.text.setPlainText("Mentor pairs\nOne front door with health")
    assert dialog.lines() == ["Mentor pairs", "One front door with health"]


def test_ideas_are_one_undo_step_and_redo_brings_back_the_same_ones(qtbot: QtBot, session: ReviewSession) -> None:
    added = add_ideas(None, session, ["Mentor pairs", "", "One front door with health"])
    assert [i.id for i in solution_ideas.ideas(session.store)] == added and len(added) == 2
    session.undo_stack.undo()
    assert solution_ideas.ideas(session.store) == []
    session.undo_stack.redo()
    assert [i.id for i in solution_ideas.ideas(session.store)] == added


def test_no_ideas_is_refused_and_leaves_no_undo_step(qtbot: QtBot, session: ReviewSession, shown: list[str]) -> None:
    assert add_ideas(None, session, ["", "  "]) == []
    assert shown and "at least one solution idea" in shown[-1]
    assert session.undo_stack.count() == 0

"""Solution ideas from buds (#20), on the wall: the dialog shows the buds selected, the ideas are added as one undo
step, then shown on the projector (with the brainstorming rules) and on each table's printed sheet."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from peerdesk.errors import UserError
from peerdesk.export import print_day2
from peerdesk.services import solution_ideas, wall, workshop, workshop_outcome
from peerdesk.store.engine import Store
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.wall import solution_ideas as ui_ideas
from peerdesk.ui.wall.solution_ideas import SolutionIdeasDialog, add_ideas
from peerdesk.ui.wall.widget import WallWidget
from peerdesk.ui.workshop.projector import steps


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


def test_ideas_are_one_per_line_and_refused_when_empty(store: Store) -> None:
    ids, _ = solution_ideas.add_ideas(store, ["  A duty manager   every night ", "", "Shared first-week plan"])
    assert [i.text for i in solution_ideas.ideas(store)] == ["A duty manager every night", "Shared first-week plan"]
    solution_ideas.set_deleted(store, ids[:1], True)
    assert [i.text for i in solution_ideas.ideas(store)] == ["Shared first-week plan"]
    with pytest.raises(UserError, match="at least one"):
        solution_ideas.add_ideas(store, ["", "  "])


def test_the_wall_action_writes_ideas_from_the_selected_buds(
    qtbot: QtBot, session: ReviewSession, shown: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    bud = wall.add_postit(session.store, "bud", "A shared plan for the first week in care")
    rose = wall.add_postit(session.store, "rose", "Carers feel listened to")
    widget = WallWidget(session)
    qtbot.addWidget(widget)
    assert widget.action_solution_ideas in widget.toolbar.actions()
    widget.action_solution_ideas.trigger()  # nothing selected
    assert shown == ["Solution ideas from buds: Select one or more buds on the wall first."]
    ids = [next(iter(e.ids)) for e in (bud, rose)]
    assert solution_ideas.buds(session.store, ids) == ["A shared plan for the first week in care"]
    seen: list[list[str]] = []

    def fake_exec(dialog: ui_ideas.SolutionIdeasDialog) -> int:
        seen.append([dialog.buds.item(n).text() for n in range(dialog.buds.count())])
        dialog.text.setPlainText("First-week plan agreed with health\nOne number to ring at night")
        return 1

    monkeypatch.setattr(ui_ideas.SolutionIdeasDialog, "exec", fake_exec)
    monkeypatch.setattr(widget.scene, "selected_postits", lambda: ids)
    widget.action_solution_ideas.trigger()
    assert seen == [["A shared plan for the first week in care"]]
    assert len(solution_ideas.ideas(session.store)) == 2
    session.undo_stack.undo()
    assert solution_ideas.ideas(session.store) == []
    session.undo_stack.redo()
    assert [i.text for i in solution_ideas.ideas(session.store)][1] == "One number to ring at night"


def test_the_projector_and_the_tables_sheets_carry_them(demo_store: Store) -> None:
    solution_ideas.add_ideas(demo_store, ["One number to ring at night"])
    workshop.add_table(demo_store, "Table 1")
    keys = [s.key for s in steps(workshop_outcome.outcome(demo_store))]
    assert keys.index("solutions") < keys.index("rules")
    rules = next(s for s in steps(workshop_outcome.outcome(demo_store)) if s.key == "rules")
    assert rules.title == "How we brainstorm" and "Hold back judgement" in rules.html
    sheet = print_day2.workshop_sheets(demo_store).pages[0]
    assert "Ideas from the review team to start from" in sheet and "One number to ring at night" in sheet

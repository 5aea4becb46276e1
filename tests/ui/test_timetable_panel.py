"""The timetable panel: a grid of slots × teams where every change is one undo step."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from peerdesk.services import timetable as tt
from peerdesk.ui.panels.timetable import TimetablePanel
from peerdesk.ui.session import ReviewSession
from peerdesk.ui.timetable_model import INTERVIEW_ROLE
from tests.helpers.timetable import Day, build_day


def make_panel(qtbot: QtBot, session: ReviewSession) -> TimetablePanel:
    panel = TimetablePanel(session)
    qtbot.addWidget(panel)
    panel.resize(900, 600)
    panel.show()
    return panel


def group_at(panel: TimetablePanel, row: int, column: int) -> str:
    info = panel.model.index(row, column).data(INTERVIEW_ROLE)
    return info.group if info is not None else ""


def test_the_grid_has_a_row_per_slot_and_a_column_per_team(qtbot: QtBot, session: ReviewSession) -> None:
    build_day(session.store)
    panel = make_panel(qtbot, session)
    model = panel.model
    assert (model.rowCount(), model.columnCount()) == (3, 2)
    assert model.headerData(0, Qt.Orientation.Vertical) == "09:45\n10:30"
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Team B\nRoom 2"
    assert [group_at(panel, 0, 0), group_at(panel, 0, 1), group_at(panel, 1, 0), group_at(panel, 2, 1)] == [
        "Foster carers",
        "Social workers",
        "Young people",
        "",
    ]
    assert panel.view.isVisibleTo(panel) and not panel.empty.isVisibleTo(panel)


def test_an_empty_review_says_what_to_do(qtbot: QtBot, session: ReviewSession) -> None:
    panel = make_panel(qtbot, session)
    assert panel.empty.isVisibleTo(panel) and not panel.view.isVisibleTo(panel)
    panel.create_slot("09:45", "10:30")
    panel.create_team("Team A", "Room 1")
    assert panel.view.isVisibleTo(panel)


def test_dropping_an_interview_on_another_cell_moves_it_and_undo_puts_it_back(
    qtbot: QtBot, session: ReviewSession
) -> None:
    build_day(session.store)
    panel = make_panel(qtbot, session)
    model = panel.model
    data = model.mimeData([model.index(0, 0)])
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, model.index(2, 1))
    assert group_at(panel, 2, 1) == "Foster carers" and group_at(panel, 0, 0) == ""
    assert panel.view.currentIndex() == model.index(2, 1)
    session.undo_stack.undo()
    assert group_at(panel, 0, 0) == "Foster carers" and group_at(panel, 2, 1) == ""
    session.undo_stack.redo()
    assert group_at(panel, 2, 1) == "Foster carers"


def test_dropping_on_a_taken_cell_swaps_and_undo_swaps_back(qtbot: QtBot, session: ReviewSession) -> None:
    build_day(session.store)
    panel = make_panel(qtbot, session)
    model = panel.model
    model.dropMimeData(model.mimeData([model.index(0, 0)]), Qt.DropAction.MoveAction, -1, -1, model.index(0, 1))
    assert (group_at(panel, 0, 0), group_at(panel, 0, 1)) == ("Social workers", "Foster carers")
    session.undo_stack.undo()
    assert (group_at(panel, 0, 0), group_at(panel, 0, 1)) == ("Foster carers", "Social workers")


def test_a_new_interview_with_a_new_group_is_one_undo_step(qtbot: QtBot, session: ReviewSession) -> None:
    day = build_day(session.store)
    panel = make_panel(qtbot, session)
    fields = {"slot_id": day.slots[2], "team_id": day.teams[1], "approach": "other", "attendees": 3}
    interview_id = panel.create_interview(fields, new_group="Elected members")
    assert interview_id is not None
    assert group_at(panel, 2, 1) == "Elected members"
    assert session.undo_stack.undoText() == "New interview"
    session.undo_stack.undo()
    table = tt.timetable(session.store)
    assert table.at(day.slots[2], day.teams[1]) is None
    assert "Elected members" not in [g.name for g in table.groups]
    session.undo_stack.redo()
    assert group_at(panel, 2, 1) == "Elected members"


def test_a_refused_interview_leaves_no_undo_step(qtbot: QtBot, session: ReviewSession, shown: list[str]) -> None:
    day = build_day(session.store)
    panel = make_panel(qtbot, session)
    steps = session.undo_stack.count()
    assert panel.create_interview({"slot_id": day.slots[0], "team_id": day.teams[0]}) is None
    assert session.undo_stack.count() == steps
    assert shown and "already has an interview" in shown[0]


def test_editing_duplicating_and_deleting_are_undone_one_by_one(qtbot: QtBot, session: ReviewSession) -> None:
    day = build_day(session.store)
    panel = make_panel(qtbot, session)
    assert panel.edit_interview(day.interviews[0], {"attendees": 12, "approach": "ethnographic"})
    copy = panel.duplicate(day.interviews[0])
    assert copy is not None and group_at(panel, 2, 0) == "Foster carers"
    assert panel.delete(day.interviews[1])
    assert group_at(panel, 0, 1) == ""
    session.undo_stack.undo()
    assert group_at(panel, 0, 1) == "Social workers"
    session.undo_stack.undo()
    assert group_at(panel, 2, 0) == ""
    session.undo_stack.undo()
    assert tt.interview(session.store, day.interviews[0]).attendees == 5


def test_my_next_interview_selects_it_and_asks_for_its_notes(qtbot: QtBot, session: ReviewSession) -> None:
    day: Day = build_day(session.store)
    panel = make_panel(qtbot, session)
    with qtbot.waitSignal(panel.open_requested) as opened:
        panel.open_next(dt.datetime(2026, 3, 10, 10, 35))
    assert opened.args == [day.interviews[2]]
    assert panel.selected() is not None and panel.selected().id == day.interviews[2]  # type: ignore[union-attr]
    assert panel.action_next.shortcut().toString() == "Ctrl+J"


def test_double_clicking_an_interview_opens_its_notes(qtbot: QtBot, session: ReviewSession) -> None:
    day = build_day(session.store)
    panel = make_panel(qtbot, session)
    with qtbot.waitSignal(panel.open_requested) as opened:
        panel.view.doubleClicked.emit(panel.model.index(0, 1))
    assert opened.args == [day.interviews[1]]


def test_importing_a_csv_is_one_undo_step_and_a_bad_file_changes_nothing(
    qtbot: QtBot, session: ReviewSession, tmp_path: Path, shown: list[str]
) -> None:
    panel = make_panel(qtbot, session)
    good = tmp_path / "good.csv"
    good.write_text("starts,ends,team,stakeholder_group\n09:45,10:30,Team A,Carers\n10:45,11:30,Team B,Partners\n")
    bad = tmp_path / "bad.csv"
    bad.write_text("starts,team,stakeholder_group\n12:00,Team A,Carers\nlunch,Team A,Carers\n")
    assert panel.import_csv(bad) == 0
    assert shown == [
        "Could not import the timetable: Row 3 of the timetable file: 'lunch' is not a time of day "
        "(use HH:MM, for example 09:45). Nothing was imported."
    ]
    assert panel.model.rowCount() == 0
    assert panel.import_csv(good) == 2
    assert (panel.model.rowCount(), panel.model.columnCount()) == (2, 2)
    session.undo_stack.undo()
    assert panel.model.rowCount() == 0
    out = tmp_path / "out.csv"
    session.undo_stack.redo()
    assert panel.export_csv(out) == 2
    assert "Partners" in out.read_text()

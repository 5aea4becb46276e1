"""The timetable panel: a grid of slots × teams where every change is one undo step."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from peerdesk.services import notes, records
from peerdesk.services import timetable as tt
from peerdesk.ui.kit import messages
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.timetable.interview_dialog import TeamDialog
from peerdesk.ui.timetable.model import ACTIVITY_ROLE, CLASH_ROLE, INTERVIEW_ROLE
from peerdesk.ui.timetable.panel import TimetablePanel
from tests.helpers.timetable import Day


def group_at(panel: TimetablePanel, row: int, column: int) -> str:
    info = panel.model.index(row, column).data(INTERVIEW_ROLE)
    return info.group if info is not None else ""


def test_the_grid_has_a_row_per_slot_and_a_column_per_team(panel: TimetablePanel) -> None:
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


def test_an_empty_review_says_what_to_do(make_panel: Callable[[], TimetablePanel]) -> None:
    panel = make_panel()
    assert panel.empty.isVisibleTo(panel) and not panel.view.isVisibleTo(panel)
    panel.create_slot("09:45", "10:30")
    panel.create_team("Team A", "Room 1")
    assert panel.view.isVisibleTo(panel)


def test_dropping_an_interview_on_another_cell_moves_it_and_undo_puts_it_back(
    panel: TimetablePanel, session: ReviewSession
) -> None:
    model = panel.model
    data = model.mimeData([model.index(0, 0)])
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, model.index(2, 1))
    assert group_at(panel, 2, 1) == "Foster carers" and group_at(panel, 0, 0) == ""
    assert panel.view.currentIndex() == model.index(2, 1)
    session.undo_stack.undo()
    assert group_at(panel, 0, 0) == "Foster carers" and group_at(panel, 2, 1) == ""
    session.undo_stack.redo()
    assert group_at(panel, 2, 1) == "Foster carers"


def test_dropping_on_a_taken_cell_swaps_and_undo_swaps_back(panel: TimetablePanel, session: ReviewSession) -> None:
    model = panel.model
    model.dropMimeData(model.mimeData([model.index(0, 0)]), Qt.DropAction.MoveAction, -1, -1, model.index(0, 1))
    assert (group_at(panel, 0, 0), group_at(panel, 0, 1)) == ("Social workers", "Foster carers")
    session.undo_stack.undo()
    assert (group_at(panel, 0, 0), group_at(panel, 0, 1)) == ("Foster carers", "Social workers")


def test_a_new_interview_with_a_new_group_is_one_undo_step(
    panel: TimetablePanel, day: Day, session: ReviewSession
) -> None:
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


def test_a_refused_interview_leaves_no_undo_step(
    panel: TimetablePanel, day: Day, session: ReviewSession, shown: list[str]
) -> None:
    steps = session.undo_stack.count()
    assert panel.create_interview({"slot_id": day.slots[0], "team_id": day.teams[0]}) is None
    assert session.undo_stack.count() == steps
    assert shown and "already has an interview" in shown[0]


def test_editing_duplicating_and_deleting_are_undone_one_by_one(
    panel: TimetablePanel, day: Day, session: ReviewSession
) -> None:
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


def test_my_next_interview_selects_it_and_asks_for_its_notes(qtbot: QtBot, panel: TimetablePanel, day: Day) -> None:
    with qtbot.waitSignal(panel.open_requested) as opened:
        panel.open_next(dt.datetime(2026, 3, 10, 10, 35))
    assert opened.args == [day.interviews[2]]
    assert panel.selected() is not None and panel.selected().id == day.interviews[2]  # type: ignore[union-attr]
    assert panel.action_next.shortcut().toString() == "Ctrl+J"


def test_double_clicking_an_interview_opens_its_notes(qtbot: QtBot, panel: TimetablePanel, day: Day) -> None:
    with qtbot.waitSignal(panel.open_requested) as opened:
        panel.view.doubleClicked.emit(panel.model.index(0, 1))
    assert opened.args == [day.interviews[1]]


def import_and_wait(qtbot: QtBot, panel: TimetablePanel, path: Path) -> int:
    """Run the import through the worker as the menu does, and wait on the UI thread for its end."""
    results: list[int] = []
    panel.import_csv(path, results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=10_000)
    return results[0]


def test_importing_a_csv_is_one_undo_step_and_a_bad_file_changes_nothing(
    qtbot: QtBot, make_panel: Callable[[], TimetablePanel], session: ReviewSession, tmp_path: Path, shown: list[str]
) -> None:
    panel = make_panel()
    good = tmp_path / "good.csv"
    good.write_text("starts,ends,team,stakeholder_group\n09:45,10:30,Team A,Carers\n10:45,11:30,Team B,Partners\n")
    bad = tmp_path / "bad.csv"
    bad.write_text("starts,team,stakeholder_group\n12:00,Team A,Carers\nlunch,Team A,Carers\n")
    assert import_and_wait(qtbot, panel, bad) == 0
    assert shown == [
        "Could not import the timetable: Row 3 of the timetable file: 'lunch' is not a time of day "
        "(use HH:MM, for example 09:45). Nothing was imported."
    ]
    assert panel.model.rowCount() == 0 and session.undo_stack.count() == 0
    assert import_and_wait(qtbot, panel, good) == 2
    assert (panel.model.rowCount(), panel.model.columnCount()) == (2, 2)
    assert session.undo_stack.undoText() == "Import timetable (2 interviews)"
    session.undo_stack.undo()
    assert panel.model.rowCount() == 0
    out = tmp_path / "out.csv"
    session.undo_stack.redo()
    assert panel.export_csv(out) == 2
    assert "Partners" in out.read_text()


def test_the_import_runs_off_the_ui_thread(
    qtbot: QtBot, make_panel: Callable[[], TimetablePanel], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from peerdesk.services import timetable_csv

    seen: list[bool] = []
    real = timetable_csv.import_rows

    def spy(store: object, rows: list[timetable_csv.Row]) -> timetable_csv.ImportResult:
        seen.append(threading.current_thread() is threading.main_thread())
        return real(store, rows)  # type: ignore[arg-type]

    panel = make_panel()
    good = tmp_path / "good.csv"
    good.write_text("starts,team,stakeholder_group\n09:45,Team A,Carers\n")
    monkeypatch.setattr(timetable_csv, "import_rows", spy)
    assert import_and_wait(qtbot, panel, good) == 1
    assert seen == [False]


def test_a_missing_file_is_said_plainly(
    qtbot: QtBot, make_panel: Callable[[], TimetablePanel], tmp_path: Path, shown: list[str]
) -> None:
    panel = make_panel()
    assert import_and_wait(qtbot, panel, tmp_path / "nowhere.csv") == 0
    assert len(shown) == 1 and shown[0].startswith("Could not import the timetable: Could not read")


# --- slots and teams: change, delete, undo ----------------------------------------------------------------------


def slot_times(panel: TimetablePanel) -> list[str]:
    return [s.starts for s in panel.model.table.slots]


def test_changing_a_slots_time_is_one_undo_step_and_its_interviews_move_with_it(
    panel: TimetablePanel, day: Day, session: ReviewSession
) -> None:
    assert panel.retime_slot(day.slots[0], "12:30", "13:15")
    assert slot_times(panel) == ["10:45", "11:45", "12:30"]
    assert (group_at(panel, 2, 0), group_at(panel, 2, 1)) == ("Foster carers", "Social workers")
    assert session.undo_stack.undoText() == "Change slot time"
    session.undo_stack.undo()
    assert slot_times(panel) == ["09:45", "10:45", "11:45"]
    assert panel.model.headerData(0, Qt.Orientation.Vertical) == "09:45\n10:30"
    assert group_at(panel, 0, 0) == "Foster carers"
    session.undo_stack.redo()
    assert slot_times(panel)[-1] == "12:30"


def test_a_slot_time_already_taken_is_refused_without_an_undo_step(
    panel: TimetablePanel, day: Day, session: ReviewSession, shown: list[str]
) -> None:
    steps = session.undo_stack.count()
    assert not panel.retime_slot(day.slots[0], "10:45", "11:30")
    assert shown == ["Change slot time: There is already a slot at 10:45 on day 1."]
    assert session.undo_stack.count() == steps
    assert not panel.retime_slot(day.slots[0], "09:45", "10:30")  # unchanged: nothing to undo either
    assert session.undo_stack.count() == steps


def test_renaming_a_team_is_one_undo_step(
    panel: TimetablePanel, day: Day, session: ReviewSession, shown: list[str]
) -> None:
    assert panel.rename_team(day.teams[1], "Team Blue", "Library")
    assert panel.model.headerData(1, Qt.Orientation.Horizontal) == "Team Blue\nLibrary"
    assert not panel.rename_team(day.teams[1], "Team A")
    assert shown == ["Rename team: There is already a team called 'Team A'."]
    session.undo_stack.undo()
    assert panel.model.headerData(1, Qt.Orientation.Horizontal) == "Team B\nRoom 2"
    session.undo_stack.redo()
    assert panel.model.headerData(1, Qt.Orientation.Horizontal) == "Team Blue\nLibrary"


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Confirmation questions the panel asks; the answer is the list's ``answer`` attribute (yes by default)."""
    questions = Answers()
    monkeypatch.setattr(messages, "confirm", questions.ask)
    return questions


class Answers(list[str]):
    answer = True

    def ask(self, _parent: object, title: str, text: str, yes: str = "Continue") -> bool:
        self.append(f"{title}: {text} [{yes}]")
        return self.answer


def test_deleting_a_slot_with_interviews_asks_first_and_undo_brings_it_all_back(
    make_panel: Callable[[], TimetablePanel], day: Day, session: ReviewSession, asked: Answers
) -> None:
    note, _ = notes.open_note(session.store, day.interviews[1])
    notes.save_body(session.store, note, "Plenty said")
    panel = make_panel()
    before = tt.timetable(session.store)
    assert panel.delete_slot(day.slots[0])
    assert asked == [
        "Delete time slot: 2 interviews are planned for the 09:45–10:30 slot. Deleting it deletes these 2 "
        "interviews from the timetable too. 1 of them already has notes or quotes; those are kept in the file. "
        "Undo (Ctrl+Z) brings everything back. [Delete all]"
    ]
    assert slot_times(panel) == ["10:45", "11:45"]
    assert [i.id for i in tt.timetable(session.store).interviews] == [day.interviews[2]]
    assert session.undo_stack.undoText() == "Delete slot 09:45–10:30"
    session.undo_stack.undo()
    assert tt.timetable(session.store) == before
    assert notes.body(session.store, note) == "Plenty said"
    session.undo_stack.redo()
    assert slot_times(panel) == ["10:45", "11:45"]
    session.undo_stack.undo()
    assert tt.timetable(session.store) == before


def test_saying_no_keeps_the_slot(panel: TimetablePanel, day: Day, session: ReviewSession, asked: Answers) -> None:
    asked.answer = False
    assert not panel.delete_slot(day.slots[0])
    assert slot_times(panel) == ["09:45", "10:45", "11:45"] and session.undo_stack.count() == 0


def test_an_empty_slot_goes_without_a_question(
    panel: TimetablePanel, day: Day, session: ReviewSession, asked: Answers
) -> None:
    assert panel.delete_slot(day.slots[2])
    assert asked == [] and slot_times(panel) == ["09:45", "10:45"]
    session.undo_stack.undo()
    assert slot_times(panel) == ["09:45", "10:45", "11:45"]


def test_deleting_a_team_takes_its_column_and_undo_restores_exactly(
    panel: TimetablePanel, day: Day, session: ReviewSession, asked: Answers
) -> None:
    panel.delete(day.interviews[2])  # deleted before: the team's undo must not bring it back
    before = tt.timetable(session.store)
    assert panel.delete_team(day.teams[0])
    assert asked[0].startswith("Delete team: 1 interview is planned for Team A. Deleting it deletes this interview")
    assert panel.model.columnCount() == 1 and group_at(panel, 0, 0) == "Social workers"
    session.undo_stack.undo()
    assert tt.timetable(session.store) == before
    assert group_at(panel, 1, 0) == ""


def test_header_clicks_and_keys_select_a_slot_or_team_for_f2_and_delete(
    qtbot: QtBot, panel: TimetablePanel, day: Day, session: ReviewSession, asked: Answers
) -> None:
    qtbot.waitExposed(panel)
    panel.activateWindow()
    qtbot.waitActive(panel)  # shortcuts reach only the active window's focus widget
    panel.view.setFocus()
    qtbot.waitUntil(panel.view.hasFocus)
    header = panel.view.verticalHeader()
    row_3 = QPoint(5, header.sectionViewportPosition(2) + 5)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=row_3)
    assert panel.target == ("slot", day.slots[2])
    assert panel.action_edit.text() == "Change time…" and panel.action_delete.text() == "Delete slot"
    assert len(panel.view.selectionModel().selectedIndexes()) == 2  # the whole row
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert slot_times(panel) == ["09:45", "10:45"] and panel.target is None
    assert panel.action_delete.text() == "Delete"
    session.undo_stack.undo()
    assert panel.target is None and slot_times(panel) == ["09:45", "10:45", "11:45"]

    panel.view.setCurrentIndex(panel.model.index(1, 1))
    qtbot.keyClick(panel.view, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
    assert panel.target == ("team", day.teams[1])
    assert panel.action_edit.text() == "Rename team…"

    def fill_in_the_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, TeamDialog)
        dialog.name.setText("Team Blue")
        dialog.accept()

    QTimer.singleShot(0, fill_in_the_dialog)
    qtbot.keyClick(panel.view, Qt.Key.Key_F2)
    assert panel.model.headerData(1, Qt.Orientation.Horizontal) == "Team Blue\nRoom 2"
    assert panel.target == ("team", day.teams[1])  # still selected after the grid reloads
    panel.view.setCurrentIndex(panel.model.index(0, 0))  # a cell again: F2 and Delete act on interviews
    assert panel.target is None and panel.action_edit.text() == "Edit…"


def test_edit_duplicate_and_delete_are_greyed_out_on_an_empty_cell_and_say_what_to_pick(
    qtbot: QtBot, panel: TimetablePanel, day: Day, session: ReviewSession
) -> None:
    acting = (panel.action_edit, panel.action_duplicate, panel.action_delete)
    panel.view.setCurrentIndex(panel.model.index(2, 0))  # 11:45, Team A: no interview there
    assert not any(a.isEnabled() for a in acting)
    assert "Pick an interview" in panel.action_delete.toolTip() and "header" in panel.action_delete.toolTip()
    panel.view.setCurrentIndex(panel.model.index(1, 0))  # young people
    assert all(a.isEnabled() for a in acting)
    assert panel.action_edit.toolTip() == "Change the interview's details (F2)"

    panel.target_current("slot")  # the 10:45 row: F2 and Delete act on the slot, Duplicate has nothing to copy
    assert panel.action_edit.isEnabled() and panel.action_delete.isEnabled()
    assert not panel.action_duplicate.isEnabled()
    assert panel.action_edit.toolTip() == "Change the time slot (F2)"

    young_people = panel.view.visualRect(panel.model.index(1, 0)).center()
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=young_people)  # the cell again
    assert panel.target is None and all(a.isEnabled() for a in acting)
    assert panel.delete(day.interviews[2])  # its cell empties under the cursor: nothing left to act on
    assert not any(a.isEnabled() for a in acting)
    session.undo_stack.undo()
    panel.view.setCurrentIndex(panel.model.index(1, 0))
    assert panel.action_delete.isEnabled()


def test_a_header_menu_offers_to_change_delete_or_add(panel: TimetablePanel, day: Day) -> None:
    menu = panel.header_menu("team", 1)
    assert menu is not None
    assert [a.text() for a in menu.actions() if a.text()] == ["Rename team…", "Delete team", "Add team…"]
    assert menu.actions()[0].shortcut().toString() == "F2"
    assert panel.target == ("team", day.teams[1])
    menu = panel.header_menu("slot", 0)
    assert menu is not None
    assert [a.text() for a in menu.actions() if a.text()] == ["Change time…", "Delete slot", "Add slot…"]


def test_a_row_for_everyone_spans_the_teams_and_refuses_a_drop(
    panel: TimetablePanel, day: Day, session: ReviewSession, shown: list[str]
) -> None:
    lunch = panel.create_slot("12:30", "13:15", 1, "Lunch")
    assert lunch is not None
    row = next(n for n, s in enumerate(panel.model.table.slots) if s.id == lunch)
    assert panel.view.columnSpan(row, 0) == 2
    assert panel.model.index(row, 1).data(ACTIVITY_ROLE) == "Lunch"
    assert not panel.model.flags(panel.model.index(row, 0)) & Qt.ItemFlag.ItemIsDropEnabled
    assert not panel.move_interview(day.interviews[0], lunch, day.teams[0])
    assert shown and "kept for “Lunch”" in shown[0]
    session.undo_stack.undo()  # the slot's creation
    assert all(not s.activity for s in panel.model.table.slots)
    assert panel.view.columnSpan(0, 0) == 1


def test_a_shared_cell_says_how_many_and_opens_each_of_them(
    qtbot: QtBot, make_panel: Callable[[], TimetablePanel], day: Day, session: ReviewSession
) -> None:
    group = tt.timetable(session.store).groups[0].id
    # What a merge of two colleagues' plans can leave (a local edit refuses it): a second interview in (09:45, A).
    second, _ = records.create(
        session.store, "interviews", slot_id=day.slots[0], team_id=day.teams[0], group_id=group, title="Evening Q&A"
    )
    panel = make_panel()
    cell = panel.model.index(0, 0)
    assert cell.data(CLASH_ROLE) == 2
    assert cell.data(Qt.ItemDataRole.DisplayRole).startswith("2 interviews in this cell: ")
    assert "Evening" in cell.data(Qt.ItemDataRole.ToolTipRole)
    assert panel.model.index(0, 1).data(CLASH_ROLE) == 1

    menu = panel.cell_menu(cell)
    actions = menu.actions()
    assert len(actions) == 2
    with qtbot.waitSignal(panel.open_requested) as opened:
        evening = next(a for a in actions if "Evening" in a.text())
        assert evening.iconText().endswith(" — Evening Q&A")  # its "&" shown, not taken for the Alt key
        evening.trigger()
    assert opened.args == [second]
    # The card now stands for the one opened, so Edit, Delete and dragging act on it (the way to move it out).
    assert cell.data(INTERVIEW_ROLE).id == second

    panel.select(day.interviews[0])  # finding an interview shows it in its cell
    assert panel.model.interview_at(panel.model.index(0, 0)).id == day.interviews[0]  # type: ignore[union-attr]
    panel.select(second)
    assert panel.model.interview_at(panel.model.index(0, 0)).id == second  # type: ignore[union-attr]

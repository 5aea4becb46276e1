"""The stakeholder groups window: add, rename in place and delete, each one undo step; a group in use stays."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from peerdesk.services import notes
from peerdesk.services import timetable as tt
from peerdesk.services.changes import Changes
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.timetable.groups_dialog import GroupsDialog
from peerdesk.ui.timetable.panel import TimetablePanel
from tests.helpers.layout import screenshot
from tests.helpers.timetable import Day, build_day


@pytest.fixture
def day(session: ReviewSession) -> Day:
    return build_day(session.store)


@pytest.fixture
def dialog(qtbot: QtBot, session: ReviewSession, day: Day) -> GroupsDialog:
    dialog = GroupsDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def names(dialog: GroupsDialog) -> list[str]:
    model = dialog.model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_each_group_shows_how_many_interviews_and_quotes_carry_it(dialog: GroupsDialog, day: Day) -> None:
    note, _ = notes.open_note(dialog.session.store, day.interviews[0])
    notes.capture_quote(dialog.session.store, note, 0, 9, "We manage")
    dialog.session.notify(Changes.of("quotes"))
    model = dialog.model
    rows = [[model.index(r, c).data() for c in range(3)] for r in range(model.rowCount())]
    assert rows == [["Foster carers", 1, 1], ["Social workers", 1, 0], ["Young people", 1, 0]]
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Stakeholder group"


def test_adding_a_group_is_one_undo_step_and_a_name_taken_is_refused(dialog: GroupsDialog, shown: list[str]) -> None:
    dialog.new_name.setText("  Partners ")
    dialog.add_button.click()
    assert names(dialog)[-1] == "Partners" and dialog.new_name.text() == ""
    assert dialog.selected() is not None and dialog.selected().name == "Partners"  # type: ignore[union-attr]
    dialog.new_name.setText("young PEOPLE")
    dialog.add_button.click()
    assert shown == ["Add stakeholder group: There is already a stakeholder group called 'Young people'."]
    assert dialog.new_name.text() == "young PEOPLE"  # kept, to correct
    stack = dialog.session.undo_stack
    assert stack.undoText() == "Add stakeholder group"
    stack.undo()
    assert "Partners" not in names(dialog)
    stack.redo()
    assert names(dialog)[-1] == "Partners"


def test_renaming_in_place_renames_it_everywhere_and_undo_renames_back(
    qtbot: QtBot, dialog: GroupsDialog, day: Day
) -> None:
    model = dialog.model
    assert model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(0, 1)) & Qt.ItemFlag.ItemIsEditable
    assert model.setData(model.index(0, 0), "Foster and kinship carers")
    qtbot.waitUntil(lambda: names(dialog)[0] == "Foster and kinship carers")
    cell = tt.timetable(dialog.session.store).at(day.slots[0], day.teams[0])
    assert cell is not None and cell.group == "Foster and kinship carers"
    dialog.session.undo_stack.undo()
    assert names(dialog)[0] == "Foster carers"


def test_a_rename_typed_in_the_editor_and_refused_says_why(
    qtbot: QtBot, dialog: GroupsDialog, shown: list[str]
) -> None:
    dialog.view.selectRow(1)
    dialog.rename_button.click()
    qtbot.waitUntil(lambda: dialog.view.state() == dialog.view.State.EditingState)
    editor = dialog.view.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "Young people")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(shown))
    assert shown == ["Rename stakeholder group: There is already a stakeholder group called 'Young people'."]
    assert names(dialog) == ["Foster carers", "Social workers", "Young people"]


def test_a_group_in_use_is_not_deleted_and_the_message_says_how_many_use_it(
    dialog: GroupsDialog, shown: list[str]
) -> None:
    steps = dialog.session.undo_stack.count()
    dialog.view.selectRow(0)
    dialog.delete_button.click()
    assert shown == [
        "Delete stakeholder group: 'Foster carers' is the stakeholder group of 1 interview, so it cannot be "
        "deleted. Give them another group first, or rename this one."
    ]
    assert names(dialog)[0] == "Foster carers" and dialog.session.undo_stack.count() == steps


def test_an_unused_group_is_deleted_with_the_delete_key_and_undo_brings_it_back(
    qtbot: QtBot, dialog: GroupsDialog
) -> None:
    dialog.add("Partners")
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    dialog.view.setFocus()
    qtbot.waitUntil(dialog.view.hasFocus)
    dialog.select(dialog.model.rows[-1].id)
    qtbot.keyClick(dialog.view, Qt.Key.Key_Delete)
    assert "Partners" not in names(dialog)
    qtbot.keyClick(dialog.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo from this window
    assert names(dialog)[-1] == "Partners"


def test_the_timetable_opens_one_groups_window(qtbot: QtBot, session: ReviewSession, day: Day) -> None:
    panel = TimetablePanel(session)
    qtbot.addWidget(panel)
    panel.show()
    first = panel.show_groups()
    assert panel.show_groups() is first and first.isVisible()
    assert panel.action_groups in panel.window_actions()
    first.close()


def test_the_demo_lists_every_group_it_interviews_with_what_carries_each(
    qtbot: QtBot, demo_session: ReviewSession
) -> None:
    dialog = GroupsDialog(demo_session)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    model = dialog.model
    rows = [[model.index(r, c).data() for c in range(3)] for r in range(model.rowCount())]
    assert len(rows) >= 5 and all(interviews >= 1 for _name, interviews, _quotes in rows)
    assert sum(quotes for _name, _interviews, quotes in rows) > 0
    screenshot(dialog, "stakeholder-groups")  # README: the stakeholder groups window

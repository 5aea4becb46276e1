"""The follow-up's table of actions: read-only action columns, editable progress, each save one undo step."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QComboBox, QWidget
from pytestqt.qtbot import QtBot

from peerdesk.services import action_progress, workshop, workshop_goals
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.workshop import action_progress as table


@pytest.fixture
def action(session: ReviewSession) -> str:
    table_id, _ = workshop.add_table(session.store, "Blue table")
    workshop_goals.set_top_action(session.store, table_id, 1, "Publish the threshold guide")
    return workshop.action_id(table_id, 1)


def test_fill_puts_the_action_read_only_beside_its_editable_progress(session: ReviewSession, action: str) -> None:
    model = QStandardItemModel()
    table.fill(model, action_progress.rows(session.store))
    assert model.rowCount() == 1 and model.columnCount() == len(table.HEADERS)
    assert model.item(0, 3).text() == "Publish the threshold guide" and not model.item(0, 3).isEditable()
    status = model.item(0, table.FIRST_EDITABLE + action_progress.FIELDS.index("status"))
    assert status.isEditable() and status.text() == "Not looked at yet" and status.data(table.ACTION_ROLE) == action


def test_a_save_is_one_undo_step_and_an_unchanged_value_is_none(
    qtbot: QtBot, session: ReviewSession, action: str
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    assert table.save(parent, session, action, "owner", "Head of service")
    assert not table.save(parent, session, action, "owner", " Head of service ")
    assert session.undo_stack.count() == 1 and session.undo_stack.undoText() == "Follow-up: owner"
    session.undo_stack.undo()
    assert action_progress.values(session.store, action)["owner"] == ""


def test_the_status_editor_offers_every_state_and_writes_its_key(
    qtbot: QtBot, session: ReviewSession, action: str
) -> None:
    model = QStandardItemModel()
    table.fill(model, action_progress.rows(session.store))
    index = model.index(0, table.FIRST_EDITABLE + action_progress.FIELDS.index("status"))
    delegate = table.StatusDelegate()
    parent = QWidget()
    qtbot.addWidget(parent)
    editor = delegate.createEditor(parent, None, index)  # type: ignore[arg-type]
    assert isinstance(editor, QComboBox) and editor.count() == len(action_progress.STATUSES)
    editor.setCurrentIndex(editor.findData("done"))
    delegate.setModelData(editor, model, index)
    assert index.data(table.VALUE_ROLE) == "done" and index.data(Qt.ItemDataRole.DisplayRole) == "Done"

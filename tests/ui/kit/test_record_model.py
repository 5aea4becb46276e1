"""A table model over one shared table: rows are records, edits go through the undo stack."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from peerdesk.services import records
from peerdesk.ui.kit.record_model import Column, RecordTableModel
from peerdesk.ui.kit.session import ReviewSession


def _model(session: ReviewSession) -> RecordTableModel:
    columns = [Column("text", "Text"), Column("starred", "Star", kind="bool"), Column("kind", "Kind", editable=False)]
    return RecordTableModel(session, "quotes", columns, order_by="text", noun="quote")


def test_rows_are_the_live_records_and_follow_changes(qtbot: QtBot, session: ReviewSession) -> None:
    quote_id, _ = records.create(session.store, "quotes", text="We are heard at last.")
    model = _model(session)
    assert model.rowCount() == 1 and model.columnCount() == 3 and model.record_id(0) == quote_id
    assert model.data(model.index(0, 0)) == "We are heard at last."
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Star"
    session.notify(records.delete(session.store, "quotes", quote_id))
    assert model.rowCount() == 0 and model.row_of(quote_id) == -1


def test_an_edit_is_one_undo_step_and_a_read_only_column_is_not_editable(qtbot: QtBot, session: ReviewSession) -> None:
    quote_id, _ = records.create(session.store, "quotes", text="First wording.")
    model = _model(session)
    assert model.setData(model.index(0, 0), "Second wording.")
    assert records.values(session.store, "quotes", quote_id, ["text"])["text"] == "Second wording."
    assert not model.setData(model.index(0, 0), "Second wording.")  # no change, no step
    session.undo_stack.undo()
    assert model.data(model.index(0, 0)) == "First wording."
    assert not model.flags(model.index(0, 2)) & Qt.ItemFlag.ItemIsEditable
    assert model.flags(model.index(0, 1)) & Qt.ItemFlag.ItemIsUserCheckable


def test_a_checkbox_column_reads_and_writes_check_states(qtbot: QtBot, session: ReviewSession) -> None:
    quote_id, _ = records.create(session.store, "quotes", text="Starred soon.")
    model = _model(session)
    index = model.index(0, 1)
    assert model.data(index, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert records.values(session.store, "quotes", quote_id, ["starred"])["starred"] is True

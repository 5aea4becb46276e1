"""Read-only Qt models over rows a service returns: a table model that refetches, a list model set from rows."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from peerdesk.services.changes import Changes
from peerdesk.ui.kit.list_model import ListTableModel, RowListModel, RowsTableModel, SessionTableModel
from peerdesk.ui.kit.session import ReviewSession


class _Teams(ListTableModel[tuple[str, str]]):
    headers = ("Team", "Room")

    def __init__(self, source: list[tuple[str, str]]) -> None:
        super().__init__()
        self.source = source

    def fetch(self) -> list[tuple[str, str]]:
        return list(self.source)


class _Names(RowListModel[str]):
    def row_data(self, row: str, role: int) -> object:
        return row.upper() if role == Qt.ItemDataRole.DisplayRole else None


def test_a_table_model_shows_its_headers_and_refetches_on_reload(qtbot: QtBot) -> None:
    source = [("Team A", "Room 1")]
    model = _Teams(source)
    assert model.rowCount() == 0 and model.columnCount() == 2
    with qtbot.waitSignal(model.modelReset):
        model.reload()
    assert model.rowCount() == 1
    source.append(("Team B", "Room 2"))
    model.reload()
    assert model.rowCount() == 2
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Room"
    assert model.headerData(0, Qt.Orientation.Vertical) is None


def test_a_list_model_shows_what_row_data_says_of_each_row(qtbot: QtBot) -> None:
    model = _Names()
    model.set_rows(["alex", "sam"])
    assert model.rowCount() == 2
    assert model.data(model.index(1, 0)) == "SAM"
    assert model.data(model.index(1, 0), Qt.ItemDataRole.ToolTipRole) is None


class _Pairs(RowsTableModel[tuple[str, str]]):
    headers = ("Left", "Right", "Extra")

    def cell(self, row: tuple[str, str], column: int, role: int) -> object:
        return (*row, "")[column] if role == Qt.ItemDataRole.DisplayRole else None


def test_a_rows_table_has_one_column_a_header_and_a_row_each_row_it_is_given(qtbot: QtBot) -> None:
    model = _Pairs()
    model.rows = [("a", "b"), ("c", "d")]
    assert model.rowCount() == 2 and model.columnCount() == 3
    assert model.rowCount(model.index(0, 0)) == 0  # a table: no row has children
    assert model.headerData(2, Qt.Orientation.Horizontal) == "Extra"
    assert model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) is None
    assert model.data(model.index(1, 1)) == "d"  # each cell says what its row shows in that column
    assert model.data(model.index(1, 1), Qt.ItemDataRole.ToolTipRole) is None


class _Fetches(SessionTableModel[int]):
    headers = ("Read",)
    watched = ("members",)

    def __init__(self, session: ReviewSession) -> None:
        self.reads = 0
        super().__init__(session)

    def fetch(self) -> list[int]:
        self.reads += 1
        return [self.reads]


def test_a_session_model_reads_at_once_and_again_only_for_the_tables_it_watches(
    qtbot: QtBot, session: ReviewSession
) -> None:
    model = _Fetches(session)
    assert model.rows == [1] and model.parent() is session
    session.changed.emit(Changes.of("quotes"))
    assert model.rows == [1]
    session.changed.emit(Changes.of("members"))
    assert model.rows == [2]

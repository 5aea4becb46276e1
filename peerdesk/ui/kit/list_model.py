"""Read-only Qt models over a list of rows that a service call returns (the shape many lists and dialogs share)."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractListModel, QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from peerdesk.services.changes import Changes
from peerdesk.ui.kit.session import ReviewSession

Index = QModelIndex | QPersistentModelIndex
Row = TypeVar("Row")


class RowsTableModel(QAbstractTableModel, Generic[Row]):
    """A table of ``rows`` under ``headers`` (one column a header); subclasses say what each ``cell`` shows."""

    headers: tuple[str, ...] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[Row] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return self.cell(self.rows[index.row()], index.column(), role) if index.isValid() else None

    def cell(self, row: Row, column: int, role: int) -> Any:
        """What ``column`` of ``row`` shows in ``role`` (None for nothing)."""
        raise NotImplementedError


class ListTableModel(RowsTableModel[Row]):
    """Subclasses set ``headers``, implement ``fetch`` (the rows) and ``cell``; ``reload`` refetches."""

    def fetch(self) -> list[Row]:
        raise NotImplementedError

    def reload(self) -> None:
        self.beginResetModel()
        self.rows = self.fetch()
        self.endResetModel()


class SessionTableModel(ListTableModel[Row]):
    """Rows that ``fetch`` reads from the review session, read again when a change touches ``watched`` (any
    change when it names no table). Without a ``parent`` the model belongs to the session."""

    watched: tuple[str, ...] = ()

    def __init__(self, session: ReviewSession, parent: QObject | None = None) -> None:
        super().__init__(session if parent is None else parent)
        self.session = session
        session.changed.connect(self._on_changed)  # a method: the connection ends with the model
        self.reload()

    def _on_changed(self, changes: Changes) -> None:
        if not self.watched or changes.touches(*self.watched):
            self.reload()


class RowListModel(QAbstractListModel, Generic[Row]):
    """A list of plain values; subclasses say what each role shows of one row in ``row_data``."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[Row] = []

    def set_rows(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return self.row_data(self.rows[index.row()], role) if index.isValid() else None

    def row_data(self, row: Row, role: int) -> Any:
        raise NotImplementedError

"""A Qt table model over one shared table: rows are records, columns are fields; edits are undo commands."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from peerdesk.services import records
from peerdesk.services.changes import Changes
from peerdesk.ui.kit import ops
from peerdesk.ui.kit.plain import plain_tip
from peerdesk.ui.kit.session import ReviewSession

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    field: str
    header: str
    kind: str = "text"  # text | bool
    editable: bool = True


class RecordTableModel(QAbstractTableModel):
    def __init__(
        self,
        session: ReviewSession,
        table: str,
        columns: list[Column],
        *,
        where: dict[str, Any] | None = None,
        order_by: str | None = None,
        noun: str = "record",
    ) -> None:
        super().__init__(session)
        self.session, self.table, self.columns = session, table, columns
        self.where, self.order_by, self.noun = where, order_by, noun
        self._rows: list[dict[str, Any]] = []
        session.changed.connect(self._on_changed)
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = records.rows(
            self.session.store, self.table, [c.field for c in self.columns], where=self.where, order_by=self.order_by
        )
        self.endResetModel()

    def _on_changed(self, changes: Changes) -> None:
        if self.table in changes:
            self.reload()

    def record_id(self, row: int) -> str:
        return str(self._rows[row]["id"])

    def row_of(self, record_id: str) -> int:
        for i, r in enumerate(self._rows):
            if r["id"] == record_id:
                return i
        return -1

    # --- Qt model ------------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].header
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = self.columns[index.column()]
        value = self._rows[index.row()][column.field]
        if column.kind == "bool":
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return value
        if role == Qt.ItemDataRole.ToolTipRole and isinstance(value, str) and len(value) > 60:
            return plain_tip(value)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not index.isValid():
            return base
        column = self.columns[index.column()]
        if column.editable:
            base |= Qt.ItemFlag.ItemIsUserCheckable if column.kind == "bool" else Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        column = self.columns[index.column()]
        if column.kind == "bool" and role == Qt.ItemDataRole.CheckStateRole:
            value = Qt.CheckState(value) == Qt.CheckState.Checked
        elif role != Qt.ItemDataRole.EditRole:
            return False
        row = self._rows[index.row()]
        if row[column.field] == value:
            return False
        label = f"Edit {self.noun} {column.header.lower()}"
        old = {column.field: row[column.field]}
        return ops.set_fields(None, self.session, self.table, row["id"], {column.field: value}, label, old=old)

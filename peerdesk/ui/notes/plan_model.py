"""An interview's question plan as a Qt list: in order, a tick box for "asked", the closing question last."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont

from peerdesk.services import questions
from peerdesk.ui.kit.plain import plain_tip
from peerdesk.ui.kit.session import ReviewSession

Index = QModelIndex | QPersistentModelIndex


class PlanModel(QAbstractListModel):
    tick_requested = Signal(str, bool)  # planned question id, asked

    def __init__(self, session: ReviewSession) -> None:
        super().__init__(session)
        self.session = session
        self.interview_id = ""
        self.items: list[questions.PlannedQuestion] = []

    def load(self, interview_id: str) -> None:
        self.beginResetModel()
        self.interview_id = interview_id
        self.items = questions.plan(self.session.store, interview_id) if interview_id else []
        self.endResetModel()

    def item(self, row: int) -> questions.PlannedQuestion | None:
        return self.items[row] if 0 <= row < len(self.items) else None

    def row_of(self, planned_id: str) -> int:
        return next((n for n, q in enumerate(self.items) if q.id == planned_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{index.row() + 1}. {item.text}"
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if item.asked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.FontRole and item.closing:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return "The catch-all question: always asked last." if item.closing else plain_tip(item.text)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole:
            return False
        asked = Qt.CheckState(value) == Qt.CheckState.Checked
        self.tick_requested.emit(self.items[index.row()].id, asked)
        return True

"""One interview's 0–10 scale answers as an editable table: the rating, what was rated, the reason given.

The model never writes: an edit is handed to ``edit`` (the panel makes it one undo step) once the editor has
closed, so a refusal shown in a message box cannot make the editor commit a second time on losing focus.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer
from PySide6.QtWidgets import QSpinBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from peerdesk.services import scale_answers
from peerdesk.ui.kit.list_model import RowsTableModel

Index = QModelIndex | QPersistentModelIndex
FIELDS = ("value", "question", "reason")
HEADERS = ("Rating", "Rated", "Reason")
ID_ROLE = Qt.ItemDataRole.UserRole + 1
Edit = Callable[[str, str, Any], object]  # answer id, field, new value


class ScaleAnswersModel(RowsTableModel[scale_answers.ScaleInfo]):
    headers = HEADERS

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.edit: Edit | None = None

    def set_rows(self, rows: list[scale_answers.ScaleInfo]) -> None:
        """The same answers in the same order (an edit): update in place so the selection stays put."""
        if rows and [r.id for r in rows] == [r.id for r in self.rows]:
            self.rows = rows
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(FIELDS) - 1))
            return
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def answer_at(self, index: Index) -> scale_answers.ScaleInfo | None:
        return self.rows[index.row()] if index.isValid() and index.row() < len(self.rows) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        answer = self.answer_at(index)
        if answer is None:
            return None
        field = FIELDS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{answer.value}/10" if field == "value" else getattr(answer, field)
        if role == Qt.ItemDataRole.EditRole:
            return getattr(answer, field)
        if role == ID_ROLE:
            return answer.id
        if role == Qt.ItemDataRole.TextAlignmentRole and field == "value":
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return "Double-click or F2 to correct it"
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.isValid() else base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        answer, edit = self.answer_at(index), self.edit
        if role != Qt.ItemDataRole.EditRole or answer is None or edit is None:
            return False
        field = FIELDS[index.column()]
        new = int(value) if field == "value" else str(value).strip()
        if new == getattr(answer, field):
            return False
        QTimer.singleShot(0, lambda: edit(answer.id, field, new))
        return True


class RatingDelegate(QStyledItemDelegate):
    """The rating is edited with a 0–10 spin box, so a value out of range cannot be typed."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        if FIELDS[index.column()] != "value":
            return super().createEditor(parent, option, index)
        editor = QSpinBox(parent)
        editor.setRange(0, 10)
        editor.setSuffix("/10")
        editor.setFrame(False)
        editor.setAlignment(Qt.AlignmentFlag.AlignCenter)
        return editor

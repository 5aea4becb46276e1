"""The quote tagger's table: every quote as a row (the text editable), and the filters over it.

Each quote shows its stakeholder group and interview, never a person. The model never writes: a reworded quote is
handed to ``edit_text`` (the panel makes it one undo step).
"""

from __future__ import annotations

from collections.abc import Callable
from types import MappingProxyType
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QWidget

from peerdesk.services.quotes import QuoteRow
from peerdesk.services.wall import KIND_LABELS
from peerdesk.ui.kit.list_model import RowsTableModel
from peerdesk.ui.kit.plain import plain_tip
from peerdesk.ui.wall.items import COLOURS

Index = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
COLUMNS = ("★", "Kind", "Quote", "Group", "Interview", "Tags", "Used in", "Names check")
STAR, KIND, TEXT, GROUP, INTERVIEW, TAGS, USED, CHECK = range(len(COLUMNS))
CHECK_LABELS = MappingProxyType({"undecided": "⚠ Decide", "keep": "Kept", "exclude": "Left out"})
UNDECIDED_BRUSH = QColor("#fde2a7")


class QuotesModel(RowsTableModel[QuoteRow]):
    """The quotes as rows; the text column is editable (each edit one undo step)."""

    headers = COLUMNS

    def __init__(self, edit_text: Callable[[str, str], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.traceable: set[str] = set()  # quotes from a group too small to keep the speaker anonymous
        self._edit_text = edit_text

    def set_rows(self, rows: list[QuoteRow], traceable: set[str] | None = None) -> None:
        self.beginResetModel()
        self.rows = rows
        self.traceable = set(traceable or ())
        self.endResetModel()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole and section == STAR:
            return "Starred: a candidate for the presentation"
        return super().headerData(section, orientation, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.column() == TEXT else base

    def cell(self, row: QuoteRow, col: int, role: int) -> Any:
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole and col == GROUP and row.id in self.traceable:
            return f"{row.group} ⚠ traceable"
        if role == Qt.ItemDataRole.ToolTipRole and col == GROUP and row.id in self.traceable:
            return "So few people attended this group's interviews that the quote could identify who said it."
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._display(row, col)
        if role == SORT_ROLE:
            if col == STAR:
                return 0 if row.starred else 1
            if col == KIND:
                return ("rose", "thorn", "bud", "").index(row.kind)
            return str(self._display(row, col)).casefold()
        if role == Qt.ItemDataRole.ToolTipRole and col == CHECK and row.check:
            return plain_tip(
                "May identify someone: "
                + "; ".join(row.check_reasons)
                + ". Decide in Edit ▸ Quotes that may identify someone."
            )
        if role == Qt.ItemDataRole.ToolTipRole and col in (TEXT, TAGS, USED):
            return plain_tip(str(self._display(row, col)))
        if role == Qt.ItemDataRole.BackgroundRole and row.check == "undecided" and col in (TEXT, CHECK):
            return QBrush(UNDECIDED_BRUSH)
        if role == Qt.ItemDataRole.BackgroundRole and col == KIND and row.kind in COLOURS:
            return QBrush(COLOURS[row.kind])
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if col == STAR:
                return "Starred" if row.starred else "Not starred"
            return str(self._display(row, col)) or "none"
        if role == Qt.ItemDataRole.TextAlignmentRole and col == STAR:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    @staticmethod
    def _display(row: QuoteRow, col: int) -> str:
        return (
            "★" if row.starred else "",
            KIND_LABELS.get(row.kind, ""),
            row.text,
            row.group,
            row.interview,
            ", ".join(row.tags),
            row.used_text,
            CHECK_LABELS.get(row.check, ""),
        )[col]

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != TEXT:
            return False
        row = self.rows[index.row()]
        if str(value).strip() and str(value).strip() != row.text:
            self._edit_text(row.id, str(value))
        return True


class QuoteFilter(QSortFilterProxyModel):
    """Group, tag, kind, starred and free text, all of which must match."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group_id: str | None = None
        self.tag_id: str | None = None
        self.kind: str | None = None
        self.starred_only = False
        self.text = ""
        self.setSortRole(SORT_ROLE)

    def set_filters(self, **values: Any) -> None:
        if not hasattr(self, "beginFilterChange"):  # Qt before 6.10
            for name, value in values.items():
                setattr(self, name, value)
            self.invalidateRowsFilter()
            return
        self.beginFilterChange()
        for name, value in values.items():
            setattr(self, name, value)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        row: QuoteRow = model.data(model.index(source_row, 0, source_parent), ROW_ROLE)
        if self.group_id is not None and row.group_id != self.group_id:
            return False
        if self.tag_id is not None and self.tag_id not in row.tag_ids:
            return False
        if self.kind is not None and row.kind != self.kind:
            return False
        if self.starred_only and not row.starred:
            return False
        if self.text:
            needle = self.text.casefold()
            haystack = " ".join((row.text, *row.tags)).casefold()
            return all(word in haystack for word in needle.split())
        return True

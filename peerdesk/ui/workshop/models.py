"""Qt models over the workshop's outcome: tables, the responses grid, goals, and the closing notes.

Each model shows a slice of one ``workshop_outcome.Outcome`` (read in one transaction) and turns edits into calls of the
``edit`` callback the panel gives it, which makes them undo commands. The models never write themselves.
"""

from __future__ import annotations

from collections.abc import Callable
from types import MappingProxyType
from typing import Any

from PySide6.QtCore import QAbstractListModel, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from peerdesk.services import workshop_outcome
from peerdesk.services.workshop_outcome import RESPONSE_LABELS, RESPONSE_MARKS, Outcome
from peerdesk.ui.kit.plain import plain_tip

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()

RESPONSE_COLOURS = MappingProxyType({"agree": "#d8f3dc", "disagree": "#ffd6d6", "amend": "#fff1c1"})


def _edit(value: Any, old: str, save: Callable[[str], None]) -> bool:
    """Save what was typed in a cell, trimmed, unless it is empty or unchanged (then the edit is dropped)."""
    text = str(value).strip()
    if not text or text == old:
        return False
    save(text)
    return True


class _EditableList(QAbstractListModel):
    """A list whose every row can be edited in place; a subclass saves an edit in ``_edit_row``."""

    def flags(self, index: Index) -> Qt.ItemFlag:
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        return self._edit_row(index.row(), value)

    def _edit_row(self, row: int, value: Any) -> bool:
        raise NotImplementedError


class TablesModel(_EditableList):
    def __init__(self, rename: Callable[[str, str], None]) -> None:
        super().__init__()
        self.rows: list[workshop_outcome.TableRow] = []
        self._rename = rename

    def set_outcome(self, outcome: Outcome) -> None:
        self.beginResetModel()
        self.rows = list(outcome.tables)
        self.endResetModel()

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self.rows[index.row()].name
        return None

    def _edit_row(self, row: int, value: Any) -> bool:
        table = self.rows[row]
        return _edit(value, table.name, lambda name: self._rename(table.id, name))


class ResponsesModel(QAbstractTableModel):
    """Rows: the insights. Column 0: the statement; then one column per table with its response."""

    def __init__(self) -> None:
        super().__init__()
        self.outcome = Outcome()

    def set_outcome(self, outcome: Outcome) -> None:
        self.beginResetModel()
        self.outcome = outcome
        self.endResetModel()

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.outcome.insights)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else 1 + len(self.outcome.tables)

    def cell(self, index: Index) -> tuple[str, str] | None:
        """(table id, insight id) of a response cell; None for the statement column."""
        if not index.isValid() or index.column() == 0:
            return None
        return self.outcome.tables[index.column() - 1].id, self.outcome.insights[index.row()].id

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return "Insight" if section == 0 else self.outcome.tables[section - 1].name

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        insight = self.outcome.insights[index.row()]
        if index.column() == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return insight.statement
            if role == Qt.ItemDataRole.ToolTipRole:
                return plain_tip(insight.statement)
            return None
        table = self.outcome.tables[index.column() - 1]
        response = self.outcome.responses.get((table.id, insight.id))
        answer = response.response if response else ""
        if role == Qt.ItemDataRole.DisplayRole:
            if answer == "amend":
                return f"{RESPONSE_MARKS['amend']} {response.text if response else ''}"
            return f"{RESPONSE_MARKS[answer]} {RESPONSE_LABELS[answer]}" if answer else "—"
        if role == Qt.ItemDataRole.BackgroundRole and answer in RESPONSE_COLOURS:
            return QBrush(QColor(RESPONSE_COLOURS[answer]))
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip(
                (response.text if response and response.text else RESPONSE_LABELS[answer])
                + "\nA agree · D disagree · M amend · Delete clear"
            )
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{table.name}, insight {insight.number}: {RESPONSE_LABELS[answer]}"
        if role == Qt.ItemDataRole.TextAlignmentRole and answer != "amend":
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


class GoalsModel(QAbstractTableModel):
    HEADERS = ("Insight", "Goal", "Chosen by")

    def __init__(self, edit_text: Callable[[str, str], None]) -> None:
        super().__init__()
        self.outcome = Outcome()
        self._edit_text = edit_text

    def set_outcome(self, outcome: Outcome) -> None:
        self.beginResetModel()
        self.outcome = outcome
        self.endResetModel()

    def goal_id(self, row: int) -> str:
        return self.outcome.goals[row].id

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.outcome.goals)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        goal = self.outcome.goals[index.row()]
        numbers = {i.id: i for i in self.outcome.insights}
        insight = numbers.get(goal.insight_id)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if index.column() == 0:
                return str(insight.number) if insight else "—"
            if index.column() == 1:
                return goal.text
            return self.outcome.table_name(goal.claimed_by) if goal.claimed_by else ""
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0 and insight:
            return plain_tip(insight.statement)
        if role == Qt.ItemDataRole.BackgroundRole and goal.claimed_by:
            return QBrush(QColor("#e3f0fb"))
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.column() == 1 else base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != 1 or role != Qt.ItemDataRole.EditRole:
            return False
        goal = self.outcome.goals[index.row()]
        return _edit(value, goal.text, lambda text: self._edit_text(goal.id, text))


class TextListModel(_EditableList):
    """An editable list of short texts taken from the outcome: closing notes of one kind, new insights..."""

    def __init__(
        self,
        rows_of: Callable[[Outcome], list[tuple[str, str]]],
        edit_text: Callable[[str, str], None],
        shown: Callable[[Outcome, str, str], str] | None = None,
    ) -> None:
        super().__init__()
        self._rows_of, self._edit_text = rows_of, edit_text
        self._shown = shown
        self.outcome = Outcome()
        self.rows: list[tuple[str, str]] = []  # (record id, text)

    def set_outcome(self, outcome: Outcome) -> None:
        self.beginResetModel()
        self.outcome = outcome
        self.rows = self._rows_of(outcome)
        self.endResetModel()

    def record_id(self, row: int) -> str:
        return self.rows[row][0]

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record_id, text = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._shown(self.outcome, record_id, text) if self._shown else text
        if role == Qt.ItemDataRole.EditRole:
            return text
        return None

    def _edit_row(self, row: int, value: Any) -> bool:
        record_id, old = self.rows[row]
        return _edit(value, old, lambda text: self._edit_text(record_id, text))


def notes_of(kind: str) -> Callable[[Outcome], list[tuple[str, str]]]:
    return lambda outcome: [(n.id, n.text) for n in outcome.notes.get(kind, [])]


def new_insights_of(outcome: Outcome) -> list[tuple[str, str]]:
    return [(r.id, r.text) for r in outcome.new_insights]


def new_insight_shown(outcome: Outcome, record_id: str, text: str) -> str:
    table = next((r.table_id for r in outcome.new_insights if r.id == record_id), "")
    return f"{outcome.table_name(table)}: {text}"

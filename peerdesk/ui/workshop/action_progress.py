"""The follow-up's table of workshop actions: the action as agreed (read only) beside its owner, progress, the
evidence seen and a note (edited in place, each change one undo step)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from peerdesk.services import action_progress
from peerdesk.ui.kit import ops
from peerdesk.ui.kit.session import ReviewSession

HEADERS = ("Table", "Goal", "Rank", "Action", "Owner", "Progress", "Evidence seen", "Note")
FIRST_EDITABLE = 4  # columns from here on hold action_progress.FIELDS, in order
ACTION_ROLE = Qt.ItemDataRole.UserRole + 1
VALUE_ROLE = Qt.ItemDataRole.UserRole + 2
Index = QModelIndex | QPersistentModelIndex


def fill(model: QStandardItemModel, rows: list[action_progress.ActionRow]) -> None:
    model.setRowCount(0)
    for row in rows:
        fixed = [QStandardItem(row.table), QStandardItem(row.goal), QStandardItem(str(row.rank))]
        fixed.append(QStandardItem(row.action))
        for item in fixed:
            item.setEditable(False)
        editable = []
        for field in action_progress.FIELDS:
            value = getattr(row, field)
            item = QStandardItem(row.status_label if field == "status" else value)
            item.setData(value, VALUE_ROLE)
            item.setData(row.action_id, ACTION_ROLE)
            editable.append(item)
        model.appendRow(fixed + editable)


def edited(parent: QWidget, session: ReviewSession, item: QStandardItem) -> None:
    """The user changed an editable cell. The write waits for the event loop: it reloads the table, and the item
    must not be replaced while Qt is still inside its own change."""
    column = item.column()
    if column < FIRST_EDITABLE:
        return
    field = action_progress.FIELDS[column - FIRST_EDITABLE]
    action_id = str(item.data(ACTION_ROLE))
    value = str(item.data(VALUE_ROLE) if field == "status" else item.text())
    QTimer.singleShot(0, parent, lambda: save(parent, session, action_id, field, value))


def save(parent: QWidget, session: ReviewSession, action_id: str, field: str, value: str) -> bool:
    """Record one field of one action's progress (one undo step); False when nothing changed or it was refused."""
    old = action_progress.values(session.store, action_id)[field]
    if value.strip() == old:
        return False
    label = f"Follow-up: {HEADERS[FIRST_EDITABLE + action_progress.FIELDS.index(field)].lower()}"
    return ops.run(
        parent,
        session,
        label,
        lambda s: action_progress.set_fields(s, action_id, **{field: value}),
        lambda s: action_progress.set_fields(s, action_id, **{field: old}),
    )


class StatusDelegate(QStyledItemDelegate):
    """Progress is chosen from a short list."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        for key, label in action_progress.STATUSES.items():
            combo.addItem(label, key)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(index.data(VALUE_ROLE) or "")))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), VALUE_ROLE)
            model.setData(index, editor.currentText(), Qt.ItemDataRole.DisplayRole)

"""The review's stakeholder groups in one small window: add, rename in place, delete (refused while in use).

Every change is one step on the window's undo stack; Ctrl+Z works inside this window too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QWidget,
)

from peerdesk.services import timetable_grid
from peerdesk.services.changes import Changes
from peerdesk.store.engine import Store
from peerdesk.ui.kit import ops
from peerdesk.ui.kit.dialogs import FIT, STRETCH, SessionDialog, close_buttons, selected_row, table_view
from peerdesk.ui.kit.list_model import SessionTableModel
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.kit.widgets import push_button

Index = QModelIndex | QPersistentModelIndex
WATCHED = ("stakeholder_groups", "interviews", "quotes")
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class GroupsModel(SessionTableModel[timetable_grid.GroupUse]):
    """One row per group: its name (editable) and how many interviews and quotes carry it."""

    headers = ("Stakeholder group", "Interviews", "Quotes")
    watched = WATCHED

    def __init__(self, session: ReviewSession, parent: QObject | None = None) -> None:
        super().__init__(session, parent)
        self.rename: Callable[[str, str], object] | None = None  # set by the dialog

    def fetch(self) -> list[timetable_grid.GroupUse]:
        return timetable_grid.groups_in_use(self.session.store)

    def reload(self) -> None:
        """Same groups in the same order (a rename, a count): update in place, so selection and editing survive."""
        rows = self.fetch()
        if [r.id for r in rows] == [r.id for r in self.rows] and rows:
            self.rows = rows
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(self.headers) - 1))
            return
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def row_of(self, group_id: str) -> int:
        return next((n for n, r in enumerate(self.rows) if r.id == group_id), -1)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and orientation == Qt.Orientation.Horizontal and section:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)  # over the counts
        return super().headerData(section, orientation, role)

    def cell(self, group: timetable_grid.GroupUse, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return (group.name, group.interviews, group.quotes)[column]
        if role == ID_ROLE:
            return group.id
        if role == Qt.ItemDataRole.TextAlignmentRole and column:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            if group.interviews or group.quotes:
                return "In use: it can be renamed (F2), not deleted"
            return "Not used yet: F2 renames it, Delete removes it"
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.isValid() and index.column() == 0 else base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() != 0 or self.rename is None:
            return False
        group, rename = self.rows[index.row()], self.rename
        name = str(value).strip()
        if name == group.name:
            return False
        # Renaming may show a refusal in a modal box; doing it from inside the editor's commit would let the
        # editor commit again when it loses focus to that box. So it runs once the editor has closed.
        QTimer.singleShot(0, lambda: rename(group.id, name))
        return True


class GroupsDialog(SessionDialog):
    def __init__(self, session: ReviewSession, parent: QWidget | None = None) -> None:
        intro = (
            "The groups of people interviewed. A quote is labelled with its group, never with who said it, "
            "so a group that interviews or quotes use can be renamed but not deleted."
        )
        title, name = "Stakeholder groups", "groupsDialog"
        super().__init__(session, title, name, size=(480, 500), intro=intro, hint=True, parent=parent)
        layout = self.body

        self.model = GroupsModel(session, self)
        self.model.rename = self.rename
        columns = {0: STRETCH, 1: FIT, 2: FIT}
        self.view = table_view("groupsView", self.model, columns=columns, single=True, editable=True, left_headers=True)
        self.view.setShowGrid(False)
        self.view.setAlternatingRowColors(True)
        layout.addWidget(self.view, 1)

        add_row = QHBoxLayout()
        self.new_name = QLineEdit()
        self.new_name.setObjectName("newGroupName")
        self.new_name.setPlaceholderText("A new group, e.g. Independent reviewing officers")
        self.new_name.returnPressed.connect(self.add_from_field)
        self.add_button = push_button("Add", self.add_from_field)
        add_row.addWidget(self.new_name, 1)
        add_row.addWidget(self.add_button)
        layout.addLayout(add_row)

        self.rename_button = push_button("Rename", self.rename_selected)
        self.delete_button = push_button("Delete", self.delete_selected)
        layout.addWidget(close_buttons(self, self.rename_button, self.delete_button))

        delete = QAction("Delete group", self.view)
        delete.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete.triggered.connect(self.delete_selected)
        self.view.addAction(delete)
        undo = session.undo_stack.createUndoAction(self)
        undo.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        redo = session.undo_stack.createRedoAction(self)
        redo.setShortcut(QKeySequence(QKeySequence.StandardKey.Redo))
        self.addActions([undo, redo])

        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self.model.dataChanged.connect(self._update_buttons)
        self._update_buttons()

    # --- selection ------------------------------------------------------------------------------------------------
    def selected(self) -> timetable_grid.GroupUse | None:
        return selected_row(self.view, self.model.rows)

    def select(self, group_id: str) -> None:
        row = self.model.row_of(group_id)
        if row >= 0:
            self.view.selectRow(row)
            self.view.scrollTo(self.model.index(row, 0))

    def _update_buttons(self) -> None:
        group = self.selected()
        self.rename_button.setEnabled(group is not None)
        self.delete_button.setEnabled(group is not None)

    # --- edits (each one undo step) -------------------------------------------------------------------------------
    def add_from_field(self) -> None:
        if self.add(self.new_name.text()) is not None:
            self.new_name.clear()

    def add(self, name: str) -> str | None:
        group_id = ops.run_create(
            self,
            self.session,
            "Add stakeholder group",
            "stakeholder_groups",
            lambda s: timetable_grid.add_group(s, name, reuse=False),
        )
        if group_id is not None:
            self.select(group_id)
        return group_id

    def rename_selected(self) -> None:
        group = self.selected()
        if group is not None:
            self.view.edit(self.model.index(self.model.row_of(group.id), 0))

    def rename(self, group_id: str, name: str) -> bool:
        old = next((r.name for r in self.model.rows if r.id == group_id), "")

        def rename(store: Store, to: str) -> Changes:
            return timetable_grid.rename_group(store, group_id, to)

        return ops.run_swap(self, self.session, "Rename stakeholder group", rename, name, old)

    def delete_selected(self) -> None:
        group = self.selected()
        if group is not None:
            self.delete(group.id)

    def delete(self, group_id: str) -> bool:
        label, undo = "Delete stakeholder group", timetable_grid.restore_group
        return ops.run_on(self, self.session, label, group_id, timetable_grid.delete_group, undo)

"""The Day 1 timetable: time slots down, teams across, one interview per cell.

Every change (create, edit, drag to another cell, duplicate, delete, import) is one undo step. Double-click or
Enter opens the interview's notes; an empty cell opens a new interview there.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMenu,
    QTableView,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from peerdesk.errors import PeerdeskError
from peerdesk.services import review as review_service
from peerdesk.services import timetable as tt
from peerdesk.services import timetable_csv
from peerdesk.services.changes import Changes
from peerdesk.store.engine import Store
from peerdesk.ui import messages
from peerdesk.ui.commands import Done, perform, perform_create
from peerdesk.ui.interview_dialog import InterviewDialog, SlotDialog, TeamDialog
from peerdesk.ui.panels.base import Panel
from peerdesk.ui.session import ReviewSession
from peerdesk.ui.timetable_model import CellDelegate, TimetableModel
from peerdesk.ui.widgets import EmptyState

NEXT_INTERVIEW_SHORTCUT = "Ctrl+J"
Shortcut = QKeySequence | QKeySequence.StandardKey | str | None


class TimetablePanel(Panel):
    watches = ("interviews", "slots", "teams")
    open_requested = Signal(str)  # interview id: show its notes

    def __init__(self, session: ReviewSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("timetablePanel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.model = TimetableModel(session)
        self.model.move_requested.connect(self.move_interview)
        self._build_actions()
        layout.addWidget(self.toolbar)

        self.view = QTableView()
        self.view.setObjectName("timetableView")
        self.view.setModel(self.model)
        self.view.setItemDelegate(CellDelegate(self.view))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setDragDropOverwriteMode(True)
        self.view.setDropIndicatorShown(True)
        self.view.setShowGrid(False)
        self.view.setWordWrap(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.horizontalHeader().setMinimumSectionSize(150)
        self.view.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.verticalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.view.doubleClicked.connect(self._activated)
        self.view.activated.connect(self._activated)
        self.view.addActions([self.action_edit, self.action_duplicate, self.action_delete])
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        layout.addWidget(self.view, 1)

        self.empty = EmptyState(
            "No timetable yet",
            "Add the Day 1 time slots and teams, then an interview in each cell — or import a timetable from CSV.",
        )
        layout.addWidget(self.empty)
        self.legend = QLabel("Drag an interview to another cell to move it (onto a taken cell, the two swap).")
        self.legend.setObjectName("hintText")
        layout.addWidget(self.legend)
        self.model.modelReset.connect(self._update_empty)
        self._update_empty()

    # --- actions --------------------------------------------------------------------------------------------------
    def _action(self, text: str, slot: Any, shortcut: Shortcut = None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setStatusTip(tip)
        action.setToolTip(f"{tip} ({action.shortcut().toString()})" if shortcut else tip)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        self.toolbar = QToolBar("Timetable")
        self.toolbar.setObjectName("timetableToolbar")
        self.action_new = self._action("New interview", self.new_interview, None, "Plan an interview in the cell")
        self.action_edit = self._action("Edit…", self.edit_selected, "F2", "Change the interview's details")
        self.action_duplicate = self._action(
            "Duplicate", self.duplicate_selected, "Ctrl+D", "Copy the interview to the next free cell"
        )
        self.action_delete = self._action(
            "Delete", self.delete_selected, QKeySequence.StandardKey.Delete, "Delete the interview"
        )
        self.action_next = QAction("My next interview", self)
        self.action_next.setShortcut(QKeySequence(NEXT_INTERVIEW_SHORTCUT))
        self.action_next.setToolTip(f"Open the notes of your next interview ({NEXT_INTERVIEW_SHORTCUT})")
        self.action_next.triggered.connect(self.open_next)
        self.action_add_slot = self._action("Add slot…", self.add_slot, None, "Add a time slot")
        self.action_add_team = self._action("Add team…", self.add_team, None, "Add a team and its room")
        self.action_import = self._action("Import timetable from CSV…", self.import_csv_dialog)
        self.action_export = self._action("Export timetable as CSV…", self.export_csv_dialog)
        for action in (self.action_next, self.action_new, self.action_edit, self.action_duplicate, self.action_delete):
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        more = QToolButton()
        more.setText("Timetable ▾")
        more.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(more)
        for action in (self.action_add_slot, self.action_add_team):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.action_import)
        menu.addAction(self.action_export)
        more.setMenu(menu)
        self.menu = menu
        self.toolbar.addWidget(more)

    def window_actions(self) -> list[QAction]:
        """Actions the main window offers in its menus, working whichever panel has the focus."""
        return [self.action_next, self.action_import, self.action_export]

    def _update_empty(self) -> None:
        has_grid = bool(self.model.table.slots and self.model.table.teams)
        self.view.setVisible(has_grid)
        self.legend.setVisible(has_grid)
        self.empty.setVisible(not has_grid)

    def refresh(self, changes: Changes) -> None:
        pass  # the model listens to the session itself

    # --- selection ------------------------------------------------------------------------------------------------
    def selected_index(self) -> QModelIndex:
        return self.view.currentIndex()

    def selected(self) -> tt.InterviewInfo | None:
        return self.model.interview_at(self.selected_index())

    def select(self, interview_id: str) -> None:
        index = self.model.index_of(interview_id)
        if index.isValid():
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)

    def _activated(self, index: QModelIndex) -> None:
        info = self.model.interview_at(index)
        if info is not None:
            self.open_requested.emit(info.id)
        elif index.isValid():
            self.new_interview()

    # --- interviews -----------------------------------------------------------------------------------------------
    def _dialog(self, fields: dict[str, Any], title: str) -> tuple[dict[str, Any], str] | None:
        dialog = InterviewDialog(
            self.model.table, review_service.members(self.session.store), fields, title=title, parent=self
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        group_id, name = dialog.group_choice()
        return dialog.fields(group_id), ("" if group_id else name)

    def new_interview(self) -> None:
        if not (self.model.table.slots and self.model.table.teams):
            messages.info(self, "New interview", "Add at least one time slot and one team first.")
            return
        index = self.selected_index()
        slot_id, team_id = self.model.cell(index) if index.isValid() else ("", "")
        chosen = self._dialog({"slot_id": slot_id, "team_id": team_id}, "New interview")
        if chosen is not None:
            self.create_interview(*chosen)

    def create_interview(self, fields: dict[str, Any], new_group: str = "") -> str | None:
        """Add an interview (and, in the same undo step, the new stakeholder group it names)."""
        if not new_group:
            return self._create_interview(fields)
        stack = self.session.undo_stack
        stack.beginMacro("New interview")
        try:
            group_id = self._add_group(new_group)
            return None if group_id is None else self._create_interview({**fields, "group_id": group_id})
        finally:
            stack.endMacro()

    def _create_interview(self, fields: dict[str, Any]) -> str | None:
        return perform_create(
            self,
            self.session,
            "New interview",
            "interviews",
            lambda s: tt.add_interview(s, **fields),
            restore=tt.restore_interview,
            remove=tt.delete_interview,
        )

    def _add_group(self, name: str) -> str | None:
        return perform_create(
            self, self.session, "Add stakeholder group", "stakeholder_groups", lambda s: tt.add_group(s, name)
        )

    def edit_selected(self) -> None:
        info = self.selected()
        if info is None:
            return
        old = tt.interview_fields(self.session.store, info.id)
        chosen = self._dialog(old, "Interview details")
        if chosen is not None:
            self.edit_interview(info.id, *chosen)

    def edit_interview(self, interview_id: str, fields: dict[str, Any], new_group: str = "") -> bool:
        if not new_group:
            return self._edit_interview(interview_id, fields)
        stack = self.session.undo_stack
        stack.beginMacro("Edit interview")
        try:
            group_id = self._add_group(new_group)
            return group_id is not None and self._edit_interview(interview_id, {**fields, "group_id": group_id})
        finally:
            stack.endMacro()

    def _edit_interview(self, interview_id: str, fields: dict[str, Any]) -> bool:
        old = tt.interview_fields(self.session.store, interview_id)
        changed = {k: v for k, v in fields.items() if old.get(k) != v}
        if not changed:
            return False
        before = {k: old[k] for k in changed}
        return perform(
            self,
            self.session,
            "Edit interview",
            lambda s: tt.update_interview(s, interview_id, **changed),
            lambda s: tt.update_interview(s, interview_id, **before),
        )

    def move_interview(self, interview_id: str, slot_id: str, team_id: str) -> bool:
        old = tt.interview_fields(self.session.store, interview_id)
        if (old["slot_id"], old["team_id"]) == (slot_id, team_id):
            return False
        moved = perform(
            self,
            self.session,
            "Move interview",
            lambda s: tt.move_interview(s, interview_id, slot_id, team_id),
            lambda s: tt.move_interview(s, interview_id, old["slot_id"], old["team_id"]),
        )
        if moved:
            self.select(interview_id)
        return moved

    def duplicate_selected(self) -> None:
        info = self.selected()
        if info is not None:
            self.duplicate(info.id)

    def duplicate(self, interview_id: str) -> str | None:
        copy = perform_create(
            self,
            self.session,
            "Duplicate interview",
            "interviews",
            lambda s: tt.duplicate_interview(s, interview_id),
            restore=tt.restore_interview,
            remove=tt.delete_interview,
        )
        if copy is not None:
            self.select(copy)
        return copy

    def delete_selected(self) -> None:
        info = self.selected()
        if info is not None:
            self.delete(info.id)

    def delete(self, interview_id: str) -> bool:
        return perform(
            self,
            self.session,
            "Delete interview",
            lambda s: tt.delete_interview(s, interview_id),
            lambda s: tt.restore_interview(s, interview_id),
        )

    # --- slots and teams --------------------------------------------------------------------------------------------
    def add_slot(self) -> None:
        last = self.model.table.slots[-1].starts if self.model.table.slots else ""
        dialog = SlotDialog(last, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            starts, ends, day = dialog.values()
            self.create_slot(starts, ends, day)

    def create_slot(self, starts: str, ends: str = "", day: int = 1) -> str | None:
        return perform_create(self, self.session, "Add slot", "slots", lambda s: tt.add_slot(s, starts, ends, day))

    def add_team(self) -> None:
        dialog = TeamDialog(f"Team {chr(ord('A') + len(self.model.table.teams))}", self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.create_team(*dialog.values())

    def create_team(self, name: str, room: str = "") -> str | None:
        return perform_create(self, self.session, "Add team", "teams", lambda s: tt.add_team(s, name, room))

    # --- my next interview ----------------------------------------------------------------------------------------
    def open_next(self, now: dt.datetime | None = None) -> str | None:
        found = tt.next_interview(self.session.store, now or dt.datetime.now())
        if found is None:
            messages.info(self, "My next interview", "You have no more interviews on the timetable.")
            return None
        self.select(found.id)
        self.open_requested.emit(found.id)
        return found.id

    # --- CSV --------------------------------------------------------------------------------------------------------
    def import_csv_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Import a timetable", "", "CSV files (*.csv);;All files (*)")
        if name:
            self.import_csv(Path(name))

    def import_csv(self, path: Path) -> int:
        """Import in one transaction and one undo step. A timetable is a few dozen rows: no need for a worker."""
        result: list[timetable_csv.ImportResult] = []

        def do_import(store: Store) -> Changes:
            result.append(timetable_csv.import_file(store, path))
            return result[0].changes

        try:
            self.session.apply(do_import)
        except PeerdeskError as exc:
            messages.error(self, "Could not import the timetable", exc)
            return 0
        created = result[0].created
        self.session.undo_stack.push(
            Done(
                self.session,
                f"Import timetable ({result[0].interviews} interviews)",
                lambda s: tt.set_deleted(s, created, False),
                lambda s: tt.set_deleted(s, created, True),
            )
        )
        return result[0].interviews

    def export_csv_dialog(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "Export the timetable", "timetable.csv", "CSV files (*.csv)")
        if name:
            self.export_csv(Path(name))

    def export_csv(self, path: Path) -> int:
        try:
            return timetable_csv.export_file(self.session.store, path)
        except PeerdeskError as exc:
            messages.error(self, "Could not export the timetable", exc)
            return 0

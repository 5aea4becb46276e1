"""The Day 1 timetable: time slots down, teams across, one interview per cell.

Every change (create, edit, drag to another cell, duplicate, delete, import, a slot's times, a team's name, a
deleted slot or team) is one undo step. Double-click or Enter opens the interview's notes; an empty cell opens a
new interview there.

A click on a row or column header (or Shift+Space / Ctrl+Space, as in a spreadsheet) selects that time slot or
team: F2 and Delete then act on it instead of on an interview, and its header has a context menu.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, QPoint, Qt, Signal
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
from peerdesk.ui.kit import messages, ops
from peerdesk.ui.kit.panel import Panel
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.kit.widgets import EmptyState
from peerdesk.ui.kit.worker import Cancelled, Progress, Task, run_task
from peerdesk.ui.timetable.groups_dialog import GroupsDialog
from peerdesk.ui.timetable.interview_dialog import InterviewDialog, SlotDialog, TeamDialog
from peerdesk.ui.timetable.model import CellDelegate, TimetableModel

NEXT_INTERVIEW_SHORTCUT = "Ctrl+J"
Shortcut = QKeySequence | QKeySequence.StandardKey | str | None
Target = tuple[str, str]  # ("slot" | "team", id): the header F2 and Delete act on


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
        self.view.addActions([self.action_select_slot, self.action_select_team])
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.target: Target | None = None
        self._targeting = False
        self.view.verticalHeader().setHighlightSections(False)
        self.view.horizontalHeader().setHighlightSections(False)
        for header, kind in ((self.view.verticalHeader(), "slot"), (self.view.horizontalHeader(), "team")):
            header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            header.customContextMenuRequested.connect(
                lambda pos, h=header, k=kind: self._header_menu_requested(k, h.logicalIndexAt(pos), h.mapToGlobal(pos))
            )
            header.sectionClicked.connect(lambda section, k=kind: self.target_section(k, section))
            header.setToolTip("Right-click to rename or delete; click, then F2 or Delete")
        self.view.pressed.connect(self._clear_target)
        self.view.selectionModel().currentChanged.connect(self._clear_target)
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
        self.model.modelReset.connect(self._span_shared_rows)
        self.model.modelReset.connect(self._restore_target)
        self._update_empty()
        self.groups_dialog: GroupsDialog | None = None

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
        self.action_next.triggered.connect(lambda: self.open_next())  # not open_next(now=False)
        self.action_add_slot = self._action("Add slot…", self.add_slot, None, "Add a time slot")
        self.action_add_team = self._action("Add team…", self.add_team, None, "Add a team and its room")
        self.action_select_slot = self._action(
            "Select the time slot", lambda: self.target_current("slot"), "Shift+Space", "Select the row's time slot"
        )
        self.action_select_team = self._action(
            "Select the team", lambda: self.target_current("team"), "Ctrl+Space", "Select the column's team"
        )
        self.action_groups = self._action(
            "Stakeholder groups…", self.show_groups, None, "Add, rename or delete the groups being interviewed"
        )
        self.action_import = self._action("Import timetable from CSV…", self.import_csv_dialog)
        self.action_export = self._action("Export timetable as CSV…", self.export_csv_dialog)
        for action in (self.action_next, self.action_new, self.action_edit, self.action_duplicate, self.action_delete):
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        more = QToolButton()
        more.setText("Timetable ▾")
        more.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(more)
        for action in (self.action_add_slot, self.action_add_team, self.action_select_slot, self.action_select_team):
            menu.addAction(action)
        menu.addAction(self.action_groups)
        menu.addSeparator()
        menu.addAction(self.action_import)
        menu.addAction(self.action_export)
        more.setMenu(menu)
        self.menu = menu
        self.toolbar.addWidget(more)

    def window_actions(self) -> list[QAction]:
        """Actions the main window offers in its menus, working whichever panel has the focus."""
        return [self.action_next, self.action_groups, self.action_import, self.action_export]

    def _update_empty(self) -> None:
        has_grid = bool(self.model.table.slots and self.model.table.teams)
        self.view.setVisible(has_grid)
        self.legend.setVisible(has_grid)
        self.empty.setVisible(not has_grid)

    def _span_shared_rows(self) -> None:
        """A row for everyone (lunch, a break…) is one cell across all the teams."""
        self.view.clearSpans()
        teams = len(self.model.table.teams)
        for row, slot in enumerate(self.model.table.slots):
            if slot.activity and teams > 1:
                self.view.setSpan(row, 0, 1, teams)

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
        if len(self.model.interviews_at(index)) > 1:
            self.cell_menu(index).exec(self.view.viewport().mapToGlobal(self.view.visualRect(index).center()))
            return
        info = self.model.interview_at(index)
        if info is not None:
            self.open_requested.emit(info.id)
        elif self.model.activity_at(index):
            self.edit_slot(self.model.table.slots[index.row()].id)
        elif index.isValid():
            self.new_interview()

    def cell_menu(self, index: QModelIndex) -> QMenu:
        """For a cell a merge left with several interviews: open any of them (the card then stands for it, so
        Edit, Delete and dragging act on it: the way to move one out)."""
        menu = QMenu(self)
        for info in self.model.interviews_at(index):
            label = info.group or "No stakeholder group yet"
            action = menu.addAction(f"Open {label}" + (f" — {info.title}" if info.title else ""))
            action.triggered.connect(lambda _=False, i=info.id: self._open_shared(index, i))
        return menu

    def _open_shared(self, index: QModelIndex, interview_id: str) -> None:
        self.model.show(index, interview_id)
        self.open_requested.emit(interview_id)

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
        return ops.run_create(
            self,
            self.session,
            "New interview",
            "interviews",
            lambda s: tt.add_interview(s, **fields),
            restore=tt.restore_interview,
            remove=tt.delete_interview,
        )

    def _add_group(self, name: str) -> str | None:
        return ops.run_create(
            self, self.session, "Add stakeholder group", "stakeholder_groups", lambda s: tt.add_group(s, name)
        )

    def edit_selected(self) -> None:
        if self.target is not None:
            self.edit_target()
            return
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
        return ops.run(
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
        moved = ops.run(
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
        copy = ops.run_create(
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
        if self.target is not None:
            self.delete_target()
            return
        info = self.selected()
        if info is not None:
            self.delete(info.id)

    def delete(self, interview_id: str) -> bool:
        return ops.run(
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
            self.create_slot(starts, ends, day, dialog.activity_text())

    def create_slot(self, starts: str, ends: str = "", day: int = 1, activity: str = "") -> str | None:
        return ops.run_create(
            self, self.session, "Add slot", "slots", lambda s: tt.add_slot(s, starts, ends, day, activity)
        )

    def add_team(self) -> None:
        dialog = TeamDialog(f"Team {chr(ord('A') + len(self.model.table.teams))}", self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.create_team(*dialog.values())

    def create_team(self, name: str, room: str = "") -> str | None:
        return ops.run_create(self, self.session, "Add team", "teams", lambda s: tt.add_team(s, name, room))

    def edit_slot(self, slot_id: str) -> None:
        store = self.session.store
        dialog = SlotDialog(
            parent=self, current=tt.slot_fields(store, slot_id), activity=tt.slot_activity(store, slot_id)
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.retime_slot(slot_id, *dialog.values(), activity=dialog.activity_text())

    def retime_slot(
        self, slot_id: str, starts: str, ends: str = "", day: int = 1, *, activity: str | None = None
    ) -> bool:
        """New times for a slot (its interviews stay in it), or what it holds for everyone. One undo step."""
        old = tt.slot_fields(self.session.store, slot_id)
        old_activity = tt.slot_activity(self.session.store, slot_id)
        if (starts, ends, day) == old and activity in (None, old_activity):
            return False
        return ops.run(
            self,
            self.session,
            "Change slot time",
            lambda s: tt.update_slot(s, slot_id, starts, ends, day, activity),
            lambda s: tt.update_slot(s, slot_id, *old, activity=old_activity),
        )

    def edit_team(self, team_id: str) -> None:
        name, room = tt.team_fields(self.session.store, team_id)
        dialog = TeamDialog(name, self, room=room, editing=True)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.rename_team(team_id, *dialog.values())

    def rename_team(self, team_id: str, name: str, room: str = "") -> bool:
        old = tt.team_fields(self.session.store, team_id)
        if (name.strip(), room.strip()) == old:
            return False
        return ops.run(
            self,
            self.session,
            "Rename team",
            lambda s: tt.update_team(s, team_id, name, room),
            lambda s: tt.update_team(s, team_id, *old),
        )

    # Deleting a slot or team that interviews use asks first rather than refusing: a timetable row or column is
    # expected to go with its cells (emptying them one by one first would be tedious), the question says how many
    # interviews go and how many already have notes, and one Undo brings the slot or team and exactly those
    # interviews back. Their notes and quotes are never deleted: they stay in the file, attached to the interview.
    def delete_slot(self, slot_id: str) -> bool:
        slot = next((x for x in self.model.table.slots if x.id == slot_id), None)
        label = slot.label if slot else "this time"
        usage = tt.slot_usage(self.session.store, slot_id)
        if usage.interviews and not self._confirm_delete(f"the {label} slot", usage, "Delete time slot"):
            return False
        return self._delete_place("slots", slot_id, f"Delete slot {label}", tt.delete_slot)

    def delete_team(self, team_id: str) -> bool:
        team = next((x for x in self.model.table.teams if x.id == team_id), None)
        name = team.name if team else "this team"
        usage = tt.team_usage(self.session.store, team_id)
        if usage.interviews and not self._confirm_delete(name, usage, "Delete team"):
            return False
        return self._delete_place("teams", team_id, f"Delete {name}", tt.delete_team)

    def _confirm_delete(self, what: str, usage: tt.Usage, title: str) -> bool:
        count = len(usage.interviews)
        these = "this interview" if count == 1 else f"these {count} interviews"
        text = f"{usage.describe().capitalize()} {'is' if count == 1 else 'are'} planned for {what}. "
        text += f"Deleting it deletes {these} from the timetable too."
        if usage.with_notes:
            have = "has" if usage.with_notes == 1 else "have"
            text += f" {usage.with_notes} of them already {have} notes or quotes; those are kept in the file."
        text += " Undo (Ctrl+Z) brings everything back."
        return messages.confirm(self, title, text, f"Delete {'it' if count == 0 else 'all'}")

    def _delete_place(
        self, table: str, record_id: str, label: str, delete: Callable[[Store, str], tuple[list[str], Changes]]
    ) -> bool:
        taken: list[str] = []

        def do(store: Store) -> Changes:
            ids, changes = delete(store, record_id)
            taken[:] = ids
            return changes

        return ops.run(
            self,
            self.session,
            label,
            do,
            lambda s: tt.set_deleted(s, {table: [record_id], "interviews": list(taken)}, False),
        )

    # --- a slot or team as the target of F2 and Delete ----------------------------------------------------------
    def target_section(self, kind: str, section: int) -> None:
        """Select a whole row (a slot) or column (a team): F2 and Delete now act on it."""
        places = self.model.table.slots if kind == "slot" else self.model.table.teams
        if 0 <= section < len(places):
            self._set_target((kind, places[section].id))

    def target_current(self, kind: str) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.target_section(kind, index.row() if kind == "slot" else index.column())

    def _set_target(self, target: Target | None) -> None:
        self.target = target
        # Only the chosen slot's or team's own header lights up (not every header its row or column crosses).
        kind = target[0] if target else ""
        self.view.verticalHeader().setHighlightSections(kind == "slot")
        self.view.horizontalHeader().setHighlightSections(kind == "team")
        self._targeting = True
        try:
            self._select_target()
        finally:
            self._targeting = False
        self._label_actions()

    def _select_target(self) -> None:
        selection = self.view.selectionModel()
        if self.target is None:
            return
        kind, record_id = self.target
        rows, columns = self.model.rowCount(), self.model.columnCount()
        if not rows or not columns:
            return
        if kind == "slot":
            row = next(n for n, x in enumerate(self.model.table.slots) if x.id == record_id)
            first, last = self.model.index(row, 0), self.model.index(row, columns - 1)
        else:
            column = next(n for n, x in enumerate(self.model.table.teams) if x.id == record_id)
            first, last = self.model.index(0, column), self.model.index(rows - 1, column)
        selection.setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)
        selection.select(QItemSelection(first, last), QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def _clear_target(self, *_args: object) -> None:
        if not self._targeting and self.target is not None:
            self._set_target(None)

    def _restore_target(self) -> None:
        """After the grid reloads, keep the same slot or team selected if it still exists."""
        if self.target is None:
            return
        kind, record_id = self.target
        places = self.model.table.slots if kind == "slot" else self.model.table.teams
        self._set_target(self.target if any(x.id == record_id for x in places) else None)

    def _label_actions(self) -> None:
        kind = self.target[0] if self.target else ""
        edit, delete = {
            "slot": ("Change time…", "Delete slot"),
            "team": ("Rename team…", "Delete team"),
        }.get(kind, ("Edit…", "Delete"))
        self.action_edit.setText(edit)
        self.action_delete.setText(delete)
        what = {"slot": "the time slot", "team": "the team"}.get(kind, "the interview")
        self.action_edit.setStatusTip(f"Change {what}")
        self.action_delete.setStatusTip(f"Delete {what}")

    def edit_target(self) -> None:
        if self.target is not None:
            kind, record_id = self.target
            (self.edit_slot if kind == "slot" else self.edit_team)(record_id)

    def delete_target(self) -> None:
        if self.target is not None:
            kind, record_id = self.target
            (self.delete_slot if kind == "slot" else self.delete_team)(record_id)

    def header_menu(self, kind: str, section: int) -> QMenu | None:
        """The menu of a slot's or team's header: change or delete it, or add another."""
        self.target_section(kind, section)
        if self.target is None or self.target[0] != kind:
            return None
        menu = QMenu(self)
        menu.addAction(self.action_edit)
        menu.addAction(self.action_delete)
        menu.addSeparator()
        menu.addAction(self.action_add_slot if kind == "slot" else self.action_add_team)
        return menu

    def _header_menu_requested(self, kind: str, section: int, where: QPoint) -> None:
        menu = self.header_menu(kind, section)
        if menu is not None:
            menu.exec(where)
            menu.deleteLater()

    # --- stakeholder groups -----------------------------------------------------------------------------------------
    def show_groups(self) -> GroupsDialog:
        """The one stakeholder groups window (not modal, so the timetable stays in view)."""
        if self.groups_dialog is None:
            self.groups_dialog = GroupsDialog(self.session, self)
        self.groups_dialog.show()
        self.groups_dialog.raise_()
        self.groups_dialog.activateWindow()
        return self.groups_dialog

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

    def import_csv(self, path: Path, on_done: Callable[[int], None] | None = None) -> Task:
        """Import off the UI thread, in one transaction and one undo step; ``on_done`` gets the interviews added.

        The store may be used from the worker (its writes take turns on the store's write lock, as the bundle
        and survey imports do); only the signals of ``run_task`` cross back to the UI thread, where the undo
        step is pushed and the views are told.
        """
        store = self.session.store

        def work(progress: Progress) -> timetable_csv.ImportResult:
            progress(0, 0, f"Reading {path.name}…")
            rows = timetable_csv.read_rows(timetable_csv.read_file(path))
            if not progress(0, 0, f"Adding {len(rows)} interviews…"):
                raise Cancelled()
            return timetable_csv.import_rows(store, rows)

        def done(result: timetable_csv.ImportResult) -> None:
            created = result.created
            ops.record_done(
                self.session,
                f"Import timetable ({result.interviews} interviews)",
                result.changes,
                lambda s: tt.set_deleted(s, created, False),
                lambda s: tt.set_deleted(s, created, True),
            )
            if on_done is not None:
                on_done(result.interviews)

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, Cancelled):
                messages.error(self, "Could not import the timetable", exc)
            if on_done is not None:
                on_done(0)

        return run_task(self, f"Importing {path.name}…", work, done, failed)

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

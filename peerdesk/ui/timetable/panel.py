"""The Day 1 timetable: time slots down, teams across, one interview per cell.

Every change (create, edit, drag to another cell, duplicate, delete, import, a slot's times, a team's name, a
deleted slot or team) is one undo step. Double-click or Enter opens the interview's notes; an empty cell opens a
new interview there. Slots and teams are edited in ``places.py``, the CSV in ``csv_io.py``; an empty timetable
shows ``first_step.FirstStep``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMenu,
    QTableView,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from peerdesk.services import timetable as tt
from peerdesk.services.changes import Changes
from peerdesk.ui.kit import messages
from peerdesk.ui.kit.plain import plain_menu_text
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.kit.worker import Task
from peerdesk.ui.timetable import csv_io
from peerdesk.ui.timetable.first_step import FirstStep
from peerdesk.ui.timetable.groups_dialog import GroupsDialog
from peerdesk.ui.timetable.interviews import InterviewsPanel
from peerdesk.ui.timetable.model import CellDelegate, TimetableModel
from peerdesk.ui.timetable.places import Target

NEXT_INTERVIEW_SHORTCUT = "Ctrl+J"
Shortcut = QKeySequence | QKeySequence.StandardKey | str | None


class TimetablePanel(InterviewsPanel):
    watches = ("interviews", "slots", "teams")

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
        self.view.selectionModel().currentChanged.connect(self._update_actions)
        layout.addWidget(self.view, 1)

        self.empty = FirstStep()
        self.empty.plan.connect(self.plan_first)
        self.empty.add_slot.connect(self.add_slot)
        self.empty.add_team.connect(self.add_team)
        self.empty.import_csv.connect(self.import_csv_dialog)
        layout.addWidget(self.empty)
        self.legend = QLabel("Drag an interview to another cell to move it (onto a taken cell, the two swap).")
        self.legend.setObjectName("hintText")
        layout.addWidget(self.legend)
        self.model.modelReset.connect(self._update_empty)
        self.model.modelReset.connect(self._span_shared_rows)
        self.model.modelReset.connect(self._restore_target)
        self.model.modelReset.connect(self._update_actions)  # the picked cell may have emptied, or filled
        self.model.dataChanged.connect(self._update_actions)  # another of a shared cell's interviews shown
        self._update_empty()
        self._update_actions()
        self.groups_dialog: GroupsDialog | None = None
        self._offered_first_step = False

    # --- actions --------------------------------------------------------------------------------------------------
    def _action(self, text: str, slot: Any, shortcut: Shortcut = None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setStatusTip(tip)
        action.setToolTip(f"{tip} ({action.shortcut().toString()})" if shortcut else tip)
        action.triggered.connect(lambda: slot())  # the slots take no checked flag
        return action

    def _build_actions(self) -> None:
        self.toolbar = QToolBar("Timetable")
        self.toolbar.setObjectName("timetableToolbar")
        self.action_new = self._action("New interview", self.new_interview, "Ins", "Plan an interview in the cell")
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
            "Stakeholder &groups…", self.show_groups, None, "Add, rename or delete the groups being interviewed"
        )
        self.action_import = self._action("&Import timetable from CSV…", self.import_csv_dialog)
        self.action_export = self._action("&Export timetable as CSV…", self.export_csv_dialog)
        for action in (self.action_next, self.action_new, self.action_edit, self.action_duplicate, self.action_delete):
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        more = QToolButton()
        more.setText("Timetable")  # the menu's arrow is Qt's own
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
        if not has_grid:
            self.empty.show_for(self.model.table)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._offered_first_step:  # once, when the review opens: the keys go where the next step is
            self._offered_first_step = True
            QTimer.singleShot(0, self._focus_first_step)

    def _focus_first_step(self) -> None:
        if self.empty.isVisible():
            self.empty.focus_first_field()

    def _span_shared_rows(self) -> None:
        """A row for everyone (lunch, a break…) is one cell across all the teams."""
        self.view.clearSpans()
        teams = len(self.model.table.teams)
        for row, slot in enumerate(self.model.table.slots):
            if slot.activity and teams > 1:
                self.view.setSpan(row, 0, 1, teams)

    def refresh(self, changes: Changes) -> None:
        pass  # the model listens to the session itself

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
            action = menu.addAction(plain_menu_text(f"Open {label}" + (f" — {info.title}" if info.title else "")))
            action.triggered.connect(lambda _=False, i=info.id: self._open_shared(index, i))
        return menu

    def _open_shared(self, index: QModelIndex, interview_id: str) -> None:
        self.model.show(index, interview_id)
        self.open_requested.emit(interview_id)

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
        path = csv_io.choose_import(self)
        if path is not None:
            self.import_csv(path)

    def import_csv(self, path: Path, on_done: Callable[[int], None] | None = None) -> Task:
        return csv_io.import_csv(self, self.session, path, on_done)

    def export_csv_dialog(self) -> None:
        path = csv_io.choose_export(self)
        if path is not None:
            self.export_csv(path)

    def export_csv(self, path: Path) -> int:
        return csv_io.export_csv(self, self.session, path)

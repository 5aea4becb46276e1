"""The timetable's slots (rows) and teams (columns): adding, changing and deleting them, each one undo step.

A click on a row or column header (or Shift+Space / Ctrl+Space, as in a spreadsheet) selects that time slot or
team: F2 and Delete then act on it instead of on an interview, and its header has a context menu.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QPoint
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMenu, QTableView

from peerdesk.services import timetable as tt
from peerdesk.services import timetable_grid
from peerdesk.services.changes import Changes
from peerdesk.store.engine import Store
from peerdesk.ui.kit import messages, ops
from peerdesk.ui.kit.panel import Panel
from peerdesk.ui.timetable.interview_dialog import SlotDialog, TeamDialog
from peerdesk.ui.timetable.model import TimetableModel

Target = tuple[str, str]  # ("slot" | "team", id): the header F2 and Delete act on
PICK_SOMETHING = "Pick an interview in the timetable, or a time slot or team by clicking its header"
PICK_INTERVIEW = "Pick an interview in the timetable first"


class PlacesPanel(Panel):
    """The part of the timetable panel that edits its grid's rows and columns (the panel builds the widgets)."""

    model: TimetableModel
    view: QTableView
    target: Target | None
    _targeting: bool
    action_edit: QAction
    action_delete: QAction
    action_duplicate: QAction
    action_add_slot: QAction
    action_add_team: QAction

    # --- slots and teams --------------------------------------------------------------------------------------------
    def add_slot(self) -> None:
        last = self.model.table.slots[-1].starts if self.model.table.slots else ""
        dialog = SlotDialog(last, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            starts, ends, day = dialog.values()
            self.create_slot(starts, ends, day, dialog.activity_text())

    def create_slot(self, starts: str, ends: str = "", day: int = 1, activity: str = "") -> str | None:
        return ops.run_create(
            self, self.session, "Add slot", "slots", lambda s: timetable_grid.add_slot(s, starts, ends, day, activity)
        )

    def add_team(self) -> None:
        dialog = TeamDialog(f"Team {chr(ord('A') + len(self.model.table.teams))}", self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.create_team(*dialog.values())

    def create_team(self, name: str, room: str = "") -> str | None:
        return ops.run_create(self, self.session, "Add team", "teams", lambda s: timetable_grid.add_team(s, name, room))

    def edit_slot(self, slot_id: str) -> None:
        store = self.session.store
        dialog = SlotDialog(
            parent=self,
            current=timetable_grid.slot_fields(store, slot_id),
            activity=timetable_grid.slot_activity(store, slot_id),
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.retime_slot(slot_id, *dialog.values(), activity=dialog.activity_text())

    def retime_slot(
        self, slot_id: str, starts: str, ends: str = "", day: int = 1, *, activity: str | None = None
    ) -> bool:
        """New times for a slot (its interviews stay in it), or what it holds for everyone. One undo step."""
        old = timetable_grid.slot_fields(self.session.store, slot_id)
        old_activity = timetable_grid.slot_activity(self.session.store, slot_id)
        if (starts, ends, day) == old and activity in (None, old_activity):
            return False
        return ops.run(
            self,
            self.session,
            "Change slot time",
            lambda s: timetable_grid.update_slot(s, slot_id, starts, ends, day, activity),
            lambda s: timetable_grid.update_slot(s, slot_id, *old, activity=old_activity),
        )

    def edit_team(self, team_id: str) -> None:
        name, room = timetable_grid.team_fields(self.session.store, team_id)
        dialog = TeamDialog(name, self, room=room, editing=True)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.rename_team(team_id, *dialog.values())

    def rename_team(self, team_id: str, name: str, room: str = "") -> bool:
        old = timetable_grid.team_fields(self.session.store, team_id)
        if (name.strip(), room.strip()) == old:
            return False
        return ops.run(
            self,
            self.session,
            "Rename team",
            lambda s: timetable_grid.update_team(s, team_id, name, room),
            lambda s: timetable_grid.update_team(s, team_id, *old),
        )

    # Deleting a slot or team that interviews use asks first rather than refusing: a timetable row or column is
    # expected to go with its cells (emptying them one by one first would be tedious), the question says how many
    # interviews go and how many already have notes, and one Undo brings the slot or team and exactly those
    # interviews back. Their notes and quotes are never deleted: they stay in the file, attached to the interview.
    def delete_slot(self, slot_id: str) -> bool:
        slot = next((x for x in self.model.table.slots if x.id == slot_id), None)
        label = slot.label if slot else "this time"
        usage = timetable_grid.slot_usage(self.session.store, slot_id)
        if usage.interviews and not self._confirm_delete(f"the {label} slot", usage, "Delete time slot"):
            return False
        return self._delete_place("slots", slot_id, f"Delete slot {label}", timetable_grid.delete_slot)

    def delete_team(self, team_id: str) -> bool:
        team = next((x for x in self.model.table.teams if x.id == team_id), None)
        name = team.name if team else "this team"
        usage = timetable_grid.team_usage(self.session.store, team_id)
        if usage.interviews and not self._confirm_delete(name, usage, "Delete team"):
            return False
        return self._delete_place("teams", team_id, f"Delete {name}", timetable_grid.delete_team)

    def _confirm_delete(self, what: str, usage: timetable_grid.Usage, title: str) -> bool:
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
        self._update_actions()

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

    def _update_actions(self, *_args: object) -> None:
        """Edit, Duplicate and Delete say what they act on (an interview, or the slot or team picked by its header),
        and are greyed out, saying what to pick, while they would act on nothing (an empty cell)."""
        kind = self.target[0] if self.target else ""
        edit, delete = {
            "slot": ("Change time…", "Delete slot"),
            "team": ("Rename team…", "Delete team"),
        }.get(kind, ("Edit…", "Delete"))
        self.action_edit.setText(edit)
        self.action_delete.setText(delete)
        what = {"slot": "the time slot", "team": "the team"}.get(kind, "the interview")
        on_interview = self.target is None and self.model.interview_at(self.view.currentIndex()) is not None
        change = f"Change {what}" if kind else "Change the interview's details"
        for action, tip, enabled in (
            (self.action_edit, change, bool(kind) or on_interview),
            (self.action_delete, f"Delete {what}", bool(kind) or on_interview),
            (self.action_duplicate, "Copy the interview to the next free cell", on_interview),
        ):
            action.setEnabled(enabled)
            action.setStatusTip(tip)
            keys = action.shortcut().toString()
            hint = "" if enabled else PICK_INTERVIEW if action is self.action_duplicate else PICK_SOMETHING
            action.setToolTip(f"{tip} ({keys})" + (f"\n{hint}" if hint else ""))

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

"""The timetable's interviews: planning (also from the empty timetable), editing, moving, duplicating, deleting.

Each change is one undo step; a new stakeholder group typed into an interview is added in the same step.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QTime, Signal
from PySide6.QtWidgets import QDialog

from peerdesk.services import interviews, timetable_grid
from peerdesk.services import review as review_service
from peerdesk.services import timetable as tt
from peerdesk.ui.kit import messages, ops
from peerdesk.ui.timetable.first_step import FIRST_SLOT, FirstStep
from peerdesk.ui.timetable.interview_dialog import InterviewDialog
from peerdesk.ui.timetable.places import PlacesPanel

SLOT_MINUTES = 45  # how long a slot planned from the empty timetable lasts, as the slot dialog suggests
FIRST_SLOT_LABEL = f"{FIRST_SLOT[0]:02d}:{FIRST_SLOT[1]:02d}"


class InterviewsPanel(PlacesPanel):
    """The part of the timetable panel that edits interviews (the panel builds the widgets)."""

    open_requested = Signal(str)  # interview id: show its notes
    empty: FirstStep

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
        if not (self.model.table.slots and self.model.table.teams) and not self._offer_grid():
            return
        index = self.selected_index()
        slot_id, team_id = self.model.cell(index) if index.isValid() else ("", "")
        chosen = self._dialog({"slot_id": slot_id, "team_id": team_id}, "New interview")
        if chosen is not None:
            self.create_interview(*chosen)

    def _offer_grid(self) -> bool:
        """An interview sits in a time slot (a row) and a team (a column): say so, and offer to add the missing."""
        table = self.model.table
        missing = [w for w, has in (("a time slot", table.slots), ("a team", table.teams)) if not has]
        text = (
            f"An interview goes in a time slot (a row of the timetable) and a team (a column); there is no "
            f"{' and no '.join(m.split(' ', 1)[1] for m in missing)} yet. Add {' and '.join(missing)} now "
            f"({FIRST_SLOT_LABEL}, Team A), then plan the interview? You can change them later (F2 on the header)."
        )
        if not messages.confirm(self, "New interview", text, yes="Add and plan the interview"):
            return False
        if not table.slots and self.create_slot(FIRST_SLOT_LABEL, _plus_minutes(FIRST_SLOT_LABEL)) is None:
            return False
        return bool(table.teams) or self.create_team("Team A") is not None

    def plan_first(self, group: str, starts: str, team: str) -> str | None:
        """The empty timetable's form: the slot and team it needs (if missing), the interview, then its notes."""
        table = self.model.table
        stack = self.session.undo_stack
        stack.beginMacro("Plan an interview")
        try:
            slot_id = next((s.id for s in table.slots if s.day == 1 and s.starts == starts and not s.activity), None)
            slot_id = slot_id or self.create_slot(starts, _plus_minutes(starts))
            team_id = next((t.id for t in table.teams if t.name.lower() == team.lower()), None)
            team_id = team_id or self.create_team(team)
            if slot_id is None or team_id is None:
                return None
            group_id = next((g.id for g in table.groups if g.name.lower() == group.lower()), "")
            fields = {"slot_id": slot_id, "team_id": team_id, "group_id": group_id}
            fields["note_taker_id"] = self.session.store.member_id  # so Ctrl+J finds it: "my next interview"
            created = self.create_interview(fields, "" if group_id else group)
        finally:
            stack.endMacro()
        if created is not None:
            self.empty.clear()
            self.select(created)
            self.open_requested.emit(created)
        return created

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
            lambda s: interviews.add_interview(s, **fields),
            restore=interviews.restore_interview,
            remove=interviews.delete_interview,
        )

    def _add_group(self, name: str) -> str | None:
        return ops.run_create(
            self,
            self.session,
            "Add stakeholder group",
            "stakeholder_groups",
            lambda s: timetable_grid.add_group(s, name),
        )

    def edit_selected(self) -> None:
        if self.target is not None:
            self.edit_target()
            return
        info = self.selected()
        if info is None:
            return
        old = interviews.interview_fields(self.session.store, info.id)
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
        old = interviews.interview_fields(self.session.store, interview_id)
        changed = {k: v for k, v in fields.items() if old.get(k) != v}
        if not changed:
            return False
        before = {k: old[k] for k in changed}
        return ops.run_swap(
            self,
            self.session,
            "Edit interview",
            lambda s, v: interviews.update_interview(s, interview_id, **v),
            changed,
            before,
        )

    def move_interview(self, interview_id: str, slot_id: str, team_id: str) -> bool:
        old = interviews.interview_fields(self.session.store, interview_id)
        if (old["slot_id"], old["team_id"]) == (slot_id, team_id):
            return False
        moved = ops.run(
            self,
            self.session,
            "Move interview",
            lambda s: interviews.move_interview(s, interview_id, slot_id, team_id),
            lambda s: interviews.move_interview(s, interview_id, old["slot_id"], old["team_id"]),
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
            lambda s: interviews.duplicate_interview(s, interview_id),
            restore=interviews.restore_interview,
            remove=interviews.delete_interview,
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
        undo = interviews.restore_interview
        return ops.run_on(self, self.session, "Delete interview", interview_id, interviews.delete_interview, undo)


def _plus_minutes(starts: str, minutes: int = SLOT_MINUTES) -> str:
    return QTime.fromString(starts, "HH:mm").addSecs(minutes * 60).toString("HH:mm")

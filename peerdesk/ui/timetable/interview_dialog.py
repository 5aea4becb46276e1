"""Small dialogs of the timetable: an interview's details, a time slot's times, a team's name and room."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTimeEdit,
    QWidget,
)

from peerdesk.services import approaches
from peerdesk.services import timetable as tt
from peerdesk.ui.kit.widgets import ok_cancel

if TYPE_CHECKING:
    from peerdesk.store.models import Member

NOBODY = "Nobody yet"


class InterviewDialog(QDialog):
    """Who, how and where. The stakeholder group can be one of the review's or a new name typed in."""

    def __init__(
        self,
        table: tt.Timetable,
        members: list[Member],
        fields: dict[str, Any],
        *,
        title: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("interviewDialog")
        self.table = table
        form = QFormLayout(self)
        self.group = QComboBox()
        self.group.setEditable(True)
        self.group.setObjectName("interviewGroup")
        for group in table.groups:
            self.group.addItem(group.name, group.id)
        self.group.setCurrentIndex(self.group.findData(fields.get("group_id", "")))
        if self.group.currentIndex() < 0:
            self.group.setEditText("")
        line = self.group.lineEdit()
        if line is not None:
            line.setPlaceholderText("Foster carers, social workers, partners…")
        form.addRow("Stakeholder group", self.group)
        self.approach = QComboBox()
        self.approach.setObjectName("interviewApproach")
        self.approach.addItem("Not chosen yet", "")
        for key in approaches.APPROACHES:
            self.approach.addItem(approaches.label(key), key)
        self.approach.setCurrentIndex(max(0, self.approach.findData(fields.get("approach", ""))))
        form.addRow("Approach", self.approach)
        self.interviewer = self._people(members, fields.get("interviewer_id", ""), fields.get("interviewer_name", ""))
        self.note_taker = self._people(members, fields.get("note_taker_id", ""), fields.get("note_taker_name", ""))
        form.addRow("Asks the questions", self.interviewer)
        form.addRow("Takes the notes", self.note_taker)
        self.attendees = QSpinBox()
        self.attendees.setRange(0, 500)
        self.attendees.setValue(int(fields.get("attendees", 0)))
        form.addRow("Number attending", self.attendees)
        self.title_edit = QLineEdit(str(fields.get("title", "")))
        self.title_edit.setPlaceholderText("Optional: a short description")
        form.addRow("Description", self.title_edit)
        self.slot = QComboBox()
        for slot in table.slots:
            if not slot.activity:  # a row for everyone (lunch, a break) holds no interviews
                self.slot.addItem(slot.label, slot.id)
        self.slot.setCurrentIndex(max(0, self.slot.findData(fields.get("slot_id", ""))))
        self.team = QComboBox()
        for team in table.teams:
            self.team.addItem(team.label, team.id)
        self.team.setCurrentIndex(max(0, self.team.findData(fields.get("team_id", ""))))
        form.addRow("Time", self.slot)
        form.addRow("Team and room", self.team)
        self.error = QLabel("")
        self.error.setObjectName("errorText")
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    @staticmethod
    def _people(members: list[Member], current: str, outside_name: str = "") -> QComboBox:
        """The team's members to choose from; a name typed in is someone from outside it (a host officer)."""
        combo = QComboBox()
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.addItem(NOBODY, "")
        for member in members:
            combo.addItem(member.name, member.id)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        if not current and outside_name:
            combo.setEditText(outside_name)
        line = combo.lineEdit()
        if line is not None:
            line.setPlaceholderText("A team member, or type the name of someone from outside the team")
        return combo

    @staticmethod
    def _person(combo: QComboBox) -> tuple[str, str]:
        """(member id, "") for a member, ("", name) for someone outside the team, ("", "") for nobody."""
        name = " ".join(combo.currentText().split())
        if not name or name == NOBODY:
            return "", ""
        at = combo.findText(name)
        member_id = str(combo.itemData(at) or "") if at >= 0 else ""
        return (member_id, "") if member_id else ("", name)

    def _check(self) -> None:
        if not self.group.currentText().strip():
            self.error.setText("Name the stakeholder group being interviewed.")
            return
        self.accept()

    def group_choice(self) -> tuple[str, str]:
        """(existing group id or "", the name typed)."""
        name = self.group.currentText().strip()
        for group in self.table.groups:
            if group.name.lower() == name.lower():
                return group.id, group.name
        return "", name

    def fields(self, group_id: str) -> dict[str, Any]:
        interviewer_id, interviewer_name = self._person(self.interviewer)
        note_taker_id, note_taker_name = self._person(self.note_taker)
        return {
            "slot_id": self.slot.currentData() or "",
            "team_id": self.team.currentData() or "",
            "group_id": group_id,
            "approach": self.approach.currentData() or "",
            "interviewer_id": interviewer_id,
            "note_taker_id": note_taker_id,
            "interviewer_name": interviewer_name,
            "note_taker_name": note_taker_name,
            "attendees": self.attendees.value(),
            "title": self.title_edit.text().strip(),
        }


class SlotDialog(QDialog):
    """A new time slot after ``after``, or (``current`` = starts, ends, day) a slot's new times."""

    def __init__(
        self,
        after: str = "",
        parent: QWidget | None = None,
        *,
        current: tuple[str, str, int] | None = None,
        activity: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Change a time slot" if current else "Add a time slot")
        self.setObjectName("slotDialog")
        self.setMinimumWidth(460)
        form = QFormLayout(self)
        if current is not None:
            start = QTime.fromString(current[0], "HH:mm")
        else:
            start = QTime.fromString(after, "HH:mm").addSecs(60 * 60) if after else QTime(9, 45)
        end = QTime.fromString(current[1], "HH:mm") if current and current[1] else start.addSecs(45 * 60)
        self.starts = QTimeEdit(start)
        self.starts.setDisplayFormat("HH:mm")
        self.ends = QTimeEdit(end)
        self.ends.setDisplayFormat("HH:mm")
        # A slot may have no end time (the CSV allows it): keep it that way unless the user asks for one.
        self.has_end = QCheckBox("Ends at")
        self.has_end.setChecked(current is None or bool(current[1]))
        self.has_end.toggled.connect(self.ends.setEnabled)
        self.ends.setEnabled(self.has_end.isChecked())
        self.day = QSpinBox()
        self.day.setRange(1, 2)
        self.day.setValue(current[2] if current else 1)
        self.activity = QComboBox()
        self.activity.setObjectName("slotActivity")
        self.activity.setEditable(True)
        self.activity.addItem("")
        self.activity.addItems(list(tt.ACTIVITIES))
        self.activity.setEditText(activity)
        line = self.activity.lineEdit()
        if line is not None:
            line.setPlaceholderText("Empty for interviews; or lunch, a break…")
        form.addRow("Starts", self.starts)
        form.addRow(self.has_end, self.ends)
        form.addRow("Day", self.day)
        form.addRow("For everyone", self.activity)
        form.addRow(ok_cancel(self))

    def values(self) -> tuple[str, str, int]:
        ends = self.ends.time().toString("HH:mm") if self.has_end.isChecked() else ""
        return self.starts.time().toString("HH:mm"), ends, self.day.value()

    def activity_text(self) -> str:
        """What every team does in this slot ("" for an interview slot)."""
        return " ".join(self.activity.currentText().split())


class TeamDialog(QDialog):
    """A new team (``suggested`` name), or with ``room`` and ``editing`` a team's new name and room."""

    def __init__(self, suggested: str, parent: QWidget | None = None, *, room: str = "", editing: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle("Rename a team" if editing else "Add a team")
        self.setObjectName("teamDialog")
        self.setMinimumWidth(340)
        form = QFormLayout(self)
        self.name = QLineEdit(suggested)
        self.name.selectAll()
        self.room = QLineEdit(room)
        self.room.setPlaceholderText("Where this team interviews")
        form.addRow("Team", self.name)
        form.addRow("Room", self.room)
        form.addRow(ok_cancel(self))

    def values(self) -> tuple[str, str]:
        return self.name.text(), self.room.text()

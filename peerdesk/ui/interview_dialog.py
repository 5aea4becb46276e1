"""Small dialogs of the timetable: an interview's details, a new time slot, a new team."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
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
from peerdesk.store.models import Member


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
        self.interviewer = self._people(members, fields.get("interviewer_id", ""))
        self.note_taker = self._people(members, fields.get("note_taker_id", ""))
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
    def _people(members: list[Member], current: str) -> QComboBox:
        combo = QComboBox()
        combo.addItem("Nobody yet", "")
        for member in members:
            combo.addItem(member.name, member.id)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        return combo

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
        return {
            "slot_id": self.slot.currentData() or "",
            "team_id": self.team.currentData() or "",
            "group_id": group_id,
            "approach": self.approach.currentData() or "",
            "interviewer_id": self.interviewer.currentData() or "",
            "note_taker_id": self.note_taker.currentData() or "",
            "attendees": self.attendees.value(),
            "title": self.title_edit.text().strip(),
        }


class SlotDialog(QDialog):
    def __init__(self, after: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Add a time slot")
        form = QFormLayout(self)
        start = QTime.fromString(after, "HH:mm") if after else QTime(9, 45)
        if after:
            start = start.addSecs(60 * 60)
        self.starts = QTimeEdit(start)
        self.starts.setDisplayFormat("HH:mm")
        self.ends = QTimeEdit(start.addSecs(45 * 60))
        self.ends.setDisplayFormat("HH:mm")
        self.day = QSpinBox()
        self.day.setRange(1, 2)
        form.addRow("Starts", self.starts)
        form.addRow("Ends", self.ends)
        form.addRow("Day", self.day)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> tuple[str, str, int]:
        return self.starts.time().toString("HH:mm"), self.ends.time().toString("HH:mm"), self.day.value()


class TeamDialog(QDialog):
    def __init__(self, suggested: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Add a team")
        form = QFormLayout(self)
        self.name = QLineEdit(suggested)
        self.room = QLineEdit()
        self.room.setPlaceholderText("Where this team interviews")
        form.addRow("Team", self.name)
        form.addRow("Room", self.room)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> tuple[str, str]:
        return self.name.text(), self.room.text()

"""What an empty timetable shows: the next step in place, not a toolbar to search.

The first interview can be planned right here — who is interviewed, when, by which team — and its time slot and
team are added with it (one undo step), after which its notes open. The other ways in sit below as buttons:
the first slot, a team, or the host's timetable as CSV.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from peerdesk.services import timetable as tt
from peerdesk.ui.kit.widgets import error_label, push_button, title_label, wrapped_label

FIRST_SLOT = (9, 45)  # the same first time the slot dialog suggests


class FirstStep(QWidget):
    """An empty timetable's offer: plan the first interview here, or build the grid first."""

    plan = Signal(str, str, str)  # stakeholder group, starts (HH:mm), team name
    add_slot = Signal()
    add_team = Signal()
    import_csv = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timetableFirstStep")
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        title = title_label("No timetable yet")
        outer.addWidget(title)
        hint = wrapped_label(
            "Plan the first interview here: its time slot and team are added with it, and its notes open. "
            "Or build the grid first, or import the host's timetable."
        )
        hint.setObjectName("emptyHint")
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        outer.addWidget(hint)
        outer.addLayout(self._form())
        self.error = error_label()
        outer.addWidget(self.error)
        outer.addLayout(self._other_ways())
        outer.addStretch(2)

    def _form(self) -> QFormLayout:
        form = QFormLayout()
        self.group = QComboBox()
        self.group.setObjectName("firstGroup")
        self.group.setEditable(True)
        self.group.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.group.setAccessibleName("Stakeholder group")
        line = self.group.lineEdit()
        assert line is not None  # an editable combo box has one
        line.setPlaceholderText("Foster carers, social workers, partners…")
        line.returnPressed.connect(self._plan)
        self.starts = QTimeEdit(QTime(*FIRST_SLOT))
        self.starts.setObjectName("firstStarts")
        self.starts.setDisplayFormat("HH:mm")
        self.starts.setAccessibleName("Starts")
        self.team = QLineEdit("Team A")
        self.team.setObjectName("firstTeam")
        self.team.setAccessibleName("Team")
        self.team.returnPressed.connect(self._plan)
        self.plan_button = QPushButton("Plan it and take notes")
        self.plan_button.setObjectName("primaryButton")
        self.plan_button.clicked.connect(lambda: self._plan())
        form.addRow("Who is interviewed", self.group)
        form.addRow("Starts", self.starts)
        form.addRow("Team", self.team)
        form.addRow("", self.plan_button)
        return form

    def _other_ways(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.slot_button = push_button("Add your first slot…", lambda: self.add_slot.emit())
        self.team_button = push_button("Add a team…", lambda: self.add_team.emit())
        self.import_button = push_button("Import the host's timetable (CSV)…", lambda: self.import_csv.emit())
        row.addStretch(1)
        for button in (self.slot_button, self.team_button, self.import_button):
            button.setAutoDefault(False)
            row.addWidget(button)
        row.addStretch(1)
        return row

    def show_for(self, table: tt.Timetable) -> None:
        """Offer what the timetable still lacks; keep what was typed."""
        typed = self.group.currentText()
        self.group.clear()
        for group in table.groups:
            self.group.addItem(group.name, group.id)
        self.group.setEditText(typed)
        slots = [s for s in table.slots if not s.activity]
        if slots:
            self.starts.setTime(QTime.fromString(slots[0].starts, "HH:mm"))
        if table.teams:
            self.team.setText(table.teams[0].name)
        self.slot_button.setText("Add another slot…" if table.slots else "Add your first slot…")
        self.team_button.setText("Add another team…" if table.teams else "Add a team…")
        self.error.hide()

    def _plan(self) -> None:
        group, team = self.group.currentText().strip(), self.team.text().strip()
        if not group:
            self.error.setText("Name the stakeholder group being interviewed (you can rename it later).")
            self.error.show()
            self.group.setFocus()
            return
        if not team:
            self.error.setText("Name the team that holds the interview, for example Team A.")
            self.error.show()
            self.team.setFocus()
            return
        self.error.hide()
        self.plan.emit(group, self.starts.time().toString("HH:mm"), team)

    def clear(self) -> None:
        self.group.setEditText("")

    def focus_first_field(self) -> None:
        self.group.setFocus()

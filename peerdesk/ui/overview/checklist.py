"""The lead-in checklist in the overview: each step with its due date and owner, a tick, overdue steps marked.

Due dates are computed from Day 1 on every read, so changing the visit's date (in the same overview) moves them.
A tick is one undo step. Overdue steps are marked in words and bold type as well as colour, so the mark survives
a colour-blind reader and a black-and-white screenshot.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from peerdesk.errors import PeerdeskError
from peerdesk.services import checklist
from peerdesk.services.changes import Changes
from peerdesk.ui.kit import messages, ops
from peerdesk.ui.kit.dates import show_date
from peerdesk.ui.kit.fitting import stretch_with_minimum
from peerdesk.ui.kit.session import ReviewSession

COLUMNS = ("Done", "Due", "Whose job", "Step")
DONE, DUE, OWNER, STEP = range(len(COLUMNS))
OWNER_WIDTH = 130
OVERDUE_COLOUR = QColor("#9b1c1c")
STEP_WIDTH = 220


def _date(value: dt.date | None) -> str:
    return show_date(value)


class ChecklistBox(QGroupBox):
    """The checklist as a table; ``today`` can be fixed (tests, screenshots)."""

    def __init__(self, session: ReviewSession, parent: QWidget | None = None, today: dt.date | None = None) -> None:
        super().__init__("Lead-in checklist", parent)
        self.setObjectName("leadInChecklist")
        self.session = session
        self._today = today
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setObjectName("checklistSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("checklistTable")
        self.table.setAccessibleName("Lead-in checklist")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        for column in (DONE, DUE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        # Who does it wraps in a column of its own width; the step itself takes the room left, never less than a
        # readable width (the table scrolls instead). With a column for "16 weeks before" too (now the due date's
        # tooltip, and its text while the visit has no date), all sized to their longest words, the step had ~70 px
        # of a laptop's overview.
        header.setSectionResizeMode(OWNER, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(OWNER, OWNER_WIDTH)
        stretch_with_minimum(self.table, STEP, STEP_WIDTH)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # wrapped again
        self.table.setMinimumHeight(260)
        self.table.itemChanged.connect(self._item_changed)
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        self.ics_button = QPushButton("Add to my &calendar (.ics)…")
        self.ics_button.setToolTip("Save the steps still to do as calendar reminders, one the day before each")
        self.ics_button.clicked.connect(self.choose_ics)
        buttons.addWidget(self.ics_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.steps: list[checklist.Step] = []
        session.changed.connect(self._changed)
        self.reload()

    @property
    def today(self) -> dt.date:
        return self._today or dt.date.today()

    def _changed(self, changes: Changes) -> None:
        if changes.touches("review", "checklist_ticks"):
            self.reload()

    def reload(self) -> None:
        self.steps = checklist.steps(self.session.store)
        today = self.today
        with QSignalBlocker(self.table):
            self.table.setRowCount(len(self.steps))
            for row, step in enumerate(self.steps):
                self._fill(row, step, today)
        late = [s for s in self.steps if s.overdue(today)]
        done = sum(1 for s in self.steps if s.done)
        text = f"{done} of {len(self.steps)} steps done."
        if late:
            text += f" <b>{len(late)} overdue</b>: the first was due {_date(late[0].due)}."
        if not any(s.due for s in self.steps):
            text += " Set Day 1 of the visit to give every step its date."
        warning = checklist.lead_in_warning(checklist.visit_start(self.session.store), today)
        self.summary.setText(text + (f"<br><b>{warning}</b>" if warning else ""))

    def _fill(self, row: int, step: checklist.Step, today: dt.date) -> None:
        late = step.overdue(today)
        tick = QTableWidgetItem()
        tick.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable)
        tick.setCheckState(Qt.CheckState.Checked if step.done else Qt.CheckState.Unchecked)
        tick.setData(Qt.ItemDataRole.UserRole, step.key)
        tick.setData(Qt.ItemDataRole.AccessibleTextRole, f"{'Done' if step.done else 'Not done'}: {step.text}")
        if step.done and step.done_on:
            tick.setToolTip(f"Ticked on {step.done_on}")
        relative = f"{step.when} Day 1"  # "12 weeks before Day 1": what sets the date, and all there is without one
        due = QTableWidgetItem(_date(step.due) + (" — overdue" if late else "") if step.due else relative)
        due.setToolTip(relative)
        cells = [tick, due, QTableWidgetItem(step.owner), QTableWidgetItem(step.text)]
        for column, item in enumerate(cells):
            if column:
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            if late:
                font = QFont(item.font())
                font.setBold(True)
                item.setFont(font)
                item.setForeground(QBrush(OVERDUE_COLOUR))
            self.table.setItem(row, column, item)

    def row_of(self, key: str) -> int:
        return next(n for n, step in enumerate(self.steps) if step.key == key)

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() != 0:
            return
        key = str(item.data(Qt.ItemDataRole.UserRole))
        step = next(s for s in self.steps if s.key == key)
        done = item.checkState() == Qt.CheckState.Checked
        if done == step.done:
            return
        label = f"{'Tick' if done else 'Untick'} “{step.text[:40]}”"
        ops.run(
            self,
            self.session,
            label,
            lambda s: checklist.set_done(s, key, done),
            lambda s: checklist.set_done(s, key, step.done, step.done_on),
        )
        self.reload()  # a refused tick goes back to what the file holds

    def choose_ics(self) -> None:
        start = str(Path.home() / "peer-challenge-lead-in.ics")
        out, _ = QFileDialog.getSaveFileName(self, "Add to my calendar", start, "Calendar (*.ics)")
        if out:
            self.save_ics(Path(out if out.lower().endswith(".ics") else out + ".ics"))

    def save_ics(self, out: Path) -> int:
        from peerdesk.export import calendar_ics

        try:
            return calendar_ics.write(self.steps, self.session.store.review_id, out)
        except PeerdeskError as exc:
            messages.error(self, "Add to my calendar", exc)
            return 0

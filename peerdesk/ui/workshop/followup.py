"""The follow-up visit's record: the meeting date, five reflections, and the workshop's actions to review."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QDate, QSignalBlocker, Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from peerdesk.services import followup
from peerdesk.services.changes import Changes
from peerdesk.ui.kit import ops
from peerdesk.ui.kit.autosave_text import AutoSaveText
from peerdesk.ui.kit.dates import DateField
from peerdesk.ui.kit.dialogs import FIT, STRETCH, table_view
from peerdesk.ui.kit.panel import Panel
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.kit.widgets import scrolling


class FollowUpPanel(Panel):
    watches = ("followup", "actions", "goals", "workshop_tables", "review", "action_progress")

    def __init__(self, session: ReviewSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("followupPanel")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        body = QWidget()
        outer.addWidget(scrolling(body))
        lay = QVBoxLayout(body)
        lay.setContentsMargins(24, 16, 24, 24)
        lay.setSpacing(14)
        heading = QLabel("Follow-up visit")
        heading.setObjectName("reviewHeading")
        lay.addWidget(heading)
        hint = QLabel(
            "About four months after the visit the three directors meet again. Record what they say here; "
            "after this meeting every interview record is due for deletion."
        )
        hint.setObjectName("hintText")
        hint.setWordWrap(True)
        lay.addWidget(hint)
        lay.addWidget(self._meeting_box())
        # The actions take the height the meeting's fields leave (a desktop screen showed five of twelve above a
        # blank third of the window); on a laptop the tab scrolls and the table keeps its 200 pixels.
        lay.addWidget(self._actions_box(), 1)
        self.refresh(Changes.of("followup", "actions"))

    def _meeting_box(self) -> QGroupBox:
        box = QGroupBox("The meeting")
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # The app's date field: Tab leaves it (a QDateEdit's Tab walked weekday, day, month and year: four presses
        # to reach the next field), and typing goes to the day, not to the weekday, which took no digits.
        self.date = DateField()
        self.date.setObjectName("followup-date")
        self.date.setAccessibleName("Meeting date")
        self.date.editingFinished.connect(
            lambda: self.save("meeting_date", self.date.date().toString(Qt.DateFormat.ISODate))
        )
        form.addRow("Meeting date", self.date)
        self.texts: dict[str, AutoSaveText] = {}
        for field, label, prompt in followup.FIELDS:
            edit = AutoSaveText(self._saver(field), prompt, 4, most=12)  # the tab scrolls: what was said shows whole
            edit.setObjectName(f"followup-{field}")
            edit.setAccessibleName(label)
            self.texts[field] = edit
            form.addRow(label, edit)
        return box

    def _actions_box(self) -> QGroupBox:
        actions_box = QGroupBox("The workshop's actions, for review")
        actions_lay = QVBoxLayout(actions_box)
        # #20: each action beside its owner, progress, the evidence seen and a note (edited in place)
        from peerdesk.ui.workshop import action_progress as progress_ui

        self.progress_ui = progress_ui
        self.actions_model = QStandardItemModel(0, len(progress_ui.HEADERS), self)
        self.actions_model.setHorizontalHeaderLabels(progress_ui.HEADERS)
        self.actions_model.itemChanged.connect(lambda item: progress_ui.edited(self, self.session, item))
        columns = {0: FIT, 1: STRETCH, 2: FIT, 3: STRETCH, 4: FIT, 5: FIT, 7: STRETCH}
        self.actions_view = table_view("followupActions", self.actions_model, columns=columns)
        self.actions_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)  # cells are edited
        self.actions_view.setItemDelegateForColumn(5, progress_ui.StatusDelegate(self.actions_view))
        self.actions_view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        header = self.actions_view.horizontalHeader()
        # "Evidence seen" would get a quarter of the spare width like the other stretching columns, narrower than
        # its own heading on a laptop: it starts as wide as the heading needs (in the style's bold) and can be dragged.
        header.ensurePolished()
        header.setSectionResizeMode(6, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(6, header.fontMetrics().horizontalAdvance(progress_ui.HEADERS[6]) + 24)
        # The rows were fitted once, to the columns as they were before the tab was laid out (narrow): on a laptop
        # each row stood 171 pixels tall for three lines and the table showed one action at a time.
        header.sectionResized.connect(lambda *_: self.actions_view.resizeRowsToContents())
        self.actions_view.setMinimumHeight(200)
        actions_lay.addWidget(self.actions_view)
        self.no_actions = QLabel("No actions were recorded at the workshop.")
        self.no_actions.setObjectName("hintText")
        actions_lay.addWidget(self.no_actions)
        return actions_box

    def _saver(self, field: str) -> Callable[[str], None]:
        return lambda text: self.save(field, text)

    def save(self, field: str, value: str) -> None:
        old = getattr(followup.get(self.session.store), field)
        if old == value:
            return
        label = "Edit follow-up: " + dict((f, lab) for f, lab, _ in followup.FIELDS).get(field, "meeting date").lower()
        ops.run(
            self,
            self.session,
            label,
            lambda s: followup.set_fields(s, **{field: value}),
            lambda s: followup.set_fields(s, **{field: old}),
        )

    def refresh(self, changes: Changes) -> None:
        record = followup.get(self.session.store)
        with QSignalBlocker(self.date):
            self.date.setDate(
                QDate.fromString(record.meeting_date, Qt.DateFormat.ISODate)
                if record.meeting_date
                else QDate.currentDate()
            )
        self._date_shown = self._date_text()
        for field, edit in self.texts.items():
            edit.set_value(getattr(record, field))
        if changes.touches("actions", "goals", "workshop_tables", "action_progress"):
            from peerdesk.services import action_progress

            actions = action_progress.rows(self.session.store)
            with QSignalBlocker(self.actions_model):
                self.progress_ui.fill(self.actions_model, actions)
            self.actions_view.reset()
            self.actions_view.resizeRowsToContents()
            self.no_actions.setVisible(not actions)

    def _date_text(self) -> str:
        return self.date.date().toString(Qt.DateFormat.ISODate)

    def flush(self) -> None:
        # A date changed with the arrows or the calendar is saved when the field is left; locking, a backup or
        # closing may come first, and the change was lost. (Unchanged, the date shown is not saved: without a
        # meeting date it shows today's, which nobody chose.)
        if self._date_text() != self._date_shown:
            self.save("meeting_date", self._date_text())
        for edit in self.texts.values():
            edit.flush()

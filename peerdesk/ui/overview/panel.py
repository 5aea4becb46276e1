"""The review overview: the essentials, the host's key questions, dates, and the planning form.

Every field autosaves: line edits when editing finishes, longer texts a moment after typing stops. Each save is
an undo step, and a burst of typing in one field merges into one step.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from peerdesk.services import retention
from peerdesk.services import review as review_service
from peerdesk.services.changes import Changes
from peerdesk.services.records import values as record_values
from peerdesk.ui.kit import ops
from peerdesk.ui.kit.autosave_text import AutoSaveText
from peerdesk.ui.kit.below_fold import BuiltWhenSeen
from peerdesk.ui.kit.dates import QT_DATE
from peerdesk.ui.kit.dialogs import STRETCH, table_view
from peerdesk.ui.kit.fitting import show_start
from peerdesk.ui.kit.panel import Panel
from peerdesk.ui.kit.picked import ActsOnPicked
from peerdesk.ui.kit.plain import plain_label
from peerdesk.ui.kit.record_model import Column, RecordTableModel
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.kit.widgets import scrolling

# The lead-in, planning and documents' height on a laptop's width, until a first build says (kit/below_fold.py).
REST_HEIGHT_GUESS = 2900


class OverviewPanel(Panel):
    watches = ("review", "planning_answers", "candidate_areas", "documents")

    def __init__(self, session: ReviewSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("overview")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        body = QWidget()
        body.setObjectName("overviewBody")
        scroll = scrolling(body)
        # The form reflows to the width it gets; a sideways scrollbar would only hide the ends of fields.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer.addWidget(scroll)
        self.layout_ = QVBoxLayout(body)
        self.layout_.setContentsMargins(24, 16, 24, 24)
        self.layout_.setSpacing(16)

        self.heading = plain_label()  # the authority and focus, as the lead typed them
        self.heading.setObjectName("reviewHeading")
        self.heading.setWordWrap(True)
        self.layout_.addWidget(self.heading)
        self.countdown = QLabel()
        self.countdown.setObjectName("retentionNote")
        self.countdown.setWordWrap(True)
        self.layout_.addWidget(self.countdown)

        self.line_edits: dict[str, QLineEdit] = {}
        self.texts: dict[str, AutoSaveText] = {}
        self.dates: dict[str, QDateEdit] = {}
        self.planning: dict[str, AutoSaveText] = {}
        self._build_review_box()
        # The lead-in, planning and documents are below the review when the window opens: built when first seen.
        self.rest = BuiltWhenSeen("overview", self._build_rest, scroll, guess=REST_HEIGHT_GUESS)
        self.layout_.addWidget(self.rest)
        self.layout_.addStretch(1)
        self.refresh(Changes.of("review"))

    # --- building -----------------------------------------------------------------------------------------
    def _build_rest(self) -> QWidget:
        rest = QWidget()
        rest.setObjectName("overviewRest")
        layout = QVBoxLayout(rest)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(self.layout_.spacing())
        from peerdesk.ui.overview.checklist import ChecklistBox

        self.checklist = ChecklistBox(self.session)  # the lead-in before the visit (#20)
        layout.addWidget(self.checklist)
        layout.addWidget(self._build_planning_box())
        layout.addWidget(
            self._build_table_box(
                "Candidate areas of focus",
                "candidate_areas",
                [
                    Column("name", "Area"),
                    Column("pros", "For"),
                    Column("cons", "Against"),
                    Column("chosen", "Chosen", "bool"),
                ],
                "candidate area",
                {"name": "New area", "position": 0.0},
            )
        )
        layout.addWidget(
            self._build_table_box(
                "Documents received",
                "documents",
                [
                    Column("title", "Title"),
                    Column("kind", "Kind"),
                    Column("received", "Received"),
                    Column("reading_notes", "Reading notes"),
                ],
                "document",
                {"title": "New document", "received": dt.date.today().isoformat()},
            )
        )
        from peerdesk.ui.overview.documents import DocumentsBox

        self.documents_box = DocumentsBox(self.session)  # the files themselves and reading notes (#20)
        layout.addWidget(self.documents_box)
        self._refresh_planning()
        return rest

    def _build_review_box(self) -> None:
        box = QGroupBox("The review")
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for field, label in (("authority", "Host authority"), ("focus", "Area of focus")):
            line = QLineEdit()
            line.setObjectName(f"field-{field}")
            line.editingFinished.connect(self._line_saver(field, line))
            self.line_edits[field] = line
            form.addRow(label, line)
        self.texts["aim"] = AutoSaveText(self._text_saver("aim"), "What the review sets out to learn", 2, most=6)
        form.addRow("Aim", self.texts["aim"])
        for i in (1, 2, 3):
            field = f"key_question_{i}"
            self.texts[field] = AutoSaveText(self._text_saver(field), f"Key question {i}", 2, most=4)
            form.addRow(f"Key question {i}", self.texts[field])
        dates = QGridLayout()
        date_fields = (
            ("visit_start", "Day 1"),
            ("visit_end", "Day 2"),
            ("followup_date", "Follow-up visit"),
            ("retention_date", "Delete records after"),
        )
        for n, (field, label) in enumerate(date_fields):
            date_edit = QDateEdit()
            date_edit.setCalendarPopup(True)
            date_edit.setDisplayFormat(QT_DATE)
            date_edit.setObjectName(f"field-{field}")
            date_edit.setAccessibleName(label)
            date_edit.editingFinished.connect(self._date_saver(field, date_edit))
            self.dates[field] = date_edit
            # One date a line: two pairs side by side made the form wider than the work area on a laptop.
            dates.addWidget(QLabel(label), n, 0)
            dates.addWidget(date_edit, n, 1)
        dates.setColumnStretch(2, 1)
        form.addRow("Dates", dates)
        self.lead_in_warning = QLabel()
        self.lead_in_warning.setObjectName("leadInWarning")
        self.lead_in_warning.setWordWrap(True)
        self.lead_in_warning.hide()
        form.addRow("", self.lead_in_warning)
        self.co_produced = QCheckBox("Host officers join the visiting team (co-produced review)")
        self.co_produced.toggled.connect(lambda on: self._save_review("co_produced", on))
        form.addRow("", self.co_produced)
        self.line_edits["lead_officers"] = QLineEdit()
        self.line_edits["lead_officers"].editingFinished.connect(
            lambda: self._save_review("lead_officers", self.line_edits["lead_officers"].text())
        )
        form.addRow("Lead officers", self.line_edits["lead_officers"])
        self.layout_.addWidget(box)

    def _text_saver(self, field: str) -> Callable[[str], None]:
        return lambda text: self._save_review(field, text)

    def _line_saver(self, field: str, edit: QLineEdit) -> Callable[[], None]:
        return lambda: self._save_review(field, edit.text())

    def _date_saver(self, field: str, edit: QDateEdit) -> Callable[[], None]:
        return lambda: self._save_review(field, edit.date().toString(Qt.DateFormat.ISODate))

    def _planning_saver(self, key: str) -> Callable[[str], None]:
        return lambda text: self._save_planning(key, text)

    def _planning_line_saver(self, key: str, edit: QLineEdit) -> Callable[[], None]:
        return lambda: self._save_planning(key, edit.text().strip())

    def _planning_flag_saver(self, key: str) -> Callable[[bool], None]:
        return lambda on: self._save_planning(key, "yes" if on else "")

    def _build_planning_box(self) -> QGroupBox:
        box = QGroupBox("Planning")
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.planning_lines: dict[str, QLineEdit] = {}
        for key, label in review_service.PLANNING_NAMES:
            line = QLineEdit()
            line.setObjectName(f"planning-{key}")
            line.setAccessibleName(label)
            line.editingFinished.connect(self._planning_line_saver(key, line))
            self.planning_lines[key] = line
            form.addRow(label, line)
        self.planning_flags: dict[str, QCheckBox] = {}
        for key, label in review_service.PLANNING_FLAGS:
            flag = QCheckBox(label)
            flag.setObjectName(f"planning-{key}")
            flag.toggled.connect(self._planning_flag_saver(key))
            self.planning_flags[key] = flag
            form.addRow("", flag)
        for key, label, prompt in review_service.planning_questions():
            edit = AutoSaveText(self._planning_saver(key), prompt, 3, most=8)  # the form scrolls: answers show whole
            edit.setObjectName(f"planning-{key}")
            edit.setAccessibleName(label)
            self.planning[key] = edit
            form.addRow(label, edit)
        from peerdesk.ui.overview.settings import LABEL, TraceableSetting

        self.traceable_below = TraceableSetting(self.session)
        form.addRow(LABEL, self.traceable_below)
        return box

    def _build_table_box(
        self, title: str, table: str, columns: list[Column], noun: str, defaults: dict[str, Any]
    ) -> QGroupBox:
        box = QGroupBox(title)
        layout = QVBoxLayout(box)
        model = RecordTableModel(self.session, table, columns, noun=noun)
        view = table_view(f"table-{table}", model, default=STRETCH)
        view.setMinimumHeight(140)
        buttons = QHBoxLayout()
        add = QPushButton(f"Add {noun}")
        remove = QPushButton("Remove")
        add.clicked.connect(lambda: ops.create_record(self, self.session, table, defaults, f"Add {noun}"))

        def remove_selected() -> None:
            rows = sorted({i.row() for i in view.selectionModel().selectedRows()}, reverse=True)
            if not rows:
                return
            self.session.undo_stack.beginMacro(f"Remove {noun}")
            for row in rows:
                ops.delete_record(self, self.session, table, model.record_id(row), f"Remove {noun}")
            self.session.undo_stack.endMacro()

        remove.clicked.connect(remove_selected)
        ActsOnPicked([remove], [view], f"Pick the {noun} to remove in the list first")
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout.addWidget(view)
        layout.addLayout(buttons)
        setattr(self, f"{table}_model", model)
        setattr(self, f"{table}_view", view)
        return box

    # --- saving (each an undo step) ----------------------------------------------------------------------------
    def _save_review(self, field: str, value: Any) -> None:
        review_id = self.session.store.review_id
        current = record_values(self.session.store, "review", review_id, [field])[field]
        if current == value:
            return
        if field == "authority" and not str(value).strip():
            self.line_edits["authority"].setText(current)
            return
        ops.set_fields(
            self, self.session, "review", review_id, {field: value}, f"Edit {field.replace('_', ' ')}", merge_key=field
        )

    def _save_planning(self, key: str, text: str) -> None:
        old = review_service.planning_answers(self.session.store)[key]
        if old == text:
            return
        ops.run(
            self,
            self.session,
            f"Edit planning: {key.replace('_', ' ')}",
            lambda s: review_service.set_planning_answer(s, key, text),
            lambda s: review_service.set_planning_answer(s, key, old),
        )

    # --- showing -----------------------------------------------------------------------------------------------
    def refresh(self, changes: Changes) -> None:
        if changes.touches("review"):
            summary = review_service.summary(self.session.store)
            self.heading.setText(summary.title)
            for field, edit in self.line_edits.items():
                if not edit.hasFocus():
                    show_start(edit, getattr(summary, field))
            self.texts["aim"].set_value(summary.aim)
            for i, question in enumerate(summary.key_questions, start=1):
                self.texts[f"key_question_{i}"].set_value(question)
            for field, date_edit in self.dates.items():
                value = getattr(summary, field)
                with QSignalBlocker(date_edit):
                    date_edit.setDate(QDate.fromString(value, Qt.DateFormat.ISODate) if value else QDate.currentDate())
            with QSignalBlocker(self.co_produced):
                self.co_produced.setChecked(summary.co_produced)
            self.countdown.setText(retention.status(self.session.store).sentence)
            from peerdesk.services.checklist import lead_in_warning, visit_start

            warning = lead_in_warning(visit_start(self.session.store))
            self.lead_in_warning.setText(f"⚠ {warning}" if warning else "")
            self.lead_in_warning.setVisible(bool(warning))
        if changes.touches("planning_answers") and self.rest.content is not None:
            self._refresh_planning()

    def _refresh_planning(self) -> None:
        self.traceable_below.refresh()
        for key, text in review_service.planning_answers(self.session.store).items():
            if key in self.planning:
                self.planning[key].set_value(text)
            elif key in self.planning_lines and not self.planning_lines[key].hasFocus():
                show_start(self.planning_lines[key], text)
            elif key in self.planning_flags:
                with QSignalBlocker(self.planning_flags[key]):
                    self.planning_flags[key].setChecked(bool(text))

    def flush(self) -> None:
        """Save whatever is being typed now (before locking or closing)."""
        later = [*self.planning.values(), self.documents_box.my_note] if self.rest.content is not None else []
        for edit in [*self.texts.values(), *later]:
            edit.flush()


def retention_sentence(retention_date: str, today: dt.date) -> str:
    days = (dt.date.fromisoformat(retention_date) - today).days if retention_date else None
    return retention.countdown_text(retention_date, days)

"""The note taker's Scales tab: "on a scale of 0 to 10" answers for the interview, and the review's summary.

Each answer, correction and deletion is one undo step; the summary shows every stakeholder group's answers.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QWidget,
)

from peerdesk.errors import PeerdeskError
from peerdesk.services import records, scale_answers
from peerdesk.services import timetable as tt
from peerdesk.ui.kit import messages, ops
from peerdesk.ui.kit.dialogs import FIT, INTERACTIVE, STRETCH, table_view
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.kit.widgets import wrapped_label
from peerdesk.ui.notes.interview_tab import InterviewTab
from peerdesk.ui.notes.scale_model import RatingDelegate, ScaleAnswersModel


class ScalesTab(InterviewTab):
    def __init__(self, session: ReviewSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        layout = self.body
        form = QFormLayout()
        self.scale_question = QLineEdit()
        self.scale_question.setPlaceholderText("What was rated")
        self.scale_question.setToolTip("What was rated, e.g. the service overall")
        self.scale_value = QSpinBox()
        self.scale_value.setRange(0, 10)
        self.scale_value.setValue(5)
        self.scale_reason = QLineEdit()
        self.scale_reason.setPlaceholderText("The short reason given")
        self.scale_reason.returnPressed.connect(self.add_scale_from_form)
        add = QPushButton("Record answer")
        add.clicked.connect(self.add_scale_from_form)
        form.addRow("Question", self.scale_question)
        form.addRow("Answer (0–10)", self.scale_value)
        form.addRow("Reason", self.scale_reason)
        form.addRow("", add)
        layout.addLayout(form)
        self.scales_model = ScaleAnswersModel(self)
        self.scales_model.edit = self.edit_scale
        columns = {0: FIT, 1: INTERACTIVE, 2: STRETCH}
        self.scales_view = table_view(
            "scalesView", self.scales_model, columns=columns, single=True, editable=True, left_headers=True
        )
        self.scales_view.setItemDelegate(RatingDelegate(self.scales_view))
        self.scales_view.horizontalHeader().resizeSection(1, 180)
        header = self.scales_view.horizontalHeader()
        header.setMinimumSectionSize(header.fontMetrics().horizontalAdvance("Reason") + 20)  # headings never cut
        layout.addWidget(self.scales_view, 1)
        remove = QPushButton("Delete answer")
        remove.clicked.connect(self.delete_selected_scale)
        below = QHBoxLayout()
        correct = wrapped_label("Double-click (or F2) to correct an answer.")
        correct.setObjectName("hintText")
        below.addWidget(correct, 1)
        below.addWidget(remove)
        layout.addLayout(below)
        layout.addWidget(wrapped_label("Across the review, per stakeholder group"))
        self.summary_model = QStandardItemModel(self)
        self.summary_view = QTableView()
        self.summary_view.setObjectName("scaleSummary")
        self.summary_view.setModel(self.summary_model)
        self.summary_view.verticalHeader().hide()
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        self.summary_view.horizontalHeader().setDefaultAlignment(left)
        self.summary_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.summary_view.setWordWrap(True)
        layout.addWidget(self.summary_view, 1)

    def load(self, interview: tt.InterviewInfo | None) -> None:
        """Show ``interview``'s answers, and the summary across the review."""
        super().load(interview)
        self.scales_model.set_rows(scale_answers.scale_answers(self.session.store, interview.id) if interview else [])
        self.scales_view.resizeRowsToContents()
        self.summary_model.clear()
        # "Group": the label above says these are stakeholder groups, and a longer title is clipped in a narrow dock.
        self.summary_model.setHorizontalHeaderLabels(["Group", "Answers", "Average", "Range", "Rated"])
        for row in scale_answers.scale_summary(self.session.store, by_question=False):
            self.summary_model.appendRow(
                [
                    QStandardItem(row.group),
                    QStandardItem(str(row.count)),
                    QStandardItem(f"{row.mean:g}"),
                    QStandardItem(f"{row.low}–{row.high}"),
                    QStandardItem(row.question),
                ]
            )
        header = self.summary_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(header.fontMetrics().horizontalAdvance("Group") + 16)  # headings never cut
        for column in (1, 2, 3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

    def add_scale_from_form(self) -> None:
        if self.add_scale(self.scale_question.text(), self.scale_value.value(), self.scale_reason.text()):
            self.scale_reason.clear()

    def add_scale(self, question: str, value: int, reason: str = "") -> str | None:
        interview = self.interview
        if interview is None:
            return None
        return ops.run_create(
            self,
            self.session,
            "Record scale answer",
            "scale_answers",
            lambda s: scale_answers.add_scale_answer(s, interview.id, question, value, reason),
            remove=scale_answers.delete_scale_answer,
        )

    def edit_scale(self, answer_id: str, field: str, value: Any) -> bool:
        """Correct one field of a scale answer in place (the table's editors call this): one undo step."""
        try:
            before = scale_answers.scale_answer(self.session.store, answer_id)
        except PeerdeskError as exc:
            messages.error(self, "Edit scale answer", exc)
            return False
        return ops.run_swap(
            self,
            self.session,
            "Edit scale answer",
            lambda s, v: scale_answers.update_scale_answer(s, answer_id, **{field: v}),
            value,
            getattr(before, field),
        )

    def delete_selected_scale(self) -> None:
        answer = self.scales_model.answer_at(self.scales_view.currentIndex())
        if answer is None:
            return
        answer_id = answer.id
        ops.run(
            self,
            self.session,
            "Delete scale answer",
            lambda s: scale_answers.delete_scale_answer(s, answer_id),
            lambda s: records.restore(s, "scale_answers", answer_id),
        )

"""The review's question sets, one per approach, edited by the team: each change is an undo step."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from peerdesk.services import approaches, questions
from peerdesk.ui.kit import ops
from peerdesk.ui.kit.record_model import Column, RecordTableModel
from peerdesk.ui.kit.session import ReviewSession


class QuestionBankDialog(QDialog):
    def __init__(self, session: ReviewSession, approach: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle("Question sets for this review")
        self.setObjectName("questionBank")
        self.resize(720, 480)
        layout = QVBoxLayout(self)
        hint = QLabel("Double-click a question to reword it. Interviewers pick from these sets for their plans.")
        hint.setObjectName("hintText")
        layout.addWidget(hint)
        self.approach = QComboBox()
        for key in approaches.APPROACHES:
            self.approach.addItem(approaches.label(key), key)
        self.approach.setCurrentIndex(max(0, self.approach.findData(approach)))
        self.approach.currentIndexChanged.connect(lambda _i: self._show())
        layout.addWidget(self.approach)
        self.view = QTableView()
        self.view.setObjectName("questionBankView")
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.setWordWrap(True)
        layout.addWidget(self.view, 1)
        buttons = QHBoxLayout()
        add, remove, close = QPushButton("Add question"), QPushButton("Remove"), QPushButton("Close")
        add.clicked.connect(lambda: self.add("A new question"))
        remove.clicked.connect(self.remove_selected)
        close.clicked.connect(self.accept)
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.model: RecordTableModel | None = None
        self._show()

    def current_approach(self) -> str:
        return str(self.approach.currentData())

    def _show(self) -> None:
        self.model = RecordTableModel(
            self.session,
            "questions",
            [Column("text", "Question")],
            where={"approach": self.current_approach()},
            order_by="position",
            noun="question",
        )
        self.view.setModel(self.model)

    def add(self, text: str) -> str | None:
        approach = self.current_approach()
        return ops.run_create(
            self,
            self.session,
            "Add a question to the set",
            "questions",
            lambda s: questions.add_question(s, approach, text),
        )

    def remove_selected(self) -> None:
        if self.model is None:
            return
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()}, reverse=True)
        for row in rows:
            ops.delete_record(
                self, self.session, "questions", self.model.record_id(row), "Remove a question from the set"
            )

"""The review's question sets, one per approach, edited by the team: each change is an undo step."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QPushButton,
    QWidget,
)

from peerdesk.services import approaches, questions
from peerdesk.services.changes import Changes
from peerdesk.store.engine import Store
from peerdesk.ui.kit import ops
from peerdesk.ui.kit.dialogs import STRETCH, dialog_layout, table_view
from peerdesk.ui.kit.picked import ActsOnPicked
from peerdesk.ui.kit.record_model import Column, RecordTableModel
from peerdesk.ui.kit.session import ReviewSession


class QuestionBankDialog(QDialog):
    def __init__(self, session: ReviewSession, approach: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        hint = "Double-click a question to reword it. Interviewers pick from these sets for their plans."
        layout = dialog_layout(
            self, "Question sets for this review", "questionBank", size=(720, 480), intro=hint, hint=True
        )
        self.approach = QComboBox()
        for key in approaches.APPROACHES:
            self.approach.addItem(approaches.label(key), key)
        self.approach.setCurrentIndex(max(0, self.approach.findData(approach)))
        self.approach.currentIndexChanged.connect(lambda _i: self._show())
        self.audience = QComboBox()
        self.audience.setObjectName("questionAudience")
        self.audience.setAccessibleName("Worded for")
        for key, label in questions.AUDIENCES.items():
            self.audience.addItem(f"Worded for: {label.lower()}", key)
        # Open on the version this review has: staff and partners in a new review, "anyone" in an older one.
        held = {q.audience for q in questions.bank(session.store).get(self.current_approach(), [])}
        start = next((a for a in ("staff", "", "families") if a in held), "staff")
        self.audience.setCurrentIndex(self.audience.findData(start))
        self.audience.currentIndexChanged.connect(lambda _i: self._show())
        choose = QHBoxLayout()
        choose.addWidget(self.approach, 1)
        choose.addWidget(self.audience, 1)
        layout.addLayout(choose)
        self.view = table_view("questionBankView", default=STRETCH)
        layout.addWidget(self.view, 1)
        buttons = QHBoxLayout()
        add, remove, close = QPushButton("Add question"), QPushButton("Remove"), QPushButton("Close")
        self.families_button = QPushButton("Add the children and families versions")
        self.families_button.setToolTip("For a review made before peerdesk had them: our wording for each approach")
        self.families_button.clicked.connect(self.add_family_sets)
        add.clicked.connect(lambda: self.add("A new question"))
        remove.clicked.connect(self.remove_selected)
        close.clicked.connect(self.accept)
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addWidget(self.families_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.model: RecordTableModel | None = None
        self.picked = ActsOnPicked([remove], [self.view], "Pick the questions to remove in the list first")
        self._show()

    def current_approach(self) -> str:
        return str(self.approach.currentData())

    def current_audience(self) -> str:
        return str(self.audience.currentData())

    def _show(self) -> None:
        self.model = RecordTableModel(
            self.session,
            "questions",
            [Column("text", "Question")],
            where={"approach": self.current_approach(), "audience": self.current_audience()},
            order_by="position",
            noun="question",
        )
        self.view.setModel(self.model)
        self.picked.follow(self.view)  # another model, so another selection to watch

    def add(self, text: str) -> str | None:
        approach, audience = self.current_approach(), self.current_audience()
        return ops.run_create(
            self,
            self.session,
            "Add a question to the set",
            "questions",
            lambda s: questions.add_question(s, approach, text, audience),
        )

    def add_family_sets(self) -> bool:
        added: list[str] = []

        def do(store: Store) -> Changes:
            if added:  # redo brings the same questions back
                return questions.set_questions_deleted(store, added, False)
            ids, changes = questions.add_family_sets(store)
            added.extend(ids)
            return changes

        done = ops.run(
            self,
            self.session,
            "Add the children and families questions",
            do,
            lambda s: questions.set_questions_deleted(s, added, True),
        )
        if done:
            self.audience.setCurrentIndex(self.audience.findData("families"))
        return done

    def remove_selected(self) -> None:
        if self.model is None:
            return
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()}, reverse=True)
        for row in rows:
            ops.delete_record(
                self, self.session, "questions", self.model.record_id(row), "Remove a question from the set"
            )

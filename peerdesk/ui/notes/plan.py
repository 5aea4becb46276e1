"""The note taker's Questions tab: the interview's question plan, ticked off as the questions are asked.

The interviewer picks from the review's key questions and its question sets (one per approach) or writes one;
ticks, additions, moves and removals are each one undo step.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QMenu,
    QPushButton,
    QWidget,
)

from peerdesk.services import approaches, questions, records
from peerdesk.services import timetable as tt
from peerdesk.ui.kit import ops
from peerdesk.ui.kit.dialogs import list_view
from peerdesk.ui.kit.picked import ActsOnPicked
from peerdesk.ui.kit.plain import plain_label, plain_menu_text, plain_tip
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.notes.interview_tab import InterviewTab
from peerdesk.ui.notes.plan_model import PlanModel


class QuestionPlanTab(InterviewTab):
    def __init__(self, session: ReviewSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        layout = self.body
        self.plan_label = plain_label()  # it names who planned it
        self.plan_label.setObjectName("hintText")
        self.plan_label.setWordWrap(True)
        layout.addWidget(self.plan_label)
        from peerdesk.ui.notes.interview_checklist import InterviewChecklistBox

        self.opening_checks = InterviewChecklistBox(self.session, "opening")  # #20: what every interview opens with
        self.closing_checks = InterviewChecklistBox(self.session, "closing")
        layout.addWidget(self.opening_checks)
        self.plan_model = PlanModel(self.session)
        self.plan_model.tick_requested.connect(self.tick)
        self.plan_view = list_view("planView", self.plan_model, spacing=3, single=True)
        self.plan_view.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a question ticked with the mouse: typing goes on
        layout.addWidget(self.plan_view, 1)
        buttons = QHBoxLayout()
        self.add_question_button = QPushButton("Add question")  # with its menu: Qt draws the arrow beside it
        self.add_menu = QMenu(self.add_question_button)
        self.add_menu.aboutToShow.connect(self._fill_add_menu)
        self.add_question_button.setMenu(self.add_menu)
        bank = QPushButton("Question sets…")
        bank.setToolTip("Edit the review's question sets, one per approach")
        bank.clicked.connect(self.edit_question_sets)
        up, down, remove = QPushButton("Up"), QPushButton("Down"), QPushButton("Remove")
        up.clicked.connect(lambda: self.move_selected_question(-1))
        down.clicked.connect(lambda: self.move_selected_question(+1))
        remove.clicked.connect(self.remove_selected_question)
        ActsOnPicked([up, down, remove], [self.plan_view], "Pick a question in the plan first")
        # Two rows, so that every button keeps its whole label in the narrow side panel.
        buttons.addWidget(self.add_question_button)
        buttons.addWidget(bank)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        order = QHBoxLayout()
        for button in (up, down, remove):
            order.addWidget(button)
        for widget in (self.add_question_button, bank, up, down, remove):
            widget.setMinimumSize(widget.sizeHint())  # never squeezed below their labels
        order.addStretch(1)
        layout.addLayout(order)
        layout.addWidget(self.closing_checks)

    def load(self, interview: tt.InterviewInfo | None) -> None:
        """Show ``interview``'s plan (nothing while no interview is open)."""
        super().load(interview)
        if self.interview is None:
            return
        self.plan_model.load(self.interview.id)
        self.opening_checks.load(self.interview.id)
        self.closing_checks.load(self.interview.id)
        approach = self.interview.approach_label if self.interview.approach else "no approach chosen yet"
        who = self.interview.interviewer or "the interviewer"
        self.plan_label.setText(
            f"Planned by {who} ({approach}). Tick each question once it has been asked. "
            "Everyone on the team can see this plan."
        )

    def tick(self, planned_id: str, asked: bool) -> None:
        ops.run(
            self,
            self.session,
            "Tick question" if asked else "Untick question",
            lambda s: questions.set_asked(s, planned_id, asked),
            lambda s: questions.set_asked(s, planned_id, not asked),
        )

    def _fill_add_menu(self) -> None:
        menu = self.add_menu
        menu.clear()
        if self.interview is None:
            return
        keys = questions.key_questions(self.session.store)
        if keys:
            menu.addSection("The review's key questions")
            for text in keys:
                self._add_menu_item(menu, text)
        bank = questions.bank(self.session.store)
        first = self.interview.approach or "other"
        self._add_versions(menu, bank.get(first, []), approaches.label(first))
        menu.addSection("Other approaches")
        for approach in approaches.APPROACHES:
            if approach == first:
                continue
            sub = menu.addMenu(approaches.label(approach))
            self._add_versions(sub, bank.get(approach, []), "")
        menu.addSeparator()
        write = menu.addAction("Write a question…")
        write.triggered.connect(self._write_question)

    def _add_versions(self, menu: QMenu, found: list[questions.BankQuestion], approach: str) -> None:
        """A set's questions, one section per version (for staff and partners, for children and families)."""
        for audience, label in questions.AUDIENCES.items():
            version = [q for q in found if q.audience == audience]
            if version:
                menu.addSection(f"{approach} — {label.lower()}" if approach else label)
                for question in version:
                    self._add_menu_item(menu, question.text)

    def edit_question_sets(self) -> None:
        from peerdesk.ui.notes.question_bank import QuestionBankDialog

        approach = self.interview.approach if self.interview is not None else ""
        QuestionBankDialog(self.session, approach, self).exec()

    def _add_menu_item(self, menu: QMenu, text: str) -> None:
        short = text if len(text) <= 90 else text[:88] + "…"
        action = menu.addAction(plain_menu_text(short))
        action.setToolTip(plain_tip(text))
        action.triggered.connect(lambda _checked=False, t=text: self.add_question(t))

    def _write_question(self) -> None:
        text, ok = QInputDialog.getText(self, "Add a question", "Question to ask:")
        if ok and text.strip():
            self.add_question(text)

    def add_question(self, text: str) -> str | None:
        interview = self.interview
        if interview is None:
            return None
        return ops.run_create(
            self,
            self.session,
            "Add question to the plan",
            "interview_questions",
            lambda s: questions.add_to_plan(s, interview.id, text),
            remove=questions.remove_from_plan,
        )

    def _selected_planned(self) -> questions.PlannedQuestion | None:
        return self.plan_model.item(self.plan_view.currentIndex().row())

    def move_selected_question(self, steps: int) -> None:
        item = self._selected_planned()
        if item is None or item.closing:
            return
        if ops.run_swap(
            self, self.session, "Reorder questions", lambda s, n: questions.move_in_plan(s, item.id, n), steps, -steps
        ):
            self.plan_view.setCurrentIndex(self.plan_model.index(self.plan_model.row_of(item.id)))

    def remove_selected_question(self) -> None:
        item = self._selected_planned()
        if item is None:
            return
        ops.run_on(
            self,
            self.session,
            "Remove question from the plan",
            item.id,
            questions.remove_from_plan,
            lambda s, rid: records.restore(s, "interview_questions", rid),
        )

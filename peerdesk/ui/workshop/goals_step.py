"""The workshop's step 2: the central list of goals, each answering an insight, and the table that chose each.

Each table works on one goal and no two tables on the same one: a second claim is refused with a sentence and
changes nothing. A claim or a release undoes to the claims as they were before it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from peerdesk.services import workshop_goals
from peerdesk.services.workshop_outcome import Outcome
from peerdesk.ui.kit import messages
from peerdesk.ui.kit.dialogs import FIT, STRETCH, table_view
from peerdesk.ui.kit.picked import ActsOnPicked
from peerdesk.ui.kit.widgets import push_button
from peerdesk.ui.workshop.models import GoalsModel
from peerdesk.ui.workshop.step_kit import Recorder, fill_combo, hint, section

INSIGHT_CHOOSER_WIDTH = 280  # pixels: the goal's own text keeps the larger share of a laptop's line


class GoalsStep(QWidget):
    def __init__(self, recorder: Recorder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.recorder = recorder
        self.outcome = Outcome()
        lay = QVBoxLayout(self)
        lay.addWidget(section("The central list of goals"))
        form = QHBoxLayout()
        self.goal_insight = QComboBox()
        self.goal_insight.setAccessibleName("Insight the goal answers")
        self.goal_insight.setMaximumWidth(INSIGHT_CHOOSER_WIDTH)
        self.goal_text = QLineEdit()
        self.goal_text.setPlaceholderText("A goal a table proposes, then Enter")
        self.goal_text.returnPressed.connect(self._add_goal_from_form)
        form.addWidget(self.goal_insight)
        form.addWidget(self.goal_text, 1)
        lay.addLayout(form)
        self.goals_model = GoalsModel(self.edit_goal)
        # Up and Down pick a goal (whole rows); Tab goes on to "Chosen by" and Claim goal.
        columns = {0: FIT, 1: STRETCH, 2: FIT}
        self.goals_view = table_view("goalsView", self.goals_model, columns=columns, single=True, tab_out=True)
        lay.addWidget(self.goals_view, 1)
        claim_row = QHBoxLayout()
        claim_row.addWidget(QLabel("Chosen by"))
        self.claim_table = QComboBox()
        self.claim_table.setAccessibleName("Table choosing the selected goal")
        claim_row.addWidget(self.claim_table)
        claim = push_button("Claim goal", self._claim_selected)
        claim.setObjectName("primaryButton")
        claim_row.addWidget(claim)
        release = push_button("Release", self._release_selected)
        remove = push_button("Remove goal", self._remove_selected_goal)
        claim_row.addWidget(release)
        claim_row.addWidget(remove)
        ActsOnPicked([claim, release, remove], [self.goals_view], "Pick a goal in the list first")
        claim_row.addStretch(1)
        lay.addLayout(claim_row)
        lay.addWidget(hint("Each table works on one goal, and no two tables on the same one."))

    def add_goal(self, insight_id: str, text: str) -> str:
        return self.recorder.add(
            "Add goal",
            lambda s, rid: workshop_goals.add_goal(s, insight_id, text, goal_id=rid),
            workshop_goals.remove_goal,
        )

    def edit_goal(self, goal_id: str, text: str) -> None:
        self.recorder.set_text("Edit goal", workshop_goals.edit_goal, goal_id, text, self.outcome.goals)

    def remove_goal(self, goal_id: str) -> None:
        self.recorder.remove("Remove goal", workshop_goals.remove_goal, workshop_goals.restore_goal, goal_id)

    def claim(self, goal_id: str, table_id: str) -> bool:
        before = workshop_goals.claims(self.recorder.session.store)
        return self.recorder.edit(
            "Claim goal",
            lambda s: workshop_goals.claim_goal(s, goal_id, table_id),
            lambda s: workshop_goals.set_claims(s, before),
        )

    def release(self, goal_id: str) -> bool:
        before = workshop_goals.claims(self.recorder.session.store)
        return self.recorder.edit(
            "Release goal",
            lambda s: workshop_goals.release_goal(s, goal_id),
            lambda s: workshop_goals.set_claims(s, before),
        )

    def _selected_goal(self) -> str:
        index = self.goals_view.currentIndex()
        return self.goals_model.goal_id(index.row()) if index.isValid() else ""

    def _add_goal_from_form(self) -> None:
        insight_id = self.goal_insight.currentData()
        if insight_id is not None and self.add_goal(insight_id, self.goal_text.text()):
            self.goal_text.clear()

    def _claim_selected(self) -> None:
        goal_id, table_id = self._selected_goal(), self.claim_table.currentData()
        if goal_id and not table_id:
            messages.info(self, "Claim goal", "Add the tables first (step 1): a goal is chosen by a table.")
        elif goal_id and table_id:
            self.claim(goal_id, table_id)

    def _release_selected(self) -> None:
        if goal_id := self._selected_goal():
            self.release(goal_id)

    def _remove_selected_goal(self) -> None:
        if goal_id := self._selected_goal():
            self.remove_goal(goal_id)

    def fill(self, o: Outcome) -> None:
        """Show ``o``, the selected goal staying selected."""
        self.outcome = o
        goal_row = self.goals_view.currentIndex().row()
        self.goals_model.set_outcome(o)
        if 0 <= goal_row < self.goals_model.rowCount():
            self.goals_view.selectRow(goal_row)
        self.goals_view.resizeRowsToContents()
        fill_combo(self.claim_table, [(t.name, t.id) for t in o.tables])
        fill_combo(self.goal_insight, [(f"{i.number}. {i.statement}", i.id) for i in o.insights] + [("Other", "")])

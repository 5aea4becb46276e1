"""The workshop's step 3: each goal's ideas, on that goal's own post-it wall (the wall widget itself).

The ideas are typed in one after another (one post-it each) and grouped, moved, undone and exported as on the
main wall. "Make it a top action" copies the selected idea into the first free top-3 place of the table that
claimed the goal.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from peerdesk.services import wall, workshop_goals
from peerdesk.services.workshop_outcome import Outcome
from peerdesk.ui.kit import messages
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.kit.widgets import push_button
from peerdesk.ui.wall.widget import WallWidget
from peerdesk.ui.workshop.step_kit import fill_combo, goal_label, needs_choice

TITLE = "Make it a top action"
IDEA_PROMPT = "An idea from the table, then Enter (one post-it each)"
IDEA_FIRST = "Add a goal first (step 2)"
# (table id, rank, text) -> whether it was recorded: the top-3 step's own edit.
SetTopAction = Callable[[str, int, str], bool]


class IdeasStep(QWidget):
    def __init__(self, session: ReviewSession, set_top_action: SetTopAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.set_top_action = session, set_top_action
        self.outcome = Outcome()
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel("Goal"))
        self.idea_goal = QComboBox()
        self.idea_goal.setAccessibleName("Goal whose ideas are shown")
        self.idea_goal.currentIndexChanged.connect(lambda _i: self._show_ideas())
        top.addWidget(self.idea_goal, 1)
        lay.addLayout(top)
        self.idea_text = QLineEdit()
        self.idea_text.returnPressed.connect(self._add_idea_from_form)
        lay.addWidget(self.idea_text)
        # The post-it wall itself, showing the chosen goal's ideas: drag, group into themes, undo, export.
        self.board = WallWidget(session, goal_id=None)
        lay.addWidget(self.board, 1)
        row = QHBoxLayout()
        to_action = push_button(TITLE, self.selected_idea_to_action)
        to_action.setToolTip("Copy the selected idea into the table's first free top-3 place")
        remove = push_button("Remove idea", self.board.delete_selected)
        remove.setToolTip("Remove the selected ideas (Delete); Undo brings them back")
        # Greyed out with the wall's own Delete, which is while no idea is selected: a press did nothing.
        delete = self.board.action_delete
        delete.changed.connect(lambda: remove.setEnabled(delete.isEnabled()))
        remove.setEnabled(delete.isEnabled())
        self.remove_button = remove
        row.addWidget(to_action)
        row.addWidget(remove)
        row.addStretch(1)
        lay.addLayout(row)

    def add_idea(self, goal_id: str, text: str) -> str:
        """A new idea on ``goal_id``'s wall (shown there first), one undo step; "" if it was refused."""
        self.idea_goal.setCurrentIndex(self.idea_goal.findData(goal_id))
        return self.board.add_postit(wall.IDEA, text) or ""

    def _add_idea_from_form(self) -> None:
        goal_id = self.idea_goal.currentData()
        if goal_id and self.add_idea(goal_id, self.idea_text.text()):
            self.idea_text.clear()

    def selected_idea_to_action(self) -> None:
        """The one selected idea into the claiming table's first free top-3 place, or a sentence saying why not."""
        selected = self.board.scene.selected_postits()
        idea_id, goal_id = (selected[0] if len(selected) == 1 else ""), self.idea_goal.currentData()
        goal = self.outcome.goal(goal_id) if goal_id else None
        if goal is None:
            return
        if not idea_id:
            messages.info(self, TITLE, "Select one idea on the wall first.")
            return
        if not goal.claimed_by:
            messages.info(self, TITLE, "No table has claimed this goal yet: claim it in step 2.")
            return
        text = next(i.text for i in self.outcome.ideas.get(goal_id, []) if i.id == idea_id)
        current = workshop_goals.top_actions(self.session.store, goal.claimed_by)
        free = next((rank for rank, t in current.items() if not t), None)
        if free is None:
            messages.info(self, TITLE, "That table already has three actions: clear one first.")
            return
        self.set_top_action(goal.claimed_by, free, text)

    def _show_ideas(self) -> None:
        self.board.show_wall(self.idea_goal.currentData() or None)

    def fill(self, o: Outcome) -> None:
        self.outcome = o
        fill_combo(self.idea_goal, [(goal_label(o, g), g.id) for g in o.goals])
        needs_choice(self.idea_goal, self.idea_text, IDEA_PROMPT, IDEA_FIRST)
        self._show_ideas()

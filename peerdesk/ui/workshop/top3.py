"""The workshop's step 4: each table's top three actions, typed in place and moved up or down with Alt+arrows.

Every change is one undo step through the panel's ``edit`` (a move that also saves what was being typed is one).
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from peerdesk.services import workshop_goals
from peerdesk.services.workshop_outcome import TOP, Outcome
from peerdesk.ui.kit.plain import plain_label, plain_menu_text
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.workshop.step_kit import Edit


class ActionEdit(QLineEdit):
    """One of a table's top three: Alt+Up and Alt+Down move it up or down the three."""

    move_requested = Signal(int)  # -1 up, +1 down

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.modifiers() == Qt.KeyboardModifier.AltModifier and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move_requested.emit(-1 if event.key() == Qt.Key.Key_Up else 1)
            return
        super().keyPressEvent(event)


class TopThreeStep(QScrollArea):
    """One box per table with its claimed goal and three action lines."""

    def __init__(self, session: ReviewSession, edit: Edit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.edit = session, edit
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.body = QWidget()
        self.grid = QGridLayout(self.body)
        self.grid.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.setWidget(self.body)
        self.edits: dict[str, list[ActionEdit]] = {}
        self.goals: dict[str, QLabel] = {}
        self._tables: list[tuple[str, str]] = []

    def set_top_action(self, table_id: str, rank: int, text: str) -> bool:
        old = workshop_goals.top_actions(self.session.store, table_id)[rank]
        if old == text.strip():
            return False
        return self.edit(
            f"Top action {rank}",
            lambda s: workshop_goals.set_top_action(s, table_id, rank, text),
            lambda s: workshop_goals.set_top_action(s, table_id, rank, old),
        )

    def move_top_action(self, table_id: str, rank: int, step: int) -> bool:
        """Swap the action at ``rank`` with its neighbour above (-1) or below (+1); the focus follows it."""
        other = rank + step
        if not 1 <= other <= TOP:
            return False
        label = f"Move top action {rank} {'up' if step < 0 else 'down'}"
        edits = self.edits.get(table_id, [])
        typing = bool(edits) and edits[rank - 1].hasFocus()
        current = workshop_goals.top_actions(self.session.store, table_id)
        if not (current[rank] or current[other] or (typing and edits[rank - 1].text().strip())):
            return False  # two empty places: nothing to move, and no empty step on the undo stack
        stack = self.session.undo_stack
        stack.beginMacro(label)  # saving what is being typed and the move are one step
        try:
            if typing:
                self.set_top_action(table_id, rank, edits[rank - 1].text())
            swap = lambda s: workshop_goals.swap_top_actions(s, table_id, rank, other)  # noqa: E731 - its own undo
            moved = self.edit(label, swap, swap)
        finally:
            stack.endMacro()
        if moved and edits:
            # Show the new order before the focus moves: leaving an edit saves its text, and it must not save
            # the words it held before the swap.
            now = workshop_goals.top_actions(self.session.store, table_id)
            for r in (rank, other):
                with QSignalBlocker(edits[r - 1]):
                    edits[r - 1].setText(now[r])
            edits[other - 1].setFocus()
        return moved

    def _rebuild(self, outcome: Outcome) -> None:
        wanted = [(t.id, t.name) for t in outcome.tables]
        if wanted == self._tables:
            return
        self._tables = wanted
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item is not None and (w := item.widget()) is not None:
                w.deleteLater()
        self.edits, self.goals = {}, {}
        if not wanted:
            self.grid.addWidget(QLabel("Add the tables in step 1 first."), 0, 0)
        for n, (table_id, name) in enumerate(wanted):
            box = QGroupBox(plain_menu_text(name))  # a table's name as the tables wrote it
            form = QVBoxLayout(box)
            goal = plain_label()  # the goal as the tables wrote it
            goal.setObjectName("hintText")
            goal.setWordWrap(True)
            form.addWidget(goal)
            edits = []
            for rank in range(1, TOP + 1):
                edit = ActionEdit()
                edit.setPlaceholderText(f"Action {rank}")
                edit.setAccessibleName(f"{name}, action {rank}")
                edit.setToolTip("Alt+Up / Alt+Down move this action up or down the table's three")
                edit.setObjectName(f"top-{n}-{rank}")
                edit.editingFinished.connect(
                    lambda table_id=table_id, rank=rank, edit=edit: self.set_top_action(table_id, rank, edit.text())
                )
                line = QHBoxLayout()
                line.addWidget(QLabel(f"{rank}."))
                line.addWidget(edit, 1)
                for arrow, step, word in ((Qt.ArrowType.UpArrow, -1, "up"), (Qt.ArrowType.DownArrow, 1, "down")):
                    button = QToolButton()
                    button.setArrowType(arrow)
                    button.setAutoRaise(True)
                    button.setAccessibleName(f"Move {name}'s action {rank} {word}")
                    button.setToolTip(f"Move this action {word} (Alt+{word.capitalize()})")
                    button.setEnabled(1 <= rank + step <= TOP)
                    button.setObjectName(f"top-{n}-{rank}-{word}")
                    button.clicked.connect(
                        lambda _c=False, table_id=table_id, rank=rank, step=step: self.move_top_action(
                            table_id, rank, step
                        )
                    )
                    line.addWidget(button)
                edit.move_requested.connect(
                    lambda step, table_id=table_id, rank=rank: self.move_top_action(table_id, rank, step)
                )
                form.addLayout(line)
                edits.append(edit)
            self.edits[table_id] = edits
            self.goals[table_id] = goal
            self.grid.addWidget(box, n // 2, n % 2)

    def flush(self) -> None:
        """Save an action typed and not yet left (it is saved when the field is left): a backup made meanwhile
        would not hold it."""
        for table_id, edits in self.edits.items():
            for rank, edit in enumerate(edits, start=1):
                if edit.hasFocus():
                    self.set_top_action(table_id, rank, edit.text())

    def fill(self, outcome: Outcome) -> None:
        """Show each table's three actions and claimed goal (a table's edits are rebuilt only when tables change)."""
        self._rebuild(outcome)
        for table in outcome.tables:
            actions = {a.rank: a.text for a in outcome.actions.get(table.id, [])}
            for rank, edit in enumerate(self.edits.get(table.id, []), start=1):
                if not edit.hasFocus() or edit.text() == actions.get(rank, ""):
                    with QSignalBlocker(edit):
                        edit.setText(actions.get(rank, ""))
            goal = outcome.claimed_goal(table.id)
            if table.id in self.goals:
                self.goals[table.id].setText(f"Goal: {goal.text}" if goal else "No goal claimed yet (step 2).")

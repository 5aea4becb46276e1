"""Wall ▸ "Solution ideas from buds…": select buds on the Day 2 wall, write solution ideas from them (one per line).

The ideas are one undo step and go into the afternoon's workshop: the projector shows them before the tables
brainstorm, and each table's printed sheet lists them.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QLabel, QListWidget, QPlainTextEdit, QWidget

from peerdesk.services import solution_ideas
from peerdesk.services.changes import Changes
from peerdesk.store.engine import Store
from peerdesk.ui.kit import messages, ops
from peerdesk.ui.kit.dialogs import dialog_layout
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.kit.widgets import accept_buttons


class SolutionIdeasDialog(QDialog):
    def __init__(self, bud_texts: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = dialog_layout(self, "Solution ideas from buds", "solutionIdeasDialog", size=(560, 480))
        layout.addWidget(QLabel("The buds you selected:"))
        self.buds = QListWidget()
        self.buds.addItems(bud_texts)
        self.buds.setWordWrap(True)
        layout.addWidget(self.buds, 1)
        label = QLabel("&Solution ideas for the workshop, one per line:")
        self.text = QPlainTextEdit()
        self.text.setObjectName("solutionIdeasText")
        label.setBuddy(self.text)
        layout.addWidget(label)
        layout.addWidget(self.text, 1)
        layout.addWidget(accept_buttons(self, "Add the ideas", self.accept))

    def lines(self) -> list[str]:
        return self.text.toPlainText().splitlines()


def add_ideas(parent: QWidget | None, session: ReviewSession, lines: list[str]) -> list[str]:
    """Add the ideas as one undo step; returns their ids (empty if refused)."""
    added: list[str] = []

    def do(store: Store) -> Changes:
        if added:  # redo brings back the same ideas
            return solution_ideas.set_deleted(store, added, False)
        ids, changes = solution_ideas.add_ideas(store, lines)
        added.extend(ids)
        return changes

    ops.run(parent, session, "Add solution ideas", do, lambda s: solution_ideas.set_deleted(s, added, True))
    return added


def write_from_selection(wall_widget: Any) -> None:
    session: ReviewSession = wall_widget.session
    texts = solution_ideas.buds(session.store, wall_widget.scene.selected_postits())
    if not texts:
        messages.info(wall_widget, "Solution ideas from buds", "Select one or more buds on the wall first.")
        return
    dialog = SolutionIdeasDialog(texts, wall_widget)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        add_ideas(wall_widget, session, dialog.lines())


def install(wall_widget: Any) -> QAction:
    """Add the action to the Day 2 wall's toolbar."""
    action = QAction("Solution ideas from buds…", wall_widget)
    action.setObjectName("actionSolutionIdeas")
    action.setStatusTip("Write solution ideas for the workshop from the selected buds")
    action.triggered.connect(lambda: write_from_selection(wall_widget))
    wall_widget.toolbar.addAction(action)
    return action

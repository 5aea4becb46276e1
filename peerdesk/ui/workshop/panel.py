"""The workshop tab: one facilitator records the afternoon live, step by step, mostly from the keyboard.

Steps follow the afternoon: 1 the tables' responses to the insights, 2 the central list of goals and who claimed
which, 3 each goal's ideas, 4 each table's top three actions, 5 the host director's next steps and the room's
reflections. Each step is its own module; every edit is one undo step through the panel's ``Recorder``, and
refusals (a goal already taken) are explained and change nothing.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QSizePolicy, QTabWidget, QVBoxLayout, QWidget

from peerdesk.services import workshop_outcome
from peerdesk.services.changes import Changes
from peerdesk.services.workshop_outcome import Outcome
from peerdesk.ui.kit.flow import FlowLayout
from peerdesk.ui.kit.panel import Panel
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.kit.widgets import push_button
from peerdesk.ui.workshop.closing_step import ClosingStep
from peerdesk.ui.workshop.goals_step import GoalsStep
from peerdesk.ui.workshop.ideas_step import IdeasStep
from peerdesk.ui.workshop.responses_step import ResponsesStep
from peerdesk.ui.workshop.step_kit import Recorder
from peerdesk.ui.workshop.top3 import TopThreeStep

STEPS = ("1 · Responses", "2 · Goals", "3 · Ideas", "4 · Top 3", "5 · Next steps")
PROJECTED = ("insights", "goals", "goals", "goals", "next")  # the projector's step for each, by default


class WorkshopPanel(Panel):
    watches = ("workshop_tables", "table_responses", "goals", "postits", "actions", "workshop_notes", "insights")
    projector_requested = Signal()

    def __init__(self, session: ReviewSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("workshopPanel")
        self.outcome = Outcome()
        self.recorder = Recorder(self, session)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 8, 12, 8)
        outer.addLayout(self._bar())
        self.steps = QTabWidget()
        self.steps.setObjectName("workshopSteps")
        outer.addWidget(self.steps, 1)
        self.responses = ResponsesStep(self.recorder)
        self.goals = GoalsStep(self.recorder)
        self.top3 = TopThreeStep(session, self.recorder.edit)
        self.ideas = IdeasStep(session, self.top3.set_top_action)
        self.closing = ClosingStep(self.recorder)
        for page, title in zip((self.responses, self.goals, self.ideas, self.top3, self.closing), STEPS, strict=True):
            self.steps.addTab(page, title)
        for n in range(len(STEPS)):
            shortcut = QShortcut(QKeySequence(f"Alt+{n + 1}"), self)
            shortcut.activated.connect(lambda n=n: self.show_step(n))
        self.refresh(Changes.of("workshop_tables"))

    def _bar(self) -> FlowLayout:
        """The heading, the counts and three buttons; they wrap on a laptop instead of widening the tab."""
        bar = FlowLayout()
        heading = QLabel("Workshop")
        heading.setObjectName("reviewHeading")
        self.counts = QLabel("")
        self.counts.setObjectName("hintText")
        self.counts.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.projector_button = push_button("Projector view", self.projector_requested.emit)
        self.projector_button.setToolTip("Show the current step full screen, in large type (F5). Esc leaves.")
        self.export_button = push_button("Export slides…", self.choose_export)
        self.summary_button = push_button("One-page summary…", self.choose_summary)
        bar.addWidgets(heading, self.counts, self.projector_button, self.export_button, self.summary_button)
        return bar

    def show_step(self, n: int) -> None:
        """Alt+number: the step, with the keyboard in its first field, so that typing goes on there at once (the
        focus stayed on the tab left behind, and what was typed next went nowhere)."""
        self.steps.setCurrentIndex(n)
        first: QWidget | None = (
            self.responses.grid,
            self.goals.goal_text,
            self.ideas.idea_text,
            next((edits[0] for edits in self.top3.edits.values() if edits), None),
            next(iter(self.closing.note_inputs.values()), None),
        )[n]
        if first is not None:
            first.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def projector_start(self) -> str:
        """The projector step that matches what the facilitator is looking at (see ``projector.steps`` keys)."""
        step = self.steps.currentIndex()
        if step == 2 and (goal_id := self.ideas.idea_goal.currentData()):
            return f"ideas:{goal_id}"
        if step == 3 and self.outcome.tables:
            focused = next(
                (tid for tid, edits in self.top3.edits.items() if any(e.hasFocus() for e in edits)),
                self.outcome.tables[0].id,
            )
            return f"table:{focused}"
        return PROJECTED[step]

    def refresh(self, changes: Changes) -> None:
        self.outcome = o = workshop_outcome.outcome(self.session.store)
        for step in (self.responses, self.goals, self.ideas, self.closing):
            step.fill(o)
        self.top3.fill(o)
        counts = workshop_outcome.summary_counts(self.session.store)
        self.counts.setText(
            f"{counts['tables']} tables · {counts['responses']} responses · {counts['goals']} goals "
            f"({counts['claimed']} claimed) · {counts['ideas']} ideas · {counts['actions']} top actions"
        )

    def flush(self) -> None:
        """Called before anything reads or replaces the file (a backup, locking, closing)."""
        self.top3.flush()

    # --- outputs (their module is imported when first used: the tab shows sooner) ----------------------------------
    def choose_export(self) -> None:
        from peerdesk.ui.workshop import exports

        exports.choose_export(self, self.session)

    def choose_summary(self) -> None:
        from peerdesk.ui.workshop import exports

        exports.choose_summary(self, self.session)

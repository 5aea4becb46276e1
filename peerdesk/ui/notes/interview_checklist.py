"""The interview's opening and closing checklist, shown above and below the question plan, ticked in the room.

Each tick is one undo step and is shared with the team like the plan's own ticks.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import QCheckBox, QGroupBox, QVBoxLayout, QWidget

from peerdesk.services import interview_checklist as checklist
from peerdesk.services.changes import Changes
from peerdesk.ui.kit import ops
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.kit.widgets import wrapping_check


class InterviewChecklistBox(QGroupBox):
    """One part ("opening" or "closing") of the checklist for the interview last ``load``-ed."""

    def __init__(self, session: ReviewSession, part: str, parent: QWidget | None = None) -> None:
        super().__init__(checklist.PART_TITLES[part], parent)
        self.setObjectName(f"interviewChecklist-{part}")
        self.session, self.part = session, part
        self.interview_id = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(2)
        self.boxes: dict[str, QCheckBox] = {}
        for item in checklist.part(part):
            row, box = wrapping_check(item.text)  # the side panel is narrow: the sentences wrap, never cut
            box.setObjectName(f"check-{item.key}")
            # Ticked with the mouse in the room, while typing: the keyboard stays in the notes (a click that took
            # it lost the next words typed, and a space unticked the box). Tab still reaches it.
            box.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            box.toggled.connect(lambda on, key=item.key: self._toggled(key, on))
            layout.addWidget(row)
            self.boxes[item.key] = box
        session.changed.connect(self._changed)
        self.setEnabled(False)

    def load(self, interview_id: str) -> None:
        self.interview_id = interview_id
        self.setEnabled(bool(interview_id))
        self._show()

    def _show(self) -> None:
        done = {s.item.key: s.done for s in checklist.state(self.session.store, self.interview_id)}
        for key, box in self.boxes.items():
            with QSignalBlocker(box):
                box.setChecked(bool(self.interview_id) and done.get(key, False))
        ticked = sum(box.isChecked() for box in self.boxes.values())
        self.setTitle(f"{checklist.PART_TITLES[self.part]} ({ticked} of {len(self.boxes)})")

    def _changed(self, changes: Changes) -> None:
        if self.interview_id and changes.touches("interview_checks", "interviews"):
            self._show()

    def _toggled(self, key: str, on: bool) -> None:
        interview_id = self.interview_id
        if not interview_id:
            return
        ops.run(
            self,
            self.session,
            "Tick" if on else "Untick",
            lambda s: checklist.set_done(s, interview_id, key, on),
            lambda s: checklist.set_done(s, interview_id, key, not on),
        )
        self._show()  # a refused tick goes back to what the file holds

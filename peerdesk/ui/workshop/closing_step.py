"""The workshop's step 5: the host director's next steps, what went well, and what would have been even better.

Three lists side by side, each with its own line to type into (Enter adds) and each entry edited in place.
"""

from __future__ import annotations

from types import MappingProxyType

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QListView, QVBoxLayout, QWidget

from peerdesk.services import workshop
from peerdesk.services.workshop_outcome import NOTE_KINDS, NOTE_LABELS, Outcome
from peerdesk.ui.kit.picked import ActsOnPicked
from peerdesk.ui.kit.widgets import push_button
from peerdesk.ui.workshop.models import TextListModel, notes_of
from peerdesk.ui.workshop.step_kit import Recorder, list_view, section

# Short: the three columns share a laptop's work area, and the headings already say what goes where.
PROMPTS = MappingProxyType(
    {
        "next_step": "A next step, then Enter",
        "went_well": "What went well, then Enter",
        "even_better_if": "Even better if…, then Enter",
    }
)


class ClosingStep(QWidget):
    def __init__(self, recorder: Recorder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.recorder = recorder
        self.outcome = Outcome()
        lay = QHBoxLayout(self)
        self.note_models: dict[str, TextListModel] = {}
        self.note_views: dict[str, QListView] = {}
        self.note_inputs: dict[str, QLineEdit] = {}
        for kind in NOTE_KINDS:
            lay.addLayout(self._column(kind), 1)

    def _column(self, kind: str) -> QVBoxLayout:
        column = QVBoxLayout()
        column.addWidget(section(NOTE_LABELS[kind]))
        entry = QLineEdit()
        entry.setPlaceholderText(PROMPTS[kind])
        entry.setObjectName(f"note-{kind}")
        entry.returnPressed.connect(lambda: self._add_note_from_form(kind, entry))
        column.addWidget(entry)
        model = TextListModel(notes_of(kind), self.edit_note)
        view = list_view(model, f"notes-{kind}")
        column.addWidget(view, 1)
        remove = push_button("Remove", lambda: self._remove_selected_note(kind))
        column.addWidget(remove, alignment=Qt.AlignmentFlag.AlignLeft)
        ActsOnPicked([remove], [view], "Pick the line to remove in the list first")
        self.note_models[kind], self.note_views[kind], self.note_inputs[kind] = model, view, entry
        return column

    def add_note(self, kind: str, text: str) -> str:
        return self.recorder.add(
            f"Add {NOTE_LABELS[kind].lower()}",
            lambda s, rid: workshop.add_note(s, kind, text, note_id=rid),
            workshop.remove_note,
        )

    def edit_note(self, note_id: str, text: str) -> None:
        rows = (n for notes in self.outcome.notes.values() for n in notes)
        self.recorder.set_text("Edit note", workshop.edit_note, note_id, text, rows)

    def _add_note_from_form(self, kind: str, entry: QLineEdit) -> None:
        if self.add_note(kind, entry.text()):
            entry.clear()

    def _remove_selected_note(self, kind: str) -> None:
        index = self.note_views[kind].currentIndex()
        if not index.isValid():
            return
        note_id = self.note_models[kind].record_id(index.row())
        text = self.note_models[kind].rows[index.row()][1]
        self.recorder.edit(
            "Remove note",
            lambda s: workshop.remove_note(s, note_id),
            lambda s: workshop.add_note(s, kind, text, note_id=note_id)[1],
        )

    def fill(self, o: Outcome) -> None:
        self.outcome = o
        for model in self.note_models.values():
            model.set_outcome(o)

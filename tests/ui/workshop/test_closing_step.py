"""Step 5 of the workshop: the host director's next steps and the room's reflections, typed and edited in place."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from peerdesk.services import workshop
from peerdesk.ui.workshop.closing_step import PROMPTS
from peerdesk.ui.workshop.panel import WorkshopPanel
from tests.helpers.workshop_panel import undo_redo


def test_next_steps_and_reflections_are_typed_with_enter_each_as_one_undo_step(
    qtbot: QtBot, panel: WorkshopPanel
) -> None:
    store, session, step = panel.session.store, panel.session, panel.closing
    panel.steps.setCurrentIndex(4)
    entry = step.note_inputs["next_step"]
    qtbot.keyClicks(entry, "Bring hub coordinators and duty managers together in April")
    qtbot.keyClick(entry, Qt.Key.Key_Return)
    assert entry.text() == ""
    step.add_note("went_well", "Every table had a partner at it")
    step.add_note("even_better_if", "Young people had been in the room")
    assert step.note_models["next_step"].rowCount() == 1
    undo_redo(
        session,
        lambda: not workshop.notes(store, "even_better_if"),
        lambda: len(workshop.notes(store, "even_better_if")) == 1,
    )
    [note] = workshop.notes(store, "went_well")
    step.edit_note(note.id, "Every table had a partner and a director at it")
    undo_redo(
        session,
        lambda: workshop.notes(store, "went_well")[0].text == "Every table had a partner at it",
        lambda: workshop.notes(store, "went_well")[0].text == "Every table had a partner and a director at it",
    )
    step.note_views["went_well"].setCurrentIndex(step.note_models["went_well"].index(0, 0))
    step._remove_selected_note("went_well")
    undo_redo(
        session, lambda: len(workshop.notes(store, "went_well")) == 1, lambda: not workshop.notes(store, "went_well")
    )


def test_the_three_prompts_fit_their_columns_on_a_laptop(panel: WorkshopPanel) -> None:
    panel.resize(706, 361)  # the work area at 1366×768 with the default docks
    panel.steps.setCurrentIndex(4)
    for kind, entry in panel.closing.note_inputs.items():
        assert entry.width() < 240, "three columns side by side"
        assert entry.placeholderText() == PROMPTS[kind]
        assert entry.fontMetrics().horizontalAdvance(PROMPTS[kind]) + 8 <= entry.width()

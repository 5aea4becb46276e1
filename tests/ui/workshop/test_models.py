"""Qt models over the workshop's outcome: they show one outcome and turn edits into the panel's callbacks."""

from __future__ import annotations

from PySide6.QtCore import Qt

from peerdesk.services import workshop, workshop_goals, workshop_outcome
from peerdesk.store.engine import Store
from peerdesk.ui.workshop import models


def test_tables_are_renamed_through_the_callback_only_when_the_name_changes(store: Store) -> None:
    table_id, _ = workshop.add_table(store, "Blue table")
    renamed: list[tuple[str, str]] = []
    model = models.TablesModel(lambda i, n: renamed.append((i, n)))
    model.set_outcome(workshop_outcome.outcome(store))
    index = model.index(0, 0)
    assert model.data(index) == "Blue table" and model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert not model.setData(index, "  Blue table ")
    assert not model.setData(index, "")
    assert model.setData(index, "Green table")
    assert renamed == [(table_id, "Green table")]


def test_the_responses_grid_has_a_row_per_insight_and_a_column_per_table(demo_store: Store) -> None:
    workshop.add_table(demo_store, "Blue table")
    outcome = workshop_outcome.outcome(demo_store)
    model = models.ResponsesModel()
    model.set_outcome(outcome)
    assert model.rowCount() == len(outcome.insights) and model.columnCount() == 1 + len(outcome.tables)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Insight"
    assert model.cell(model.index(0, 0)) is None
    table_id, insight_id = model.cell(model.index(0, 1)) or ("", "")
    assert insight_id == outcome.insights[0].id
    workshop.set_response(demo_store, table_id, insight_id, "agree")
    model.set_outcome(workshop_outcome.outcome(demo_store))
    assert "Agree" in str(model.data(model.index(0, 1)))
    assert model.data(model.index(0, 1), Qt.ItemDataRole.BackgroundRole) is not None


def test_goals_show_their_insight_number_and_only_the_text_is_editable(demo_store: Store) -> None:
    insight = workshop.insights(demo_store)[0]
    goal_id, _ = workshop_goals.add_goal(demo_store, insight.id, "A goal")
    edited: list[tuple[str, str]] = []
    model = models.GoalsModel(lambda i, t: edited.append((i, t)))
    model.set_outcome(workshop_outcome.outcome(demo_store))
    row = next(r for r in range(model.rowCount()) if model.goal_id(r) == goal_id)
    assert model.data(model.index(row, 0)) == str(insight.number)
    assert not model.flags(model.index(row, 0)) & Qt.ItemFlag.ItemIsEditable
    assert model.setData(model.index(row, 1), "A better goal") and edited == [(goal_id, "A better goal")]


def test_a_text_list_shows_one_kind_of_note(store: Store) -> None:
    note_id, _ = workshop.add_note(store, "next_step", "Share the insights with schools")
    workshop.add_note(store, "went_well", "Good energy")
    model = models.TextListModel(models.notes_of("next_step"), lambda i, t: None)
    model.set_outcome(workshop_outcome.outcome(store))
    assert model.rowCount() == 1 and model.record_id(0) == note_id
    assert model.data(model.index(0, 0)) == "Share the insights with schools"

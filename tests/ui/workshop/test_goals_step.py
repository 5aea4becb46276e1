"""Step 2 of the workshop: the central list of goals, and each table claiming one that no other table has."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from peerdesk.services import workshop, workshop_goals
from peerdesk.ui.kit import messages
from peerdesk.ui.workshop.panel import WorkshopPanel
from tests.helpers.workshop_panel import tables_and_goals, undo_redo


def test_goals_and_claims_each_undo_and_a_second_claim_on_a_goal_is_refused(
    panel: WorkshopPanel, refusals: list[str]
) -> None:
    store, session, step = panel.session.store, panel.session, panel.goals
    tables = [panel.responses.add_table() for _ in range(4)]
    panel.responses.rename_table(tables[0], "Window table")
    insights = workshop.insights(store)
    goals = [step.add_goal(insights[n % 4].id, f"Goal {n + 1} for the room") for n in range(6)]
    assert step.goals_model.rowCount() == 6
    undo_redo(session, lambda: len(workshop_goals.goals(store)) == 5, lambda: len(workshop_goals.goals(store)) == 6)
    for table, goal in zip(tables, goals, strict=False):
        assert step.claim(goal, table)
    assert not step.claim(goals[0], tables[1])
    assert refusals and "Window table has already chosen this goal" in refusals[-1]
    assert workshop_goals.claims(store)[goals[0]] == tables[0]
    undo_redo(
        session,
        lambda: workshop_goals.claims(store)[goals[3]] == "",
        lambda: workshop_goals.claims(store)[goals[3]] == tables[3],
    )
    step.goals_model.setData(step.goals_model.index(0, 1), "Same decision, whoever is on duty")
    undo_redo(
        session,
        lambda: workshop_goals.goals(store)[0].text == "Goal 1 for the room",
        lambda: workshop_goals.goals(store)[0].text == "Same decision, whoever is on duty",
    )


def test_the_buttons_act_on_the_selected_goal_and_the_form_adds_one(panel: WorkshopPanel) -> None:
    store, step = panel.session.store, panel.goals
    table = panel.responses.add_table()
    step.goal_insight.setCurrentIndex(1)
    step.goal_text.setText("One front door for schools")
    step.goal_text.returnPressed.emit()
    [goal] = workshop_goals.goals(store)
    assert goal.text == "One front door for schools" and step.goal_text.text() == ""
    step.goals_view.selectRow(0)
    step.claim_table.setCurrentIndex(step.claim_table.findData(table))
    step._claim_selected()
    assert workshop_goals.claims(store)[goal.id] == table
    assert step.release(goal.id) and workshop_goals.claims(store)[goal.id] == ""
    step._remove_selected_goal()
    assert workshop_goals.goals(store) == []
    panel.session.undo_stack.undo()
    assert [g.id for g in workshop_goals.goals(store)] == [goal.id], "undo restores the same goal"


def test_the_goal_buttons_are_greyed_until_a_goal_is_picked_and_a_claim_without_tables_says_why(
    panel: WorkshopPanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    step = panel.goals
    buttons = [b for b in step.findChildren(QPushButton) if b.text() in ("Claim goal", "Release", "Remove goal")]
    assert len(buttons) == 3 and not any(b.isEnabled() for b in buttons)
    step.add_goal(workshop.insights(panel.session.store)[0].id, "One front door for schools")
    step.goals_view.selectRow(0)
    assert all(b.isEnabled() for b in buttons)
    told: list[str] = []
    monkeypatch.setattr(messages, "info", lambda _parent, title, text: told.append(f"{title}: {text}"))
    next(b for b in buttons if b.text() == "Claim goal").click()
    assert told == ["Claim goal: Add the tables first (step 1): a goal is chosen by a table."]


def test_a_goal_is_claimed_from_the_keyboard_arrows_to_pick_tab_to_the_table_and_the_button(
    qtbot: QtBot, panel: WorkshopPanel
) -> None:
    from PySide6.QtWidgets import QApplication

    tables_and_goals(panel, tables=2, goals=2)
    step = panel.goals
    panel.show_step(1)
    panel.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel)
    step.goals_view.setFocus()
    step.goals_view.setCurrentIndex(step.goals_model.index(0, 1))
    qtbot.keyClick(step.goals_view, Qt.Key.Key_Down)
    qtbot.keyClick(step.goals_view, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is step.claim_table, "Tab leaves the list for the table that chooses"
    qtbot.keyClick(step.claim_table, Qt.Key.Key_Tab)
    claim = QApplication.focusWidget()
    assert claim is not None and claim.objectName() == "primaryButton"

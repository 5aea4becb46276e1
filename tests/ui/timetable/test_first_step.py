"""The empty timetable's offer: the first interview planned in place, or the other ways to start."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from peerdesk.services import timetable as tt
from peerdesk.services import timetable_grid
from peerdesk.store.engine import Store
from peerdesk.ui.timetable.first_step import FirstStep


def test_nothing_is_planned_without_a_group_and_a_team_and_what_is_missing_is_said(qtbot: QtBot) -> None:
    step = FirstStep()
    qtbot.addWidget(step)
    step.show()
    planned: list[tuple[str, str, str]] = []
    step.plan.connect(lambda *args: planned.append(args))
    step.plan_button.click()
    assert planned == [] and "stakeholder group" in step.error.text() and step.error.isVisible()
    step.group.setEditText("Foster carers")
    step.team.setText("")
    step.plan_button.click()
    assert planned == [] and "team" in step.error.text()
    step.team.setText("Team B")
    step.plan_button.click()
    assert planned == [("Foster carers", "09:45", "Team B")] and not step.error.isVisible()


def test_it_offers_the_review_s_groups_and_the_existing_slot_and_team(qtbot: QtBot, store: Store) -> None:
    timetable_grid.add_group(store, "Young people")
    timetable_grid.add_slot(store, "10:30", "11:15")
    step = FirstStep()
    qtbot.addWidget(step)
    step.group.setEditText("Carers")
    step.show_for(tt.timetable(store))
    assert [step.group.itemText(i) for i in range(step.group.count())] == ["Young people"]
    assert step.group.currentText() == "Carers"  # what was typed stays
    assert step.starts.time().toString("HH:mm") == "10:30"
    assert step.slot_button.text() == "Add another slot…" and step.team_button.text() == "Add a team…"
    step.clear()
    assert step.group.currentText() == ""

"""The workshop steps' shared recorder and choosers: each edit one undo step, a refusal said and nothing changed."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget
from pytestqt.qtbot import QtBot

from peerdesk.services import workshop, workshop_goals, workshop_outcome
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.workshop.step_kit import LONGEST_CHOICE, Recorder, fill_combo, goal_label


def recorder(qtbot: QtBot, session: ReviewSession) -> Recorder:
    parent = QWidget()
    qtbot.addWidget(parent)
    return Recorder(parent, session)


def test_a_record_is_added_as_one_undo_step_and_redo_brings_back_the_same_id(
    qtbot: QtBot, demo_session: ReviewSession
) -> None:
    store, rec = demo_session.store, recorder(qtbot, demo_session)
    table = rec.add("Add table", lambda s, rid: workshop.add_table(s, "Window", table_id=rid), workshop.remove_table)
    assert [t.id for t in workshop.tables(store)] == [table]
    assert demo_session.undo_stack.undoText() == "Add table"
    demo_session.undo_stack.undo()
    assert workshop.tables(store) == []
    demo_session.undo_stack.redo()
    assert [t.id for t in workshop.tables(store)] == [table]


def test_a_text_change_undoes_to_the_text_shown_and_a_removal_undoes_to_the_same_record(
    qtbot: QtBot, demo_session: ReviewSession
) -> None:
    store, rec = demo_session.store, recorder(qtbot, demo_session)
    table, _ = workshop.add_table(store, "Window")
    shown = workshop_outcome.outcome(store).tables
    assert rec.set_text("Rename table", workshop.rename_table, table, "Door", shown)
    assert workshop.tables(store)[0].name == "Door"
    demo_session.undo_stack.undo()
    assert workshop.tables(store)[0].name == "Window"
    assert rec.remove("Remove table", workshop.remove_table, workshop.restore_table, table)
    assert workshop.tables(store) == []
    demo_session.undo_stack.undo()
    assert [t.id for t in workshop.tables(store)] == [table]


def test_a_refused_edit_is_said_and_leaves_no_undo_step(
    qtbot: QtBot, demo_session: ReviewSession, refusals: list[str]
) -> None:
    store, rec = demo_session.store, recorder(qtbot, demo_session)
    first, _ = workshop.add_table(store, "Window")
    second, _ = workshop.add_table(store, "Door")
    goal, _ = workshop_goals.add_goal(store, workshop.insights(store)[0].id, "One front door")
    workshop_goals.claim_goal(store, goal, first)
    depth = demo_session.undo_stack.count()
    assert not rec.edit(
        "Claim goal",
        lambda s: workshop_goals.claim_goal(s, goal, second),
        lambda s: workshop_goals.release_goal(s, goal),
    )
    assert refusals and "Window has already chosen this goal" in refusals[-1]
    assert demo_session.undo_stack.count() == depth and workshop_goals.claims(store)[goal] == first


def test_a_chooser_keeps_its_choice_and_shortens_long_texts(qtbot: QtBot, demo_session: ReviewSession) -> None:
    combo = QComboBox()
    qtbot.addWidget(combo)
    fill_combo(combo, [("Window", "a"), ("Door", "b")])
    combo.setCurrentIndex(1)
    fill_combo(combo, [("Hall", "c"), ("Door", "b"), ("x" * 200, "d")])
    assert combo.currentData() == "b"
    assert len(combo.itemText(2)) == LONGEST_CHOICE and combo.itemText(2).endswith("…")
    fill_combo(combo, [("Hall", "c")])
    assert combo.currentData() == "c", "the chosen one has gone: the first instead"


def test_a_goal_is_shown_with_the_table_that_claimed_it(demo_session: ReviewSession) -> None:
    store = demo_session.store
    table, _ = workshop.add_table(store, "Window")
    goal, _ = workshop_goals.add_goal(store, workshop.insights(store)[0].id, "One front door")
    o = workshop_outcome.outcome(store)
    assert goal_label(o, o.goals[0]) == "One front door"
    workshop_goals.claim_goal(store, goal, table)
    o = workshop_outcome.outcome(store)
    assert goal_label(o, o.goals[0]) == "One front door  — Window"

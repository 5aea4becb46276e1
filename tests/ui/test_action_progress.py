"""The follow-up per workshop action (#20): owner, progress, evidence seen and a note beside each action, edited in
the Follow-up tab as undo steps and printed side by side."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from peerdesk.errors import PeerdeskError, UserError
from peerdesk.export import printing
from peerdesk.services import action_progress, workshop, workshop_goals
from peerdesk.store.engine import Store
from peerdesk.ui.kit.printing import write_pdf
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.workshop import action_progress as progress_ui
from peerdesk.ui.workshop.followup import FollowUpPanel
from tests.helpers.pdf import pdf_text


def two_actions(store: Store) -> tuple[str, str]:
    table, _ = workshop.add_table(store, "Table 1")
    goal, _ = workshop_goals.add_goal(store, workshop.insights(store)[0].id, "Same decision, whoever is on duty")
    workshop_goals.claim_goal(store, goal, table)
    workshop_goals.set_top_action(store, table, 1, "A monthly threshold clinic")
    workshop_goals.set_top_action(store, table, 2, "Shadowing between duty managers")
    return workshop.action_id(table, 1), workshop.action_id(table, 2)


def test_progress_sits_beside_each_action_and_is_checked(demo_store: Store) -> None:
    first, second = two_actions(demo_store)
    action_progress.set_fields(demo_store, first, owner="Head of service", status="under_way")
    action_progress.set_fields(demo_store, first, evidence="  Minutes of three clinics ")
    rows = action_progress.rows(demo_store)
    assert [(r.action, r.owner, r.status_label, r.evidence) for r in rows] == [
        ("A monthly threshold clinic", "Head of service", "Under way", "Minutes of three clinics"),
        ("Shadowing between duty managers", "", "Not looked at yet", ""),
    ]
    with pytest.raises(UserError, match="not a state"):
        action_progress.set_fields(demo_store, second, status="abandoned-ish")
    with pytest.raises(PeerdeskError, match="no longer exists"):
        action_progress.set_fields(demo_store, "00000000-0000-0000-0000-000000000000", owner="x")


def test_the_follow_up_tab_edits_in_place_as_undo_steps(
    qtbot: QtBot, demo_session: ReviewSession, shown: list[str]
) -> None:
    first, _ = two_actions(demo_session.store)
    panel = FollowUpPanel(demo_session)
    qtbot.addWidget(panel)
    model = panel.actions_model
    assert model.item(0, 3).text() == "A monthly threshold clinic"
    assert not model.item(0, 3).isEditable() and model.item(0, 4).isEditable()
    model.item(0, 4).setText("Head of service")
    qtbot.waitUntil(lambda: action_progress.values(demo_session.store, first)["owner"] == "Head of service")
    status = model.index(0, 5)
    model.setData(status, "done", progress_ui.VALUE_ROLE)
    qtbot.waitUntil(lambda: action_progress.values(demo_session.store, first)["status"] == "done")
    assert panel.actions_model.item(0, 5).text() == "Done"
    demo_session.undo_stack.undo()
    assert action_progress.values(demo_session.store, first)["status"] == ""
    assert panel.actions_model.item(0, 4).text() == "Head of service"
    delegate = panel.actions_view.itemDelegateForColumn(5)
    assert isinstance(delegate, progress_ui.StatusDelegate)
    assert shown == []
    assert panel.actions_view.model().headerData(6, Qt.Orientation.Horizontal) == "Evidence seen"


def test_the_follow_up_prints_actions_side_by_side(qapp: object, demo_store: Store, tmp_path: Path) -> None:
    first, _ = two_actions(demo_store)
    action_progress.set_fields(demo_store, first, owner="Head of service", status="done", note="Kept going")
    out = tmp_path / "followup.pdf"
    write_pdf(printing.build(demo_store, "followup-sheet"), out)
    text = pdf_text(out)
    assert text.startswith("Follow-up visit")
    words = set(text.split())  # narrow columns wrap, so compare words
    assert {"Action", "agreed", "Owner", "Progress", "Evidence", "seen", "Note"} <= words
    assert {"monthly", "threshold", "clinic", "Head", "service", "Done", "Kept", "going"} <= words


def test_nothing_to_print_is_said(store: Store) -> None:
    with pytest.raises(UserError, match="Nothing to print yet"):
        printing.build(store, "followup-sheet")

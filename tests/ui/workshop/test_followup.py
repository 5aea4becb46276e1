"""The follow-up panel: its fields autosave and it lists the workshop's actions."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from peerdesk.services import followup, workshop, workshop_goals
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.workshop.followup import FollowUpPanel


def test_follow_up_fields_autosave_and_list_the_workshop_actions(qtbot: QtBot, demo_session: ReviewSession) -> None:
    store = demo_session.store
    table = workshop.add_table(store, "Blue table")[0]
    workshop_goals.set_top_action(store, table, 1, "A monthly threshold clinic")
    panel = FollowUpPanel(demo_session)
    qtbot.addWidget(panel)
    assert panel.actions_model.rowCount() == 1
    assert panel.actions_model.item(0, 3).text() == "A monthly threshold clinic"
    edit = panel.texts["what_changed"]
    edit.setFocus()
    qtbot.keyClicks(edit, "Duty managers meet weekly")
    edit.flush()
    assert followup.get(store).what_changed == "Duty managers meet weekly"
    demo_session.undo_stack.undo()
    assert followup.get(store).what_changed == ""
    assert edit.toPlainText() == ""

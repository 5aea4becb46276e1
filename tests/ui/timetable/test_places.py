"""A timetable's slots and teams: added where they show, and an unused one deleted without a question."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from peerdesk.services import timetable as tt
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.timetable.interview_dialog import SlotDialog, TeamDialog
from peerdesk.ui.timetable.panel import TimetablePanel


def test_the_empty_timetable_s_buttons_add_a_slot_and_a_team_with_suggested_values(
    qtbot: QtBot, session: ReviewSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(SlotDialog, "exec", lambda _self: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(TeamDialog, "exec", lambda _self: QDialog.DialogCode.Accepted)
    panel = TimetablePanel(session)
    qtbot.addWidget(panel)
    panel.show()
    panel.empty.slot_button.click()
    assert panel.empty.slot_button.text() == "Add another slot…"
    panel.empty.team_button.click()
    table = tt.timetable(session.store)
    assert [(s.starts, s.ends) for s in table.slots] == [("09:45", "10:30")]
    assert [t.name for t in table.teams] == ["Team A"]
    assert panel.view.isVisibleTo(panel) and session.undo_stack.count() == 2
    panel.target_section("team", 0)
    assert panel.action_delete.text() == "Delete team"
    assert panel.delete_team(table.teams[0].id)  # no interview in it: no question
    assert tt.timetable(session.store).teams == []

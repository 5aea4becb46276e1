"""A cell that a merge left with two interviews shows both: a "2 interviews" card, each one reachable."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from peerdesk.services import records
from peerdesk.services import timetable as tt
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.timetable.model import CLASH_ROLE, INTERVIEW_ROLE
from peerdesk.ui.timetable.panel import TimetablePanel
from tests.helpers.timetable import build_day


def test_a_shared_cell_says_how_many_and_opens_each_of_them(qtbot: QtBot, session: ReviewSession) -> None:
    day = build_day(session.store)
    group = tt.timetable(session.store).groups[0].id
    # What a merge of two colleagues' plans can leave (a local edit refuses it): a second interview in (09:45, A).
    second, _ = records.create(
        session.store, "interviews", slot_id=day.slots[0], team_id=day.teams[0], group_id=group, title="Evening"
    )
    panel = TimetablePanel(session)
    qtbot.addWidget(panel)
    panel.resize(900, 600)
    panel.show()
    cell = panel.model.index(0, 0)
    assert cell.data(CLASH_ROLE) == 2
    assert cell.data(Qt.ItemDataRole.DisplayRole).startswith("2 interviews in this cell: ")
    assert "Evening" in cell.data(Qt.ItemDataRole.ToolTipRole)
    assert panel.model.index(0, 1).data(CLASH_ROLE) == 1

    menu = panel.cell_menu(cell)
    actions = menu.actions()
    assert len(actions) == 2
    with qtbot.waitSignal(panel.open_requested) as opened:
        next(a for a in actions if "Evening" in a.text()).trigger()
    assert opened.args == [second]
    # The card now stands for the one opened, so Edit, Delete and dragging act on it (the way to move it out).
    assert cell.data(INTERVIEW_ROLE).id == second

    panel.select(day.interviews[0])  # finding an interview shows it in its cell
    assert panel.model.interview_at(panel.model.index(0, 0)).id == day.interviews[0]  # type: ignore[union-attr]
    panel.select(second)
    assert panel.model.interview_at(panel.model.index(0, 0)).id == second  # type: ignore[union-attr]

"""The lead-in checklist box: a row per step, a summary of what is done and late, ticks from the file."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from peerdesk.services import checklist
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.overview.checklist import ChecklistBox

BEFORE_ANY_STEP = dt.date(2025, 1, 1)  # long before the ``store`` fixture's visit (10 March 2026)


def _box(qtbot: QtBot, session: ReviewSession, today: dt.date = BEFORE_ANY_STEP) -> ChecklistBox:
    box = ChecklistBox(session, today=today)
    qtbot.addWidget(box)
    return box


def test_every_step_has_a_row_and_nothing_is_done_or_late_at_first(qtbot: QtBot, session: ReviewSession) -> None:
    box = _box(qtbot, session)
    steps = checklist.steps(session.store)
    assert box.table.rowCount() == len(steps) and box.today == BEFORE_ANY_STEP
    assert box.summary.text().startswith(f"0 of {len(steps)} steps done.")
    assert "overdue" not in box.summary.text()
    assert box.table.item(0, 4).text() == steps[0].text


def test_a_tick_made_elsewhere_shows_after_the_change_is_announced(qtbot: QtBot, session: ReviewSession) -> None:
    box = _box(qtbot, session)
    key = box.steps[0].key
    session.notify(checklist.set_done(session.store, key, True))
    row = box.row_of(key)
    assert box.table.item(row, 0).checkState() == Qt.CheckState.Checked
    assert box.summary.text().startswith("1 of ")
    assert box.table.item(row, 0).data(Qt.ItemDataRole.AccessibleTextRole).startswith("Done: ")

"""The lead-in checklist in the overview: ticks are undo steps, overdue steps are marked, dates follow Day 1."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from peerdesk.services import checklist, review
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.overview.checklist import ChecklistBox
from tests.helpers.ics import events

TODAY = dt.date(2026, 2, 20)  # about three weeks before the ``store`` fixture's visit (10 March 2026)


def make(qtbot: QtBot, session: ReviewSession) -> ChecklistBox:
    box = ChecklistBox(session, today=TODAY)
    qtbot.addWidget(box)
    return box


def test_overdue_steps_are_marked_in_words_and_bold(qtbot: QtBot, session: ReviewSession) -> None:
    box = make(qtbot, session)
    row = box.row_of("draft-timetable")
    assert box.table.item(row, 1).text().endswith("— overdue")
    assert box.table.item(row, 4).font().bold()
    later = box.row_of("final-check")
    assert "overdue" not in box.table.item(later, 1).text() and not box.table.item(later, 4).font().bold()
    assert "overdue" in box.summary.text()


def test_a_tick_is_stored_and_undone(qtbot: QtBot, session: ReviewSession) -> None:
    box = make(qtbot, session)
    row = box.row_of("draft-timetable")
    box.table.item(row, 0).setCheckState(Qt.CheckState.Checked)
    assert {s.key: s.done for s in checklist.steps(session.store)}["draft-timetable"]
    row = box.row_of("draft-timetable")
    assert box.table.item(row, 0).checkState() == Qt.CheckState.Checked
    assert "overdue" not in box.table.item(row, 1).text()
    session.undo_stack.undo()
    assert not {s.key: s.done for s in checklist.steps(session.store)}["draft-timetable"]
    assert box.table.item(box.row_of("draft-timetable"), 0).checkState() == Qt.CheckState.Unchecked
    session.undo_stack.redo()
    assert box.table.item(box.row_of("draft-timetable"), 0).checkState() == Qt.CheckState.Checked


def test_moving_the_visit_moves_the_dates_shown(qtbot: QtBot, session: ReviewSession) -> None:
    box = make(qtbot, session)
    assert box.table.item(box.row_of("pre-briefing"), 1).text() == "Mon 9 Mar 2026"
    session.apply(lambda s: review.update_review(s, visit_start="2026-04-14"))
    assert box.table.item(box.row_of("pre-briefing"), 1).text() == "Mon 13 Apr 2026"
    assert "The visit is 7 weeks away" in box.summary.text()  # closer than the 12-week lead-in


def test_the_calendar_button_writes_the_steps_to_do(qtbot: QtBot, session: ReviewSession, tmp_path: Path) -> None:
    box = make(qtbot, session)
    out = tmp_path / "mine.ics"
    assert box.save_ics(out) == len(box.steps)
    assert len(events(out.read_bytes().decode("utf-8"))) == len(box.steps)


def test_the_overview_shows_the_checklist(qtbot: QtBot, session: ReviewSession) -> None:
    from peerdesk.ui.overview.panel import OverviewPanel

    overview = OverviewPanel(session)
    qtbot.addWidget(overview)
    assert overview.checklist.table.rowCount() == len(checklist.specs())

"""The lead-in checklist box: a row per step, a summary of what is done and late, ticks from the file; ticks are
undo steps, overdue steps are marked, dates follow Day 1."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from peerdesk.services import checklist, review
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.overview.checklist import STEP, ChecklistBox
from tests.helpers.ics import events

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
    assert box.table.item(0, STEP).text() == steps[0].text


def test_a_tick_made_elsewhere_shows_after_the_change_is_announced(qtbot: QtBot, session: ReviewSession) -> None:
    box = _box(qtbot, session)
    key = box.steps[0].key
    session.notify(checklist.set_done(session.store, key, True))
    row = box.row_of(key)
    assert box.table.item(row, 0).checkState() == Qt.CheckState.Checked
    assert box.summary.text().startswith("1 of ")
    assert box.table.item(row, 0).data(Qt.ItemDataRole.AccessibleTextRole).startswith("Done: ")


TODAY = dt.date(2026, 2, 20)  # about three weeks before the ``store`` fixture's visit (10 March 2026)


def make(qtbot: QtBot, session: ReviewSession) -> ChecklistBox:
    box = ChecklistBox(session, today=TODAY)
    qtbot.addWidget(box)
    return box


def test_overdue_steps_are_marked_in_words_and_bold(qtbot: QtBot, session: ReviewSession) -> None:
    box = make(qtbot, session)
    row = box.row_of("draft-timetable")
    assert box.table.item(row, 1).text().endswith("— overdue")
    assert box.table.item(row, STEP).font().bold()
    later = box.row_of("final-check")
    assert "overdue" not in box.table.item(later, 1).text() and not box.table.item(later, STEP).font().bold()
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
    overview.rest.build()  # below the review, built when first seen
    assert overview.checklist.table.rowCount() == len(checklist.specs())


def test_in_a_laptops_overview_the_step_has_the_room_and_the_relative_date_shows_on_the_due_date(
    qtbot: QtBot, session: ReviewSession
) -> None:
    """Seen at 1366×768: "Done", "Due", "When" and "Whose job" sized to their longest words left the step ~70 px."""
    box = _box(qtbot, session)
    box.resize(620, 500)  # the checklist's box in the overview, 720 px wide at 1366×768
    box.show()
    qtbot.waitExposed(box)
    assert [box.table.horizontalHeaderItem(c).text() for c in range(box.table.columnCount())] == [
        "Done",
        "Due",
        "Whose job",
        "Step",
    ]
    qtbot.waitUntil(lambda: box.table.horizontalScrollBar().maximum() == 0)  # every column in view
    assert box.table.columnWidth(STEP) >= 250
    row = box.row_of("pre-briefing")
    assert box.table.item(row, 1).toolTip().endswith("before Day 1")


def test_without_a_visit_date_the_due_column_says_how_long_before_day_1(qtbot: QtBot, session: ReviewSession) -> None:
    review.update_review(session.store, visit_start="")
    box = _box(qtbot, session)
    assert all(box.table.item(r, 1).text().endswith(("before Day 1", "after Day 1")) for r in range(len(box.steps)))

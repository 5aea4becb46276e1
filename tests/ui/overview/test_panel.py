"""The review overview: its heading and the retention countdown follow the review; the planning form's additions
(#20): how the vision is shared, culture change, the two directors by name, what was sent beforehand, and a warning
when the visit is closer than the 12-week lead-in."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QScrollArea
from pytestqt.qtbot import QtBot

from peerdesk.services import records, review
from peerdesk.services.changes import Changes
from peerdesk.store import rules
from peerdesk.store.models import CandidateArea
from peerdesk.store.uow import UnitOfWork
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.overview.panel import OverviewPanel, retention_sentence

TODAY = dt.date(2026, 3, 1)


@pytest.mark.parametrize(
    ("date", "says"),
    [
        ("", "Set the follow-up date"),
        ("2026-03-11", "kept for 10 days more"),
        ("2026-09-01", "about 6 months"),
        ("2026-03-02", "due for deletion tomorrow"),
        ("2026-03-01", "due for deletion today"),
        ("2026-02-01", "delete them now"),
    ],
)
def test_the_retention_sentence_counts_down_to_the_date(date: str, says: str) -> None:
    assert says in retention_sentence(date, TODAY)


def test_the_panel_shows_the_review_and_follows_its_edits(qtbot: QtBot, session: ReviewSession) -> None:
    panel = make(qtbot, session)
    assert "Westfold County Council" in panel.heading.text()
    assert panel.countdown.text()
    review.update_review(session.store, aim="Understand the front door")
    session.notify(Changes.of("review"))
    assert panel.texts["aim"].toPlainText() == "Understand the front door"
    assert panel.checklist.table.rowCount() > 0 and panel.documents_box.chooser.count() == 0


def test_the_lead_in_planning_and_documents_wait_below_the_review_until_scrolled_to(
    qtbot: QtBot, session: ReviewSession
) -> None:
    # Half the overview's widgets are below the review when a window opens: building them made the start slower.
    panel = OverviewPanel(session)
    qtbot.addWidget(panel)
    panel.resize(700, 400)
    panel.show()
    qtbot.waitExposed(panel)
    assert panel.rest.content is None and not hasattr(panel, "checklist")
    bar = panel.findChild(QScrollArea).verticalScrollBar()
    bar.setValue(bar.maximum())
    assert panel.rest.content is not None and panel.checklist.table.rowCount() > 0
    assert panel.planning["vision"].isVisible()


def make(qtbot: QtBot, session: ReviewSession) -> OverviewPanel:
    """The overview with its lower part (the lead-in, planning, documents) built, as a scroll down would."""
    panel = OverviewPanel(session)
    qtbot.addWidget(panel)
    panel.rest.build()
    return panel


def test_the_new_questions_save_as_planning_answers(qtbot: QtBot, session: ReviewSession) -> None:
    panel = make(qtbot, session)
    for key in ("vision_promoted", "culture_change"):
        edit = panel.planning[key]
        qtbot.keyClicks(edit, f"Answer to {key}")
        edit.flush()
        assert review.planning_answers(session.store)[key] == f"Answer to {key}"


def test_directors_by_name_and_what_was_sent_are_undo_steps(qtbot: QtBot, session: ReviewSession) -> None:
    panel = make(qtbot, session)
    line = panel.planning_lines["observer_dcs"]
    qtbot.keyClicks(line, "  Anita Rowe ")
    line.editingFinished.emit()
    assert review.planning_answers(session.store)["observer_dcs"] == "Anita Rowe"
    panel.planning_flags["self_assessment_sent"].setChecked(True)
    assert review.planning_answers(session.store)["self_assessment_sent"] == "yes"
    session.undo_stack.undo()
    assert review.planning_answers(session.store)["self_assessment_sent"] == ""
    assert not panel.planning_flags["self_assessment_sent"].isChecked()
    session.undo_stack.undo()
    assert panel.planning_lines["observer_dcs"].text() == ""


def test_a_line_longer_than_its_field_shows_its_start(qtbot: QtBot, demo_session: ReviewSession) -> None:
    """Seen at 1366×768: the demo's lead officers showed "rtin Oyelaran, Early Help…", the name's start cut."""
    panel = make(qtbot, demo_session)
    panel.resize(720, 900)
    panel.show()
    qtbot.waitExposed(panel)
    lead = panel.line_edits["lead_officers"]
    assert lead.fontMetrics().horizontalAdvance(lead.text()) > lead.width()  # longer than the field
    assert lead.cursorPosition() == 0


def test_the_demo_fills_them_in(qtbot: QtBot, demo_session: ReviewSession) -> None:
    panel = make(qtbot, demo_session)
    assert panel.planning_lines["visiting_dcs"].text() == "Ruth Abernethy"
    assert panel.planning_flags["data_set_sent"].isChecked()
    assert panel.planning["vision_promoted"].toPlainText().startswith("A launch event")


def test_a_visit_closer_than_twelve_weeks_is_warned_about(qtbot: QtBot, session: ReviewSession) -> None:
    panel = make(qtbot, session)
    soon = dt.date.today() + dt.timedelta(weeks=6)
    session.apply(lambda s: review.update_review(s, visit_start=soon.isoformat()))
    assert panel.lead_in_warning.isVisibleTo(panel)
    assert "6 weeks away" in panel.lead_in_warning.text()
    later = dt.date.today() + dt.timedelta(weeks=13)
    session.apply(lambda s: review.update_review(s, visit_start=later.isoformat()))
    assert not panel.lead_in_warning.isVisibleTo(panel)


def test_adding_to_a_full_table_says_why_in_words_and_leaves_no_undo_step(
    qtbot: QtBot, session: ReviewSession, shown: list[str]
) -> None:
    limit = rules.max_records("candidate_areas")
    with UnitOfWork(session.store) as uow:
        for k in range(limit):
            uow.add(CandidateArea, name=f"Area {k}")
        uow.commit()
    panel = make(qtbot, session)
    add = next(b for b in panel.findChildren(QPushButton) if b.text() == "Add candidate area")
    steps = session.undo_stack.count()
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    assert len(shown) == 1 and f"at most {limit:,} candidate areas" in shown[0]
    assert session.undo_stack.count() == steps
    assert len(records.rows(session.store, "candidate_areas", ["name"])) == limit

"""The follow-up panel: its fields autosave and it lists the workshop's actions."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from peerdesk.services import followup, workshop, workshop_goals
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.workshop.followup import FollowUpPanel
from tests.helpers.user_actions import main_window


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


def test_a_meeting_date_changed_and_not_yet_left_is_saved_with_what_is_being_typed(
    qtbot: QtBot, demo_session: ReviewSession
) -> None:
    """Locking, a backup or closing save what is being typed (``flush_edits``): the date was left out."""
    window = main_window(qtbot, demo_session)
    panel = window.panels["tab-followup"]
    assert isinstance(panel, FollowUpPanel)
    window.show_work(panel)
    before = followup.get(demo_session.store).meeting_date
    panel.date.setFocus()
    qtbot.keyClick(panel.date, Qt.Key.Key_Up)
    shown = panel.date.date().toString(Qt.DateFormat.ISODate)
    assert shown != before
    window.flush_edits()
    assert followup.get(demo_session.store).meeting_date == shown
    steps = demo_session.undo_stack.count()
    window.flush_edits()
    assert demo_session.undo_stack.count() == steps, "an unchanged date is not saved again"


def test_the_actions_rows_fit_their_text_as_the_table_is_laid_out_on_a_laptop(
    qtbot: QtBot, demo_session: ReviewSession
) -> None:
    store = demo_session.store
    table = workshop.add_table(store, "Blue table")[0]
    for rank in (1, 2, 3):
        workshop_goals.set_top_action(store, table, rank, "A monthly threshold clinic with the schools and the police")
    window = main_window(qtbot, demo_session)
    panel = window.panels["tab-followup"]
    assert isinstance(panel, FollowUpPanel)
    afternoon = next(a for a in window.findChildren(QAction) if a.text().startswith("Day 2 &afternoon"))
    afternoon.trigger()  # the workshop's layout: the tabs get the whole window
    window.show_work(panel)
    view = panel.actions_view
    qtbot.waitUntil(lambda: view.columnWidth(3) > 150)  # laid out: the action's column has its laptop width
    assert [view.rowHeight(row) for row in range(3)] == [view.sizeHintForRow(row) for row in range(3)]
    assert view.rowHeight(0) * 3 <= view.viewport().height(), "the three actions in sight at once"


def test_on_a_desktop_screen_the_actions_take_the_height_left(qtbot: QtBot, demo_session: ReviewSession) -> None:
    store = demo_session.store
    table = workshop.add_table(store, "Blue table")[0]
    workshop_goals.set_top_action(store, table, 1, "A monthly threshold clinic")
    window = main_window(qtbot, demo_session)
    window.resize(1920, 1050)
    panel = window.panels["tab-followup"]
    assert isinstance(panel, FollowUpPanel)
    afternoon = next(a for a in window.findChildren(QAction) if a.text().startswith("Day 2 &afternoon"))
    afternoon.trigger()
    window.show_work(panel)
    # once laid out, the table grows into the height the meeting's fields leave (it stayed at 200 pixels)
    qtbot.waitUntil(lambda: panel.actions_view.height() > 300)


def test_tab_leaves_the_meeting_date_and_typed_digits_set_its_day(qtbot: QtBot, demo_session: ReviewSession) -> None:
    """Tab walked the date's weekday, day, month and year (four presses to leave), and digits went to the weekday."""
    from PySide6.QtWidgets import QApplication

    window = main_window(qtbot, demo_session)
    panel = window.panels["tab-followup"]
    assert isinstance(panel, FollowUpPanel)
    window.show_work(panel)
    panel.date.setFocus()
    qtbot.keyClicks(panel.date, "12")
    assert panel.date.date().day() == 12
    qtbot.keyClick(panel.date, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is panel.texts["what_changed"]
    assert followup.get(demo_session.store).meeting_date.endswith("-12"), "saved on leaving"

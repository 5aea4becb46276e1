"""Step 1 of the workshop: the tables, their responses typed from the keyboard, and the new insights they offer."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from peerdesk.services import workshop, workshop_outcome
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.workshop.panel import WorkshopPanel
from peerdesk.ui.workshop.responses_step import (
    GRID_WIDTH,
    NEW_INSIGHT_FIRST,
    NEW_INSIGHT_PROMPT,
    TABLE_COLUMN,
    WIDE_INSIGHT_COLUMN,
    WIDE_TABLE_COLUMN,
)
from tests.helpers.user_actions import main_window
from tests.helpers.workshop_panel import undo_redo


def test_tables_are_added_and_renamed_each_as_one_undo_step_redo_keeping_the_id(panel: WorkshopPanel) -> None:
    store, session, step = panel.session.store, panel.session, panel.responses
    tables = [step.add_table() for _ in range(4)]
    assert step.tables_model.rowCount() == 4
    undo_redo(session, lambda: len(workshop.tables(store)) == 3, lambda: len(workshop.tables(store)) == 4)
    assert workshop.tables(store)[3].id == tables[3], "redo brings back the same table"
    step.tables_model.setData(step.tables_model.index(0, 0), "Window table")
    undo_redo(
        session,
        lambda: workshop.tables(store)[0].name == "Table 1",
        lambda: workshop.tables(store)[0].name == "Window table",
    )
    step.remove_table(tables[1])
    assert [t.id for t in workshop.tables(store)] == [tables[0], *tables[2:]]
    undo_redo(session, lambda: len(workshop.tables(store)) == 4, lambda: len(workshop.tables(store)) == 3)


def test_responses_are_typed_a_d_or_delete_and_the_cursor_moves_down_the_tables_column(
    qtbot: QtBot, panel: WorkshopPanel
) -> None:
    store, session, step = panel.session.store, panel.session, panel.responses
    tables = [step.add_table() for _ in range(4)]
    insights = workshop.insights(store)
    step.grid.setFocus()
    step.grid.setCurrentIndex(step.responses_model.index(0, 1))
    qtbot.keyClick(step.grid, Qt.Key.Key_A)
    assert step.grid.currentIndex().row() == 1
    qtbot.keyClick(step.grid, Qt.Key.Key_D)
    assert workshop.response(store, tables[0], insights[0].id) == ("agree", "")
    assert workshop.response(store, tables[0], insights[1].id) == ("disagree", "")
    undo_redo(
        session,
        lambda: workshop.response(store, tables[0], insights[1].id) == ("", ""),
        lambda: workshop.response(store, tables[0], insights[1].id) == ("disagree", ""),
    )
    step.grid.setCurrentIndex(step.responses_model.index(1, 1))
    qtbot.keyClick(step.grid, Qt.Key.Key_Delete)
    assert workshop.response(store, tables[0], insights[1].id) == ("", "")
    assert step.record_response(tables[1], insights[0].id, "amend", "Decisions depend on the rota")
    assert "✎ Decisions depend on the rota" in step.responses_model.index(0, 2).data()
    undo_redo(
        session,
        lambda: workshop.response(store, tables[1], insights[0].id) == ("", ""),
        lambda: workshop.response(store, tables[1], insights[0].id)[0] == "amend",
    )
    assert not step.record_response(tables[1], insights[0].id, "amend", "Decisions depend on the rota ")
    assert panel.outcome.tables and step.outcome is panel.outcome, "the step shows what the panel read"


def test_a_new_insight_from_a_table_is_one_undo_step(panel: WorkshopPanel) -> None:
    store, session, step = panel.session.store, panel.session, panel.responses
    tables = [step.add_table() for _ in range(4)]
    step.add_new_insight(tables[3], "Partners want to hear what happened after they referred")
    undo_redo(
        session,
        lambda: not workshop_outcome.outcome(store).new_insights,
        lambda: len(workshop_outcome.outcome(store).new_insights) == 1,
    )
    [row] = workshop_outcome.outcome(store).new_insights
    step.edit_new_insight(row.id, "Partners want to hear back")
    assert workshop_outcome.outcome(store).new_insights[0].text == "Partners want to hear back"
    step.new_insight_table.setCurrentIndex(step.new_insight_table.findData(tables[0]))
    step.new_insight_text.setText("Schools want a say")
    step.new_insight_text.returnPressed.emit()
    assert step.new_insight_text.text() == "" and len(workshop_outcome.outcome(store).new_insights) == 2


def test_before_any_table_the_new_insight_field_is_closed_and_says_to_add_the_tables_first(
    panel: WorkshopPanel,
) -> None:
    step = panel.responses
    # Typed with no table to choose, Enter did nothing and said nothing.
    assert not step.new_insight_text.isEnabled() and not step.new_insight_table.isEnabled()
    assert step.new_insight_text.placeholderText() == NEW_INSIGHT_FIRST
    table = step.add_table()
    assert step.new_insight_text.isEnabled() and step.new_insight_table.currentData() == table
    assert step.new_insight_text.placeholderText() == NEW_INSIGHT_PROMPT
    panel.session.undo_stack.undo()  # the table goes again
    assert not step.new_insight_text.isEnabled()


def test_the_grid_gives_each_table_a_narrow_column_on_a_laptop_and_a_wider_one_on_a_desktop(
    panel: WorkshopPanel,
) -> None:
    step = panel.responses
    for _ in range(4):
        step.add_table()
    panel.resize(706, 361)  # the work area at 1366×768 with the default docks
    QApplication.processEvents()
    narrow = [step.grid.columnWidth(c) for c in range(1, 5)]
    assert all(TABLE_COLUMN <= w < 100 for w in narrow), "four tables fit beside the insights on a laptop"
    assert step.grid.columnWidth(0) > max(narrow), "the insight's words get the room"
    assert step.grid.minimumWidth() <= GRID_WIDTH
    panel.resize(1500, 900)
    QApplication.processEvents()
    wide = [step.grid.columnWidth(c) for c in range(1, 5)]
    assert all(w == WIDE_TABLE_COLUMN for w in wide), "an amended wording reads on two lines, not six"
    assert step.grid.columnWidth(0) >= WIDE_INSIGHT_COLUMN - 40


def test_add_table_is_in_sight_on_a_laptop_screen_when_there_are_no_tables_yet(
    qtbot: QtBot, session: ReviewSession
) -> None:
    window = main_window(qtbot, session)  # 1366×768: the workshop tab shares the height with the Quotes dock
    tabs = window.work
    tabs.setCurrentIndex(next(i for i in range(tabs.count()) if tabs.tabText(i).replace("&", "") == "Workshop"))
    button = next(b for b in tabs.currentWidget().findChildren(QPushButton) if b.text() == "Add table")
    qtbot.waitUntil(button.isVisible)
    shown = button.visibleRegion().boundingRect()
    assert shown.size() == button.size(), "the first thing to do on a new workshop is not scrolled out of sight"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert [t.name for t in workshop.tables(session.store)] == ["Table 1"]


def test_add_table_opens_the_new_table_for_its_name_so_typing_names_it(qtbot: QtBot, panel: WorkshopPanel) -> None:
    store, step = panel.session.store, panel.responses
    panel.show()
    qtbot.waitExposed(panel)
    button = next(b for b in step.findChildren(QPushButton) if b.text() == "Add table")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    editor = QApplication.focusWidget()
    qtbot.keyClicks(editor, "Window table")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The view commits a typed name after the key (a queued call), as it does in the running app.
    qtbot.waitUntil(lambda: [t.name for t in workshop.tables(store)] == ["Window table"])  # one table, as typed


def test_m_asks_for_the_amended_wording_in_a_dialog_that_wraps_it(qtbot: QtBot, panel: WorkshopPanel) -> None:
    """Qt's own dialog was 280 pixels wide and did not wrap: the insight stood on one line, scrolled sideways."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QDialogButtonBox, QInputDialog, QPlainTextEdit

    store, step = panel.session.store, panel.responses
    table = step.add_table()
    insight = workshop.insights(store)[1]
    seen: list[tuple[bool, int, bool]] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QInputDialog)
        editor = dialog.findChild(QPlainTextEdit)
        assert editor is not None and editor.toPlainText() == insight.statement, "it starts from the insight"
        wraps = editor.lineWrapMode() == QPlainTextEdit.LineWrapMode.WidgetWidth
        seen.append((wraps, dialog.width(), editor.horizontalScrollBar().isVisible()))
        editor.selectAll()
        qtbot.keyClicks(editor, "Families retell their story at every door")
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    step.grid.setFocus()
    step.grid.setCurrentIndex(step.responses_model.index(1, 1))
    QTimer.singleShot(100, answer)
    qtbot.keyClick(step.grid, Qt.Key.Key_M)
    assert seen and seen[0][0] and seen[0][1] >= 500 and not seen[0][2], seen
    assert workshop.response(store, table, insight.id) == ("amend", "Families retell their story at every door")


def test_the_table_offering_a_new_insight_is_shown_by_its_whole_name(qtbot: QtBot, panel: WorkshopPanel) -> None:
    step = panel.responses
    step.add_table("Window table by the door")
    combo = step.new_insight_table
    qtbot.waitUntil(lambda: combo.currentText() == "Window table by the door")
    QApplication.processEvents()
    assert combo.width() > combo.fontMetrics().horizontalAdvance("Window table by the door")

"""The dialog frame, the table view every list of ours uses, and the Close row under them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRect, QStringListModel, Qt, QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from peerdesk.ui.kit.dialogs import (
    CLOSED_BY_LOCK,
    FIT,
    STRETCH,
    SessionDialog,
    close_buttons,
    close_over_lock,
    dialog_layout,
    list_view,
    run_through_lock,
    selected_row,
    table_view,
)
from peerdesk.ui.kit.session import ReviewSession


def test_the_frame_titles_names_sizes_and_opens_with_the_intro(qtbot: QtBot) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    layout = dialog_layout(dialog, "Stakeholder groups", "groupsDialog", size=(480, 500), intro="Why.", hint=True)
    assert (dialog.windowTitle(), dialog.objectName()) == ("Stakeholder groups", "groupsDialog")
    assert (dialog.width(), dialog.height()) == (480, 500)
    intro = layout.itemAt(0).widget()
    assert isinstance(intro, QLabel) and intro.text() == "Why." and intro.wordWrap()
    assert intro.objectName() == "hintText"


def test_without_an_intro_the_layout_starts_empty(qtbot: QtBot) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    layout = dialog_layout(dialog, "Restore", "restoreDialog", min_width=460)
    assert layout.count() == 0 and dialog.minimumWidth() == 460 and dialog.layout() is layout


def test_a_table_selects_whole_rows_and_sizes_its_columns(qtbot: QtBot) -> None:
    model = QStringListModel(["North", "South"])
    view = table_view("teams", model, default=FIT, columns={0: STRETCH}, single=True, editable=True)
    qtbot.addWidget(view)
    assert view.objectName() == "teams" and view.model() is model
    assert view.selectionBehavior() == QAbstractItemView.SelectionBehavior.SelectRows
    assert view.selectionMode() == QAbstractItemView.SelectionMode.SingleSelection
    assert view.editTriggers() & QAbstractItemView.EditTrigger.EditKeyPressed
    assert view.verticalHeader().isHidden() and view.wordWrap()
    assert view.horizontalHeader().sectionResizeMode(0) == STRETCH


def _table_between_two_fields(qtbot: QtBot, *, tab_out: bool) -> tuple[QDialog, QLineEdit, QTableView, QPushButton]:
    model = QStandardItemModel(3, 3)
    for row in range(3):
        for column in range(3):
            model.setItem(row, column, QStandardItem(f"{row}:{column}"))
    dialog = QDialog()
    qtbot.addWidget(dialog)
    layout = QVBoxLayout(dialog)
    before, view, after = QLineEdit(), table_view("goals", model, single=True, tab_out=tab_out), QPushButton("Claim")
    for widget in (before, view, after):
        layout.addWidget(widget)
    dialog.show()
    qtbot.waitExposed(dialog)
    view.setFocus()
    view.setCurrentIndex(model.index(0, 0))
    return dialog, before, view, after


def test_tab_leaves_a_table_whose_rows_are_picked_and_the_arrows_pick_them(qtbot: QtBot) -> None:
    dialog, before, view, after = _table_between_two_fields(qtbot, tab_out=True)
    QTest.keyClick(view, Qt.Key.Key_Down)
    assert view.currentIndex().row() == 1 and dialog.focusWidget() is view
    QTest.keyClick(view, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is after, "one Tab goes on past the table, whatever its cells"
    QTest.keyClick(after, Qt.Key.Key_Backtab)
    QTest.keyClick(view, Qt.Key.Key_Backtab)
    assert dialog.focusWidget() is before, "and Shift+Tab goes back past it"
    assert [r.row() for r in view.selectionModel().selectedRows()] == [1], "the row picked stays picked"


def test_a_table_typed_into_keeps_tab_moving_from_cell_to_cell(qtbot: QtBot) -> None:
    dialog, _, view, _ = _table_between_two_fields(qtbot, tab_out=False)
    QTest.keyClick(view, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is view and view.currentIndex().column() == 1


def test_row_numbers_and_the_default_selection_can_stay(qtbot: QtBot) -> None:
    view = table_view("items", row_numbers=True)
    qtbot.addWidget(view)
    assert not view.verticalHeader().isHidden()
    assert view.selectionMode() == QAbstractItemView.SelectionMode.ExtendedSelection
    assert view.editTriggers() != QAbstractItemView.EditTrigger.NoEditTriggers  # Qt's own default is kept


def test_a_session_dialog_keeps_its_session_and_is_framed_like_the_others(qtbot: QtBot, session: ReviewSession) -> None:
    dialog = SessionDialog(session, "Conflicts", "conflictsDialog", size=(860, 420), intro="Why.")
    qtbot.addWidget(dialog)
    assert dialog.session is session
    assert (dialog.windowTitle(), dialog.objectName(), dialog.width()) == ("Conflicts", "conflictsDialog", 860)
    assert dialog.layout() is dialog.body
    first = dialog.body.itemAt(0)
    assert first is not None and isinstance(first.widget(), QLabel)


def test_the_selected_row_is_the_one_picked_in_the_view_and_none_without_a_pick(qtbot: QtBot) -> None:
    rows = ["North", "South", "East"]
    view = table_view("teams", QStringListModel(rows), single=True)
    qtbot.addWidget(view)
    assert selected_row(view, rows) is None
    view.selectRow(1)
    assert selected_row(view, rows) == "South"


def test_the_close_row_holds_the_dialogs_own_buttons_and_close_rejects(qtbot: QtBot) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    rename = QPushButton("Rename")
    buttons = close_buttons(dialog, rename)
    assert buttons.buttonRole(rename) == QDialogButtonBox.ButtonRole.ActionRole
    dialog.show()
    with qtbot.waitSignal(dialog.rejected):
        buttons.button(QDialogButtonBox.StandardButton.Close).click()
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_a_list_wraps_its_items_and_can_be_read_only_with_one_selection(qtbot: QtBot) -> None:
    model = QStringListModel(["A long quote", "Another"])
    view = list_view("quotesView", model, spacing=3, read_only=True, single=True)
    qtbot.addWidget(view)
    assert (view.objectName(), view.model(), view.spacing()) == ("quotesView", model, 3)
    assert view.wordWrap() and view.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    assert view.selectionMode() == QAbstractItemView.SelectionMode.SingleSelection
    plain = list_view("plain", model)
    qtbot.addWidget(plain)
    assert plain.editTriggers() != QAbstractItemView.EditTrigger.NoEditTriggers


INSIGHTS = [
    "1. Good decisions at the front door depend on who is on duty rather than on how the front door is designed."
    "\n2 quotes",
    "2. Families and partners experience early help and social care as separate services: stories are retold and "
    "step-downs disappear from view.\n2 quotes",
    "3. Leaders are trusted and have protected early help.\nno quote yet",
]


def test_every_wrapped_item_is_as_tall_as_its_words_at_the_width_it_is_painted_at(qtbot: QtBot) -> None:
    """Seen at 1280×720: the first insight's last line ("2 quotes") was cut, Qt having sized it a few pixels wider
    than it painted it. Checked at every width a docked list takes on a laptop, each a pixel apart."""
    view = list_view("insightList", QStringListModel(INSIGHTS), spacing=2)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    plain = QStyledItemDelegate()  # Qt's own answer for a given width
    for width in range(240, 330):
        view.resize(width, 160)  # narrow enough for a scroll bar, as in the Insights dock
        QApplication.processEvents()
        painted = view.viewport().width() - 2 * view.spacing()
        for row in range(len(INSIGHTS)):
            rect = view.visualRect(view.model().index(row, 0))
            option = QStyleOptionViewItem()
            view.initViewItemOption(option)
            option.rect = QRect(0, 0, painted, 1000)
            needed = plain.sizeHint(option, view.model().index(row, 0)).height()
            assert rect.width() <= painted, f"{width}px: item {row} wider than the list paints it"
            assert rect.height() == needed, f"{width}px: item {row} is {rect.height()}px tall, its words take {needed}"


def _run_in_a_while(dialog: QDialog, session: ReviewSession, step: Callable[[], None]) -> list[str]:
    """Run ``dialog`` through ``run_through_lock``; ``step`` runs once it shows. Returns what was accepted."""
    kept: list[str] = []
    QTimer.singleShot(50, step)
    run_through_lock(dialog, session, lambda: kept.append("accepted"))
    return kept


def test_a_dialog_the_lock_closed_comes_back_once_unlocked_and_one_cancelled_does_not(
    qtbot: QtBot, session: ReviewSession
) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    dialog = QDialog(window)
    typed = QLineEdit(dialog)
    QVBoxLayout(dialog).addWidget(typed)

    def lock() -> None:  # what the main window's lock does
        typed.setText("half a sentence")
        close_over_lock(window)
        session.set_locked(True)

    assert _run_in_a_while(dialog, session, lock) == []
    assert not dialog.isVisible()
    shown_again: list[str] = []

    def accept_when_back() -> None:
        shown_again.append(typed.text())
        dialog.accept()

    QTimer.singleShot(100, accept_when_back)
    session.set_locked(False)
    qtbot.waitUntil(lambda: bool(shown_again))
    assert shown_again == ["half a sentence"]

    assert _run_in_a_while(dialog, session, dialog.reject) == []
    session.set_locked(True)
    session.set_locked(False)
    qtbot.wait(50)
    assert not dialog.isVisible(), "cancelled by its user: it stays closed"


def test_the_lock_closes_every_window_of_the_review_and_leaves_progress_and_other_windows(qtbot: QtBot) -> None:
    window, other = QWidget(), QWidget()
    for widget in (window, other):
        qtbot.addWidget(widget)
        widget.show()
    names = QDialog(window)  # a modeless list of names, left open
    asked = QMessageBox(QMessageBox.Icon.Question, "Delete?", "Delete for good?", parent=window)
    inner = QDialog(names)  # opened from a dialog of the window's: still the window's
    projector = QWidget(window, Qt.WindowType.Window)  # a window of the window's own, not a dialog
    progress = QProgressDialog("Restoring the backup…", "", 0, 0, window)
    elsewhere = QDialog(other)  # another review's window
    for shown in (names, asked, inner, projector, progress, elsewhere):
        shown.show()
    close_over_lock(window)
    for closed in (names, asked, inner):
        assert not closed.isVisible() and closed.result() == QDialog.DialogCode.Rejected
        assert closed.property(CLOSED_BY_LOCK), "marked: run_through_lock brings its run back on unlock"
    assert not projector.isVisible()
    assert progress.isVisible(), "the work it shows goes on: cancelling it would stop the work"
    assert elsewhere.isVisible() and not elsewhere.property(CLOSED_BY_LOCK)
    assert window.isVisible() and other.isVisible()
    progress.close()

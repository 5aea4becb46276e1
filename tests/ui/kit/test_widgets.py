"""Small shared widgets: the empty state, a password field, the dialog buttons, the strength meter, a check box
whose text wraps, and the question before typing is thrown away."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from peerdesk.ui.kit import widgets
from peerdesk.ui.kit.widgets import (
    TAIL_ROLE,
    ElidingComboBox,
    busy_cursor,
    confirm_discard,
    wrapped_label,
    wrapping_check,
)
from tests.helpers.layout import tooltip_shown


def test_the_empty_state_reads_its_title_and_hint_aloud(qtbot: QtBot) -> None:
    empty = widgets.EmptyState("No quotes yet", "Capture one with Ctrl+Q.")
    qtbot.addWidget(empty)
    assert (empty.title.text(), empty.hint.text()) == ("No quotes yet", "Capture one with Ctrl+Q.")
    assert empty.accessibleName() == "No quotes yet. Capture one with Ctrl+Q."


def test_a_password_field_hides_what_is_typed(qtbot: QtBot) -> None:
    edit = widgets.password_edit("Passphrase")
    qtbot.addWidget(edit)
    assert edit.echoMode() == QLineEdit.EchoMode.Password and edit.accessibleName() == "Passphrase"


def test_the_verb_button_runs_the_check_and_cancel_rejects(qtbot: QtBot) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    checked: list[bool] = []
    buttons = widgets.accept_buttons(dialog, "Create", lambda: checked.append(True))
    verb = next(b for b in buttons.buttons() if b.text() == "Create")
    assert buttons.primary is verb and verb.objectName() == "primaryButton"
    verb.click()
    assert checked == [True]
    buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_a_new_passphrase_is_asked_twice_with_its_strength_between(qtbot: QtBot) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    form = QFormLayout(dialog)
    first, meter, again = widgets.passphrase_rows(form, "New passphrase")
    assert form.rowCount() == 3
    assert (first.accessibleName(), again.accessibleName()) == ("New passphrase", "New passphrase again")
    assert first.echoMode() == again.echoMode() == QLineEdit.EchoMode.Password
    first.setText("crane violet harbour tuesday 42")
    assert meter.bar.value() >= 3  # the meter follows the first field, not the second
    label = form.labelForField(again)
    assert isinstance(label, QLabel) and label.text() == "Type it again"


def test_the_strength_meter_follows_the_passphrase(qtbot: QtBot) -> None:
    edit = QLineEdit()
    meter = widgets.StrengthMeter(edit)
    qtbot.addWidget(meter)
    qtbot.addWidget(edit)
    edit.setText("short")
    assert meter.bar.value() == 0 and meter.hint.text().startswith("Too short")
    edit.setText("crane violet harbour tuesday 42")
    assert meter.bar.value() >= 3


def test_an_error_label_starts_hidden_and_wraps(qtbot: QtBot) -> None:
    label: QLabel = widgets.error_label()
    qtbot.addWidget(label)
    assert label.isHidden() and label.wordWrap() and label.objectName() == "errorText"
    area = widgets.scrolling(label)
    assert area.widget() is label and area.widgetResizable()


LONG = "Explain that nothing will be put down to a named person, in the notes or in the presentation"


def test_a_wrapping_check_box_wraps_its_text_and_clicking_the_text_ticks_it(qtbot: QtBot) -> None:
    row, box = wrapping_check(LONG)
    qtbot.addWidget(row)
    row.resize(220, 200)
    row.show()
    [label] = row.findChildren(QLabel)
    assert label.wordWrap() and label.text() == LONG and box.accessibleName() == LONG
    assert row.minimumSizeHint().width() < 220  # it fits a narrow panel
    qtbot.mouseClick(label, Qt.MouseButton.LeftButton)
    assert box.isChecked()
    box.setEnabled(False)
    qtbot.mouseClick(label, Qt.MouseButton.LeftButton)
    assert box.isChecked()


def test_a_wrapped_label_can_refuse_markup_from_outside() -> None:
    assert wrapped_label("<b>Sam</b>", plain=True).textFormat() == Qt.TextFormat.PlainText
    assert wrapped_label("text").wordWrap()


def test_throwing_typing_away_is_asked_and_keeping_it_is_the_default(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    answers: list[str] = []

    def answer(button_text: str) -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        answers.append(box.defaultButton().text())
        next(b for b in box.buttons() if b.text() == button_text).click()

    QTimer.singleShot(0, lambda: answer("Keep typing"))
    assert not confirm_discard(parent, "this new review")
    QTimer.singleShot(0, lambda: answer("Throw it away"))
    assert confirm_discard(parent, "this new review")
    assert answers == ["Keep typing", "Keep typing"]


def test_ok_accepts_and_cancel_rejects_the_dialog(qtbot: QtBot) -> None:
    for button, result in ((QDialogButtonBox.StandardButton.Ok, 1), (QDialogButtonBox.StandardButton.Cancel, 0)):
        dialog = QDialog()
        qtbot.addWidget(dialog)
        buttons = widgets.ok_cancel(dialog)
        dialog.open()
        buttons.button(button).click()
        assert dialog.result() == result and not dialog.isVisible()


def test_a_page_title_is_the_centred_heading_style(qtbot: QtBot) -> None:
    title = widgets.title_label("This review is locked")
    qtbot.addWidget(title)
    assert title.text() == "This review is locked" and title.objectName() == "emptyTitle"
    assert title.alignment() == Qt.AlignmentFlag.AlignCenter


def test_a_file_action_goes_before_the_lock_and_close_actions_or_at_the_end(qtbot: QtBot) -> None:
    menu = QMenu()
    close = menu.addAction("Close")
    window = SimpleNamespace(file_menu=menu)
    widgets.add_to_file_menu(window, QAction("Print…", menu))
    assert [a.text() for a in menu.actions()] == ["Close", "Print…"]  # a window without a tail: at the end
    window.file_menu_tail = close
    widgets.add_to_file_menu(window, QAction("Build presentation…", menu))
    assert [a.text() for a in menu.actions()] == ["Build presentation…", "Close", "Print…"]


def test_a_push_button_calls_its_action_when_pressed(qtbot: QtBot) -> None:
    pressed: list[str] = []
    button = widgets.push_button("Attach file…", lambda: pressed.append("attach"))
    qtbot.addWidget(button)
    assert button.text() == "Attach file…" and not pressed
    button.click()
    assert pressed == ["attach"]


class _LayoutRequests(QObject):
    """Counts the times a window is asked to lay itself out again."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self.count += 1
        return False


def _status_row(qtbot: QtBot, beside: QLabel) -> tuple[QWidget, widgets.StatusLine]:
    """A window with a status line taking the room and ``beside`` after it, as the notes panel's last row."""
    window = QWidget()
    qtbot.addWidget(window)
    row = QHBoxLayout(window)
    status = widgets.StatusLine("noteStatus")
    row.addWidget(status, 1)
    row.addWidget(beside)
    return window, status


def _shown(qtbot: QtBot, window: QWidget, width: int) -> None:
    window.resize(width, 40)
    window.show()
    qtbot.waitExposed(window)


def test_a_status_line_says_a_new_text_without_laying_out_the_window_again(qtbot: QtBot) -> None:
    plain = QLabel("")
    window, status = _status_row(qtbot, plain)
    _shown(qtbot, window, 500)
    QApplication.processEvents()  # what showing it asked for
    requests = _LayoutRequests()
    window.installEventFilter(requests)
    for text in ("Typing…", "Saved", "Typing…", "Saved"):
        status.setText(text)
        QApplication.processEvents()
    assert status.text() == "Saved" and status.label.objectName() == "noteStatus"
    assert requests.count == 0 and status.height() == status.sizeHint().height() > 0
    plain.setText("A label in the layout")  # what a plain label does: the window is laid out again
    QApplication.processEvents()
    assert requests.count > 0


def test_a_status_line_too_long_for_its_place_shows_the_whole_text_as_a_tooltip(qtbot: QtBot) -> None:
    status = widgets.StatusLine("noteStatus")
    qtbot.addWidget(status)
    status.resize(80, status.sizeHint().height())
    status.show()
    status.setText("Type the quote word for word, then press Ctrl+Q to end it (Esc to stop).")
    assert tooltip_shown(status.label.toolTip()) == status.text()
    status.setText("Saved")
    assert status.label.toolTip() == "" and status.label.geometry() == status.rect()


def test_a_hint_beside_a_status_line_gives_way_to_a_text_that_needs_its_room(qtbot: QtBot) -> None:
    """The note taker's "Type the quote word for word, then press Ctrl+Q to end it" was cut after "then" at
    1366×768, the shortcut hint beside it keeping its place: the hint steps aside while such a text is shown."""
    hint = QLabel("Ctrl+Q quote · Ctrl+1 rose · Ctrl+2 thorn · Ctrl+3 bud")
    window, status = _status_row(qtbot, hint)
    status.give_way(hint)
    _shown(qtbot, window, hint.sizeHint().width() + 260)
    status.setText("Saved")
    assert hint.isVisible()
    status.setText("Type the quote word for word, then press Ctrl+Q to end it (Esc to stop).")
    qtbot.waitUntil(lambda: status.label.sizeHint().width() <= status.width())  # said whole
    assert hint.isHidden() and status.label.toolTip() == ""
    status.setText("Quote captured.")
    assert hint.isVisible()


def test_a_click_on_a_scrolled_panel_s_blank_part_leaves_the_keyboard_where_it_was(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    layout = QHBoxLayout(window)
    typing = QLineEdit()
    area = widgets.scrolling(QLabel("A panel"))
    layout.addWidget(typing)
    layout.addWidget(area)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    typing.setFocus()
    qtbot.waitUntil(typing.hasFocus)
    qtbot.mouseClick(area.viewport(), Qt.MouseButton.LeftButton)
    assert typing.hasFocus()
    qtbot.keyClicks(QApplication.focusWidget(), "go on")
    assert typing.text() == "go on"


LONG = "Decisions at the front door depend on who is on duty rather than on how the front door is designed"


def test_a_narrow_combo_box_ends_a_long_choice_with_an_ellipsis_and_keeps_its_count(qtbot: QtBot) -> None:
    combo = ElidingComboBox()
    qtbot.addWidget(combo)
    combo.addItem(f"{LONG} (12) ✓", "t1")
    combo.setItemData(0, " (12) ✓", TAIL_ROLE)
    combo.addItem("Short (3)", "t2")
    combo.setItemData(1, " (3)", TAIL_ROLE)
    combo.resize(260, combo.sizeHint().height())
    combo.show()
    qtbot.waitExposed(combo)
    shown = combo.shown_text()
    assert shown.endswith("… (12) ✓") and LONG.startswith(shown.removesuffix("… (12) ✓"))
    assert combo.fontMetrics().horizontalAdvance(shown) < combo.width()
    assert tooltip_shown(combo.toolTip()) == f"{LONG} (12) ✓"  # the whole heading, on hovering
    combo.setCurrentIndex(1)
    assert combo.shown_text() == "Short (3)" and tooltip_shown(combo.toolTip()) == "Short (3)"


def test_what_the_closed_box_draws_is_the_shortened_choice_not_a_cut_one(qtbot: QtBot) -> None:
    """Qt's own box drew the text cut through a letter at its edge; this one draws ``shown_text``."""
    eliding, plain = ElidingComboBox(), QComboBox()
    for combo in (eliding, plain):
        qtbot.addWidget(combo)
        combo.resize(220, 30)
    eliding.addItem(LONG)
    plain.addItem(eliding.shown_text())
    assert eliding.shown_text() != LONG
    assert eliding.grab().toImage() == plain.grab().toImage()


def test_enter_in_a_field_takes_the_dialogs_own_verb_even_with_a_list_above_it(qtbot: QtBot) -> None:
    from PySide6.QtCore import QStringListModel
    from PySide6.QtWidgets import QDialog, QLineEdit, QListView, QVBoxLayout

    dialog = QDialog()
    qtbot.addWidget(dialog)
    layout = QVBoxLayout(dialog)
    found = QListView()
    found.setModel(QStringListModel(["Being heard", "Waiting lists"], dialog))
    field = QLineEdit()
    buttons = widgets.accept_buttons(dialog, "Move", dialog.accept)
    for widget in (field, found, buttons):
        layout.addWidget(widget)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert buttons.primary.isDefault()
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_the_wait_cursor_shows_while_work_runs_and_goes_even_when_it_fails(qtbot: QtBot) -> None:
    assert QApplication.overrideCursor() is None
    with busy_cursor():
        cursor = QApplication.overrideCursor()
        assert cursor is not None and cursor.shape() == Qt.CursorShape.WaitCursor
    assert QApplication.overrideCursor() is None
    with pytest.raises(RuntimeError), busy_cursor():
        raise RuntimeError("the print failed")
    assert QApplication.overrideCursor() is None

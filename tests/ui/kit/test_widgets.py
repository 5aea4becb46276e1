"""Small shared widgets: the empty state, a password field, the dialog buttons, the strength meter."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from peerdesk.ui.kit import widgets


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
    verb.click()
    assert checked == [True]
    buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert dialog.result() == QDialog.DialogCode.Rejected


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

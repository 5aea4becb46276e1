"""Small shared widgets: a check box whose text wraps, and the question before typing is thrown away."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from peerdesk.ui.kit.widgets import confirm_discard, wrapped_label, wrapping_check

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

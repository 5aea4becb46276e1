"""An unexpected error in the UI is logged with its details and shown as one calm sentence, never a traceback."""

from __future__ import annotations

import logging
import sys

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from peerdesk.ui.kit import messages


def test_an_uncaught_error_is_logged_and_shown_without_a_traceback(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    messages.install_excepthook()
    shown: list[str] = []

    def close_box() -> bool:
        for box in QApplication.topLevelWidgets():
            if isinstance(box, QMessageBox) and box.isVisible():
                shown.append(box.text())
                box.close()
                return True
        return False

    # The box runs its own modal loop: only a timer gets to close it from inside that loop.
    closer = QTimer()
    closer.setInterval(20)
    closer.timeout.connect(close_box)
    closer.start()
    with caplog.at_level(logging.ERROR, logger="peerdesk.ui"):
        try:
            raise KeyError("a bug")
        except KeyError:
            sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]
        qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    closer.stop()
    assert "unexpected error in the user interface" in caplog.text
    assert "KeyError" in caplog.text
    [text] = shown
    assert "did not expect" in text and "Traceback" not in text and "a bug" not in text


def test_a_refusal_in_a_panel_people_type_in_is_said_in_its_bar_and_elsewhere_in_a_box(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QMainWindow, QVBoxLayout, QWidget

    from peerdesk.errors import UserError
    from peerdesk.ui.kit.notice_bar import NoticeBar
    from tests.helpers.modals import no_box_may_open

    window = QMainWindow()
    panel = QWidget()
    QVBoxLayout(panel).addWidget(NoticeBar(messages.TYPING_NOTICES))
    window.setCentralWidget(panel)
    qtbot.addWidget(window)
    window.show()
    bar = panel.findChild(NoticeBar)
    assert isinstance(bar, NoticeBar)
    with no_box_may_open() as boxes:
        messages.refused(panel, "Make a thorn", UserError("Put the cursor on a line with words on it."))
    assert boxes == [] and bar.text() == "Make a thorn: Put the cursor on a line with words on it."
    bar.dismiss()
    with no_box_may_open() as boxes:
        QTimer.singleShot(0, lambda: messages.refused(window, "Edit aim", UserError("Too long.")))
        qtbot.waitUntil(lambda: bool(boxes), timeout=5000)
    assert boxes == ["Edit aim: Too long."] and bar.isHidden()


def test_a_refusal_while_typing_in_any_text_field_is_said_in_the_window_bar_and_typing_goes_on(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QLineEdit, QMainWindow, QVBoxLayout, QWidget

    from peerdesk.errors import UserError
    from peerdesk.ui.kit.notice_bar import NoticeBar
    from tests.helpers.modals import no_box_may_open

    window = QMainWindow()
    page = QWidget()
    column = QVBoxLayout(page)
    column.addWidget(NoticeBar(messages.WINDOW_NOTICES))
    field = QLineEdit()
    column.addWidget(field)
    window.setCentralWidget(page)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    bar = window.findChild(NoticeBar)
    assert isinstance(bar, NoticeBar)
    with no_box_may_open() as boxes:
        qtbot.keyClicks(field, "Early help")
        messages.refused(page, "Edit aim", UserError("The aim is too long."))
        qtbot.keyClicks(field, " and the front door")
    assert boxes == [] and bar.text() == "Edit aim: The aim is too long."
    assert field.text() == "Early help and the front door" and field.hasFocus()


def test_a_notice_that_only_informs_goes_to_the_status_bar_of_its_window(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QLabel, QMainWindow

    window = QMainWindow()
    label = QLabel("a panel")
    window.setCentralWidget(label)
    qtbot.addWidget(window)
    messages.info(label, "Make it a top action", "Select one idea on the wall first.")
    assert window.statusBar().currentMessage() == "Make it a top action: Select one idea on the wall first."


@pytest.mark.parametrize(("destructive", "enter_does_it"), [(False, True), (True, False)])
def test_enter_on_a_question_does_it_unless_it_cannot_be_taken_back(
    qtbot: QtBot, destructive: bool, enter_does_it: bool
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    def press_enter() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        QTest.keyClick(box, Qt.Key.Key_Return)

    QTimer.singleShot(0, press_enter)
    assert messages.confirm(None, "Delete", "Delete it for good?", "Delete", destructive=destructive) is enter_does_it


@pytest.mark.parametrize("ask", ["error", "confirm", "info"])
def test_a_box_shows_a_name_with_markup_as_it_is_written(qtbot: QtBot, ask: str) -> None:
    """A colleague named "<b>Sam</b>" (or a file so named) is shown so, not in bold: boxes are plain text."""
    from PySide6.QtCore import Qt

    from peerdesk.errors import UserError

    seen: list[tuple[Qt.TextFormat, str]] = []

    def look() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append((box.textFormat(), box.text()))
        box.reject()

    QTimer.singleShot(0, look)
    name = "<b>Sam</b> <img src='x' width='9999'>"
    if ask == "error":
        messages.error(None, "Could not import", UserError(f"{name} is not on the team."), about=f"{name}.pdbundle")
    elif ask == "confirm":
        messages.confirm(None, "Remove", f"Remove {name} from the team?", "Remove")
    else:
        messages.info(None, "Imported", f"From {name}")
    [(text_format, text)] = seen
    assert text_format == Qt.TextFormat.PlainText and name in text

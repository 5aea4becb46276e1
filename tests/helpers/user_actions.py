"""Counting what a user does in the real window, for the Day 1, evening and Day 2 walkthrough tests.

One action: a click, one key or key chord (Enter, Tab, Ctrl+I), or one field's worth of typing (a sentence).
Reading and moving the mouse do not count. A modal dialog is answered from a timer while its ``exec`` runs, as a
person answers it; whatever goes wrong there is kept and raised by ``check``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget
from pytestqt.qtbot import QtBot

from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.shell.main_window import MainWindow


class Counted:
    def __init__(self, qtbot: QtBot) -> None:
        self.qtbot = qtbot
        self.log: list[str] = []
        self.failures: list[BaseException] = []
        self._timers: list[QTimer] = []

    @property
    def count(self) -> int:
        return len(self.log)

    def click(self, widget: QWidget, what: str = "", pos: QPoint | None = None) -> None:
        assert widget.isVisible() and widget.isEnabled(), f"cannot click {what or widget}: hidden or disabled"
        if pos is None and isinstance(widget, QAbstractButton):
            pos = widget.rect().center()
        QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos or QPoint())
        self.log.append(f"click {what or type(widget).__name__}")

    def key(self, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        """A key or chord, sent where the keyboard focus is (as a person's key press goes), else to the window."""
        target = QApplication.focusWidget() or QApplication.activeWindow()
        assert target is not None, "no window has the keyboard focus"
        # logged first: a key that opens a modal dialog returns only after the dialog's own keys
        self.log.append(f"key {modifiers.name + '+' if modifiers.name and modifiers.value else ''}{key.name}")
        QTest.keyClick(target, key, modifiers)

    def type(self, text: str, what: str = "") -> None:
        """A field's worth of typing where the focus is."""
        target = QApplication.focusWidget()
        assert target is not None, "no widget has the keyboard focus"
        QTest.keyClicks(target, text)
        self.log.append(f"type {what or repr(text[:24])}")

    def when_modal(self, name: str, answer: Callable[[QWidget], None]) -> None:
        """Answer the modal dialog called ``name`` (its objectName) when it shows, with ``answer(dialog)``; the
        actions it takes are counted by the calls it makes. Other modal windows (a progress dialog) are left be."""
        timer = QTimer()
        timer.setInterval(20)

        def poll() -> None:
            modal = QApplication.activeModalWidget()
            if modal is None or modal.objectName() != name or not modal.isVisible():
                return
            if QApplication.activeWindow() is not modal:  # a window manager gives a new dialog the focus
                modal.activateWindow()
                return
            timer.stop()
            try:
                answer(modal)
            except BaseException as exc:  # kept for check(): an exception here would be lost inside exec()
                self.failures.append(exc)
                modal.close()

        timer.timeout.connect(poll)
        timer.start()
        self._timers.append(timer)

    def check(self) -> None:
        if self.failures:
            raise self.failures[0]


def main_window(qtbot: QtBot, session: ReviewSession) -> MainWindow:
    """The real main window at a laptop's 1366×768, shown, active and exposed, as a walkthrough starts."""
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window

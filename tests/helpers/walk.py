"""Driving the real windows the way a user does, counting each action, for the walkthrough tests.

What counts as one action: a click, a double-click, one key or key chord (Tab, Enter, Esc, Ctrl+Shift+E), one
paste, and one field's worth of typing (a name, a passphrase, a sentence of notes). Moving the mouse and reading
do not count. Modal dialogs (``exec``) are driven from a timer while they run, as the user would answer them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QFileDialog, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

W = TypeVar("W", bound=QWidget)


class Walk:
    def __init__(self, qtbot: QtBot) -> None:
        self.qtbot = qtbot
        self.actions: list[str] = []
        self._timers: list[QTimer] = []
        self.failures: list[BaseException] = []  # raised while answering a modal dialog; see ``check``

    @property
    def count(self) -> int:
        return len(self.actions)

    def _did(self, what: str) -> None:
        self.actions.append(what)

    # --- single actions --------------------------------------------------------------------------------------------
    def click(self, widget: QWidget, what: str = "") -> None:
        assert widget.isVisible() and widget.isEnabled(), f"cannot click {what or widget}: hidden or disabled"
        if isinstance(widget, QAbstractButton):
            # The middle of the button, as a person aims: a clipped button is still clicked where it shows.
            QTest.mouseClick(widget, Qt.MouseButton.LeftButton, pos=widget.rect().center())
        else:
            QTest.mouseClick(widget, Qt.MouseButton.LeftButton)
        self._did(f"click {what or type(widget).__name__}")

    def double_click(self, widget: QWidget, pos: QPoint, what: str = "") -> None:
        QTest.mouseDClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos)
        self._did(f"double-click {what}")

    def key(
        self, widget: QWidget, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
    ) -> None:
        QTest.keyClick(widget, key, modifiers)
        self._did(f"key {key.name} {modifiers.name or ''}".strip())

    def type(self, widget: QWidget, text: str, what: str = "") -> None:
        """Typing into the widget that has the focus (a person types where the cursor is)."""
        QTest.keyClicks(widget, text)
        self._did(f"type {what or repr(text[:20])}")

    def shortcut(
        self, window: QWidget, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
    ) -> None:
        """A window's shortcut, pressed while that window is the active one (where the user is working)."""
        window.activateWindow()
        self.qtbot.waitUntil(window.isActiveWindow, timeout=5000)
        target = QApplication.focusWidget() if window.isAncestorOf(QApplication.focusWidget()) else window
        self.key(target or window, key, modifiers)

    def paste(self, widget: QWidget) -> None:
        QTest.keyClick(widget, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
        self._did("paste")

    def focused(self) -> QWidget:
        """Where the keys go: the focus of the dialog in front, else of the active window."""
        front = QApplication.activeModalWidget() or QApplication.activeWindow()
        widget = front.focusWidget() if front is not None else QApplication.focusWidget()
        assert widget is not None, "nothing has the keyboard focus"
        return widget

    def type_here(self, text: str, what: str = "") -> None:
        self.type(self.focused(), text, what)

    def tab(self) -> None:
        self.key(self.focused(), Qt.Key.Key_Tab)

    def enter(self) -> None:
        self.key(self.focused(), Qt.Key.Key_Return)

    def name_and_passphrase(self, name: str, passphrase: str) -> None:
        """The end of the new-review and join forms: my name, the passphrase twice, each field by Tab, then Enter."""
        self.type_here(name, "your name")
        self.tab()
        self.type_here(passphrase, "passphrase")
        self.tab()
        self.type_here(passphrase, "passphrase again")
        self.enter()

    # --- modal dialogs ---------------------------------------------------------------------------------------------
    def when_modal(self, kind: type[W], answer: Callable[[W], None], timeout_ms: int = 10000) -> None:
        """Answer the next modal dialog of ``kind`` once it shows (call before the action that opens it)."""
        timer = QTimer()
        timer.setInterval(20)
        waited = [0]

        def poll() -> None:
            waited[0] += 20
            widget = QApplication.activeModalWidget()
            if isinstance(widget, kind) and widget.isVisible():
                timer.stop()
                try:
                    answer(widget)
                except BaseException as exc:  # close the dialog, or the test would wait on it for ever
                    self.failures.append(exc)
                    if isinstance(widget, QDialog):
                        widget.reject()
                    return
                QTimer.singleShot(3000, lambda: self._still_open(widget))
            elif waited[0] > timeout_ms:
                timer.stop()

        timer.timeout.connect(poll)
        timer.start()
        self._timers.append(timer)

    def _still_open(self, widget: QWidget) -> None:
        """An answered dialog that stays open refused what was entered: say what it shows, and close it."""
        try:
            visible = widget.isVisible() and widget is QApplication.activeModalWidget()
        except RuntimeError:  # already deleted: it closed
            return
        if visible and isinstance(widget, QDialog):
            shown = " / ".join(label.text() for label in widget.findChildren(QLabel) if label.isVisible())
            self.failures.append(AssertionError(f"{type(widget).__name__} stayed open: {shown}"))
            widget.reject()

    def answer_file_dialog(self, path: Path | None = None) -> None:
        """The next file dialog: type the file's name (when it is not already the suggestion) and press Enter."""

        def answer(dialog: QFileDialog) -> None:
            edit = dialog.findChild(QLineEdit, "fileNameEdit")
            assert edit is not None
            if path is not None:
                dialog.setDirectory(str(path.parent))
                edit.selectAll()
                self.type(edit, path.name, "the file's name")
            self.key(edit, Qt.Key.Key_Return)

        self.when_modal(QFileDialog, answer)

    def check(self) -> None:
        """Raise what went wrong inside a modal dialog's answer (it ran inside the dialog's own event loop)."""
        if self.failures:
            raise self.failures[0]

    def within(self, goal: int) -> None:
        self.check()
        assert self.count <= goal, f"{self.count} actions, the goal is at most {goal}: " + "; ".join(self.actions)

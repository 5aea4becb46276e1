"""An inline notice: a sentence and a few buttons across the top of a panel, never a box over the work.

A modal box that appears while someone types takes the keyboard away: the next keystrokes land on its buttons
(Space or Enter answers it) or are lost. A notice bar is part of the panel instead. Neither the bar nor its buttons
take keyboard focus, so typing goes on where it was; a button is clicked, or pressed from the keyboard with its
Alt+letter (each button's tooltip names it). Screen readers are told about the notice as an alert.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from types import MappingProxyType

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleEvent, QKeySequence
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

Choice = tuple[str, Callable[[], object]]  # the button's text (with its "&" mnemonic) and what it does

COLOURS = MappingProxyType(
    {"info": ("#e8f1fb", "#3f74b5"), "warning": ("#fff4d6", "#b07d12"), "error": ("#fde8e8", "#b33a3a")}
)
DISMISS = "&Dismiss"


def mnemonic(text: str) -> str:
    """The Alt+letter that presses a button labelled ``text`` ("" when it has none)."""
    key = QKeySequence.mnemonic(text)
    return key.toString(QKeySequence.SequenceFormat.NativeText)


class NoticeBar(QFrame):
    """Hidden until ``show_notice``; a choice or Dismiss hides it again. (A main window's Alt+letters are its
    menus': F, E, V, I, W, A, H are taken, and Qt does nothing on a key two visible buttons share.)"""

    def __init__(self, object_name: str = "noticeBar", parent: QWidget | None = None, dismiss: str = DISMISS) -> None:
        """``dismiss`` is the Dismiss button's text: two bars in one window need two Alt+letters."""
        super().__init__(parent)
        self.dismiss_text = dismiss
        self.setObjectName(object_name)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 4, 4)
        self.label = QLabel()
        self.label.setObjectName("noticeText")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # the text may quote an error or a file name
        self.label.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        row.addWidget(self.label, 1)
        self.buttons: list[QPushButton] = []
        self._row = row
        self.kind = "info"
        self._held: bool | None = None  # while held: whether to show again on release
        self.hide()

    def hold(self) -> None:
        """Hidden until ``release``, whatever notice comes meanwhile (a locked window shows nothing of its review
        beside the lock screen, a notice naming it included). Release shows the latest one, if any is due."""
        if self._held is None:
            self._held = not self.isHidden()
            self.hide()

    def release(self) -> None:
        if self._held is not None:
            shown, self._held = self._held, None
            if shown:
                self._show_and_tell()

    def show_notice(self, text: str, choices: Sequence[Choice] = (), *, kind: str = "info", dismiss: str = "") -> None:
        """Show ``text`` with a button per choice, and Dismiss; replaces any notice shown before.

        ``dismiss`` words the button that only hides the bar when this notice says it better ("Not now" for an
        offer): one button, not a "Not now" choice beside a Dismiss that did the same."""
        for button in self.buttons:
            self._row.removeWidget(button)
            button.deleteLater()
        last = (dismiss or self.dismiss_text, lambda: None)
        self.buttons = [self._button(label, act) for label, act in (*choices, last)]
        self.kind = kind if kind in COLOURS else "info"
        fill, edge = COLOURS[self.kind]
        self.setStyleSheet(
            f"QFrame#{self.objectName()} {{ background: {fill}; border: 1px solid {edge}; border-radius: 4px; }}"
        )
        self.label.setText(text)
        self.setAccessibleName(f"Notice: {text}")
        if self._held is not None:
            self._held = True  # shown, and told, on release
            return
        self._show_and_tell()

    def _show_and_tell(self) -> None:
        self.show()  # a child widget: showing it moves no focus
        if QAccessible.isActive():
            QAccessible.updateAccessibility(QAccessibleEvent(self, QAccessible.Event.Alert))

    def _button(self, text: str, act: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        key = mnemonic(text)
        button.setToolTip(f"{text.replace('&', '')} ({key})" if key else text.replace("&", ""))

        def chosen() -> None:
            self.hide()  # first: what the choice does may show the next notice
            act()

        button.clicked.connect(chosen)
        self._row.addWidget(button)
        return button

    def button(self, text: str) -> QPushButton:
        """The button whose text, without its "&", is ``text``."""
        [found] = [b for b in self.buttons if b.text().replace("&", "") == text]
        return found

    def text(self) -> str:
        return "" if self.isHidden() else self.label.text()

    def dismiss(self) -> None:
        self.hide()

    def dismiss_if(self, start: str) -> None:
        """Hide the notice if it begins with ``start`` (what it said is no longer true)."""
        if self.text().startswith(start):
            self.hide()

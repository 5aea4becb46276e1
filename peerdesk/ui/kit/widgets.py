"""Small widgets shared by the panels."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QMouseEvent, QPaintEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QVBoxLayout,
    QWidget,
)

from peerdesk.services.passphrase import strength
from peerdesk.store.handle import MIN_PASSPHRASE
from peerdesk.ui.kit.plain import plain_tip


class EmptyState(QWidget):
    """What a panel shows when it has nothing yet: a title and a one-line hint of what to do."""

    def __init__(self, title: str, hint: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        self.title = title_label(title)
        self.hint = QLabel(hint)
        self.hint.setObjectName("emptyHint")
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addStretch(2)
        self.setAccessibleName(f"{title}. {hint}")


HINT_GAP = 6  # a row's spacing between a status line and the hint beside it


class StatusLine(QWidget):
    """One line of status text ("Typing…", "Saved") whose changes repaint that line and nothing else.

    A QLabel in a layout has the whole window laid out again whenever its text changes (Qt cannot know the new
    text's size leaves the rest in place): said after every autosave, that was most of what the main window did
    for the save. Here the label sits alone in a holder without a layout, one line high and as wide as its place:
    a new text is painted there, and a text longer than the place is cut at its edge (its whole is the tooltip).
    """

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # what a save or a colleague's import says, as said
        self.label.setObjectName(object_name)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._beside: QWidget | None = None

    def text(self) -> str:
        return self.label.text()

    def give_way(self, beside: QWidget) -> None:
        """``beside`` (a hint next to the line, in the same row) steps aside while a text needs its room too."""
        self._beside = beside

    def setText(self, text: str) -> None:
        self.label.setText(text)
        self._make_room()
        self.label.setToolTip(plain_tip(text) if self.label.sizeHint().width() > self.width() else "")

    def _make_room(self) -> None:
        beside = self._beside
        if beside is None or not self.isVisible():
            return
        # The width this line has while ``beside`` shows (it has it now, or would give it up to ``beside``).
        room = self.width() if beside.isVisible() else self.width() - beside.sizeHint().width() - HINT_GAP
        fits = self.label.sizeHint().width() <= room
        if fits != beside.isVisible():
            beside.setVisible(fits)  # a rare re-layout: "Typing…" and "Saved" always fit
            if not fits:
                self.resize(self.width() + beside.width() + HINT_GAP, self.height())  # now, not at the next layout

    def sizeHint(self) -> QSize:
        # One line of the label's font (as styled once shown), whatever the text: the layout never needs asking.
        return QSize(0, self.label.fontMetrics().height() + 2 * self.label.margin())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.label.setGeometry(self.rect())


def title_label(text: str) -> QLabel:
    """The large centred heading of a page that stands in for a panel (empty, locked, first step)."""
    label = QLabel(text)
    label.setObjectName("emptyTitle")
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


def add_to_file_menu(window: Any, action: QAction) -> None:
    """Put ``action`` in ``window``'s File menu before its lock and close actions (at the end if it has none)."""
    tail = getattr(window, "file_menu_tail", None)
    if tail is not None:
        window.file_menu.insertAction(tail, action)
    else:
        window.file_menu.addAction(action)


def scrolling(widget: QWidget) -> QScrollArea:
    """``widget`` in a frameless scroll area, so a dock or tab can be narrower than the widget's minimum.

    Without it the window's minimum width is the sum of every panel's, wider than a laptop screen.
    """
    area = QScrollArea()
    area.setObjectName(f"scroll-{widget.objectName() or type(widget).__name__}")
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    # A click on a panel's blank part or on a control that keeps the keyboard where it is (a box ticked while
    # typing notes) must not hand the keyboard to the scroll area, where the next words typed were lost. Tab still
    # stops on it, as before (its arrows scroll).
    area.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    area.setWidget(widget)
    return area


def password_edit(accessible_name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setAccessibleName(accessible_name)
    return edit


class AcceptButtons(QDialogButtonBox):
    """Cancel, and the dialog's own verb as its ``primary`` button; ``on_accept`` checks and then accepts."""

    def __init__(self, dialog: QDialog, text: str, on_accept: Callable[[], None]) -> None:
        super().__init__(QDialogButtonBox.StandardButton.Cancel)
        self.primary = self.addButton(text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.primary.setObjectName("primaryButton")
        self.accepted.connect(on_accept)
        self.rejected.connect(dialog.reject)

    def showEvent(self, event: QShowEvent) -> None:
        # Enter in any field means the dialog's verb. Left to Qt, the default went to the first push button in the
        # focus chain, which was Cancel in a dialog with a list above it (the theme picker); setting it before the
        # box is in its dialog does nothing, so it is set as the dialog shows.
        self.primary.setDefault(True)
        super().showEvent(event)


def accept_buttons(dialog: QDialog, text: str, on_accept: Callable[[], None]) -> AcceptButtons:
    """Cancel, and the dialog's own verb as its primary button; ``on_accept`` checks and then accepts."""
    return AcceptButtons(dialog, text, on_accept)


@contextmanager
def busy_cursor() -> Iterator[None]:
    """The wait cursor over the app while work of a few seconds runs on the UI thread (laying out a long print,
    building every panel), so a click meanwhile is not taken for a hang."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


def push_button(text: str, on_click: Callable[[], object]) -> QPushButton:
    """A button that calls ``on_click`` when pressed."""
    button = QPushButton(text)
    button.clicked.connect(on_click)
    return button


def ok_cancel(dialog: QDialog) -> QDialogButtonBox:
    """OK and Cancel, wired to accept and reject ``dialog``."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def wrapped_label(text: str, *, plain: bool = False) -> QLabel:
    """A paragraph of explanation that wraps to the dialog's width; ``plain`` for text that comes from outside."""
    label = QLabel(text)
    label.setWordWrap(True)
    if plain:
        label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class _ToggleLabel(QLabel):
    """A check box's wrapping text: clicking it ticks the box, as clicking a check box's own text does."""

    def __init__(self, text: str, box: QCheckBox) -> None:
        super().__init__(text)
        self.box = box
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setBuddy(box)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.box.isEnabled():
            self.box.click()
        super().mouseReleaseEvent(event)


def wrapping_check(text: str) -> tuple[QWidget, QCheckBox]:
    """A check box whose text wraps to the width it is given (Qt's own check box text never wraps)."""
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    box = QCheckBox()
    box.setAccessibleName(text)
    box.setToolTip(plain_tip(text))
    layout.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
    layout.addWidget(_ToggleLabel(text, box), 1)
    return row, box


def confirm_discard(parent: QWidget, what: str) -> bool:
    """Before Esc or Cancel throws away typing: ask, with keeping it as the default (Enter keeps typing)."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "Throw away what you typed?",
        f"You have started {what}. Close it and throw away what you typed?",
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    box.setObjectName("confirmDiscard")
    discard = box.addButton("Throw it away", QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton("Keep typing", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is discard


def error_label() -> QLabel:
    """Where a dialog says what is wrong with what was entered; hidden until then."""
    label = QLabel()
    label.setObjectName("errorText")
    label.setWordWrap(True)
    label.hide()
    return label


def passphrase_rows(form: QFormLayout, label: str = "Passphrase") -> tuple[QLineEdit, StrengthMeter, QLineEdit]:
    """A new passphrase typed twice, its strength shown between: the rows of every form that sets one.

    Returns the first field, the meter and the second field (named ``label`` and "``label`` again").
    """
    first, again = password_edit(label), password_edit(f"{label} again")
    meter = StrengthMeter(first)
    form.addRow(label, first)
    form.addRow("", meter)
    form.addRow("Type it again", again)
    return first, meter, again


class StrengthMeter(QWidget):
    """A bar and a hint that follow how strong the passphrase typed into ``edit`` is."""

    def __init__(self, edit: QLineEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.bar = QProgressBar()
        self.bar.setRange(0, 4)
        self.bar.setTextVisible(False)
        self.bar.setFixedHeight(6)
        self.bar.setAccessibleName("Passphrase strength")
        self.hint = QLabel(f"At least {MIN_PASSPHRASE} characters. A few unrelated words work well.")
        self.hint.setObjectName("hintText")
        self.hint.setWordWrap(True)
        layout.addWidget(self.bar)
        layout.addWidget(self.hint)
        edit.textChanged.connect(self.update_for)

    def update_for(self, text: str) -> None:
        result = strength(text)
        self.bar.setValue(result.score)
        self.hint.setText(result.hint)


TAIL_ROLE = Qt.ItemDataRole.UserRole + 20  # an item's ending an ``ElidingComboBox`` keeps whole (a count, a tick)


class ElidingComboBox(QComboBox):
    """A combo box narrower than its choices: closed, it shows the current one cut at a letter with "…" (Qt cuts
    it through a letter), keeping its ``TAIL_ROLE`` ending whole; the open list and the tooltip show it all."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentTextChanged.connect(lambda text: self.setToolTip(plain_tip(text)))

    def shown_text(self) -> str:
        """The current choice as the closed box draws it, fitted to its text field."""
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        combo, field = QStyle.ComplexControl.CC_ComboBox, QStyle.SubControl.SC_ComboBoxEditField
        # Qt's styles draw the label 1 px in from each side of the field
        room = self.style().subControlRect(combo, option, field, self).width() - 2
        text, metrics = self.currentText(), self.fontMetrics()
        if metrics.horizontalAdvance(text) <= room:
            return text
        tail = str(self.currentData(TAIL_ROLE) or "")
        head = text[: len(text) - len(tail)] if tail and text.endswith(tail) else text
        tail = text[len(head) :]
        cut = metrics.elidedText(head, Qt.TextElideMode.ElideRight, room - metrics.horizontalAdvance(tail)) + tail
        fits = metrics.horizontalAdvance(cut) <= room and cut != tail
        return cut if fits else metrics.elidedText(text, Qt.TextElideMode.ElideRight, room)  # too narrow for both

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.isEditable():
            super().paintEvent(event)
            return
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        option.currentText = self.shown_text()
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)

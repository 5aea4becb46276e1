"""Small widgets shared by the panels."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from peerdesk.services.passphrase import strength
from peerdesk.store.engine import MIN_PASSPHRASE


class EmptyState(QWidget):
    """What a panel shows when it has nothing yet: a title and a one-line hint of what to do."""

    def __init__(self, title: str, hint: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        self.title = QLabel(title)
        self.title.setObjectName("emptyTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint = QLabel(hint)
        self.hint.setObjectName("emptyHint")
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addStretch(2)
        self.setAccessibleName(f"{title}. {hint}")


def scrolling(widget: QWidget) -> QScrollArea:
    """``widget`` in a frameless scroll area, so a dock or tab can be narrower than the widget's minimum.

    Without it the window's minimum width is the sum of every panel's, wider than a laptop screen.
    """
    area = QScrollArea()
    area.setObjectName(f"scroll-{widget.objectName() or type(widget).__name__}")
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(widget)
    return area


def password_edit(accessible_name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setAccessibleName(accessible_name)
    return edit


def accept_buttons(dialog: QDialog, text: str, on_accept: Callable[[], None]) -> QDialogButtonBox:
    """Cancel, and the dialog's own verb as its default button; ``on_accept`` checks and then accepts."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    button = buttons.addButton(text, QDialogButtonBox.ButtonRole.AcceptRole)
    button.setObjectName("primaryButton")
    buttons.accepted.connect(on_accept)
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
    box.setToolTip(text)
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

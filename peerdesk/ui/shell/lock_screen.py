"""What a locked review shows instead of itself: a passphrase field; the review's widgets keep what was typed."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.kit.widgets import push_button, title_label


class LockScreen(QWidget):
    """Shown instead of the review while locked; the review's widgets keep what was typed, hidden."""

    unlocked = Signal()

    def __init__(self, session: ReviewSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("lockScreen")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        title = title_label("This review is locked")
        layout.addWidget(title)
        hint = QLabel("Enter the passphrase to carry on where you left off.")
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(hint)
        self.edit = QLineEdit()
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.edit.setAccessibleName("Passphrase")
        self.edit.setObjectName("unlockPassphrase")
        self.edit.setMaximumWidth(360)
        self.edit.returnPressed.connect(self.try_unlock)
        layout.addWidget(self.edit, alignment=Qt.AlignmentFlag.AlignHCenter)
        self.error = QLabel("")
        self.error.setObjectName("errorText")
        self.error.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.error)
        button = push_button("Unlock", self.try_unlock)
        layout.addWidget(button, alignment=Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

    def try_unlock(self) -> None:
        if self.session.check_passphrase(self.edit.text()):
            self.edit.clear()
            self.error.setText("")
            self.unlocked.emit()
        else:
            self.error.setText("That passphrase is not right.")
            self.edit.selectAll()

"""Dialogs for opening and creating reviews, and for the passphrase."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from peerdesk.services import review as review_service
from peerdesk.store.engine import MIN_PASSPHRASE
from peerdesk.ui.kit.widgets import StrengthMeter, error_label, password_edit

SUFFIX = ".peerdesk"
FILE_FILTER = "peerdesk reviews (*.peerdesk);;All files (*)"


class PassphraseDialog(QDialog):
    """Asks for the passphrase of an existing review; shows why the last attempt failed."""

    def __init__(self, path: Path, parent: QWidget | None = None, *, message: str = "", title: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(title or "Open review")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"Passphrase for <b>{path.name}</b>"))
        self.edit = QLineEdit()
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.edit.setObjectName("passphrase")
        self.edit.setAccessibleName("Passphrase")
        layout.addWidget(self.edit)
        self.error = QLabel(message)
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)
        self.error.setVisible(bool(message))
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(380)

    def passphrase(self) -> str:
        return self.edit.text()


class NewReviewDialog(QDialog):
    """Only the essentials: host authority, area of focus, visit dates, your name and role, a passphrase."""

    def __init__(self, parent: QWidget | None = None, folder: Path | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("New review")
        self.setMinimumWidth(520)
        self.folder = folder or Path.home()
        layout = QVBoxLayout(self)
        intro = QLabel("Start with the essentials; everything else can be filled in later.")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.authority = QLineEdit()
        self.authority.setPlaceholderText("e.g. Eastmere Borough Council")
        self.focus = QLineEdit()
        self.focus.setPlaceholderText("e.g. Early help and the front door")
        self.day1 = QDateEdit(QDate.currentDate().addDays(28))
        self.day1.setCalendarPopup(True)
        self.day1.setDisplayFormat("d MMM yyyy")
        self.day2 = QDateEdit(self.day1.date().addDays(1))
        self.day2.setCalendarPopup(True)
        self.day2.setDisplayFormat("d MMM yyyy")
        self.day1.dateChanged.connect(lambda d: self.day2.setDate(d.addDays(1)))
        self.me = QLineEdit()
        self.role = QComboBox()
        for role in review_service.ROLES:
            self.role.addItem(review_service.ROLE_LABELS[role], role)
        self.file = QLineEdit()
        browse = QPushButton("Choose…")
        browse.clicked.connect(self._browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file, 1)
        file_row.addWidget(browse)
        self.pass1 = password_edit("Passphrase")
        self.pass2 = password_edit("Passphrase again")
        self.strength = StrengthMeter(self.pass1)
        for label, widget in (
            ("Host authority", self.authority),
            ("Area of focus", self.focus),
            ("Day 1", self.day1),
            ("Day 2", self.day2),
            ("Your name", self.me),
            ("Your role", self.role),
        ):
            widget.setAccessibleName(label)
            form.addRow(label, widget)
        form.addRow("Save as", file_row)
        form.addRow("Passphrase", self.pass1)
        form.addRow("", self.strength)
        form.addRow("Type it again", self.pass2)
        layout.addLayout(form)
        self.error = error_label()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.create_button = self.buttons.addButton("Create review", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self._validate)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.authority.textChanged.connect(self._suggest_file)
        self._file_touched = False
        self.file.textEdited.connect(lambda _t: setattr(self, "_file_touched", True))

    def _suggest_file(self, text: str) -> None:
        if self._file_touched:
            return
        stem = "".join(c if c.isalnum() else "-" for c in text.lower()).strip("-") or "review"
        while "--" in stem:
            stem = stem.replace("--", "-")
        self.file.setText(str(self.folder / f"{stem}{SUFFIX}"))

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Save the review as", self.file.text(), FILE_FILTER)
        if path:
            if not path.endswith(SUFFIX):
                path += SUFFIX
            self.file.setText(path)
            self._file_touched = True

    def _fail(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def _validate(self) -> None:
        if not self.authority.text().strip():
            return self._fail("Enter the host authority's name.")
        if not self.me.text().strip():
            return self._fail("Enter your name.")
        if not self.file.text().strip():
            return self._fail("Choose where to save the review.")
        if Path(self.file.text()).exists():
            return self._fail("A file with that name already exists: choose another name.")
        if len(self.pass1.text()) < MIN_PASSPHRASE:
            return self._fail(f"The passphrase must be at least {MIN_PASSPHRASE} characters long.")
        if self.pass1.text() != self.pass2.text():
            return self._fail("The two passphrases differ.")
        if self.day2.date() < self.day1.date():
            return self._fail("Day 2 cannot be before Day 1.")
        self.accept()

    def essentials(self) -> review_service.Essentials:
        return review_service.Essentials(
            authority=self.authority.text().strip(),
            focus=self.focus.text().strip(),
            me_name=self.me.text().strip(),
            me_role=str(self.role.currentData()),
            visit_start=_to_date(self.day1.date()),
            visit_end=_to_date(self.day2.date()),
        )

    def path(self) -> Path:
        return Path(self.file.text()).expanduser()

    def passphrase(self) -> str:
        return self.pass1.text()


def _to_date(qdate: QDate) -> dt.date:
    return dt.date(qdate.year(), qdate.month(), qdate.day())


def choose_review_file(parent: QWidget | None) -> Path | None:
    path, _ = QFileDialog.getOpenFileName(parent, "Open a review", str(Path.home()), FILE_FILTER)
    return Path(path) if path else None


__all__ = ["NewReviewDialog", "PassphraseDialog", "Qt", "choose_review_file"]

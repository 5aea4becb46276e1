"""Dialogs for opening and creating reviews, and for the passphrase."""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from peerdesk import REVIEW_SUFFIX, files
from peerdesk.files import file_stem
from peerdesk.store.handle import MIN_PASSPHRASE
from peerdesk.ui.kit.dates import DateField
from peerdesk.ui.kit.widgets import (
    accept_buttons,
    confirm_discard,
    error_label,
    ok_cancel,
    passphrase_rows,
    push_button,
    wrapped_label,
)

if TYPE_CHECKING:
    from peerdesk.services.review import Essentials

FILE_FILTER = "peerdesk reviews (*.peerdesk);;All files (*)"


def review_file_row(field: QLineEdit, chosen: Callable[[], None]) -> tuple[QHBoxLayout, QPushButton]:
    """``field`` (where a new review file goes) with its "Choose…" button, which asks where to save it; ``chosen``
    is called once a place was picked."""

    def choose() -> None:
        if _choose_review_file(field):
            chosen()

    browse = push_button("Choose…", choose)
    browse.setAutoDefault(False)  # Enter in a field must not open a file dialog
    browse.setAccessibleName("Choose where to save the review")
    row = QHBoxLayout()
    row.addWidget(field, 1)
    row.addWidget(browse)
    return row, browse


def _choose_review_file(field: QLineEdit) -> bool:
    path, _ = QFileDialog.getSaveFileName(field.window(), "Save the review as", field.text(), FILE_FILTER)
    if not path:
        return False
    field.setText(path if path.endswith(REVIEW_SUFFIX) else path + REVIEW_SUFFIX)
    return True


class PassphraseDialog(QDialog):
    """Asks for the passphrase of an existing review; shows why the last attempt failed (``message``), or what the
    passphrase is asked for (``hint``), under the field."""

    def __init__(
        self, path: Path, parent: QWidget | None = None, *, message: str = "", title: str = "", hint: str = ""
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title or "Open review")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"Passphrase for <b>{html.escape(path.name)}</b>"))
        self.edit = QLineEdit()
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.edit.setObjectName("passphrase")
        self.edit.setAccessibleName("Passphrase")
        layout.addWidget(self.edit)
        self.error = QLabel(message or hint)
        self.error.setObjectName("errorText" if message else "hintText")
        self.error.setWordWrap(True)
        self.error.setVisible(bool(message or hint))
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self))
        self.setMinimumWidth(380)

    def passphrase(self) -> str:
        return self.edit.text()

    def say_wrong(self, message: str) -> None:
        """Say, in the error's colour, why the passphrase typed was refused; it is selected, ready to be typed over."""
        self.error.setObjectName("errorText")
        self.error.setStyle(self.error.style())  # the object name changed: the style sheet's colour follows
        self.error.setText(message)
        self.error.show()
        self.edit.selectAll()
        self.edit.setFocus()


def first_visit_day(today: QDate) -> QDate:
    """Day 1 as first offered: about four weeks ahead (a visit is planned weeks before), on a Monday to Thursday so
    that Day 2, the next day, is a working day too."""
    day = today.addDays(28)
    while day.dayOfWeek() > 4:  # Friday, Saturday, Sunday: on to the Monday
        day = day.addDays(1)
    return day


class NewReviewDialog(QDialog):
    """Only the essentials: host authority, your name and a passphrase first (enough to start); then the area
    of focus, the visit dates, your role and the file, which have sensible defaults and can be changed later."""

    def __init__(self, parent: QWidget | None = None, folder: Path | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("New review")
        self.setMinimumWidth(520)
        self.folder = folder or Path.home()
        layout = QVBoxLayout(self)
        intro = wrapped_label("Start with the essentials; everything else can be filled in later.")
        layout.addWidget(intro)
        form = QFormLayout()
        self.authority = QLineEdit()
        self.authority.setPlaceholderText("e.g. Eastmere Borough Council")
        self.focus = QLineEdit()
        self.focus.setPlaceholderText("e.g. Early help and the front door")
        self.day1 = DateField(first_visit_day(QDate.currentDate()))
        self.day2 = DateField(self.day1.date().addDays(1))
        self.day1.dateChanged.connect(lambda d: self.day2.setDate(d.addDays(1)))
        self.me = QLineEdit()
        self.role = QComboBox()
        # Here, not at the top: the passphrase dialog in this module shows before the storage layer has loaded.
        from peerdesk.services import review as review_service

        for role in review_service.ROLES:
            self.role.addItem(review_service.ROLE_LABELS[role], role)
        self.file = QLineEdit()
        file_row, _browse = review_file_row(self.file, lambda: setattr(self, "_file_touched", True))
        # What is needed to start comes first, in the order Tab visits it; the rest has defaults.
        self._rows(form, (("Host authority", self.authority), ("Your name", self.me)))
        self.pass1, self.strength, self.pass2 = passphrase_rows(form)
        later = QLabel("These can wait: change them later in the Overview.")
        later.setObjectName("hintText")
        form.addRow(later)
        self._rows(
            form,
            (("Area of focus", self.focus), ("Day 1", self.day1), ("Day 2", self.day2), ("Your role", self.role)),
        )
        form.addRow("Save as", file_row)
        layout.addLayout(form)
        self.error = error_label()
        layout.addWidget(self.error)
        self.buttons = accept_buttons(self, "Create review", self._validate)
        self.create_button = self.buttons.primary
        self.create_button.setDefault(True)  # Enter in any field creates the review (after the checks)
        layout.addWidget(self.buttons)
        self.authority.textChanged.connect(self._suggest_file)
        self._file_touched = False
        self.file.textEdited.connect(lambda _t: setattr(self, "_file_touched", True))
        self.authority.setFocus()

    @staticmethod
    def _rows(form: QFormLayout, rows: tuple[tuple[str, QWidget], ...]) -> None:
        for label, widget in rows:
            widget.setAccessibleName(label)
            form.addRow(label, widget)

    def reject(self) -> None:
        """Esc or Cancel on a half-typed review asks before throwing the typing away."""
        typed = (self.authority, self.focus, self.me, self.pass1)
        if any(edit.text() for edit in typed) and not confirm_discard(self, "this new review"):
            return
        super().reject()

    def _suggest_file(self, text: str) -> None:
        if self._file_touched:
            return
        self.file.setText(str(self.folder / f"{file_stem(text, 'review')}{REVIEW_SUFFIX}"))

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
        target = Path(self.file.text())
        if why := files.unusable_name(target):
            return self._fail(f"That file name cannot be used: {why}.")
        if target.exists():
            return self._fail("A file with that name already exists: choose another name.")
        if len(self.pass1.text()) < MIN_PASSPHRASE:
            return self._fail(f"The passphrase must be at least {MIN_PASSPHRASE} characters long.")
        if self.pass1.text() != self.pass2.text():
            return self._fail("The two passphrases differ.")
        if self.day2.date() < self.day1.date():
            return self._fail("Day 2 cannot be before Day 1.")
        self.accept()

    def essentials(self) -> Essentials:
        from peerdesk.services.review import Essentials

        return Essentials(
            authority=self.authority.text().strip(),
            focus=self.focus.text().strip(),
            me_name=self.me.text().strip(),
            me_role=str(self.role.currentData()),
            visit_start=self.day1.value(),
            visit_end=self.day2.value(),
        )

    def path(self) -> Path:
        return Path(self.file.text()).expanduser()

    def passphrase(self) -> str:
        return self.pass1.text()


def choose_review_file(parent: QWidget | None) -> Path | None:
    path, _ = QFileDialog.getOpenFileName(parent, "Open a review", str(Path.home()), FILE_FILTER)
    return Path(path) if path else None

"""Joining a review from the lead's invitation, and sending my card back: the member's side of building a team."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from peerdesk import REVIEW_SUFFIX, files
from peerdesk.exchange.cards import INVITE_LABEL, Invitation, read_file
from peerdesk.exchange.display import clip
from peerdesk.exchange.errors import CardRefused
from peerdesk.files import file_stem
from peerdesk.services import review as review_service
from peerdesk.services import team
from peerdesk.store.handle import MIN_PASSPHRASE
from peerdesk.ui.kit.widgets import accept_buttons, confirm_discard, error_label, passphrase_rows, wrapped_label
from peerdesk.ui.shell.dialogs import review_file_row


def invitation_on_clipboard() -> str:
    """The clipboard's text when it holds an invitation (the lead emailed it; the member just copied it)."""
    text = QGuiApplication.clipboard().text()
    return text if f"BEGIN {INVITE_LABEL}" in text else ""


def free_path(folder: Path, stem: str) -> Path:
    """``folder/stem.peerdesk``, or ``stem-2``, ``stem-3``… when that file exists: joining never overwrites."""
    path, n = folder / f"{stem}{REVIEW_SUFFIX}", 1
    while path.exists():
        n += 1
        path = folder / f"{stem}-{n}{REVIEW_SUFFIX}"
    return path


class JoinDialog(QDialog):
    """The invitation (taken from the clipboard when it is there), my name, a passphrase: my own file of the review."""

    def __init__(self, parent: QWidget | None = None, folder: Path | None = None, invitation: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("joinDialog")
        self.setWindowTitle("Join a review")
        self.setMinimumWidth(560)
        self.folder = folder or Path.home()
        self.invitation: Invitation | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(
            wrapped_label(
                "Paste the invitation the lead sent you (from -----BEGIN to -----END), or load the .invite file. "
                "The review's content arrives with the lead's first bundle."
            )
        )
        self.text = QPlainTextEdit()
        self.text.setObjectName("invitationText")
        self.text.setAccessibleName("Invitation")
        self.text.setTabChangesFocus(True)  # Tab goes on (to its file button, then the name), as in every field
        self.text.setMinimumHeight(90)
        layout.addWidget(self.text, 1)
        load = QPushButton("&Load from file…")
        load.setAutoDefault(False)  # Enter in a field must not open a file dialog
        load.clicked.connect(lambda: self._load())
        layout.addWidget(load, alignment=Qt.AlignmentFlag.AlignLeft)
        self.verdict = QLabel("")
        self.verdict.setObjectName("invitationResult")
        self.verdict.setWordWrap(True)
        self.verdict.setTextFormat(Qt.TextFormat.PlainText)  # the lead's name comes from outside
        layout.addWidget(self.verdict)

        form = QFormLayout()
        self.me = QLineEdit()
        self.me.setAccessibleName("Your name")
        self.role = QComboBox()
        self.role.setAccessibleName("Your role")
        for role in review_service.ROLES:
            if role != "lead":
                self.role.addItem(review_service.ROLE_LABELS[role], role)
        self.file = QLineEdit(str(free_path(self.folder, "joined-review")))
        self.file.setAccessibleName("Save as")
        file_row, browse = review_file_row(self.file, lambda: setattr(self, "_file_touched", True))
        form.addRow("Your name", self.me)
        self.pass1, self.strength, self.pass2 = passphrase_rows(form)
        form.addRow("Your role", self.role)
        form.addRow("Save as", file_row)
        layout.addLayout(form)
        self.error = error_label()
        layout.addWidget(self.error)
        self.buttons = accept_buttons(self, "Join the review", self._validate)
        self.join_button = self.buttons.primary
        layout.addWidget(self.buttons)
        # Tab in the order the fields are laid out (the invitation, its file, then the form below)
        order = (self.text, load, self.me, self.pass1, self.pass2, self.role, self.file, browse)
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)
        self._file_touched = False
        self.file.textEdited.connect(lambda _t: setattr(self, "_file_touched", True))
        self.text.textChanged.connect(self._read)
        self.text.setPlainText(invitation or invitation_on_clipboard())
        # With the invitation already in, the first thing left to type is the name.
        (self.me if self.invitation is not None else self.text).setFocus()

    def reject(self) -> None:
        """Esc or Cancel after typing asks before throwing it away."""
        if any(edit.text() for edit in (self.me, self.pass1)) and not confirm_discard(self, "joining this review"):
            return
        super().reject()

    def _load(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Load an invitation", str(self.folder), "Invitations (*.invite)")
        if path:
            try:
                self.text.setPlainText(read_file(Path(path), "invitation"))
            except CardRefused as exc:
                self.text.clear()
                self.verdict.setText(str(exc))
                return
            if self.invitation is not None:  # as with a pasted one: the name is next, not the file button again
                self.me.setFocus()

    def _read(self) -> None:
        raw = self.text.toPlainText()
        try:
            self.invitation = team.read_invite(raw)
        except CardRefused as exc:
            self.invitation = None
            self.verdict.setText(str(exc) if raw.strip() else "")
            return
        lead = self.invitation.lead
        self.verdict.setText(
            f"Invitation from {lead.name}. Their fingerprint is {lead.fingerprint}: "
            "it should match what they read aloud at the pre-briefing."
        )
        if not self._file_touched:
            self.file.setText(str(free_path(self.folder, f"review-with-{file_stem(lead.name, 'the-lead')}")))

    def _fail(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def _validate(self) -> None:
        if self.invitation is None:
            return self._fail("Paste the lead's invitation first.")
        if not self.me.text().strip():
            return self._fail("Enter your name: it identifies your work to the rest of the team.")
        if len(self.pass1.text()) < MIN_PASSPHRASE:
            return self._fail(f"The passphrase must be at least {MIN_PASSPHRASE} characters long.")
        if self.pass1.text() != self.pass2.text():
            return self._fail("The two passphrases differ.")
        target = Path(self.file.text()).expanduser()
        if files.unusable_name(target):
            return self._fail(f"That file name cannot be used: {files.unusable_name(target)}.")
        if target.exists():
            return self._fail("A file with that name already exists: choose another name.")
        self.accept()

    def path(self) -> Path:
        return Path(self.file.text()).expanduser()

    def passphrase(self) -> str:
        return self.pass1.text()

    def name(self) -> str:
        return self.me.text().strip()

    def member_role(self) -> str:
        return str(self.role.currentData())


class MyCardDialog(QDialog):
    """Right after joining: my card, to send to the lead, copied in one click."""

    def __init__(self, card_text: str, fingerprint: str, lead: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("myCardDialog")
        self.setWindowTitle("Send your card to the lead")
        self.setMinimumWidth(560)
        self.card_text = card_text
        self.lead = lead
        layout = QVBoxLayout(self)
        intro = (
            f"You joined. Send your card to {lead} by email; they add it in Team and their first bundle brings "
            f"the review to you. Your fingerprint is {fingerprint}: read it aloud to them."
        )
        layout.addWidget(wrapped_label(intro, plain=True))  # the lead's name comes from outside
        text = QPlainTextEdit(card_text)
        text.setObjectName("myCard")
        text.setReadOnly(True)
        text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        layout.addWidget(text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = buttons.addButton("Copy my card", QDialogButtonBox.ButtonRole.AcceptRole)
        self.copy_button.setObjectName("primaryButton")
        self.copy_button.clicked.connect(lambda: self.copy())
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.copy_button.setDefault(True)
        self.copy_button.setFocus()

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.card_text)
        window = self.parentWidget()
        if isinstance(window, QMainWindow):  # the dialog closes: what was done, and what is next, stays in view
            window.statusBar().showMessage(
                f"Your card is copied: paste it into an email to {clip(self.lead)}. Their first bundle brings the "
                "review.",
                60000,
            )
        self.accept()

"""Team: who is on the review, their roles and fingerprints, verifying, adding cards, removing; a member's card."""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path
from types import MappingProxyType
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from peerdesk.errors import UserError
from peerdesk.exchange.cards import CARD_LABEL, Card, read_card, read_file
from peerdesk.exchange.display import clip
from peerdesk.exchange.errors import CardRefused
from peerdesk.files import file_stem, write_private_text
from peerdesk.services import review as review_service
from peerdesk.services import team
from peerdesk.services.changes import Changes
from peerdesk.store.engine import Store
from peerdesk.ui.kit import messages, ops
from peerdesk.ui.kit.dialogs import FIT, STRETCH, SessionDialog, dialog_layout, selected_row, table_view
from peerdesk.ui.kit.list_model import SessionTableModel
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.kit.widgets import accept_buttons, push_button
from peerdesk.ui.team.roles import change_role

Index = QModelIndex | QPersistentModelIndex
HEADERS = ("Name", "Role", "Fingerprint", "Status")
STATUS_COLOURS = MappingProxyType(
    {"not verified": "#a4161a", "removed": "#6c757d", "verified": "#2d6a4f", "you": "#1d3557"}
)


class TeamModel(SessionTableModel[team.TeamMember]):
    headers = HEADERS
    watched = ("members",)

    def fetch(self) -> list[team.TeamMember]:
        return team.members(self.session.store)

    def cell(self, p: team.TeamMember, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            role_label = review_service.ROLE_LABELS.get(p.role, p.role)
            return (
                clip(p.name) + (" (lead)" if p.is_lead and p.role != "lead" else ""),
                role_label,
                p.fingerprint,
                p.status,
            )[col]
        if role == Qt.ItemDataRole.ForegroundRole and col == 3:
            return QColor(STATUS_COLOURS.get(p.status, "#000000"))
        if role == Qt.ItemDataRole.FontRole and col == 2:
            return QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        if role == Qt.ItemDataRole.ToolTipRole and col == 3 and p.status == "not verified":
            return "Their keys changed since you last compared fingerprints: nothing is sent to them until you verify."
        return None


class AddCardDialog(QDialog):
    """Paste or load a colleague's card; shows its fingerprint to compare aloud before adding."""

    def __init__(self, parent: QWidget | None = None, check: Callable[[Card], None] | None = None) -> None:
        super().__init__(parent)
        self.card: Card | None = None
        self.check = check  # refuses (CardRefused) a card this review cannot take: said before Add is clicked
        intro = "Paste the card your colleague sent you (from -----BEGIN to -----END), or load the .card file."
        layout = dialog_layout(self, "Add a member's card", "addCardDialog", min_width=560, intro=intro)
        self.text = QPlainTextEdit()
        self.text.setObjectName("cardText")
        self.text.setAccessibleName("Member card")
        self.text.setTabChangesFocus(True)  # a tab in a card is never wanted; Tab goes on to the buttons
        self.text.textChanged.connect(self._read)
        layout.addWidget(self.text, 1)
        load = QPushButton("&Load from file…")
        load.setAutoDefault(False)
        load.clicked.connect(lambda: self._load())
        layout.addWidget(load, alignment=Qt.AlignmentFlag.AlignLeft)
        self.verdict = QLabel("")
        self.verdict.setObjectName("cardResult")
        self.verdict.setWordWrap(True)
        self.verdict.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.verdict)
        self.buttons = accept_buttons(self, "The fingerprints match: add", self.accept)
        self.add_button = self.buttons.primary
        self.add_button.setEnabled(False)
        layout.addWidget(self.buttons)
        self.add_button.setDefault(True)
        # The colleague emailed their card and it was just copied: it is read in at once, ready to compare.
        clipboard = QGuiApplication.clipboard().text()
        if f"BEGIN {CARD_LABEL}" in clipboard:
            self.text.setPlainText(clipboard)
            self.add_button.setFocus()

    def _load(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Load a member card", str(Path.home()), "Cards (*.card);;All (*)")
        if path:
            try:
                self.text.setPlainText(read_file(Path(path), "member card"))
            except CardRefused as exc:
                self.text.clear()
                self.verdict.setText(f"<span style='color:#a4161a'>{html.escape(clip(exc, 300))}</span>")
                return
            if self.card is not None:  # as with a pasted one: Enter adds it once the fingerprints were compared
                self.add_button.setFocus()

    def _read(self) -> None:
        try:
            self.card = read_card(self.text.toPlainText())
            if self.check is not None:
                self.check(self.card)
        except CardRefused as exc:
            self.card = None
            error = html.escape(clip(exc, 300))
            self.verdict.setText(
                f"<span style='color:#a4161a'>{error}</span>" if self.text.toPlainText().strip() else ""
            )
        else:
            self.verdict.setText(
                f"<b>{html.escape(clip(self.card.name))}</b> "
                f"({html.escape(clip(review_service.ROLE_LABELS.get(self.card.role, self.card.role)))})<br>"
                f"Fingerprint: <b style='font-family:monospace; font-size:13pt'>{self.card.fingerprint}</b><br>"
                "Ask them to read their fingerprint aloud; add the card only if it matches."
            )
        self.add_button.setEnabled(self.card is not None)


class TeamDialog(SessionDialog):
    def __init__(self, session: ReviewSession, parent: QWidget | None = None) -> None:
        intro = (  # "fingerprint" alone is jargon to most reviewers: said once what it is for
            "A fingerprint is a short code that shows a card really is its owner's: compare them aloud at the "
            "pre-briefing. Bundles are encrypted only to verified members, and only their bundles are imported."
        )
        super().__init__(session, "Team", "teamDialog", size=(820, 560), intro=intro, parent=parent)
        self.lead = team.is_lead(session.store)
        layout = self.body
        self.model = TeamModel(session)
        columns = {0: STRETCH, 1: FIT, 2: FIT, 3: FIT}
        self.view = table_view("teamTable", self.model, columns=columns, single=True, tab_out=True)
        layout.addWidget(self.view, 1)

        row = QHBoxLayout()
        self.add_button = QPushButton("&Add a card…")
        self.add_button.clicked.connect(lambda: self.add_card())  # clicked(bool) must not arrive as the card text
        self.verify_button = QPushButton("&Verify…")
        self.verify_button.clicked.connect(lambda: self.verify_selected())  # nor as "confirmed"
        self.role_button = push_button("Change r&ole…", lambda: self.change_role_selected())
        self.remove_button = push_button("&Remove from team", lambda: self.remove_selected())
        self.invite_button = push_button("Save an &invitation…", lambda: self.save_invitation())
        self.copy_invite_button = QPushButton("&Copy an invitation")
        self.copy_invite_button.setToolTip("Paste it into an email to a colleague; they join with it")
        self.copy_invite_button.clicked.connect(lambda: self.copy_invitation())
        lead_buttons = (
            self.add_button,
            self.role_button,
            self.remove_button,
            self.copy_invite_button,
            self.invite_button,
        )
        for b in (self.add_button, self.verify_button, *lead_buttons[1:]):
            row.addWidget(b)
        row.addStretch(1)
        layout.addLayout(row)
        self.status = QLabel("")
        self.status.setObjectName("teamStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # names come from cards, from outside
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        for b in lead_buttons:
            b.setVisible(self.lead)
        if self.lead and all(p.is_me for p in self.model.rows):
            # A new review: the list holds only the lead, and nothing said where building the team starts.
            self.status.setText(
                "Nobody else is on the team yet. Copy an invitation (or save it as a file) and email it to each "
                "colleague; add the card each one sends back with Add a card."
            )
        if not self.lead:
            note = QLabel("Only the lead adds and removes members; their bundles bring the team to you.")
            note.setObjectName("hintText")
            layout.addWidget(note)

        card, text = team.my_card(session.store)
        # The lead's card travels inside each invitation: only a member has a card to send on, so only a member is
        # shown it with Copy and Save (as after joining); the lead needs only the fingerprint, to read it aloud.
        self.mine = QLabel(
            f"<b>Your fingerprint</b>: <b>{card.fingerprint}</b>. Your invitations carry your card; read the "
            "fingerprint aloud at the pre-briefing."
            if self.lead
            else f"<b>Your card</b> — fingerprint <b>{card.fingerprint}</b>. Send it to the lead."
        )
        self.mine.setWordWrap(True)
        layout.addWidget(self.mine)
        self.card_text = QPlainTextEdit(text)
        self.card_text.setObjectName("myCard")
        self.card_text.setReadOnly(True)
        self.card_text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.card_text.setMaximumHeight(120)
        layout.addWidget(self.card_text)
        card_row = QHBoxLayout()
        self.copy_card_button = push_button("Copy &my card", lambda: QGuiApplication.clipboard().setText(text))
        self.save_card_button = push_button("&Save my card…", lambda: self.save_card(text, card.name))
        close = push_button("Close", self.accept)
        close.setDefault(True)  # Enter in the list must not open Add a card (Qt's pick: the next button)
        for widget in (self.card_text, self.copy_card_button, self.save_card_button):
            widget.setVisible(not self.lead)
        card_row.addWidget(self.copy_card_button)
        card_row.addWidget(self.save_card_button)
        card_row.addStretch(1)
        card_row.addWidget(close)
        layout.addLayout(card_row)
        self._picked = ""  # the member picked in the list, picked again when an edit (Verify) reloads the list
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.model.modelReset.connect(self._pick_again)
        session.changed.connect(self._on_changed)  # a method: the connection ends with the dialog
        self._update_buttons()

    def selected(self) -> team.TeamMember | None:
        return selected_row(self.view, self.model.rows)

    def _on_changed(self, _changes: Changes) -> None:
        self._update_buttons()

    def _pick_again(self) -> None:
        row = next((i for i, p in enumerate(self.model.rows) if p.id == self._picked), None)
        if row is not None:
            self.view.selectRow(row)

    def _update_buttons(self) -> None:
        p = self.selected()
        if p is not None:
            self._picked = p.id
        self.verify_button.setEnabled(p is not None and not p.is_me and not p.verified and not p.removed)
        self.remove_button.setEnabled(p is not None and not p.is_me and not p.removed)
        self.role_button.setEnabled(p is not None and not p.is_lead and not p.removed)  # the lead's stays Lead

    def _save_text(self, text: str, name: str, title: str, filter_: str) -> Path | None:
        """The file chosen and written, or None (cancelled, or it could not be written: said in a box)."""
        path, _ = QFileDialog.getSaveFileName(self, title, str(Path.home() / name), filter_)
        if not path:
            return None
        try:
            write_private_text(path, text)
        except UserError as exc:
            messages.error(self, title, exc)
            return None
        return Path(path)

    def save_card(self, text: str, name: str) -> None:
        # Named after me: the lead receives a card from each member, and five "my.card" attachments look alike.
        path = self._save_text(text, f"{file_stem(name, 'my')}.card", "Save your card", "Cards (*.card)")
        if path is not None:
            self.status.setText(
                f"Your card is saved as {path.name} in {path.parent}: attach it to an email to the lead."
            )

    # --- actions (each an undo step) ---------------------------------------------------------------------------
    def add_card(self, text: str | None = None) -> None:
        if text is None:
            dialog = AddCardDialog(self, lambda card: team.check_card(self.session.store, card))
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            text = dialog.text.toPlainText()
        card_text = text
        try:
            card = read_card(card_text)
        except Exception as exc:
            messages.error(self, "Could not add the card", exc)
            return
        existed = any(p.id == card.member_id for p in self.model.rows)

        def do(store: Store) -> Changes:
            return team.add_member(store, card_text)[1]

        def undo(store: Store) -> Changes:
            return team.set_removed(store, card.member_id, True) if not existed else Changes()

        if ops.run(self, self.session, f"Add {clip(card.name)} to the team", do, undo):
            self.status.setText(
                f"{clip(card.name)} is on the team. Export a bundle (File ▸ Export bundle, Ctrl+Shift+E) and email "
                "it: it brings them the review."
            )

    def _change_selected(
        self,
        confirmed: bool,
        question: tuple[str, Callable[[team.TeamMember], str], str],
        step: str,
        do: Callable[[Store, str], Changes],
        undo: Callable[[Store, str], Changes],
        *,
        destructive: bool = False,
    ) -> team.TeamMember | None:
        """Once the user answers yes to ``question`` (title, text about the member, yes) or had ``confirmed``,
        apply ``do`` to the selected member as the undo step "``step`` name"; returns the member it was done to."""
        p = self.selected()
        title, text, yes = question
        if p is None or (
            not confirmed and not messages.confirm(self, title, text(p), yes=yes, destructive=destructive)
        ):
            return None
        member_id = p.id
        done = ops.run(
            self,
            self.session,
            f"{step} {clip(p.name)}",
            lambda s: do(s, member_id),
            lambda s: undo(s, member_id),
        )
        return p if done else None

    def verify_selected(self, confirmed: bool = False) -> None:
        question = (
            "Verify",
            lambda p: (
                f"Ask {clip(p.name)} to read their fingerprint aloud. It should be\n\n{p.fingerprint}\n\nDoes it match?"
            ),
            "It matches",
        )
        self._change_selected(confirmed, question, "Verify", team.verify, team.unverify)

    def remove_selected(self, confirmed: bool = False) -> None:
        question = (
            "Remove from team",
            lambda p: (
                f"Remove {clip(p.name)}? Their later bundles will be refused and new bundles will not be "
                "encrypted to them."
            ),
            "Remove",
        )
        removed = self._change_selected(
            confirmed,
            question,
            "Remove",
            lambda s, member_id: team.set_removed(s, member_id, True),
            lambda s, member_id: team.set_removed(s, member_id, False),
            destructive=True,  # their bundles are refused from then on: Enter must not do it by habit
        )
        if removed is not None:
            # Only this file knows yet: the others go on taking their bundles until the lead's next one arrives.
            self.status.setText(
                f"{clip(removed.name)} is off the team here. Export a bundle (File ▸ Export bundle, Ctrl+Shift+E) and "
                "email it to the others: until it reaches them, their copies still take bundles from "
                f"{clip(removed.name)}."
            )

    def change_role_selected(self) -> None:
        p = self.selected()
        label = change_role(self, self.session, p) if p is not None else ""
        if p is not None and label:
            self.status.setText(
                f"{clip(p.name)} is now {label} here. Export a bundle (File ▸ Export bundle, Ctrl+Shift+E): it "
                f"brings the new role to {clip(p.name)} and the others."
            )

    def _invitation(self) -> str | None:
        try:
            return team.invitation(self.session.store)
        except Exception as exc:
            messages.error(self, "Could not make an invitation", exc)
            return None

    def copy_invitation(self) -> None:
        text = self._invitation()
        if text is None:
            return
        QGuiApplication.clipboard().setText(text)
        self.status.setText(
            "The invitation is copied: paste it into an email. Your colleague joins with it (start screen ▸ Join a "
            "review from an invitation) and sends you their card to add here."
        )

    def save_invitation(self) -> None:
        text = self._invitation()
        if text is None:
            return
        path = self._save_text(text, "join-the-review.invite", "Save the invitation", "Invitations (*.invite)")
        if path is not None:  # said, as after Copy: a file dialog that just closes leaves the lead guessing
            self.status.setText(
                f"The invitation is saved as {path.name} in {path.parent}: attach it to an email. Your colleague "
                "joins with it (start screen ▸ Join a review from an invitation) and sends you their card to add here."
            )

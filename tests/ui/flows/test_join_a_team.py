"""Walkthrough: the lead invites, a member joins from the start screen, cards and bundles go both ways — all in
the real windows, with the clipboard standing in for the email between them.

Goal (issue #16): at most 10 actions per member on each side; importing a bundle at most 2 actions, no modal box.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from peerdesk.exchange.digest import content_digest
from peerdesk.services import review, team
from peerdesk.store.engine import Store
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.shell.app import Controller, make_app
from peerdesk.ui.shell.main_window import MainWindow
from peerdesk.ui.team.dialog import AddCardDialog, TeamDialog
from peerdesk.ui.team.join_dialog import JoinDialog, MyCardDialog
from peerdesk.ui.team.sharing import EmailDialog
from tests.helpers.exchange import PASSPHRASE, visit_start
from tests.helpers.layout import screenshot
from tests.helpers.walk import Walk

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
MEMBER_PASSPHRASE = "a long and private passphrase"


@pytest.fixture
def lead_store(tmp_path: Path) -> Iterator[Store]:
    store = review.create_review(
        tmp_path / "lead.peerdesk",
        PASSPHRASE,
        review.Essentials("Westfold County Council", "Children in care", "Alex Lead", "lead", visit_start()),
    )
    yield store
    store.close()


def test_a_member_joins_from_the_app_and_both_exchange_bundles_within_ten_actions_each(
    qtbot: QtBot, lead_store: Store
) -> None:
    lead_window = MainWindow(ReviewSession(lead_store))
    qtbot.addWidget(lead_window)
    lead_window.show()
    controller = Controller(make_app())  # the app's own style, as the user sees it
    controller.show_start()
    lead, member = Walk(qtbot), Walk(qtbot)

    # The lead copies an invitation from Team and emails it.
    lead.shortcut(lead_window, Qt.Key.Key_T, CTRL_SHIFT)
    dialog = lead_window.exchange.last_dialog
    assert isinstance(dialog, TeamDialog)
    lead.click(dialog.copy_invite_button, "Copy an invitation")
    assert "BEGIN PEERDESK INVITATION" in QGuiApplication.clipboard().text()
    lead.key(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()

    # The member copied the invitation from the email and joins from the start screen.
    def fill_in(join: JoinDialog) -> None:
        assert join.invitation is not None and "Alex Lead" in join.verdict.text()
        assert join.focusWidget() is join.me  # the invitation is in: the name is next
        screenshot(join, "join-dialog")
        member.name_and_passphrase("Sam Okafor", MEMBER_PASSPHRASE)

    member.when_modal(JoinDialog, fill_in)
    member.click(controller.start.join_button, "Join a review from an invitation…")
    member.check()
    qtbot.waitUntil(lambda: len(controller.windows) == 1, timeout=20000)
    member_window = controller.windows[0]  # deletes itself on close
    assert member_window.notices.text().startswith("Waiting for the first bundle from Alex Lead")
    card_dialog = member_window.exchange.last_dialog
    assert isinstance(card_dialog, MyCardDialog) and card_dialog.isVisible()
    member.key(card_dialog.copy_button, Qt.Key.Key_Return)  # "Copy my card" is the default button
    assert "BEGIN PEERDESK MEMBER CARD" in QGuiApplication.clipboard().text()

    # The lead adds the card (pasted from the member's email) and sends the first bundle.
    lead.shortcut(lead_window, Qt.Key.Key_T, CTRL_SHIFT)
    dialog = lead_window.exchange.last_dialog
    assert isinstance(dialog, TeamDialog)

    def add(card: AddCardDialog) -> None:
        assert card.card is not None and card.card.name == "Sam Okafor"  # read in from the clipboard
        member_fp = team.my_card(member_window.session.store)[0].fingerprint
        assert member_fp in card.verdict.text()
        lead.key(card.add_button, Qt.Key.Key_Return)

    lead.when_modal(AddCardDialog, add)
    lead.click(dialog.add_button, "Add a card…")
    lead.check()
    qtbot.waitUntil(lambda: "Sam Okafor is on the team" in dialog.status.text(), timeout=5000)
    assert [m.name for m in team.members(lead_store) if m.verified and not m.is_me] == ["Sam Okafor"]
    lead.key(dialog, Qt.Key.Key_Escape)
    lead.answer_file_dialog()  # the suggested name is fine
    lead.shortcut(lead_window, Qt.Key.Key_E, CTRL_SHIFT)
    qtbot.waitUntil(lambda: isinstance(lead_window.exchange.last_dialog, EmailDialog), timeout=20000)
    email = lead_window.exchange.last_dialog
    assert isinstance(email, EmailDialog)
    lead.key(email, Qt.Key.Key_Escape)
    lead.within(10)

    # The member imports it: the shortcut, and Enter on the newest bundle the dialog opens on; no modal box.
    member.answer_file_dialog()
    member.shortcut(member_window, Qt.Key.Key_I, CTRL_SHIFT)
    qtbot.waitUntil(lambda: member_window.exchange.changes_button.isVisible(), timeout=20000)
    assert QApplication.activeModalWidget() is None
    assert member_window.statusBar().currentMessage().startswith("Imported from Alex Lead:")
    assert member_window.session.title().startswith("Westfold County Council")
    assert member_window.notices.isHidden()  # the bundle came: nothing to wait for
    member_window.resize(1366, 768)
    screenshot(member_window, "join-a-team")
    member.within(10)

    # And back: the member's bundle (3 actions with the email step), the lead's import (2).
    member.answer_file_dialog()
    member.shortcut(member_window, Qt.Key.Key_E, CTRL_SHIFT)
    qtbot.waitUntil(lambda: isinstance(member_window.exchange.last_dialog, EmailDialog), timeout=20000)
    email = member_window.exchange.last_dialog
    assert isinstance(email, EmailDialog)
    member.key(email, Qt.Key.Key_Escape)
    importing = Walk(qtbot)
    importing.answer_file_dialog()
    importing.shortcut(lead_window, Qt.Key.Key_I, CTRL_SHIFT)
    qtbot.waitUntil(lambda: lead_window.exchange.changes_button.isVisible(), timeout=20000)
    assert QApplication.activeModalWidget() is None
    importing.within(2)
    assert content_digest(lead_store) == content_digest(member_window.session.store)
    member_window.close()
    lead_window.close()
    controller.start.close()

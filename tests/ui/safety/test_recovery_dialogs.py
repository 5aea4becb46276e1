"""Restore from backup and change passphrase, from the File menu of the main window."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QDialog

from peerdesk.services import backups, records
from peerdesk.services import review as review_service
from peerdesk.store import sqlcipher
from peerdesk.ui.kit.dates import show_datetime
from peerdesk.ui.safety.recovery_dialogs import ChangePassphraseDialog, RestoreDialog
from peerdesk.ui.shell.dialogs import PassphraseDialog
from peerdesk.ui.shell.main_window import MainWindow
from tests.conftest import PASSPHRASE


def test_restore_from_backup_replaces_the_open_review(
    qtbot: Any, window: MainWindow, told: list[tuple[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    store = window.session.store
    backups.make_backup(store, "manual")
    records.create(store, "notes", body="typed after the backup")
    monkeypatch.setattr(PassphraseDialog, "exec", lambda self: (self.edit.setText(PASSPHRASE), 1)[1])
    monkeypatch.setattr(RestoreDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    window.safety.restore_backup()
    qtbot.waitUntil(lambda: bool(told), timeout=15000)
    assert told[-1][0] == "Backup restored"
    made = backups.describe(window.session.store.path, PASSPHRASE)[-1].made
    # the date as the list of backups shows it, not the C library's "Sun Dec  6 06:21:42 2026"
    assert told[-1][1] == f"The review is back as it was on {show_datetime(made, seconds=True)}."
    assert window.session.store is not store
    assert review_service.info(window.session.store)["notes"] == 0
    assert {reason for _, _, reason in backups.snapshots(window.session.store.path)} == {"manual", "before-restore"}


def test_change_passphrase_from_the_menu(
    qtbot: Any, window: MainWindow, told: list[tuple[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    new = "an entirely different passphrase"

    def fill(self: ChangePassphraseDialog) -> int:
        self.current.setText(PASSPHRASE)
        self.new.setText(new)
        self.again.setText(new)
        return 1

    monkeypatch.setattr(ChangePassphraseDialog, "exec", fill)
    window.safety.change_passphrase()
    qtbot.waitUntil(lambda: bool(told), timeout=15000)
    assert told[-1][0] == "Passphrase changed"
    assert sqlcipher.opens_with(window.session.store.path, new)
    assert window.session.check_passphrase(new) and not window.session.check_passphrase(PASSPHRASE)


def test_tab_leaves_the_backups_for_the_buttons(qtbot: Any, window: MainWindow) -> None:
    """Keyboard only: Tab walked the table's cells for ever, so Restore needed a mouse."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    store = window.session.store
    backups.make_backup(store, "manual")
    dialog = RestoreDialog(backups.describe(store.path, PASSPHRASE), window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.view.setFocus()
    QTest.keyClick(dialog.view, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is not dialog.view
    QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.restore_button


def test_enter_on_a_chosen_backup_restores_it_rather_than_cancelling(qtbot: Any, window: MainWindow) -> None:
    """Enter in the list pressed Cancel, the dialog's first button: the restore silently did not happen."""
    from PySide6.QtCore import Qt

    store = window.session.store
    backups.make_backup(store, "manual")
    backups.make_backup(store, "manual")
    dialog = RestoreDialog(backups.describe(store.path, PASSPHRASE), window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.view.setFocus()
    qtbot.keyClick(dialog.view, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.view, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.chosen() is dialog.model.rows[1]


def test_a_wrong_current_passphrase_is_said_in_the_dialog_which_keeps_the_new_one(
    qtbot: Any, window: MainWindow
) -> None:
    """It was said in a box after the dialog had closed: both new passphrases had to be typed again."""
    from PySide6.QtCore import Qt

    dialog = ChangePassphraseDialog(window, window.session.check_passphrase)
    qtbot.addWidget(dialog)
    dialog.show()
    new = "an entirely different passphrase"
    dialog.current.setFocus()
    qtbot.keyClicks(dialog.current, "not the passphrase")
    qtbot.keyClicks(dialog.new, new)
    qtbot.keyClicks(dialog.again, new)
    qtbot.keyClick(dialog.again, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error.text() == "The current passphrase is not right."
    assert dialog.new.text() == new and dialog.again.text() == new
    dialog.current.setText(PASSPHRASE)
    qtbot.keyClick(dialog.again, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted

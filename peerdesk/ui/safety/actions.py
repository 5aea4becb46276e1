"""Confidentiality, retention and recovery in the main window: menu actions, auto-lock and hourly backups.

``install(window)`` adds everything to a ``ShellWindow`` and returns the ``Safety`` object that owns it; the main
window keeps it as ``window.safety``. Work is done by services (guard, retention, backups, rekey); this module
asks, confirms, runs them (long ones through ``run_task``) and tells the session what changed.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog

from peerdesk.errors import UserError
from peerdesk.services import backups, retention
from peerdesk.services import review as review_service
from peerdesk.services.changes import everything
from peerdesk.store import rekey
from peerdesk.store.engine import Store
from peerdesk.ui.kit import messages
from peerdesk.ui.kit import settings as ui_settings
from peerdesk.ui.kit.dates import show_datetime
from peerdesk.ui.kit.notice_bar import NoticeBar
from peerdesk.ui.kit.worker import run_task
from peerdesk.ui.safety import preferences
from peerdesk.ui.safety.guard_dialogs import FlaggedQuotesDialog, NamesDialog
from peerdesk.ui.safety.idle import IdleLock
from peerdesk.ui.safety.recovery_dialogs import ChangePassphraseDialog, RestoreDialog
from peerdesk.ui.shell.dialogs import PassphraseDialog
from peerdesk.ui.shell.window import ShellWindow

log = logging.getLogger(__name__)
BACKUP_CHECK_MS = 5 * 60 * 1000  # how often to see whether the hourly backup is due


class Safety(QObject):
    def __init__(self, window: ShellWindow) -> None:
        super().__init__(window)
        self.window = window
        self.session = window.session
        self.busy = False  # a restore or purge is replacing the file: no background backup meanwhile
        self._dialogs: dict[str, QDialog] = {}
        self._build_actions()
        # Counting input from the window's first show on: building it sends thousands of events and no input.
        self.idle = IdleLock(self.window.lock, preferences.auto_lock_minutes() * 60_000, self, watching=False)
        window.installEventFilter(self)  # the window's own events only, until its first show
        self.session.locked_changed.connect(self._locked)
        self.backup_timer = QTimer(self)
        self.backup_timer.setInterval(BACKUP_CHECK_MS)
        self.backup_timer.timeout.connect(self.hourly_backup)
        self.backup_timer.start()

    @property
    def store(self) -> Store:
        return self.session.store

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Show:
            self.window.removeEventFilter(self)
            self.idle.watch()
        return False

    # --- menus ----------------------------------------------------------------------------------------------------
    def _action(self, text: str, slot: Any, tip: str, shortcut: QKeySequence | None = None) -> QAction:
        action = QAction(text, self.window)
        action.setStatusTip(tip)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        w = self.window
        self.action_backup = self._action("Back &up now", self.back_up_now, "Save an encrypted copy beside the file")
        self.action_restore = self._action(
            "&Restore from backup…", self.restore_backup, "Go back to an earlier copy of this review"
        )
        self.action_passphrase = self._action(
            "C&hange passphrase…", self.change_passphrase, "Re-encrypt this review with a new passphrase"
        )
        self.action_purge = self._action(
            "Delete inter&view records…", self.purge, "Delete notes, quotes and post-its for good after the follow-up"
        )
        self.action_delete = self._action(
            "&Delete this review…", self.delete_review, "Remove the review file and its backups from this computer"
        )
        for action in (self.action_backup, self.action_restore, self.action_passphrase):
            w.file_menu.insertAction(w.file_menu_tail, action)
        w.file_menu.insertSeparator(w.file_menu_tail)
        for action in (self.action_purge, self.action_delete):
            w.file_menu.insertAction(w.file_menu_tail, action)

        self.action_names = self._action(
            "&Names to guard…", self.show_names, "Names the guard looks for in notes and quotes",
            QKeySequence("Ctrl+Shift+N"),  # not Ctrl+Shift+G: the wall's Ungroup
        )  # fmt: skip
        self.action_flagged = self._action(
            "Quotes that may &identify someone…", self.show_flagged, "Decide on quotes the guard flagged"
        )
        self.action_preferences = self._action(
            "Preferen&ces…", self.show_preferences, "Auto-lock and backups",
            QKeySequence(QKeySequence.StandardKey.Preferences),
        )  # fmt: skip
        w.edit_menu.addSeparator()
        for action in (self.action_names, self.action_flagged, self.action_preferences):
            w.edit_menu.addAction(action)

    def _locked(self, locked: bool) -> None:
        # The windows open over the review (these dialogs among them) are closed by the lock itself: close_over_lock.
        if locked:
            self.idle.pause()
        else:
            self.idle.resume()

    # --- on opening -----------------------------------------------------------------------------------------------
    def on_opened(self) -> None:
        """Called once the window shows a freshly opened review: offer what is due."""
        try:
            state = retention.status(self.store)
        except UserError:
            return
        if state.due:
            self.offer_purge(state)
        else:
            self.hourly_backup()

    def offer_purge(self, state: retention.RetentionStatus) -> NoticeBar:
        """Offer it in the window's notice bar: opening never waits on it, and typing is never interrupted.

        The bar's button asks to confirm (the user has then asked), as File ▸ Delete interview records… does."""
        self.window.notices.show_notice(
            f"{state.sentence} The team agreed to delete every record of the interviews after the follow-up visit; "
            "the summary, insights, workshop and follow-up notes stay.",
            [("Delete interview &records…", self.purge)],
            kind="warning",
        )
        return self.window.notices

    # --- retention ------------------------------------------------------------------------------------------------
    def purge(self) -> None:
        state = retention.status(self.store)
        early = "" if state.due else "\n\nThe retention date has not come yet: only do this if the team agreed to."
        text = (
            "Delete every note, quote, rose, thorn and bud, Day 2 theme, question tick and scale answer of this "
            f"review, with its backups, so that nothing of them can be recovered?{early}\n\nThe summary, the "
            "insights and the workshop (goals, idea walls, actions) stay. "
            "This cannot be undone."
        )
        if messages.confirm(self.window, "Delete interview records", text, "Delete for good", destructive=True):
            self.run_purge()

    def run_purge(self) -> None:
        self.window.flush_edits()
        self.busy = True

        def done(report: retention.PurgeReport) -> None:
            self.busy = False
            self.session.undo_stack.clear()  # the records its commands name are gone for good
            self.session.notify(everything())
            # In the notice bar, which stays until dismissed: a status-bar line went in seconds, and this is what
            # the team must be able to say was deleted.
            self.window.notices.show_notice(
                f"{report.sentence} The summary, insights, workshop and follow-up notes remain."
            )

        def failed(exc: BaseException) -> None:
            self.busy = False
            messages.error(self.window, "Could not delete the interview records", exc)

        run_task(
            self.window, "Deleting interview records…", lambda _p: retention.purge(self.store), done, failed,
            cancellable=False,
        )  # fmt: skip

    def delete_review(self) -> None:
        path = self.store.path
        message = "Enter the passphrase to delete this review, its backups and its place in the recent list."
        if self._ask_passphrase("Delete this review", message) is None:
            return
        if not messages.confirm(
            self.window,
            "Delete this review",
            f"Delete {path.name} and all its backups from this computer? This cannot be undone.",
            "Delete the review",
            destructive=True,
        ):
            return
        self.window.flush_edits()
        self.backup_timer.stop()
        self.session.undo_stack.clear()
        self.store.close()
        retention.delete_review(path)
        ui_settings.remove_recent(path)
        self.window.close()

    def _ask_passphrase(self, title: str, message: str) -> str | None:
        """The review's passphrase, asked again in the same dialog until it is right; None if cancelled. (A wrong
        one was said in a box after the dialog had closed: the action had to be started again from the menu.)"""
        dialog = PassphraseDialog(self.store.path, self.window, title=title, hint=message)
        while dialog.exec() == QDialog.DialogCode.Accepted:
            if self.session.check_passphrase(dialog.passphrase()):
                return dialog.passphrase()
            dialog.say_wrong(f"That passphrase is not right. {message}")
        return None

    # --- backups --------------------------------------------------------------------------------------------------
    def hourly_backup(self, now: dt.datetime | None = None) -> bool:
        """Make the hourly backup if it is due; True if one was made."""
        if self.busy or self.session.locked or not preferences.hourly_backups():
            return False
        now = now or dt.datetime.now()
        try:
            summary = review_service.summary(self.store)
            if not backups.hourly_due(self.store.path, summary.visit_start, summary.visit_end, now):
                return False
            backups.make_backup(self.store, "hourly", keep=preferences.backups_keep())
        except Exception:
            log.exception("hourly backup failed")
            self.window.statusBar().showMessage("The hourly backup could not be made; see the log.", 10_000)
            return False
        self.window.statusBar().showMessage(f"Backed up at {now:%H:%M}", 5_000)
        return True

    def back_up_now(self) -> None:
        keep = preferences.backups_keep()
        run_task(
            self.window,
            "Backing up…",
            lambda _p: backups.make_backup(self.store, "manual", keep=keep),
            lambda _path: self.window.statusBar().showMessage("Backed up", 5_000),
            lambda exc: messages.error(self.window, "Could not back up", exc),
            cancellable=False,
        )

    def restore_backup(self) -> None:
        path = self.store.path
        passphrase = self._ask_passphrase("Restore from backup", "Backups open with the review's passphrase.")
        if passphrase is None:
            return
        run_task(
            self.window,
            "Reading the backups…",
            lambda _p: backups.describe(path, passphrase),
            lambda items: self._choose_backup(items, passphrase),
            lambda exc: messages.error(self.window, "Could not read the backups", exc),
            cancellable=False,
        )

    def _choose_backup(self, items: list[backups.BackupInfo], passphrase: str) -> None:
        dialog = RestoreDialog(items, self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        chosen = dialog.chosen()
        if chosen is None or chosen.problem:
            return
        self.window.flush_edits()
        path = self.store.path
        self.busy = True
        self.store.close()

        def work(_progress: object) -> tuple[Store, BaseException | None]:
            problem: BaseException | None = None
            try:
                backups.restore(path, chosen.path, passphrase)
            except BaseException as exc:  # the review is reopened either way, as it now is
                problem = exc
            return Store.open(path, passphrase), problem

        def done(result: tuple[Store, BaseException | None]) -> None:
            store, problem = result
            self.busy = False
            self.session.store = store
            self.session.undo_stack.clear()
            self.session.notify(everything())
            if problem is not None:
                messages.error(self.window, "Could not restore the backup", problem)
            else:
                when = show_datetime(chosen.made, seconds=True)
                messages.info(self.window, "Backup restored", f"The review is back as it was on {when}.")

        def failed(exc: BaseException) -> None:
            self.busy = False
            messages.error(self.window, "Could not reopen the review", exc)

        run_task(self.window, "Restoring the backup…", work, done, failed, cancellable=False)

    # --- passphrase -----------------------------------------------------------------------------------------------
    def change_passphrase(self) -> None:
        dialog = ChangePassphraseDialog(self.window, self.session.check_passphrase)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        old, new = dialog.current.text(), dialog.new.text()
        self.window.flush_edits()
        run_task(
            self.window,
            "Changing the passphrase…",
            lambda _p: rekey.change_passphrase(self.store, old, new),
            lambda _backup: messages.info(
                self.window, "Passphrase changed", "The review and its backups now open with the new passphrase."
            ),
            lambda exc: messages.error(self.window, "Could not change the passphrase", exc),
            cancellable=False,
        )

    # --- guard and preferences ------------------------------------------------------------------------------------
    def _single(self, key: str, make: Any) -> QDialog:
        dialog = self._dialogs.get(key)
        if dialog is None:
            dialog = make(self.session, self.window)
            # Ctrl+L locks from here too: the names and quotes it lists are what locking hides, and the key did
            # nothing while this window, not the main one, was active.
            dialog.addAction(self.window.action_lock)
            self._dialogs[key] = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def show_names(self) -> QDialog:
        return self._single("names", NamesDialog)

    def show_flagged(self) -> QDialog:
        return self._single("flagged", FlaggedQuotesDialog)

    def show_preferences(self) -> None:
        dialog = preferences.PreferencesDialog(self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.apply_preferences()

    def apply_preferences(self) -> None:
        self.idle.set_timeout(preferences.auto_lock_minutes() * 60_000)


def install(window: ShellWindow) -> Safety:
    return Safety(window)

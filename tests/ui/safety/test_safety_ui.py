"""The safety features as people meet them in the main window: auto-lock, guard dialogs, backups, retention."""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from peerdesk.services import backups, guard, records, retention
from peerdesk.services import review as review_service
from peerdesk.services.changes import Changes
from peerdesk.store import sqlcipher
from peerdesk.store.engine import Store
from peerdesk.ui.kit import messages, ops
from peerdesk.ui.kit import settings as ui_settings
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.safety import actions as safety
from peerdesk.ui.safety import preferences
from peerdesk.ui.safety.recovery_dialogs import ChangePassphraseDialog, RestoreDialog
from peerdesk.ui.shell.app import stylesheet
from peerdesk.ui.shell.dialogs import PassphraseDialog
from peerdesk.ui.shell.main_window import MainWindow
from tests.conftest import PASSPHRASE
from tests.helpers.seed import seed

SHOTS = Path(__file__).resolve().parents[3] / "docs" / "screenshots"


@pytest.fixture(autouse=True)
def _screenshots_go_to_docs_only_when_asked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """README screenshots are refreshed with PEERDESK_SCREENSHOTS=1; a normal run leaves the work tree alone."""
    if not os.environ.get("PEERDESK_SCREENSHOTS"):
        monkeypatch.setattr(sys.modules[__name__], "SHOTS", tmp_path / "screenshots")


@pytest.fixture(autouse=True)
def _default_preferences() -> None:
    # QSettings keeps the file it first opened for the whole process: start each test from the defaults.
    ui_settings.settings().remove("safety")


@pytest.fixture
def told(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Message boxes the flows showed, instead of showing them (they are modal)."""
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(messages, "info", lambda _p, title, text: shown.append((title, text)))
    monkeypatch.setattr(messages, "error", lambda _p, title, exc: shown.append((title, str(exc))))
    monkeypatch.setattr(messages, "confirm", lambda *_a, **_k: True)
    return shown


@pytest.fixture
def window(qtbot: Any, session: ReviewSession) -> Iterator[MainWindow]:
    w = MainWindow(session)
    qtbot.addWidget(w)
    w.show()
    yield w


def test_idle_time_locks_the_window_and_nothing_typed_is_lost(qtbot: Any, window: MainWindow) -> None:
    aim = window.overview.texts["aim"]
    aim.setFocus()
    qtbot.keyClicks(aim, "Understand the front door")  # still in the typing pause: not saved yet
    window.safety.idle.set_timeout(150)
    qtbot.waitUntil(lambda: window.session.locked, timeout=3000)
    assert window.stack.currentWidget() is window.lock_screen
    assert not any(d.isVisible() for d in window.docks.values())
    assert review_service.summary(window.session.store).aim == "Understand the front door"
    window.lock_screen.edit.setText("wrong passphrase!")
    window.lock_screen.try_unlock()
    assert window.session.locked
    window.lock_screen.edit.setText(PASSPHRASE)
    window.lock_screen.try_unlock()
    assert not window.session.locked and window.stack.currentWidget() is window.work
    assert aim.toPlainText() == "Understand the front door"


def test_input_keeps_the_window_unlocked(qtbot: Any, window: MainWindow) -> None:
    window.safety.idle.set_timeout(400)
    for _ in range(6):
        qtbot.wait(120)
        qtbot.keyClick(window.overview.texts["aim"], Qt.Key.Key_Shift)
    assert not window.session.locked
    qtbot.waitUntil(lambda: window.session.locked, timeout=3000)


def test_auto_lock_defaults_to_ten_minutes_and_preferences_change_it(qtbot: Any, window: MainWindow) -> None:
    assert preferences.auto_lock_minutes() == 10
    assert window.safety.idle.timeout_ms == 10 * 60_000
    dialog = preferences.PreferencesDialog(window)
    qtbot.addWidget(dialog)
    dialog.spins[preferences.AUTO_LOCK.key].setValue(3)
    dialog.spins[preferences.BACKUPS_KEEP.key].setValue(12)
    dialog.hourly.setChecked(False)
    dialog.accept()
    window.safety.apply_preferences()
    assert preferences.auto_lock_minutes() == 3 and window.safety.idle.timeout_ms == 3 * 60_000
    assert preferences.backups_keep() == 12 and not preferences.hourly_backups()
    dialog.spins[preferences.AUTO_LOCK.key].setValue(0)
    dialog.accept()
    window.safety.apply_preferences()
    assert not window.safety.idle.timer.isActive()  # 0 means never


def test_names_are_added_in_the_dialog_as_undo_steps(qtbot: Any, window: MainWindow) -> None:
    dialog = window.safety.show_names()
    assert window.safety.show_names() is dialog  # one at a time
    dialog.name_edit.setText("  Priya   Patel ")
    dialog.kind.setCurrentIndex(0)
    dialog.add()
    assert guard.guarded_names(window.session.store) == ("Priya Patel",)
    assert dialog.model.rowCount() == 1
    window.session.undo_stack.undo()
    assert guard.guarded_names(window.session.store) == ()
    window.session.undo_stack.redo()
    window.lock()
    assert not dialog.isVisible()  # the names are hidden with the rest of the review
    window.unlock()
    dialog = window.safety.show_names()
    dialog.view.selectRow(0)
    dialog.remove_selected()
    assert guard.guarded_names(window.session.store) == ()
    dialog.close()


def test_flagged_quotes_are_decided_in_the_dialog_and_decisions_undo(qtbot: Any, window: MainWindow) -> None:
    store = window.session.store
    guard.add_name(store, "Priya Patel", "interviewee")
    records.create(store, "quotes", text="Priya always finds a way to help the team.")
    records.create(store, "quotes", text="We never get a quiet week.")
    dialog = window.safety.show_flagged()
    assert dialog.model.rowCount() == 1 and "1 still to decide" in dialog.summary.text()
    dialog.view.selectRow(0)
    dialog.decide("exclude")
    assert guard.flagged_quotes(store)[0].decision == "exclude"
    assert "0 still to decide" in dialog.summary.text()
    window.session.undo_stack.undo()
    assert guard.flagged_quotes(store)[0].decision == guard.UNDECIDED
    dialog.close()


def test_an_hourly_backup_is_made_on_visit_days_only(window: MainWindow) -> None:
    store = window.session.store
    assert not window.safety.hourly_backup(dt.datetime(2026, 4, 1, 10, 0))
    assert window.safety.hourly_backup(dt.datetime(2026, 3, 10, 10, 0))
    assert [reason for _, _, reason in backups.snapshots(store.path)] == ["hourly"]


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


def test_opening_a_review_past_its_retention_date_offers_deletion(
    qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    offered: list[str] = []
    monkeypatch.setattr(safety.Safety, "offer_purge", lambda self, state: offered.append(state.sentence))
    review_service.update_review(window.session.store, retention_date="2026-01-01")
    window.safety.on_opened()
    assert offered and "delete them now" in offered[0]
    review_service.update_review(window.session.store, retention_date="2099-01-01")
    window.safety.on_opened()
    assert len(offered) == 1


def test_the_offer_on_opening_does_not_block_and_deletes_when_accepted(
    qtbot: Any, window: MainWindow, told: list[tuple[str, str]]
) -> None:
    seed(window.session.store)
    review_service.update_review(window.session.store, retention_date="2026-01-01")
    box = window.safety.offer_purge(retention.status(window.session.store))
    assert box.isVisible()  # shown without waiting: opening a review never hangs on it
    delete = next(b for b in box.buttons() if b.text() == "Delete interview records")
    qtbot.mouseClick(delete, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(told), timeout=15000)
    assert review_service.info(window.session.store)["notes"] == 0


def test_deleting_interview_records_from_the_window(
    qtbot: Any, window: MainWindow, told: list[tuple[str, str]]
) -> None:
    seed(window.session.store)
    review_id = window.session.store.review_id
    assert ops.set_fields(window, window.session, "review", review_id, {"aim": "An aim"}, "Edit aim")
    window.safety.purge()
    qtbot.waitUntil(lambda: bool(told), timeout=15000)
    assert told[-1][0] == "Interview records deleted"
    info = review_service.info(window.session.store)
    assert info["notes"] == 0 and info["quotes"] == 0 and info["insights"] == 1
    assert window.session.undo_stack.count() == 0
    assert "were deleted" in window.overview.countdown.text()
    assert retention.status(window.session.store).purged_on


def test_delete_this_review_removes_file_backups_and_recent_entry(
    qtbot: Any, window: MainWindow, told: list[tuple[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = window.session.store.path
    backups.make_backup(window.session.store, "manual")
    ui_settings.add_recent(path)
    monkeypatch.setattr(PassphraseDialog, "exec", lambda self: (self.edit.setText(PASSPHRASE), 1)[1])
    with qtbot.waitSignal(window.closed):
        window.safety.delete_review()
    assert not path.exists() and not Path(f"{path}-wal").exists()
    assert not backups.snapshots(path) and not (path.parent / (path.name + ".backups")).exists()
    assert path not in ui_settings.recent_files()


def test_delete_this_review_needs_the_passphrase(
    qtbot: Any, window: MainWindow, told: list[tuple[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(PassphraseDialog, "exec", lambda self: (self.edit.setText("not the passphrase"), 1)[1])
    window.safety.delete_review()
    assert window.session.store.path.exists() and "passphrase is not right" in told[-1][1]


def test_screenshots_of_the_safety_dialogs(qtbot: Any, window: MainWindow, store: Store) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.setStyleSheet(stylesheet())
    seed(store)
    guard.add_name(store, "Kwame Mensah", "staff")
    records.create(store, "quotes", text="Kwame’s team turned it round, you can email him on k.mensah@example.org")
    records.create(store, "quotes", text="I'm Sandra and I have been a foster carer here for eleven years.")
    window.session.notify(Changes.of("quotes", "guarded_names"))
    names = window.safety.show_names()
    names.resize(560, 360)
    names.grab().save(str(SHOTS / "guard-names.png"))
    flagged = window.safety.show_flagged()
    flagged.resize(900, 360)
    flagged.view.selectRow(0)
    flagged.decide("keep")
    flagged.grab().save(str(SHOTS / "guard-flagged-quotes.png"))
    backups.make_backup(store, "hourly")
    records.create(store, "notes", body="more")
    backups.make_backup(store, "manual")
    restore = RestoreDialog(backups.describe(store.path, PASSPHRASE), window)
    qtbot.addWidget(restore)
    restore.resize(860, 260)
    restore.grab().save(str(SHOTS / "restore-from-backup.png"))
    window.resize(1100, 700)
    window.lock()
    window.grab().save(str(SHOTS / "locked.png"))
    prefs = preferences.PreferencesDialog(window)
    qtbot.addWidget(prefs)
    prefs.grab().save(str(SHOTS / "preferences.png"))
    app.setStyleSheet("")
    assert (SHOTS / "locked.png").stat().st_size > 0


def test_a_purge_empties_an_open_note_and_nothing_is_written_back(
    qtbot: Any, window: MainWindow, told: list[tuple[str, str]]
) -> None:
    seeded = seed(window.session.store)
    panel = window.notes_panel
    assert panel is not None
    panel.open_interview(seeded.interview_id)
    qtbot.keyClicks(panel.editor, "the gravelwick manager said")
    panel.flush()
    qtbot.keyClicks(panel.editor, " and more typed after the flush")  # waiting for its autosave when the purge runs
    window.safety.run_purge()
    qtbot.waitUntil(lambda: bool(told), timeout=15000)
    assert told == [("Interview records deleted", told[0][1])], told  # no save error
    assert "gravelwick" not in panel.editor.toPlainText() and panel.note is None
    qtbot.keyClicks(panel.editor, "x")
    qtbot.wait(1500)  # longer than the autosave's wait: nothing is saved, nothing fails
    assert len(told) == 1
    assert review_service.info(window.session.store)["notes"] == 0

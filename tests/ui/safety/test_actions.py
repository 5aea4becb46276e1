"""The safety actions of the main window: hourly backups, retention and purge, deleting the review."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from peerdesk.services import backups, guard, records, retention
from peerdesk.services import review as review_service
from peerdesk.services.changes import Changes
from peerdesk.store.engine import Store
from peerdesk.ui.kit import ops
from peerdesk.ui.kit import settings as ui_settings
from peerdesk.ui.safety import actions as safety
from peerdesk.ui.safety import preferences
from peerdesk.ui.safety.recovery_dialogs import RestoreDialog
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


def test_an_hourly_backup_is_made_on_visit_days_only(window: MainWindow) -> None:
    store = window.session.store
    assert not window.safety.hourly_backup(dt.datetime(2026, 4, 1, 10, 0))
    assert window.safety.hourly_backup(dt.datetime(2026, 3, 10, 10, 0))
    assert [reason for _, _, reason in backups.snapshots(store.path)] == ["hourly"]


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
    bar = window.safety.offer_purge(retention.status(window.session.store))
    # said in the window's notice bar: opening a review never hangs on it, and no box takes the keyboard
    assert bar.isVisible() and "delete them now" in bar.text() and QApplication.activeModalWidget() is None
    qtbot.mouseClick(bar.button("Delete interview records…"), Qt.MouseButton.LeftButton)  # then confirmed
    qtbot.waitUntil(lambda: purge_reported(window), timeout=15000)
    assert review_service.info(window.session.store)["notes"] == 0


def test_deleting_interview_records_from_the_window(
    qtbot: Any, window: MainWindow, told: list[tuple[str, str]]
) -> None:
    seed(window.session.store)
    review_id = window.session.store.review_id
    assert ops.set_fields(window, window.session, "review", review_id, {"aim": "An aim"}, "Edit aim")
    backups.make_backup(window.session.store, "manual")
    window.safety.purge()
    qtbot.waitUntil(lambda: purge_reported(window), timeout=15000)
    # It says what went, in words, and stays until dismissed (a status-bar line was gone in seconds, "1 backups").
    said = window.notices.text()
    assert said.startswith("Deleted for good: 3 interview notes, 2 quotes, ") and " and 1 backup. " in said, said
    assert "remain" in said and told == []
    info = review_service.info(window.session.store)
    assert info["notes"] == 0 and info["quotes"] == 0 and info["insights"] == 1
    assert window.session.undo_stack.count() == 0
    assert "were deleted" in window.overview.countdown.text()
    assert retention.status(window.session.store).purged_on


def purge_reported(window: MainWindow) -> bool:
    return window.notices.isVisible() and window.notices.text().startswith("Deleted for good")


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
    said: list[str] = []

    def wrong_then_cancel(self: PassphraseDialog) -> int:
        said.append(self.error.text())
        self.edit.setText("not the passphrase")
        return 1 if len(said) == 1 else 0

    monkeypatch.setattr(PassphraseDialog, "exec", wrong_then_cancel)
    window.safety.delete_review()
    assert window.session.store.path.exists()
    # Asked again in the same dialog, which says why: no box, and no starting again from the menu.
    assert len(said) == 2 and said[1].startswith("That passphrase is not right.") and told == []


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
    qtbot.waitUntil(lambda: purge_reported(window), timeout=15000)
    assert told == [], told  # no save error
    assert "gravelwick" not in panel.editor.toPlainText() and panel.note is None
    qtbot.keyClicks(panel.editor, "x")
    # No note is open: the keystroke starts no typing pause, so no autosave can ever fall due (no waiting needed).
    assert not panel.pause.pending and not panel.pause.timer.isActive() and not panel.has_unsaved()
    assert told == []
    assert review_service.info(window.session.store)["notes"] == 0


def test_locking_cancels_a_dialog_left_open_over_the_window(qtbot: Any, window: MainWindow) -> None:
    """The auto-lock left "Delete interview records?" on screen above the lock, its "Delete for good" working."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    seed(window.session.store)
    seen: list[bool] = []

    def walk_away() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.isVisible())  # the question is on screen
        window.lock()  # what the auto-lock calls after the idle stretch
        seen.append(box.isVisible())
        box.reject()  # (so that a failing test ends)

    QTimer.singleShot(200, walk_away)
    window.safety.purge()  # asks first, in a box that waits for an answer
    assert seen == [True, False], "the question was on screen, then gone with the lock"
    assert window.session.locked
    assert review_service.info(window.session.store)["notes"] > 0, "cancelled: nothing was deleted"
    assert window.lock_screen.edit.isVisible(), "the passphrase field can be reached"
    window.unlock()


def test_locking_closes_a_half_typed_post_it_without_asking_over_the_lock(qtbot: Any, window: MainWindow) -> None:
    """Its Cancel asks before throwing the words away: called by the lock, that question (and, answered "keep
    typing", the post-it's words) stood over the lock screen."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QDialog

    from peerdesk.ui.wall.dialogs import PostItDialog

    dialog = PostItDialog(window, "New post-it")
    asked: list[str] = []

    def a_question_over_the_lock() -> None:
        modal = QApplication.activeModalWidget()
        if modal is not None and modal is not dialog:
            asked.append(modal.windowTitle())
            modal.close()  # (so that a failing test ends)

    def walk_away() -> None:
        qtbot.keyClicks(dialog.text, "Thresholds differ by who is on duty")
        QTimer.singleShot(300, a_question_over_the_lock)
        window.lock()  # what the auto-lock calls after the idle stretch
        if dialog.isVisible():
            dialog.done(QDialog.DialogCode.Rejected)  # (so that a failing test ends)

    QTimer.singleShot(100, walk_away)
    assert dialog.exec() == QDialog.DialogCode.Rejected
    assert asked == [] and window.session.locked
    window.unlock()


def test_ctrl_l_in_the_names_to_guard_window_locks_the_review(qtbot: Any, window: MainWindow) -> None:
    """The key did nothing there (a window of its own), with the names of the people interviewed on screen."""
    dialog = window.safety.show_names()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.session.locked and not dialog.isVisible()
    window.unlock()


def test_a_half_typed_post_it_comes_back_with_its_words_after_unlocking(qtbot: Any, window: MainWindow) -> None:
    """Seen under X: the auto-lock threw away a post-it being written; unlocking brought back an empty wall."""
    from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QWidget

    from peerdesk.services import wall
    from peerdesk.ui.wall.dialogs import PostItDialog
    from tests.helpers.user_actions import Counted

    words = "Thresholds differ by who is on duty"
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    user = Counted(qtbot)
    user.key(Qt.Key.Key_F8)  # the Day 2 wall, the keyboard on it
    on_lock_screen: list[str] = []

    def type_then_walk_away(dialog: QWidget) -> None:
        assert isinstance(dialog, PostItDialog)
        user.type(words)
        window.lock()  # what the auto-lock calls after the idle stretch
        assert not dialog.isVisible(), "nothing of the review stays over the lock"
        texts = [
            w.toPlainText() if isinstance(w, QPlainTextEdit) else w.text()
            for w in QApplication.allWidgets()
            if isinstance(w, QLabel | QLineEdit | QPlainTextEdit) and w.isVisible()
        ]
        on_lock_screen.extend(t for t in texts if words in t)

    user.when_modal("postItDialog", type_then_walk_away)
    user.key(Qt.Key.Key_Insert)  # New post-it; returns when the lock closes it
    user.check()
    assert window.session.locked and on_lock_screen == []
    assert wall.load_wall(window.session.store).postits == ()

    back: list[str] = []

    def keep_it(dialog: QWidget) -> None:
        assert isinstance(dialog, PostItDialog)
        back.append(dialog.text.toPlainText())
        user.key(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Enter keeps the post-it

    user.when_modal("postItDialog", keep_it)
    qtbot.keyClicks(window.lock_screen.edit, PASSPHRASE)
    qtbot.keyClick(window.lock_screen.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(wall.load_wall(window.session.store).postits))
    user.check()
    assert not window.session.locked and back == [words]
    assert [p.text for p in wall.load_wall(window.session.store).postits] == [words]

"""Walkthrough: sharing work by bundle in the real windows — the lead exports, a member imports.

Goals (issue #16): export at most 3 actions; import at most 2 actions and no modal box, the status bar saying who
sent what and a list of what came in one click away; export with nobody to send to refuses before it asks for a
file name.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from peerdesk.services import records, review
from peerdesk.store.engine import Store
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.shell.app import make_app
from peerdesk.ui.shell.main_window import MainWindow
from peerdesk.ui.team.dialog import TeamDialog
from peerdesk.ui.team.sharing import EmailDialog
from tests.helpers.exchange import PASSPHRASE, Team, visit_start
from tests.helpers.layout import on_screen, screenshot
from tests.helpers.walk import Walk

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def window_of(qtbot: QtBot, store: Store) -> MainWindow:
    make_app()  # the app's own style, as the user sees it (and the screenshots show it)
    window = on_screen(qtbot, MainWindow(ReviewSession(store)), 1366, 768)
    qtbot.waitExposed(window)
    return window


def test_the_lead_exports_in_three_actions_and_a_member_imports_in_two_without_a_modal_box(
    qtbot: QtBot, duo: Team
) -> None:
    lead, sam = duo.stores
    for text in ("We feel listened to", "The front door is confusing"):
        records.create(lead, "quotes", text=text)
    lead_window = window_of(qtbot, lead)
    export = Walk(qtbot)
    export.answer_file_dialog()  # the suggested name, in the home folder, is fine: Enter
    export.shortcut(lead_window, Qt.Key.Key_E, CTRL_SHIFT)
    qtbot.waitUntil(lambda: isinstance(lead_window.exchange.last_dialog, EmailDialog), timeout=20000)
    email = lead_window.exchange.last_dialog
    assert isinstance(email, EmailDialog) and email.report.path.parent == Path.home()
    export.key(email, Qt.Key.Key_Escape)
    export.within(3)

    sam_window = window_of(qtbot, sam)
    importing = Walk(qtbot)
    importing.answer_file_dialog()  # the dialog opens on the newest bundle: Enter
    importing.shortcut(sam_window, Qt.Key.Key_I, CTRL_SHIFT)
    button = sam_window.exchange.changes_button
    qtbot.waitUntil(button.isVisible, timeout=20000)
    importing.within(2)
    assert QApplication.activeModalWidget() is None
    assert sam_window.statusBar().currentMessage() == "Imported from Alex Lead: 2 new quotes"
    assert button.text() == "What came in from Alex Lead…"
    importing.click(button, "What came in…")
    log = sam_window.exchange.import_log
    assert log is not None and log.isVisible() and not log.isModal()
    assert log.lines()[1:] == ["2 new quotes"]
    screenshot(sam_window, "share-import")
    screenshot(log, "what-came-in")
    log.close()
    sam_window.close()
    lead_window.close()


def test_export_with_nobody_to_send_to_refuses_before_asking_a_file_name(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    essentials = review.Essentials("Westfold County Council", "Children in care", "Alex Lead", "lead", visit_start())
    store = review.create_review(tmp_path / "alone.peerdesk", PASSPHRASE, essentials)
    window = window_of(qtbot, store)
    asked: list[str] = []
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: asked.append("file") or ("", ""))
    )
    walk = Walk(qtbot)
    said: list[str] = []

    def open_team(box: QMessageBox) -> None:
        said.append(box.text())
        walk.click(next(b for b in box.buttons() if b.text() == "Open Team…"), "Open Team…")

    walk.when_modal(QMessageBox, open_team)
    walk.shortcut(window, Qt.Key.Key_E, CTRL_SHIFT)
    walk.check()
    assert asked == [] and "nobody to send a bundle to" in said[0]
    assert isinstance(window.exchange.last_dialog, TeamDialog) and window.exchange.last_dialog.isVisible()
    window.exchange.last_dialog.close()
    window.close()
    store.close()

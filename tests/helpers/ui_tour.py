"""A tour of the main window for the tests that look at all of it (layout, Tab order, keys): the demo review shown
as it is used, and every dialog its menus open, each handed to a check instead of waiting for the user."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from peerdesk.services import timetable as tt
from peerdesk.ui.kit import messages
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.shell.app import make_app
from peerdesk.ui.shell.main_window import MainWindow
from tests.helpers.layout import settle

# Menu entries that would change or close the review rather than open a dialog to look at.
NOT_OPENED = ("Delete", "Quit", "Close", "Lock", "Back up now", "New review", "Open…", "Join")
Check = Callable[[QWidget], list[str]]


def shown_window(qtbot: QtBot, session: ReviewSession, size: tuple[int, int]) -> MainWindow:
    """The main window at ``size`` in the app's own style sheet, the notes panel open on the first interview."""
    make_app()
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    window.open_interview(tt.timetable(session.store).interviews[0].id)  # the notes panel as it is used
    settle()
    return window


def modal_dialogs_checked(monkeypatch: pytest.MonkeyPatch, check: Check) -> list[str]:
    """From now on a modal dialog is shown, checked and closed instead of waiting (file choosers cancel, notices
    are dropped); what ``check`` finds is collected in the list returned, as "title: problem"."""
    found: list[str] = []

    def look(dialog: QDialog) -> int:
        dialog.show()
        settle()
        found.extend(f"{dialog.windowTitle()}: {p}" for p in check(dialog))
        dialog.close()
        return 0

    monkeypatch.setattr(QDialog, "exec", look)
    monkeypatch.setattr(QMessageBox, "exec", look)
    for name in ("getOpenFileName", "getSaveFileName"):
        monkeypatch.setattr(QFileDialog, name, staticmethod(lambda *_a, **_k: ("", "")))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *_a, **_k: ""))
    monkeypatch.setattr(messages, "info", lambda *_a, **_kw: None)
    monkeypatch.setattr(messages, "error", lambda *_a, **_kw: None)
    return found


def open_dialogs() -> list[QDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]


def every_menu_dialog(window: MainWindow, check: Check, found: list[str]) -> int:
    """Trigger each menu entry that opens a dialog ("…"); dialogs opened without waiting are checked here (modal
    ones by ``modal_dialogs_checked``). Returns how many entries were triggered."""
    opened = 0
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        for action in menu.actions() if menu is not None else []:
            text = action.text().replace("&", "")
            if not text.endswith("…") or any(text.startswith(n) for n in NOT_OPENED):
                continue
            action.trigger()
            settle()
            opened += 1
            for dialog in open_dialogs():  # the ones opened without waiting (open(), show())
                found.extend(f"{text}: {p}" for p in check(dialog))
                dialog.close()
    return opened


def start_and_dialogs_checked(qtbot: QtBot, dialogs: list[Callable[[], QDialog]], check: Check) -> list[str]:
    """The start screen, then each of ``dialogs`` made, shown, checked and closed (unanswered)."""
    from peerdesk.ui.shell.start import StartScreen

    start = StartScreen()
    qtbot.addWidget(start)
    start.show()
    found = [f"start screen: {p}" for p in check(start)]
    for make in dialogs:
        dialog = make()
        qtbot.addWidget(dialog)
        dialog.show()
        found += [f"{dialog.windowTitle()}: {p}" for p in check(dialog)]
        dialog.done(0)  # not reject(): a dialog that asks before throwing typing away would wait for an answer
    return found

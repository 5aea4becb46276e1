"""File ▸ Print… and Build presentation… are on the menu from the start; their heavy modules load on first use."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from pytestqt.qtbot import QtBot

from peerdesk.store.engine import Store
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.shell.main_window import MainWindow
from tests.conftest import PASSPHRASE

# A fresh process opens a review in the main window, as the app does, then lists what it has not loaded.
OPEN_AND_LIST = """
import sys
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
    QSettings.setPath(fmt, QSettings.Scope.UserScope, sys.argv[3])
from peerdesk.store.engine import Store
from peerdesk.ui.shell.app import Controller, make_app
app = make_app(sys.argv[:1])
window = Controller(app).open_window(Store.open(sys.argv[1], sys.argv[2]))
while not (window.windowHandle() and window.windowHandle().isExposed()):
    app.processEvents()
app.processEvents()
print(window.windowTitle())
print(" ".join(sorted(sys.modules)))
window.close()
"""
LOADED_ON_FIRST_USE = (
    "pptx",  # python-pptx: the presentation
    "peerdesk.export.presentation",
    "peerdesk.export.printing",  # the print layouts
    "peerdesk.ui.kit.printing",
    "peerdesk.ui.insights.build_deck",
    "peerdesk.services.sharing",  # bundles: their crypto, merge and sync
    "peerdesk.exchange.transfer",
    "peerdesk.ui.wall.widget",  # the wall, behind its tab
    "alembic",  # the file is at the newest schema
)


def test_print_and_build_presentation_are_in_the_file_menu_with_their_keys(
    qtbot: QtBot, session: ReviewSession
) -> None:
    window = MainWindow(session)
    qtbot.addWidget(window)
    menu = window.file_menu.actions()
    assert window.action_print in menu and window.action_build_presentation in menu
    assert window.action_print.shortcut().toString() == "Ctrl+P"
    assert window.action_build_presentation.shortcut().toString() == "Ctrl+Shift+P"
    assert menu.index(window.action_print) < menu.index(window.action_lock)  # before Lock and Close


def test_a_window_opened_on_a_review_has_not_loaded_what_only_a_menu_action_needs(
    review_path: Path, store: Store, tmp_path: Path
) -> None:
    store.close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    shown = subprocess.run(
        [sys.executable, "-c", OPEN_AND_LIST, str(review_path), PASSPHRASE, str(tmp_path / "settings")],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=120,
    )
    title, modules = shown.stdout.splitlines()[:2]
    assert "Westfold County Council" in title  # the review really is open
    loaded = set(modules.split())
    assert "peerdesk.ui.overview.panel" in loaded and "peerdesk.store.engine" in loaded
    assert [m for m in LOADED_ON_FIRST_USE if m in loaded] == []

"""The main window: a work area of tabs, one dock per panel, lock and unlock, the shortcuts it lists."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel

from peerdesk.ui.shell.docks import panel_specs
from peerdesk.ui.shell.main_window import MainWindow
from tests.conftest import PASSPHRASE


@pytest.fixture
def window(main_window: MainWindow) -> MainWindow:
    return main_window


def test_one_dock_per_panel_and_the_title_names_the_review(window: MainWindow) -> None:
    assert set(window.docks) == {s.object_name for s in panel_specs()}
    assert window.windowTitle().endswith(" — peerdesk") and "Westfold" in window.windowTitle()
    assert window.work.tabText(0) == "Overview"


def test_a_work_tab_is_added_and_brought_to_the_front(window: MainWindow) -> None:
    page = QLabel("a workshop step")
    window.add_work_tab(page, "Step", scroll=True)
    window.show_work(page)
    assert window.work.tabText(window.work.currentIndex()) == "Step"


def test_locking_hides_the_docks_and_the_right_passphrase_brings_them_back(window: MainWindow) -> None:
    window.lock()
    assert window.session.locked and window.stack.currentWidget() is window.lock_screen
    assert not window.menuBar().isEnabled() and not any(d.isVisible() for d in window.docks.values())
    window.lock_screen.edit.setText(PASSPHRASE)
    window.lock_screen.try_unlock()
    assert not window.session.locked and window.stack.currentWidget() is window.work
    assert all(d.isVisible() for d in window.docks.values())


def test_the_shortcuts_list_names_each_action_once(window: MainWindow) -> None:
    rows = window.shortcut_rows()
    assert rows == sorted(set(rows)) and all(name and seq and "&" not in name for name, seq in rows)
    assert any(name.startswith("Print") for name, _ in rows)

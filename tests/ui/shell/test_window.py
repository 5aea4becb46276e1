"""What the parts installed on the main window need of it: a small base class the main window implements."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from peerdesk.ui.shell.main_window import MainWindow
from peerdesk.ui.shell.window import ShellWindow


def test_the_main_window_is_the_shell_window_and_implements_each_method() -> None:
    assert issubclass(MainWindow, ShellWindow)
    for name in ("flush_edits", "lock", "add_work_tab", "show_work", "show_flagged_quotes"):
        assert getattr(MainWindow, name) is not getattr(ShellWindow, name), name


def test_the_base_class_alone_does_nothing_silently(qtbot: QtBot) -> None:
    window = ShellWindow()
    qtbot.addWidget(window)
    for call in (window.flush_edits, window.lock, window.show_flagged_quotes):
        with pytest.raises(NotImplementedError):
            call()
    with pytest.raises(NotImplementedError):
        window.add_work_tab(QLabel(), "x")

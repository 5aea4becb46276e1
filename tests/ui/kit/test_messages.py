"""An unexpected error in the UI is logged with its details and shown as one calm sentence, never a traceback."""

from __future__ import annotations

import logging
import sys

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from peerdesk.ui.kit import messages


def test_an_uncaught_error_is_logged_and_shown_without_a_traceback(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    messages.install_excepthook()
    shown: list[str] = []

    def close_box() -> bool:
        for box in QApplication.topLevelWidgets():
            if isinstance(box, QMessageBox) and box.isVisible():
                shown.append(box.text())
                box.close()
                return True
        return False

    # The box runs its own modal loop: only a timer gets to close it from inside that loop.
    closer = QTimer()
    closer.setInterval(20)
    closer.timeout.connect(close_box)
    closer.start()
    with caplog.at_level(logging.ERROR, logger="peerdesk.ui"):
        try:
            raise KeyError("a bug")
        except KeyError:
            sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]
        qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    closer.stop()
    assert "unexpected error in the user interface" in caplog.text
    assert "KeyError" in caplog.text
    [text] = shown
    assert "did not expect" in text and "Traceback" not in text and "a bug" not in text

"""The workshop, follow-up and survey tabs of the main window."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.shell.main_window import MainWindow

SCREENSHOTS = Path(__file__).resolve().parents[3] / "docs" / "screenshots"


@pytest.fixture(autouse=True)
def _screenshots_go_to_docs_only_when_asked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """README screenshots are refreshed with PEERDESK_SCREENSHOTS=1; a normal run leaves the work tree alone."""
    if not os.environ.get("PEERDESK_SCREENSHOTS"):
        monkeypatch.setattr(sys.modules[__name__], "SCREENSHOTS", tmp_path / "screenshots")


def test_the_main_window_has_workshop_follow_up_and_survey_tabs(qtbot: QtBot, demo_session: ReviewSession) -> None:
    from peerdesk.ui.shell.app import make_app
    from tests.export.test_workshop_pptx import record_workshop

    make_app()  # the app's style sheet, as people see it
    record_workshop(demo_session.store)
    window = MainWindow(demo_session)
    qtbot.addWidget(window)
    tabs = [window.work.tabText(i) for i in range(window.work.count())]
    assert tabs[-3:] == ["Workshop", "Follow-up", "Survey"]
    window.resize(1500, 900)
    for dock in window.docks.values():
        dock.hide()  # the workshop screenshot shows the tab, as a facilitator would arrange it
    window.show()
    window.show_work(window.workshop_tabs.workshop)
    qtbot.waitExposed(window)
    for _ in range(5):  # laid out at its size before the picture is taken
        QApplication.processEvents()
    rows = dict(window.shortcut_rows())
    assert rows["Projector view"] == "F5"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(SCREENSHOTS / "workshop.png"))


def test_locking_the_window_closes_the_projector_view(qtbot: QtBot, demo_session: ReviewSession) -> None:
    """The projector, a window of its own (full screen on a laptop alone), kept the review on show over the lock."""
    window = MainWindow(demo_session)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    projector_action = next(a for a in window.findChildren(QAction) if a.text() == "&Projector view")
    projector_action.trigger()
    projector = window.workshop_tabs.projector
    assert projector is not None and projector.isVisible()
    window.lock()
    assert not projector.isVisible() and window.workshop_tabs.projector is None
    window.unlock()


def test_ctrl_l_in_the_projector_view_locks_the_review(qtbot: QtBot, demo_session: ReviewSession) -> None:
    window = MainWindow(demo_session)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    next(a for a in window.findChildren(QAction) if a.text() == "&Projector view").trigger()
    projector = window.workshop_tabs.projector
    assert projector is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is projector)
    qtbot.keyClick(projector, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert demo_session.locked and not projector.isVisible()
    window.unlock()

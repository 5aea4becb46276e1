"""The start screen: recent reviews that still exist, newest first, and the four ways in."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from peerdesk.ui.kit import settings as ui_settings
from peerdesk.ui.shell import app as shell
from peerdesk.ui.shell.main_window import QUOTE_KEY, quit_shortcut
from peerdesk.ui.shell.start import StartScreen
from tests.helpers.drags import drag_onto, drop_onto, local, mime_of
from tests.helpers.layout import tooltip_shown


@pytest.fixture(autouse=True)
def _no_recent_files() -> None:
    ui_settings.settings().remove("recent")  # QSettings keeps its file for the whole process


def test_without_recent_reviews_the_list_says_where_they_will_appear(qtbot: QtBot) -> None:
    screen = StartScreen()
    qtbot.addWidget(screen)
    assert screen.recent.count() == 0 and not screen.empty.isHidden()


def test_recent_reviews_that_still_exist_are_listed_and_open_when_activated(qtbot: QtBot, tmp_path: Path) -> None:
    kept, gone = tmp_path / "eastmere.peerdesk", tmp_path / "gone.peerdesk"
    kept.write_bytes(b"x")
    ui_settings.add_recent(gone)
    # A name no file can have: Python's own check raises for it (as for a folder closed to this user), and the
    # start screen was never shown.
    ui_settings.add_recent(tmp_path / ("x" * 300 + ".peerdesk"))
    ui_settings.add_recent(kept)
    screen = StartScreen()
    qtbot.addWidget(screen)
    assert screen.recent.count() == 1 and screen.empty.isHidden()
    item = screen.recent.item(0)
    assert item.text().startswith("eastmere\n") and item.data(Qt.ItemDataRole.UserRole) == str(kept.resolve())
    with qtbot.waitSignal(screen.open_path) as opened:
        screen.recent.itemActivated.emit(item)
    assert opened.args == [kept.resolve()]


def test_the_buttons_ask_for_a_new_review_another_file_or_the_demo(qtbot: QtBot) -> None:
    screen = StartScreen()
    qtbot.addWidget(screen)
    for button, signal in (
        (screen.new_button, screen.new_review),
        (screen.open_button, screen.open_other),
        (screen.demo_button, screen.open_demo),
    ):
        with qtbot.waitSignal(signal):
            button.click()


def test_ctrl_n_and_ctrl_o_work_on_the_start_screen_and_are_shown_on_the_buttons(qtbot: QtBot) -> None:
    screen = StartScreen()
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitExposed(screen)
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow)
    native = QKeySequence.SequenceFormat.NativeText
    assert QKeySequence(QKeySequence.StandardKey.Open).toString(native) in screen.open_button.text()
    with qtbot.waitSignal(screen.open_other, timeout=2000):
        QTest.keyClick(screen, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    with qtbot.waitSignal(screen.new_review, timeout=2000):
        QTest.keyClick(screen, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    with qtbot.waitSignal(screen.join_review, timeout=2000):
        qtbot.mouseClick(screen.join_button, Qt.MouseButton.LeftButton)


def test_quit_never_takes_the_quote_capture_key() -> None:
    assert quit_shortcut().matches(QKeySequence(QUOTE_KEY)) != QKeySequence.SequenceMatch.ExactMatch


def test_a_review_deep_in_long_folders_is_listed_within_the_width_with_when_it_changed(
    qtbot: QtBot, tmp_path: Path
) -> None:
    folder = tmp_path / "OneDrive - Eastmere Borough Council" / "Documents" / "Peer challenge reviews" / "Front door"
    folder.mkdir(parents=True)
    review = folder / "eastmere.peerdesk"
    review.write_bytes(b"x")
    ui_settings.add_recent(review)
    screen = StartScreen()
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitExposed(screen)
    item = screen.recent.item(0)
    name, when, where = item.text().split("\n")
    assert name == "eastmere" and when.startswith("changed ") and where == str(review.resolve().parent)
    assert tooltip_shown(item.toolTip()) == str(review.resolve())
    # Each line shortened in its middle to the list's width: nothing to scroll sideways to.
    assert screen.recent.textElideMode() == Qt.TextElideMode.ElideMiddle
    assert screen.recent.horizontalScrollBar().maximum() == 0


def test_the_screen_says_once_that_it_has_painted(qtbot: QtBot) -> None:
    """The app loads what a review needs after this (ui.shell.app.load_review_modules), not before."""
    screen = StartScreen()
    qtbot.addWidget(screen)
    said: list[bool] = []
    screen.painted.connect(lambda: said.append(True))
    assert said == []  # built, not yet painted
    with qtbot.waitSignal(screen.painted, timeout=5000):
        screen.show()
    screen.update()
    screen.repaint()
    assert said == [True]


def test_a_review_or_bundle_dropped_on_the_start_screen_is_opened_after_the_drop(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[list[Path]] = []
    monkeypatch.setattr(shell.Controller, "open_files", lambda _self, paths: opened.append(paths))
    controller = shell.Controller(shell.make_app())
    screen = controller.start
    qtbot.addWidget(screen)
    review, bundle = tmp_path / "eastmere.peerdesk", tmp_path / "from-jo.pdbundle"
    assert not drag_onto(screen, mime_of(local(tmp_path / "notes.docx")))  # refused: the pointer says so
    mime = mime_of(local(review), local(bundle))
    assert drag_onto(screen, mime)
    assert drop_onto(screen, mime)
    assert opened == []  # not inside the drop: opening asks for a passphrase, which would hold the mail program
    qtbot.waitUntil(lambda: opened == [[review, bundle]])


def test_the_start_screen_says_it_takes_drops(qtbot: QtBot) -> None:
    screen = StartScreen()
    qtbot.addWidget(screen)
    assert screen.acceptDrops()

"""File ▸ Open a recent review: the reviews opened last, numbered, missing files left out; choosing one opens it,
choosing the one already open brings its window forward; the list can be cleared."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from peerdesk.services import review
from peerdesk.store.engine import Store
from peerdesk.ui.kit import settings as ui_settings
from peerdesk.ui.shell.app import Controller
from peerdesk.ui.shell.dialogs import PassphraseDialog
from peerdesk.ui.shell.main_window import MainWindow
from tests.conftest import PASSPHRASE
from tests.helpers.layout import tooltip_shown
from tests.ui.shell.test_open_files import answer_passphrase


def entries(window: MainWindow) -> list[str]:
    window.file_menu.aboutToShow.emit()  # as when the user opens the File menu
    return [a.text() for a in window.recent_menu.menu.actions() if not a.isSeparator()]


def refuse_passphrase(looks: int = 200) -> list[str]:
    """A passphrase dialog the app shows in the next two seconds is noted and cancelled (it would block in exec())."""
    asked: list[str] = []

    def refuse(left: int) -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, PassphraseDialog):
            asked.append(dialog.windowTitle())
            dialog.reject()
        elif left:
            QTimer.singleShot(10, lambda: refuse(left - 1))

    QTimer.singleShot(0, lambda: refuse(looks))
    return asked


def another_review(folder: Path, name: str) -> Path:
    path = folder / f"{name}.peerdesk"
    review.create_review(path, PASSPHRASE, review.Essentials("Northby Council", "Front door", "Alex Reviewer")).close()
    return path


def test_the_menu_sits_under_open_and_lists_the_reviews_opened_last_missing_ones_left_out(
    qtbot: QtBot, controller: Controller, store: Store, tmp_path: Path
) -> None:
    other = another_review(tmp_path, "Q&A visit")
    ui_settings.add_recent(tmp_path / "moved-away.peerdesk")
    ui_settings.add_recent(tmp_path / ("x" * 300 + ".peerdesk"))  # cannot even be looked at: left out too
    ui_settings.add_recent(other)
    window = controller.open_window(store)  # the open review goes to the top of the list
    titles = [a.text() for a in window.file_menu.actions()]
    assert titles.index("Open &a recent review") == titles.index("&Open…") + 1
    assert entries(window) == [f"&1 {store.path.stem}", "&2 Q&&A visit", "&Clear the list"]
    assert tooltip_shown(window.recent_menu.menu.actions()[1].toolTip()) == str(other)


def test_choosing_a_recent_review_asks_its_passphrase_and_opens_it_in_a_window_of_its_own(
    qtbot: QtBot, controller: Controller, store: Store, tmp_path: Path
) -> None:
    other = another_review(tmp_path, "Northby")
    ui_settings.add_recent(other)
    window = controller.open_window(store)
    entries(window)
    [northby] = [a for a in window.recent_menu.menu.actions() if a.text().endswith("Northby")]
    answer_passphrase(PASSPHRASE)
    northby.trigger()
    qtbot.waitUntil(lambda: len(controller.windows) == 2, timeout=20000)
    assert controller.windows[1].session.store.path == other


def test_choosing_the_review_already_open_asks_nothing_and_opens_no_second_window(
    qtbot: QtBot, controller: Controller, store: Store
) -> None:
    window = controller.open_window(store)
    asked = refuse_passphrase()
    entries(window)
    [itself] = [a for a in window.recent_menu.menu.actions() if a.text().endswith(store.path.stem)]
    itself.trigger()
    assert asked == [] and controller.windows == [window]


def test_clearing_the_list_forgets_the_reviews_and_greys_the_menu(
    qtbot: QtBot, controller: Controller, store: Store
) -> None:
    window = controller.open_window(store)
    entries(window)
    [clear] = [a for a in window.recent_menu.menu.actions() if a.text() == "&Clear the list"]
    clear.trigger()
    assert ui_settings.recent_files() == []
    assert entries(window) == []
    assert not window.recent_menu.menu.menuAction().isEnabled()  # greyed in the File menu
    assert store.path.exists()  # the review itself stays where it is

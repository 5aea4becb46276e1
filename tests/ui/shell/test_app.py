"""Application start-up: the app's identity and style, and the controller moving from start screen to a window."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from peerdesk.store.engine import Store
from peerdesk.ui.kit import settings as ui_settings
from peerdesk.ui.shell import app as shell


def test_the_demo_lives_in_the_users_data_folder() -> None:
    assert shell.demo_path().name == "demo.peerdesk"
    assert "peerdesk" in str(shell.demo_path().parent).lower()


def test_make_app_names_the_app_and_applies_the_style(qtbot: QtBot) -> None:
    app = shell.make_app()
    assert isinstance(app, QApplication) and app is QApplication.instance()
    assert app.applicationName() and app.desktopFileName() == "peerdesk"
    assert app.styleSheet() == shell.stylesheet() and shell.stylesheet().strip()
    assert not app.windowIcon().isNull()


def test_opening_a_review_shows_its_window_hides_the_start_and_remembers_it(qtbot: QtBot, store: Store) -> None:
    controller = shell.Controller(shell.make_app())
    controller.show_start()
    assert controller.start.isVisible()
    window = controller.open_window(store)
    try:
        assert controller.windows == [window] and window.isVisible() and not controller.start.isVisible()
        assert store.path.resolve() in ui_settings.recent_files()
    finally:
        window.close()
        qtbot.waitUntil(lambda: not controller.windows)
        controller.start.close()


def test_the_garbage_collector_is_on_again_once_the_app_has_started() -> None:
    import gc

    from peerdesk.ui.shell.app import collect_garbage_again

    gc.disable()  # as peerdesk/__main__.py does before the app's modules load
    try:
        collect_garbage_again()
        assert gc.isenabled()
        assert gc.get_freeze_count() > 0  # what start-up made is left out of later collections
    finally:
        gc.unfreeze()
        gc.enable()

"""Shared fixtures: real review files in temporary folders, and a Qt environment that touches no real settings."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

# Headless, and never the developer's own settings, data or logs. The offscreen screen is a desktop's 1920×1080
# (Qt's own is 800×800, where a new window would open maximized to fit, as on a small laptop); tests that want
# another size give the window that size.
_SCREEN = Path(__file__).with_name("offscreen_screen.json")
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    # Qt reads the platform's options after a colon: a path holding one (C:\…) is left out, and Qt's screen used.
    os.environ["QT_QPA_PLATFORM"] = "offscreen" if ":" in str(_SCREEN) else f"offscreen:configfile={_SCREEN}"

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from peerdesk.store.engine import Store
    from peerdesk.ui.kit.session import ReviewSession
    from peerdesk.ui.shell.main_window import MainWindow
    from tests.helpers.exchange import Team

PASSPHRASE = "correct horse battery staple"


@pytest.fixture(scope="session")
def qapp_cls() -> type:
    """pytest-qt's application is the app's own (``Application``): a file the desktop hands over reaches the
    controller as the application's signal in the tests as in the app."""
    from peerdesk.ui.shell.app import Application

    return Application


@pytest.fixture
def qtbot(qtbot: QtBot) -> Iterator[QtBot]:
    """pytest-qt's bot, holding on to each widget a test registers until the test ends, then deleting it.

    pytest-qt keeps only a weak reference. PySide's wrappers of a window and its children refer to each other, so a
    window the test no longer names waits for Python's cycle collector, which runs at whatever allocation comes
    next: sometimes inside Qt's event dispatch, with events still queued for the window it deletes — a crash
    (segmentation fault in ``QWindowSystemInterface::sendWindowSystemEvents``; with the collector off it never
    happened). Held here, the window is closed by pytest-qt and deleted below, between tests, where nothing is
    being dispatched.
    """
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QWidget

    kept: list[QWidget] = []
    register = qtbot.addWidget

    def register_and_keep(widget: QWidget, *, before_close_func: Callable[[QWidget], None] | None = None) -> None:
        register(widget, before_close_func=before_close_func)
        kept.append(widget)

    qtbot.addWidget = qtbot.add_widget = register_and_keep  # type: ignore[method-assign]
    yield qtbot
    # pytest-qt has closed each one and asked for its deletion before fixtures end
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    kept.clear()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item: pytest.Item) -> Iterator[None]:
    """Widgets a test leaves are deleted when it ends, not at some later test's event loop.

    pytest-qt closes each widget a test registered and asks Qt to delete it later; only an event loop deletes it,
    and a test session runs none between tests. Main windows piled up (fifty at once, 33,000 widgets, each with
    the idle lock's application-wide filter), and every later restyle or event went through all of them.

    First, a registered widget that Qt has already deleted (its parent went with the test) is left out of the ones
    pytest-qt is about to close: ``qtbot`` below holds on to it, so closing it would raise.
    """
    import sys

    registered = getattr(item, "qt_widgets", None)  # pytest-qt's (weak reference, before-close) pairs
    if registered:
        from shiboken6 import isValid

        alive = [(ref, close) for ref, close in registered if (w := ref()) is not None and isValid(w)]
        item.qt_widgets = alive  # type: ignore[attr-defined]
    yield
    if "PySide6.QtCore" in sys.modules:
        from PySide6.QtCore import QCoreApplication, QEvent

        if QCoreApplication.instance() is not None:
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


@pytest.fixture(autouse=True)
def _files_handed_over_reach_this_tests_controller_only() -> Iterator[None]:
    """The app has one controller for its whole life; the tests make one each on the same application, so what a
    test connected to ``file_opened`` is let go when it ends (a later test's file would reach dead windows)."""
    yield
    import contextlib
    import sys
    import warnings

    if "peerdesk.ui.shell.app" not in sys.modules:
        return
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if isinstance(app, sys.modules["peerdesk.ui.shell.app"].Application):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # PySide warns when nothing was connected
            with contextlib.suppress(RuntimeError, TypeError):
                app.file_opened.disconnect()


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path_factory.mktemp("home")
    for var, sub in (
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_DATA_HOME", "data"),
        ("XDG_STATE_HOME", "state"),
        ("XDG_CACHE_HOME", "cache"),
    ):
        monkeypatch.setenv(var, str(home / sub))
    monkeypatch.setenv("HOME", str(home))
    # QSettings resolves its folder once per process; point it at this test's home explicitly.
    from PySide6.QtCore import QSettings

    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(home / "config"))
    monkeypatch.delenv("PEERDESK_PASSPHRASE", raising=False)


@pytest.fixture
def passphrase() -> str:
    return PASSPHRASE


@pytest.fixture
def review_path(tmp_path: Path) -> Path:
    return tmp_path / "review.peerdesk"


@pytest.fixture
def store(review_path: Path) -> Iterator[Store]:
    from peerdesk.services import review

    s = review.create_review(
        review_path,
        PASSPHRASE,
        review.Essentials(
            authority="Westfold County Council",
            focus="Children in care",
            me_name="Alex Reviewer",
            me_role="lead",
            visit_start=dt.date(2026, 3, 10),
        ),
    )
    yield s
    s.close()


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo review, written once per test run; copy it before changing it (see ``demo_copy``)."""
    from peerdesk.services import demo

    path = tmp_path_factory.mktemp("demo") / "demo.peerdesk"
    demo.write_demo(path, PASSPHRASE).close()
    return path


@pytest.fixture
def demo_copy(demo_file: Path, tmp_path: Path) -> Path:
    import shutil

    target = tmp_path / "demo.peerdesk"
    shutil.copy(demo_file, target)
    return target


@pytest.fixture
def demo_store(demo_copy: Path) -> Iterator[Store]:
    from peerdesk.store.engine import Store

    s = Store.open(demo_copy, PASSPHRASE)
    yield s
    s.close()


@pytest.fixture
def session(qtbot: object, store: Store) -> Iterator[ReviewSession]:
    from peerdesk.ui.kit.session import ReviewSession

    yield ReviewSession(store)


@pytest.fixture
def demo_session(qtbot: object, demo_store: Store) -> Iterator[ReviewSession]:
    from peerdesk.ui.kit.session import ReviewSession

    yield ReviewSession(demo_store)


@pytest.fixture
def duo(tmp_path: Path) -> Iterator[Team]:
    """A lead and one member on real files, the member joined by invitation and holding the roster."""
    from tests.helpers.exchange import make_team

    team = make_team(tmp_path / "team", size=2)
    yield team
    team.close()


@pytest.fixture
def trio(tmp_path: Path) -> Iterator[Team]:
    """A lead and two members (Sam, then Priya) on real files, joined by invitation, each holding the roster."""
    from tests.helpers.exchange import make_team

    team = make_team(tmp_path / "team")
    yield team
    team.close()


@pytest.fixture
def main_window(qtbot: QtBot, session: ReviewSession) -> Iterator[MainWindow]:
    """The main window on the ``store`` review, shown (offscreen)."""
    from peerdesk.ui.shell.main_window import MainWindow

    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    yield window

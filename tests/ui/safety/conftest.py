"""Fixtures for the safety tests: a shown main window, default preferences, message boxes collected."""

from __future__ import annotations

import pytest

from peerdesk.ui.kit import messages
from peerdesk.ui.kit import settings as ui_settings
from peerdesk.ui.shell.main_window import MainWindow


@pytest.fixture(autouse=True)
def _default_preferences() -> None:
    # QSettings keeps the file it first opened for the whole process: start each test from the defaults.
    ui_settings.settings().remove("safety")


@pytest.fixture
def told(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Message boxes the flows showed, instead of showing them (they are modal)."""
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(messages, "info", lambda _p, title, text: shown.append((title, text)))
    monkeypatch.setattr(messages, "error", lambda _p, title, exc, **_kw: shown.append((title, str(exc))))
    monkeypatch.setattr(messages, "confirm", lambda *_a, **_k: True)
    return shown


@pytest.fixture
def window(main_window: MainWindow) -> MainWindow:
    return main_window

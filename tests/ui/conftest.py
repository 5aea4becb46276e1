"""Fixtures for the panel tests: messages the user would see are collected instead of blocking in a dialog."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from peerdesk.ui.kit import messages


@pytest.fixture(autouse=True)
def _app_style_sheet_stays_in_its_test() -> Iterator[None]:
    """A test that applies the app's style sheet (make_app) must not change what later tests see."""
    yield
    app = QApplication.instance()
    if isinstance(app, QApplication) and app.styleSheet():
        app.setStyleSheet("")


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every error or notice a panel shows, as "title: text" (the real boxes are modal and would wait)."""
    seen: list[str] = []
    monkeypatch.setattr(messages, "error", lambda _parent, title, exc, **_kw: seen.append(f"{title}: {exc}"))
    monkeypatch.setattr(messages, "info", lambda _parent, title, text: seen.append(f"{title}: {text}"))
    return seen


@pytest.fixture
def errors_fail_the_test(monkeypatch: pytest.MonkeyPatch) -> None:
    """A refusal would open a modal box and hang offscreen: make it fail the test instead."""

    def fail(_parent: object, title: str, exc: BaseException, **_kw: object) -> None:
        raise AssertionError(f"{title}: {exc}") from exc

    monkeypatch.setattr(messages, "error", fail)

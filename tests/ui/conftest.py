"""Fixtures for the panel tests: messages the user would see are collected instead of blocking in a dialog."""

from __future__ import annotations

import pytest

from peerdesk.ui import messages


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every error or notice a panel shows, as "title: text" (the real boxes are modal and would wait)."""
    seen: list[str] = []
    monkeypatch.setattr(messages, "error", lambda _parent, title, exc: seen.append(f"{title}: {exc}"))
    monkeypatch.setattr(messages, "info", lambda _parent, title, text: seen.append(f"{title}: {text}"))
    return seen

"""The self-saving text field: it saves once typing pauses or focus leaves, and never for a value it was given.

The pause is read from the field's own clock, moved on by the test: nothing here waits for real time to pass."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from peerdesk.ui.kit.autosave_text import TYPING_PAUSE_MS, AutoSaveText
from tests.helpers.clock import Clock


@pytest.fixture
def saved() -> list[str]:
    return []


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def field(qtbot: QtBot, saved: list[str], clock: Clock) -> AutoSaveText:
    widget = AutoSaveText(saved.append, "Say something")
    qtbot.addWidget(widget)
    widget.pause.clock = clock
    return widget


def test_it_saves_the_typed_text_once_on_flush_and_not_the_text_it_was_given(
    field: AutoSaveText, saved: list[str]
) -> None:
    field.set_value("from the file")
    field.flush()
    assert saved == []
    field.setPlainText("typed by me")
    field.flush()
    field.flush()
    assert saved == ["typed by me"]


def test_a_pause_in_typing_saves_by_itself(field: AutoSaveText, saved: list[str], clock: Clock) -> None:
    field.setPlainText("typed")
    clock.advance(TYPING_PAUSE_MS - 1)
    assert not field.pause.check() and saved == []
    clock.advance(1)
    assert field.pause.check()
    assert saved == ["typed"]


def test_the_timer_saves_when_the_pause_is_over(
    qtbot: QtBot, field: AutoSaveText, saved: list[str], clock: Clock
) -> None:
    field.setPlainText("typed")
    clock.advance(TYPING_PAUSE_MS)
    field.pause.timer.start(1)  # the timer's only job is to call check(): let it do so now
    qtbot.waitUntil(lambda: saved == ["typed"], timeout=30_000)

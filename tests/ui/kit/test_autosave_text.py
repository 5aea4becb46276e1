"""The self-saving text field: it saves once typing pauses or focus leaves, and never for a value it was given.

The pause is read from the field's own clock, moved on by the test: nothing here waits for real time to pass."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QVBoxLayout, QWidget
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


def test_the_lines_asked_for_show_whole_in_the_font_the_style_gives(qtbot: QtBot) -> None:
    # Seen under X: the insight statement (two lines asked for) was sized for Qt's default font before the
    # application's style sheet made it 10.5 pt, so its second line was cut in half behind a scroll bar.
    form = QWidget()  # styled from above, as the application's style sheet does
    form.setStyleSheet("QWidget { font-size: 16pt; } QPlainTextEdit { border: 1px solid grey; padding: 4px; }")
    field = AutoSaveText(lambda _text: None, "", 2)
    QVBoxLayout(form).addWidget(field)
    qtbot.addWidget(form)
    form.resize(600, 200)
    form.show()
    qtbot.waitExposed(form)
    field.set_value("The first line of the statement\nand its second line")
    needed = 2 * field.fontMetrics().lineSpacing() + 2 * field.document().documentMargin()
    assert field.viewport().height() >= needed
    assert field.verticalScrollBar().maximum() == 0, "both lines in view, nothing to scroll"


LONG_AIM = (
    "To understand how children and families experience their first contact with the council's services, and "
    "what leaders can do to make the route between early help and statutory help simpler, safer and more "
    "consistent for every family that asks."
)


def test_a_field_that_may_grow_shows_a_longer_answer_whole_up_to_its_most_lines(qtbot: QtBot) -> None:
    """Seen at 1366×768: the overview's aim showed two lines and a sliver of the third over a scroll bar."""
    holder = QWidget()
    layout = QVBoxLayout(holder)
    aim = AutoSaveText(lambda _t: None, "Aim", 2, most=6)
    fixed = AutoSaveText(lambda _t: None, "Aim", 2)
    layout.addWidget(aim)
    layout.addWidget(fixed)
    qtbot.addWidget(holder)
    holder.resize(420, 400)
    holder.show()
    qtbot.waitExposed(holder)
    two_lines = aim.height()
    assert aim.shown_lines() == 2 and fixed.height() == two_lines
    for field in (aim, fixed):
        field.set_value(LONG_AIM)
    qtbot.waitUntil(lambda: aim.shown_lines() > 2)
    assert aim.height() > two_lines and fixed.height() == two_lines  # only the one asked to grow does
    qtbot.waitUntil(lambda: aim.verticalScrollBar().maximum() == 0)  # all of it in view
    holder.resize(1200, 400)  # wider: fewer lines, and the field shrinks back
    qtbot.waitUntil(lambda: aim.shown_lines() == 2)
    assert aim.height() == two_lines
    aim.set_value(LONG_AIM * 4)  # never more than its most lines: then it scrolls
    holder.resize(420, 400)
    qtbot.waitUntil(lambda: aim.shown_lines() == 6)
    assert aim.verticalScrollBar().maximum() > 0

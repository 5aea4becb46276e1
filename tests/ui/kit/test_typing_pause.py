"""The typing pause: due once typing stops for the quiet time, or once a burst has gone on for the longest wait;
its timer only says when to look again. Time is its injected clock, moved on by the test."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from peerdesk.ui.kit.typing_pause import TypingPause, monotonic_ms
from tests.helpers.clock import Clock


def make(quiet: int = 300, longest: int | None = 1000) -> tuple[TypingPause, Clock, list[bool]]:
    clock, due = Clock(), []
    pause = TypingPause(quiet, longest, clock=clock)
    pause.due.connect(lambda: due.append(True))
    return pause, clock, due


def test_nothing_is_due_before_anything_is_typed(qtbot: QtBot) -> None:
    pause, clock, due = make()
    clock.advance(10_000)
    assert not pause.pending and not pause.check() and due == []


def test_a_pause_as_long_as_the_quiet_time_is_due_once(qtbot: QtBot) -> None:
    pause, clock, due = make()
    pause.typed()
    clock.advance(299)
    assert pause.pending and not pause.check() and due == []
    assert pause.timer.interval() == 1  # it looks again exactly when the pause would be long enough
    clock.advance(1)
    assert pause.check() and due == [True]
    assert not pause.pending and not pause.timer.isActive()
    clock.advance(1000)
    assert not pause.check() and due == [True], "saved: nothing is due again until the next key"


def test_a_burst_without_a_pause_is_due_at_the_longest_wait_after_its_first_key(qtbot: QtBot) -> None:
    pause, clock, due = make()
    pause.typed()
    for _ in range(3):  # a key every 250 ms: never a pause of 300
        clock.advance(250)
        pause.typed()
        assert not pause.check() and due == []
    assert pause.timer.interval() == 250  # the longest wait ends before the pause would
    clock.advance(250)  # 1000 ms after the first key, still typing
    assert pause.check() and due == [True]


def test_without_a_longest_wait_only_a_pause_makes_it_due(qtbot: QtBot) -> None:
    pause, clock, due = make(quiet=600, longest=None)
    pause.typed()
    for _ in range(20):
        clock.advance(500)
        pause.typed()
        assert not pause.check()
    clock.advance(600)
    assert pause.check() and due == [True]


def test_stop_forgets_what_was_waiting(qtbot: QtBot) -> None:
    pause, clock, due = make()
    pause.typed()
    pause.stop()
    clock.advance(5000)
    assert not pause.pending and not pause.check() and due == []


def test_the_timer_calls_check_when_it_fires(qtbot: QtBot) -> None:
    pause, clock, due = make()
    pause.typed()
    clock.advance(300)
    pause.timer.start(1)  # the timer's only job is to call check(): let it do so now
    qtbot.waitUntil(lambda: due == [True], timeout=30_000)


def test_the_default_clock_is_monotonic_milliseconds() -> None:
    first = monotonic_ms()
    assert monotonic_ms() >= first > 0

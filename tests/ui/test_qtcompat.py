"""Thousands of Qt calls must not wear away Python's ``None`` or ``True`` (PySide6 6.12.0 on Python 3.11)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal

from peerdesk.ui import qtcompat


class Source(QObject):
    fired = Signal(int)


def test_none_and_true_outlive_many_void_calls_and_emits() -> None:
    source = Source()
    got: list[int] = []
    source.fired.connect(got.append)
    for n in range(50_000):  # without the cushion, Python 3.11 aborts long before the end
        source.setObjectName("x")
        source.fired.emit(n)
    assert len(got) == 50_000
    assert sys.getrefcount(None) > 0 and sys.getrefcount(True) > 0


def test_the_cushion_is_only_used_where_the_leak_is() -> None:
    lost_none, lost_true = qtcompat.leaks()
    leaking = lost_none >= qtcompat.PROBES or lost_true >= qtcompat.PROBES
    assert (leaking and sys.version_info < (3, 12)) == qtcompat.CUSHIONED

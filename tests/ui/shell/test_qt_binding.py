"""The Qt binding must not wear away Python's ``None`` or ``True``.

PySide6 6.12.0 on Python 3.11 returns ``None`` from void Qt calls and ``True`` from ``Signal.emit`` without taking a
reference; a few thousand keystrokes into an interview Python aborts ("none_dealloc"). pyproject.toml therefore
keeps PySide6 below 6.12; this test fails loudly if a binding with the leak is ever installed again.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class Source(QObject):
    fired = Signal(int)


def test_void_calls_and_emits_keep_their_references() -> None:
    source = Source()
    got: list[int] = []
    source.fired.connect(got.append)
    source.setObjectName("warm-up")
    source.fired.emit(-1)
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for n in range(200):  # a leaking binding loses exactly one reference per call
        source.setObjectName("x")
        source.fired.emit(n)
    assert sys.getrefcount(None) >= none_before - 50
    assert sys.getrefcount(True) >= true_before - 50
    assert len(got) == 201

"""A work-around for a bug in the Qt binding, checked at run time so it switches itself off once fixed.

PySide6 6.12.0 on Python 3.11 returns ``None`` from every void Qt call, and ``True`` from every ``Signal.emit``,
without taking a reference. Each call wears one reference off Python's ``None`` (or ``True``) until Python frees
it and aborts ("none_dealloc", "bool_dealloc"): a few thousand keystrokes into an interview's notes, the app
would vanish. Python 3.12 made these singletons immortal, so there the bug is harmless. On 3.11, when a probe
shows the leak, we give the three singletons so large a reference count that no session can wear it away —
what 3.12 does by design. Imported by ``peerdesk.ui`` so it runs before any window exists.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal

CUSHION = 1 << 40  # a trillion leaked references: years of continuous use
PROBES = 16


class _Probe(QObject):
    ping = Signal()


def leaks() -> tuple[int, int]:
    """How many references to (None, True) a few void calls and emits drop: (0, 0) with a sound binding."""
    probe = _Probe()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for n in range(PROBES):
        probe.setObjectName(f"probe{n}")
        probe.ping.emit()
    return none_before - sys.getrefcount(None), true_before - sys.getrefcount(True)


def _cushion() -> bool:
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False
    lost_none, lost_true = leaks()
    if lost_none < PROBES and lost_true < PROBES:
        return False
    for singleton in (None, True, False):
        # ob_refcnt is the first field of every CPython 3.11 object, at the object's address.
        ctypes.c_ssize_t.from_address(id(singleton)).value += CUSHION
    return True


CUSHIONED = _cushion()

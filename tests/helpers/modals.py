"""Watching for modal boxes: a test that types must see none, and must not hang if one opens all the same."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget


def title(widget: QWidget) -> str:
    text = getattr(widget, "text", None)
    return f"{widget.windowTitle()}: {text() if callable(text) else ''}".strip(": ")


@contextmanager
def no_box_may_open() -> Iterator[list[str]]:
    """Every modal window that opens meanwhile is recorded (title: text) and closed, so the test goes on and can
    assert the list is empty; a box's own event loop cannot block the test."""
    seen: list[str] = []

    def look() -> None:
        modal = QApplication.activeModalWidget()
        if modal is not None:
            seen.append(title(modal))
            modal.reject() if isinstance(modal, QDialog) else modal.close()

    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(look)
    timer.start()
    try:
        yield seen
    finally:
        timer.stop()
        look()

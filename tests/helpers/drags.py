"""Drags and drops as the desktop sends them: files dragged from a folder or a mail program onto a widget."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget


def mime_of(*urls: QUrl, text: str = "") -> QMimeData:
    """What a drag holds: ``urls`` (and ``text``, as some file managers add the paths as words)."""
    mime = QMimeData()
    mime.setUrls(list(urls))
    if text:
        mime.setText(text)
    return mime


def local(path: Path) -> QUrl:
    return QUrl.fromLocalFile(str(path))


def drag_onto(widget: QWidget, mime: QMimeData) -> bool:
    """Drag ``mime`` over ``widget``: whether it took the drag."""
    drag = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    try:  # Qt 6.12 adds a QPointF constructor and deprecates the QPoint one, the only one before 6.12
        enter = QDragEnterEvent(QPointF(20, 20), *drag)
    except TypeError:
        enter = QDragEnterEvent(QPoint(20, 20), *drag)
    QApplication.sendEvent(widget, enter)
    return enter.isAccepted()


def drop_onto(widget: QWidget, mime: QMimeData) -> bool:
    """Drop ``mime`` on ``widget``: whether it took the drop."""
    drop = QDropEvent(
        QPointF(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(widget, drop)
    return drop.isAccepted()

"""Files dropped on peerdesk's windows: a review opens, a bundle is offered for import, as on a double-click.

A bundle arrives by email: dragging the attachment out of the mail program onto peerdesk is what many people try
first, and a review file dragged from a folder is opened the same way. Only local files with peerdesk's suffixes
are taken; anything else dragged over a window is refused (the pointer says so) and nothing happens. A text field
the file is dragged over passes it on to its window (``pass_on_files``) rather than typing in the file's path.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QObject, QTimer
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent

from peerdesk import OPENABLE_SUFFIXES


def openable_in(mime: QMimeData | None, suffixes: tuple[str, ...] = OPENABLE_SUFFIXES) -> list[Path]:
    """The local files among those dragged that peerdesk opens (of ``suffixes``, in any case), in their order."""
    if mime is None or not mime.hasUrls():
        return []
    local = (Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile())
    return [path for path in local if path.suffix.lower() in suffixes]


def accept_if_openable(event: QDragEnterEvent | QDragMoveEvent, suffixes: tuple[str, ...] = OPENABLE_SUFFIXES) -> None:
    """Take a drag that holds a file peerdesk opens; refuse any other."""
    if openable_in(event.mimeData(), suffixes):
        event.acceptProposedAction()
    else:
        event.ignore()


def pass_on_files(event: QDragEnterEvent) -> bool:
    """True (the drag refused here, so Qt offers it to the widgets around) when it holds a file peerdesk opens: a
    text field would take the file's path as words to insert."""
    if openable_in(event.mimeData()):
        event.ignore()
        return True
    return False


def dropped(event: QDropEvent, suffixes: tuple[str, ...] = OPENABLE_SUFFIXES) -> list[Path]:
    """The files of a drop peerdesk opens; the drop is accepted when there are any."""
    paths = openable_in(event.mimeData(), suffixes)
    if paths:
        event.acceptProposedAction()
    else:
        event.ignore()
    return paths


class OpensDroppedFiles:
    """A window (mixed in before its Qt class) that takes a drag holding files peerdesk opens and refuses any other,
    and hands those files to ``open_dropped`` once the drop has ended: opening may ask in a modal box (a passphrase,
    an import), which must not hold the drag's source (a mail program) waiting. ``setAcceptDrops(True)`` is the
    window's to call."""

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        accept_if_openable(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        accept_if_openable(event)

    def dropEvent(self, event: QDropEvent) -> None:
        paths = dropped(event)
        if paths:
            assert isinstance(self, QObject)
            QTimer.singleShot(0, self, lambda: self.open_dropped(paths))

    def open_dropped(self, paths: list[Path]) -> None:
        raise NotImplementedError

"""One channel for telling the user things: known errors get their sentence, bugs a calm apology and a log entry."""

from __future__ import annotations

import logging
import sys
from types import TracebackType

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from peerdesk.errors import PeerdeskError

log = logging.getLogger("peerdesk.ui")


def error(parent: QWidget | None, title: str, exc: BaseException) -> None:
    if isinstance(exc, PeerdeskError):
        log.info("%s: %s", title, type(exc).__name__)
        text = str(exc)
    else:
        log.error("unexpected error: %s", title, exc_info=(type(exc), exc, exc.__traceback__))
        text = (
            "Something went wrong that peerdesk did not expect. Nothing you had saved is lost. "
            "The details are in the log file (Help ▸ Open log folder)."
        )
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("errorBox")
    box.exec()


def info(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def confirm(parent: QWidget | None, title: str, text: str, yes: str = "Continue") -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    ok = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is ok


def install_excepthook() -> None:
    """A bug in a slot must not end in a traceback on screen or a silent half-done action: log it, say so calmly.

    The message box is shown from the event loop (not from inside the failing slot), once per burst of errors.
    """
    showing = False

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        nonlocal showing
        log.error("unexpected error in the user interface", exc_info=(exc_type, exc, tb))
        if showing or QApplication.instance() is None:
            return
        showing = True

        def show() -> None:
            nonlocal showing
            try:
                error(QApplication.activeWindow(), "Something went wrong", exc)
            finally:
                showing = False

        QTimer.singleShot(0, show)

    sys.excepthook = hook

"""One channel for telling the user things: known errors get their sentence, bugs a calm apology and a log entry."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QMessageBox, QWidget

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

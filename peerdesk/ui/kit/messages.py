"""One channel for telling the user things: known errors get their sentence, bugs a calm apology and a log entry.

Nothing here takes the keyboard away unasked: a notice that only informs goes to the window's status bar, and an
error nobody asked for (a bug caught by the hook) goes to the window's notice bar when it has one. A box is for
what the user has just asked for (and a window without a status bar).
"""

from __future__ import annotations

import logging
import sys
from types import TracebackType

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from peerdesk.errors import PeerdeskError
from peerdesk.ui.kit.notice_bar import NoticeBar

log = logging.getLogger("peerdesk.ui")
WINDOW_NOTICES = "windowNotices"  # the object name of a main window's own notice bar
# A panel where people type (the note taker) holds a notice bar by this name: refusals of what it does go there.
TYPING_NOTICES = "typingNotices"
STATUS_MS = 10_000


def explain(title: str, exc: BaseException) -> str:
    """The sentence for ``exc``: a known error's own, or the calm apology for a bug.

    Logged without ``title``: a step's name may carry the review's words (“Tag “…””, a member's name, the start of
    a post-it), which the log must not. The traceback says where it happened.
    """
    if isinstance(exc, PeerdeskError):
        log.info("refused: %s", type(exc).__name__)
        return str(exc)
    log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
    return (
        "Something went wrong that peerdesk did not expect. Nothing you had saved is lost. "
        "The details are in the log file (Help ▸ Open log folder)."
    )


def error(parent: QWidget | None, title: str, exc: BaseException, *, about: str = "") -> None:
    """``about``: what it was about (a file's name), said first in the box, never logged: a name chosen by the
    user may say more than the log should."""
    text = explain(title, exc)
    box = QMessageBox(
        QMessageBox.Icon.Warning, title, f"{about}\n\n{text}" if about else text, QMessageBox.StandardButton.Ok, parent
    )
    box.setObjectName("errorBox")
    box.setTextFormat(Qt.TextFormat.PlainText)  # a file's or a colleague's name in it is shown as it is written
    box.exec()


def inline_error(bar: NoticeBar, title: str, exc: BaseException) -> None:
    """An error said in ``bar``, for work that runs while the user types (the keyboard stays where it is)."""
    bar.show_notice(f"{title}: {explain(title, exc)}", kind="error")


def refused(parent: QWidget | None, title: str, exc: BaseException) -> None:
    """An edit was refused: said inline when ``parent`` is a panel people type in, or when someone is typing in a
    text field of the window (a planning field, an insight's words: a box would take the keyboard mid-sentence);
    else in a box (a main window holds such a panel, but what the window refused was not typed there)."""
    bar = _typing_bar(parent)
    if bar is not None:
        inline_error(bar, title, exc)
    else:
        error(parent, title, exc)


def _typing_bar(parent: QWidget | None) -> NoticeBar | None:
    if parent is None:
        return None
    if not isinstance(parent, QMainWindow):
        own = parent.findChild(NoticeBar, TYPING_NOTICES)
        if isinstance(own, NoticeBar):
            return own
    focus = QApplication.focusWidget()
    typing = isinstance(focus, QLineEdit | QPlainTextEdit | QTextEdit | QAbstractSpinBox)
    return window_notices(parent) if typing and focus is not None and focus.window() is parent.window() else None


def window_notices(widget: QWidget | None) -> NoticeBar | None:
    """The notice bar of the window ``widget`` is in, if that window has one."""
    if widget is None:
        return None
    found = widget.window().findChild(NoticeBar, WINDOW_NOTICES)
    return found if isinstance(found, NoticeBar) else None


def info(parent: QWidget | None, title: str, text: str) -> None:
    """A notice that only informs: the status bar of ``parent``'s window (a box only where there is none)."""
    window = parent.window() if parent is not None else None
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(f"{title}: {text}", STATUS_MS)
    else:
        box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, parent)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()


def confirm(parent: QWidget | None, title: str, text: str, yes: str = "Continue", *, destructive: bool = False) -> bool:
    """Ask before doing ``yes``. ``destructive``: what cannot be taken back — Cancel is the default button, so an
    Enter pressed out of habit (or still meant for the field typed in a moment ago) does nothing."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)  # it names people and files: shown as written
    ok = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    if destructive:
        box.setIcon(QMessageBox.Icon.Warning)
        box.setDefaultButton(cancel)
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
                window = QApplication.activeWindow()
                bar = window_notices(window)
                if bar is not None:  # nobody asked for this: say it without taking the keyboard
                    inline_error(bar, "Something went wrong", exc)
                else:
                    error(window, "Something went wrong", exc)
            finally:
                showing = False

        QTimer.singleShot(0, show)

    sys.excepthook = hook

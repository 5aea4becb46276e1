"""Long work off the UI thread, with a progress dialog that can be cancelled (Anki's CollectionOp, small).

``run_task`` starts ``fn(progress)`` on a worker thread. ``progress(done, total, text)`` may be called from
``fn``; it returns False once the user pressed Cancel, and ``fn`` should then stop (raising ``Cancelled``).
Success and failure callbacks run back on the UI thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from peerdesk.ui.kit.plain import plain_label

Progress = Callable[[int, int, str], bool]


class Cancelled(Exception):
    """Raised by a task that saw its progress callback return False."""


class _Signals(QObject):
    progress = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[Progress], Any], signals: _Signals, cancel: threading.Event) -> None:
        super().__init__()
        self.fn, self.signals, self.cancel = fn, signals, cancel
        self.setAutoDelete(True)

    def run(self) -> None:
        def progress(done: int, total: int, text: str = "") -> bool:
            self.signals.progress.emit(done, total, text)
            return not self.cancel.is_set()

        try:
            result = self.fn(progress)
        except BaseException as exc:  # handed to the UI thread, which decides how to show it
            self.signals.failed.emit(exc)
        else:
            self.signals.succeeded.emit(result)


class Task(QObject):
    """One piece of work on a worker thread. While it runs, the application owns it (its Qt parent), which keeps
    it and its signals alive however the caller's references come and go; when it ends it is let go."""

    finished = Signal()

    def __init__(self) -> None:
        super().__init__(QCoreApplication.instance())
        self.cancel = threading.Event()
        self.signals = _Signals(self)
        self.dialog: QProgressDialog | None = None


def run_task(
    parent: QWidget | None,
    title: str,
    fn: Callable[[Progress], Any],
    on_success: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
    *,
    cancellable: bool = True,
    pool: QThreadPool | None = None,
) -> Task:
    task = Task()
    dialog = QProgressDialog(title, "Cancel" if cancellable else "", 0, 0, parent)
    dialog.setLabel(plain_label(title))  # what it says names files (a bundle's, as its sender named it): as written
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(400)  # quick work finishes without a flash of dialog
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    if not cancellable:
        dialog.setCancelButton(None)
    dialog.canceled.connect(task.cancel.set)
    task.dialog = dialog

    def on_progress(done: int, total: int, text: str) -> None:
        dialog.setMaximum(max(total, 0))
        dialog.setValue(done)
        if text:  # under the title, which names the work and its file (a window's title bar may not be shown)
            dialog.setLabelText(f"{title}\n{text}")

    def finish() -> None:
        dialog.reset()
        dialog.hide()
        dialog.deleteLater()
        task.setParent(None)  # the application lets it go: freed once nobody refers to it
        task.finished.emit()

    def succeeded(result: Any) -> None:
        finish()
        on_success(result)

    def failed(exc: BaseException) -> None:
        finish()
        on_error(exc)

    task.signals.progress.connect(on_progress)
    task.signals.succeeded.connect(succeeded)
    task.signals.failed.connect(failed)
    (pool or QThreadPool.globalInstance()).start(_Runnable(fn, task.signals, task.cancel))
    return task

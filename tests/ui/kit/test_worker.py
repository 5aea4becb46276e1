"""Work off the UI thread: the result comes back on the UI thread even when nobody keeps the task, and a task
that ended is let go (no module keeps running tasks)."""

from __future__ import annotations

import gc
from typing import Any

from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from peerdesk.ui.kit.worker import Cancelled, Progress, Task, run_task


def test_a_task_nobody_keeps_still_reports_and_is_then_let_go(qtbot: QtBot) -> None:
    results: list[Any] = []

    def work(progress: Progress) -> int:
        progress(1, 2, "Halfway")
        return 42

    run_task(None, "Counting", work, results.append, results.append)  # the returned task is dropped at once
    gc.collect()
    qtbot.waitUntil(lambda: results == [42], timeout=10000)
    app = QCoreApplication.instance()
    assert app is not None
    assert not [c for c in app.children() if isinstance(c, Task)], "an ended task is no longer owned"


def test_a_failure_comes_back_to_the_error_callback(qtbot: QtBot) -> None:
    errors: list[BaseException] = []

    def work(progress: Progress) -> None:
        raise Cancelled()

    task = run_task(None, "Stopping", work, lambda _r: None, errors.append)
    with qtbot.waitSignal(task.finished, timeout=10000):
        pass
    assert len(errors) == 1 and isinstance(errors[0], Cancelled)


def test_each_step_is_shown_under_what_the_work_is(qtbot: QtBot) -> None:
    """ "Importing sam.pdbundle…" stays in view as the steps go by (it was replaced by "Decrypting…")."""
    import threading

    from PySide6.QtWidgets import QProgressDialog

    shown: list[str] = []
    step_seen, go_on = threading.Event(), threading.Event()

    def work(progress: Progress) -> None:
        progress(1, 4, "Decrypting…")
        step_seen.set()
        go_on.wait(10)

    task = run_task(None, "Importing sam.pdbundle…", work, lambda _r: None, lambda _e: None)
    qtbot.waitUntil(step_seen.is_set, timeout=10000)
    dialog = task.dialog
    assert isinstance(dialog, QProgressDialog)
    qtbot.waitUntil(lambda: "Decrypting" in dialog.labelText(), timeout=10000)
    shown.append(dialog.labelText())
    go_on.set()
    with qtbot.waitSignal(task.finished, timeout=10000):
        pass
    assert shown == ["Importing sam.pdbundle…\nDecrypting…"]


def test_what_the_progress_says_is_shown_as_written(qtbot: QtBot) -> None:
    """A bundle's file name is its sender's choice: "<b>" in it is shown, not drawn."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel

    task = run_task(None, "Importing <b>sam</b>.pdbundle…", lambda _p: None, lambda _r: None, lambda _e: None)
    dialog = task.dialog
    assert dialog is not None
    label = dialog.findChild(QLabel)
    assert label is not None and label.textFormat() == Qt.TextFormat.PlainText
    assert label.text() == "Importing <b>sam</b>.pdbundle…"
    with qtbot.waitSignal(task.finished, timeout=10000):
        pass

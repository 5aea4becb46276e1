"""The timetable as CSV: import on a worker thread (one transaction, one undo step), export in one call."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from peerdesk.errors import PeerdeskError
from peerdesk.services import timetable as tt
from peerdesk.services import timetable_csv
from peerdesk.services.plural import count
from peerdesk.ui.kit import messages, ops
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.kit.worker import Cancelled, Progress, Task, run_task

FILTER = "CSV files (*.csv);;All files (*)"


def choose_import(parent: QWidget) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, "Import the host's timetable", "", FILTER)
    return Path(name) if name else None


def choose_export(parent: QWidget) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(parent, "Export the timetable", "timetable.csv", "CSV files (*.csv)")
    return Path(name) if name else None


def import_csv(
    parent: QWidget, session: ReviewSession, path: Path, on_done: Callable[[int], None] | None = None
) -> Task:
    """Import off the UI thread, in one transaction and one undo step; ``on_done`` gets the interviews added.

    The store may be used from the worker (its writes take turns on the store's write lock, as the bundle
    and survey imports do); only the signals of ``run_task`` cross back to the UI thread, where the undo
    step is pushed and the views are told.
    """
    store = session.store

    def work(progress: Progress) -> timetable_csv.ImportResult:
        progress(0, 0, f"Reading {path.name}…")
        rows = timetable_csv.read_rows(timetable_csv.read_file(path))
        if not progress(0, 0, f"Adding {count(len(rows), 'interview')}…"):
            raise Cancelled()
        return timetable_csv.import_rows(store, rows)

    def done(result: timetable_csv.ImportResult) -> None:
        created = result.created
        ops.record_done(
            session,
            f"Import timetable ({count(result.interviews, 'interview')})",
            result.changes,
            lambda s: tt.set_deleted(s, created, False),
            lambda s: tt.set_deleted(s, created, True),
        )
        if on_done is not None:
            on_done(result.interviews)

    def failed(exc: BaseException) -> None:
        if not isinstance(exc, Cancelled):
            messages.error(parent, "Could not import the timetable", exc)
        if on_done is not None:
            on_done(0)

    return run_task(parent, f"Importing {path.name}…", work, done, failed)


def export_csv(parent: QWidget, session: ReviewSession, path: Path) -> int:
    try:
        return timetable_csv.export_file(session.store, path)
    except PeerdeskError as exc:
        messages.error(parent, "Could not export the timetable", exc)
        return 0

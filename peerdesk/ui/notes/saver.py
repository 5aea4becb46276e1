"""Autosave of the note being typed: durable commits off the UI thread, newest text wins, never out of order.

A commit is durable when it returns (WAL, synchronous=FULL): it waits for the disk. On a slow disk that can take
tens of milliseconds, which the typist must never feel, so the write runs on one worker thread. The UI hands over
snapshots (text + quote offsets) numbered in order; the worker always writes the newest one and skips any that a
later write already covered. Writes made on the UI thread (a quote capture saves the text with the quote) go
through ``exclusive`` so they, too, take a number and a turn.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from PySide6.QtCore import QObject, QThread, Signal

from peerdesk.services import notes
from peerdesk.services.changes import Changes
from peerdesk.store.engine import Store

log = logging.getLogger(__name__)
T = TypeVar("T")
Snapshot = tuple[int, str, dict[str, tuple[int, int]]]


class NoteSaver(QObject):
    saved = Signal(int, object)  # sequence number, Changes — delivered on the UI thread
    failed = Signal(object)  # the exception

    def __init__(self, store: Store, note_id: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store, self.note_id = store, note_id
        self._state = threading.Condition()  # guards _seq, _pending and _committed; told when a write commits
        self._turn = threading.Lock()  # one write at a time, so "newest wins" holds
        self._seq = 0
        self._committed = 0
        self._pending: Snapshot | None = None
        self._discarded = False  # the note was deleted for good: nothing may be written back
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="note-autosave")

    @property
    def committed(self) -> int:
        return self._committed

    @property
    def latest(self) -> int:
        return self._seq

    def schedule(self, text: str, anchors: dict[str, tuple[int, int]]) -> int:
        """Queue this text for saving; returns its number. Returns at once."""
        with self._state:
            self._seq += 1
            self._pending = (self._seq, text, anchors)
            seq = self._seq
        self._pool.submit(self._drain)
        return seq

    def _drain(self) -> None:
        with self._state:
            job, self._pending = self._pending, None
        if job is not None:
            self._write(job)

    def _write(self, job: Snapshot) -> None:
        seq, text, anchors = job
        on_ui_thread = QThread.currentThread() == self.thread()  # a flush: the views would be told at once
        with self._turn:
            if seq <= self._committed or self._discarded:
                return
            try:
                changes = notes.save_body(self.store, self.note_id, text, anchors)
            except BaseException as exc:
                log.warning("autosave of a note failed: %s", type(exc).__name__)
                with self._state:
                    if self._pending is None:  # keep it for the next attempt unless newer text is waiting
                        self._pending = job
                self.failed.emit(exc)
                return
            if not on_ui_thread:  # the news is queued for the UI thread: told within the turn, so a flush waits for it
                self._tell(seq, changes)
                return
        self._tell(seq, changes)  # the views run now, outside the turn: one of them may write

    def _tell(self, seq: int, changes: Changes) -> None:
        # Told before it counts as committed: whoever sees it committed (``has_unsaved``, a test waiting for the
        # write) finds the views' news already on its way.
        self.saved.emit(seq, changes)
        self._mark_committed(seq)

    def _mark_committed(self, seq: int) -> None:
        with self._state:
            self._committed = max(self._committed, seq)
            self._state.notify_all()

    def wait_committed(self, timeout: float) -> bool:
        """Block until everything handed over so far is committed (its news posted to the UI thread); False if
        ``timeout`` seconds went by first (a write failing, for instance). Woken by the commit itself: a loop
        polling ``committed`` would add its own sleep to every wait, and spinning would starve the saver's thread."""
        with self._state:
            target = self._seq
            return self._state.wait_for(lambda: self._committed >= target, timeout)

    def flush(self) -> None:
        """Write whatever is waiting, now, on the calling thread (before closing, locking, switching notes)."""
        with self._state:
            job, self._pending = self._pending, None
        if job is not None:
            self._write(job)
        else:
            with self._turn:  # let a write already under way finish
                pass

    def exclusive(self, write: Callable[[], T]) -> T:
        """Run a write that saves the newest text itself (a quote capture): it supersedes anything queued."""
        with self._state:
            self._seq += 1
            seq = self._seq
        with self._turn:
            result = write()  # if it raises, whatever was queued stays queued: no typed text is dropped
            self._mark_committed(seq)
        with self._state:
            if self._pending is not None and self._pending[0] < seq:
                self._pending = None
        return result

    def close(self) -> None:
        self.flush()
        self._pool.shutdown(wait=True)

    def discard(self) -> None:
        """Stop, writing nothing more (the note was purged: its text must not come back)."""
        with self._state:
            self._discarded = True
            self._pending = None
            self._state.notify_all()
        self._pool.shutdown(wait=True)

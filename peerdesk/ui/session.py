"""The open review as the UI sees it: the store, one undo stack, and a signal saying what changed."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from peerdesk.services import review as review_service
from peerdesk.services.changes import Changes
from peerdesk.store import sqlcipher
from peerdesk.store.engine import Store

log = logging.getLogger(__name__)
T = TypeVar("T")


class ReviewSession(QObject):
    """Owns the open ``Store`` and the window's ``QUndoStack``; panels listen to ``changed``.

    Every edit goes through ``apply`` (directly or from an undo command), so every commit is followed by
    exactly one ``changed`` emission and one ``saved`` emission for the status bar.
    """

    changed = Signal(object)  # Changes
    saved = Signal()
    locked_changed = Signal(bool)

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.undo_stack = QUndoStack(self)
        self.locked = False

    @property
    def member_id(self) -> str:
        return self.store.member_id

    def apply(self, operation: Callable[[Store], Changes], origin: object | None = None) -> Changes:
        """Run one service call (it commits durably), then tell every view what changed."""
        try:
            changes = operation(self.store)
        except Exception as exc:
            log.info("edit refused or failed: %s", type(exc).__name__)
            raise
        if changes:
            log.info("saved: %s (%d records)", ",".join(sorted(changes.tables)), len(changes.ids))
        self.saved.emit()
        if changes:
            self.changed.emit(changes)
        return changes

    def notify(self, changes: Changes) -> None:
        """For work done elsewhere (a background import): tell the views."""
        self.saved.emit()
        if changes:
            self.changed.emit(changes)

    def call(self, operation: Callable[[Store], T]) -> T:
        """A read-only service call (no signal)."""
        return operation(self.store)

    def title(self) -> str:
        return review_service.summary(self.store).title

    def check_passphrase(self, passphrase: str) -> bool:
        """True if ``passphrase`` opens this file (a fresh keyed connection; nothing is written)."""
        return sqlcipher.opens_with(self.store.path, passphrase)

    def set_locked(self, locked: bool) -> None:
        if locked != self.locked:
            self.locked = locked
            self.locked_changed.emit(locked)

    def close(self) -> None:
        self.undo_stack.clear()
        self.store.close()

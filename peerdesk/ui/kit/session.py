"""The open review as the UI sees it: the store, one undo stack, and the one signal saying what changed."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from peerdesk.services import review as review_service
from peerdesk.services import search
from peerdesk.services.changes import Changes
from peerdesk.services.guard import NamesCache
from peerdesk.store import sqlcipher
from peerdesk.store.engine import Store

log = logging.getLogger(__name__)
T = TypeVar("T")


class ReviewSession(QObject):
    """Owns the open ``Store``, the window's ``QUndoStack`` and its caches; panels listen to ``changed``.

    ``changed`` is the one change signal. Every edit goes through ``apply`` (directly or from an undo step);
    work done elsewhere — a merged bundle, a purge, a restore, an import off the UI thread — is announced
    through ``notify``. Either way every commit is followed by exactly one ``changed`` emission (after the
    session's own caches are invalidated) and one ``saved`` emission for the status bar.
    """

    changed = Signal(object)  # Changes
    saved = Signal()
    locked_changed = Signal(bool)

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.undo_stack = QUndoStack(self)
        self.locked = False
        self.guarded_names = NamesCache(store)  # what the names guard checks typing against
        self.search_labels = search.Labels()  # the interviews' labels on search hits

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
        self.notify(changes)
        return changes

    def notify(self, changes: Changes) -> None:
        """Tell the caches, then the views, what changed (also for work done elsewhere: a merge, a purge)."""
        if "guarded_names" in changes:
            self.guarded_names.invalidate()
        if changes.touches("interviews", "stakeholder_groups", "slots", "teams"):
            self.search_labels.forget()
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

"""Undo commands for service calls that create records or that already ran (a background import)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from peerdesk.services.changes import Changes
from peerdesk.store.engine import Store
from peerdesk.ui.session import ReviewSession


class AddCommand(QUndoCommand):
    """Create something through a service; undo removes it; redo brings back the same record (same id).

    ``create(store, record_id)`` gets None the first time and the id it returned afterwards, so the record keeps
    its identity across undo and redo (and merges as one record).
    """

    def __init__(
        self,
        session: ReviewSession,
        label: str,
        create: Callable[[Store, str | None], tuple[str, Changes]],
        remove: Callable[[Store, str], Changes],
    ) -> None:
        super().__init__(label)
        self.session, self._create, self._remove = session, create, remove
        self.record_id: str | None = None
        self._already: Changes | None = None

    @classmethod
    def done(
        cls,
        session: ReviewSession,
        label: str,
        create: Callable[[Store, str | None], tuple[str, Changes]],
        remove: Callable[[Store, str], Changes],
    ) -> AddCommand:
        """Run the creation now (so a refusal can be shown before anything is pushed); the command to push."""
        record_id, changes = create(session.store, None)
        command = cls(session, label, create, remove)
        command.record_id, command._already = record_id, changes
        return command

    def redo(self) -> None:
        if self._already is not None:
            changes, self._already = self._already, None
            self.session.notify(changes)
            return

        def run(store: Store) -> Changes:
            self.record_id, changes = self._create(store, self.record_id)
            return changes

        self.session.apply(run)

    def undo(self) -> None:
        record_id = self.record_id
        assert record_id is not None
        self.session.apply(lambda s: self._remove(s, record_id))


class DoneCommand(QUndoCommand):
    """Work that already ran (off the UI thread) made undoable: the first redo only tells the views."""

    def __init__(
        self,
        session: ReviewSession,
        label: str,
        done: Changes,
        redo: Callable[[Store], Changes],
        undo: Callable[[Store], Changes],
    ) -> None:
        super().__init__(label)
        self.session, self._done, self._redo, self._undo = session, done, redo, undo
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            self.session.notify(self._done)
        else:
            self.session.apply(self._redo)

    def undo(self) -> None:
        self.session.apply(self._undo)

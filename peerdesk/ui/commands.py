"""Run an edit now, then put it on the undo stack: a refused edit shows its message and leaves no undo step.

``QUndoStack.push`` runs a command's ``redo`` straight away, and an exception raised inside it cannot reach
the caller through Qt. So these helpers run the service call first, with its errors shown the one usual way,
and push a command whose first ``redo`` does nothing because the work is already done.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QWidget

from peerdesk.errors import PeerdeskError
from peerdesk.services import records
from peerdesk.services.changes import Changes
from peerdesk.store.engine import Store
from peerdesk.ui import messages
from peerdesk.ui.session import ReviewSession

Operation = Callable[[Store], Changes]


class Done(QUndoCommand):
    """An edit already applied: undo runs ``undo``, redo runs ``do`` again (never on the push itself)."""

    def __init__(self, session: ReviewSession, label: str, do: Operation, undo: Operation) -> None:
        super().__init__(label)
        self.session, self._do, self._undo = session, do, undo
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self.session.apply(self._do)

    def undo(self) -> None:
        self.session.apply(self._undo)


def perform(parent: QWidget | None, session: ReviewSession, label: str, do: Operation, undo: Operation) -> bool:
    """Apply ``do``; if it went through, make it one undo step. False (after saying why) if it was refused."""
    try:
        session.apply(do)
    except PeerdeskError as exc:
        messages.error(parent, label, exc)
        return False
    session.undo_stack.push(Done(session, label, do, undo))
    return True


def perform_create(
    parent: QWidget | None,
    session: ReviewSession,
    label: str,
    table: str,
    create: Callable[[Store], tuple[str, Changes]],
    *,
    restore: Callable[[Store, str], Changes] | None = None,
    remove: Callable[[Store, str], Changes] | None = None,
) -> str | None:
    """Create a record as one undo step: undo tombstones it, redo brings the same record back."""
    made: list[str] = []

    def first(store: Store) -> Changes:
        record_id, changes = create(store)
        made.append(record_id)
        return changes

    try:
        session.apply(first)
    except PeerdeskError as exc:
        messages.error(parent, label, exc)
        return None
    record_id = made[0]
    bring_back = restore or (lambda s, rid: records.restore(s, table, rid))
    take_away = remove or (lambda s, rid: records.delete(s, table, rid))
    session.undo_stack.push(Done(session, label, lambda s: bring_back(s, record_id), lambda s: take_away(s, record_id)))
    return record_id

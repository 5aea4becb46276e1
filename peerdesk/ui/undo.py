"""Undo commands for every user edit. Each command calls a service through the session; redo re-applies it.

The generic commands cover most edits (set fields, create, delete of any shared record); panels with richer
operations (a wall drag of several post-its, grouping) compose them with ``QUndoCommand`` children or macros.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand

from peerdesk.services import records
from peerdesk.services.changes import Changes
from peerdesk.store.engine import Store
from peerdesk.ui.session import ReviewSession

# Consecutive text edits of the same field within a typing burst merge into one undo step.
TEXT_EDIT_ID = 1000


class SetFields(QUndoCommand):
    """Set fields of one record; undo puts the previous values back."""

    def __init__(
        self,
        session: ReviewSession,
        table: str,
        record_id: str,
        new: dict[str, Any],
        label: str,
        *,
        old: dict[str, Any] | None = None,
        merge_key: str | None = None,
    ) -> None:
        super().__init__(label)
        self.session, self.table, self.record_id = session, table, record_id
        self.new = dict(new)
        self.old = old if old is not None else records.values(session.store, table, record_id, list(new))
        self.merge_key = merge_key

    def redo(self) -> None:
        self.session.apply(lambda s: records.set_fields(s, self.table, self.record_id, **self.new))

    def undo(self) -> None:
        self.session.apply(lambda s: records.set_fields(s, self.table, self.record_id, **self.old))

    def id(self) -> int:
        return TEXT_EDIT_ID if self.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetFields) or other.merge_key != self.merge_key or self.merge_key is None:
            return False
        if (other.table, other.record_id, set(other.new)) != (self.table, self.record_id, set(self.new)):
            return False
        self.new = dict(other.new)
        return True


class CreateRecord(QUndoCommand):
    """Create a record; undo deletes it (a tombstone), redo brings the same record back."""

    def __init__(self, session: ReviewSession, table: str, fields: dict[str, Any], label: str) -> None:
        super().__init__(label)
        self.session, self.table, self.fields = session, table, dict(fields)
        self.record_id: str | None = None

    def redo(self) -> None:
        def create(store: Store) -> Changes:
            self.record_id, changes = records.create(store, self.table, self.record_id, **self.fields)
            return changes

        self.session.apply(create)

    def undo(self) -> None:
        assert self.record_id is not None
        record_id = self.record_id
        self.session.apply(lambda s: records.delete(s, self.table, record_id))


class DeleteRecord(QUndoCommand):
    def __init__(self, session: ReviewSession, table: str, record_id: str, label: str) -> None:
        super().__init__(label)
        self.session, self.table, self.record_id = session, table, record_id

    def redo(self) -> None:
        self.session.apply(lambda s: records.delete(s, self.table, self.record_id))

    def undo(self) -> None:
        self.session.apply(lambda s: records.restore(s, self.table, self.record_id))


class ServiceCommand(QUndoCommand):
    """Any pair of service calls that undo each other (for operations the generic commands do not fit)."""

    def __init__(
        self,
        session: ReviewSession,
        label: str,
        do: Callable[[Store], Changes],
        undo: Callable[[Store], Changes],
    ) -> None:
        super().__init__(label)
        self.session, self._do, self._undo = session, do, undo

    def redo(self) -> None:
        self.session.apply(self._do)

    def undo(self) -> None:
        self.session.apply(self._undo)

"""The one way the UI makes an edit: run the service call, then make it one undo step — or explain the refusal.

``QUndoStack.push`` runs a command's ``redo`` at once, and an exception raised inside it cannot reach the caller
through Qt: a command that did its work in ``redo`` left a failed step on the stack when the service refused.
So every edit runs first, through ``ReviewSession.apply`` (which tells the views); only an edit that went
through is pushed, as a ``Step`` holding the two calls that redo and undo it. A refusal (a ``PeerdeskError``)
is shown through ``messages.refused`` (inline in a panel people type in, else a box) and pushes nothing; so is
a bug, with the calm apology.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from peerdesk.services import edits, records
from peerdesk.services.changes import Changes
from peerdesk.services.edits import Edit
from peerdesk.store.engine import Store
from peerdesk.ui.kit import messages
from peerdesk.ui.kit.plain import plain_menu_text
from peerdesk.ui.kit.session import ReviewSession

Operation = Callable[[Store], Changes]
V = TypeVar("V")

# Steps that share this id may merge (consecutive text edits of one field within a typing burst).
MERGEABLE = 1000


class Step(QUndoCommand):
    """One undo entry for an edit that already ran: undo runs ``undo``, redo runs ``redo`` (never on the push).

    ``already`` is for work that ran without telling the views (off the UI thread): the push tells them.
    Steps with the same ``merge`` key merge into one, keeping the first step's undo and the last one's redo.
    """

    def __init__(
        self,
        session: ReviewSession,
        label: str,
        redo: Operation,
        undo: Operation,
        *,
        already: Changes | None = None,
        merge: Hashable | None = None,
    ) -> None:
        super().__init__(label)
        self.session, self._redo, self._undo = session, redo, undo
        self._already, self.merge = already, merge
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            if self._already is not None:
                self.session.notify(self._already)
            return
        self.session.apply(self._redo)

    def undo(self) -> None:
        self.session.apply(self._undo)

    def id(self) -> int:
        return MERGEABLE if self.merge is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, Step) or self.merge is None or other.merge != self.merge:
            return False
        self._redo = other._redo
        return True


def _attempt(parent: QWidget | None, session: ReviewSession, label: str, do: Operation) -> bool:
    try:
        session.apply(do)
    except Exception as exc:  # a refusal gets its sentence, a bug the apology and a log entry
        messages.refused(parent, label, exc)
        return False
    return True


def run(
    parent: QWidget | None,
    session: ReviewSession,
    label: str,
    do: Operation,
    undo: Operation,
    *,
    merge: Hashable | None = None,
) -> bool:
    """Apply ``do``; if it went through, make it one undo step. False (after saying why) if it was refused."""
    if not _attempt(parent, session, label, do):
        return False
    session.undo_stack.push(Step(session, label, do, undo, merge=merge))
    return True


def run_swap(
    parent: QWidget | None, session: ReviewSession, label: str, change: Callable[[Store, V], Changes], new: V, old: V
) -> bool:
    """An edit whose undo is the same call with what it replaced: ``change(store, new)``, undone by
    ``change(store, old)`` (a rename, a move by some steps, a flag set and cleared)."""
    return run(parent, session, label, lambda s: change(s, new), lambda s: change(s, old))


def run_on(
    parent: QWidget | None,
    session: ReviewSession,
    label: str,
    record_id: str,
    do: Callable[[Store, str], Changes],
    undo: Callable[[Store, str], Changes],
) -> bool:
    """An edit of one record whose undo is another call on it (delete, then restore)."""
    return run(parent, session, label, lambda s: do(s, record_id), lambda s: undo(s, record_id))


def run_create(
    parent: QWidget | None,
    session: ReviewSession,
    label: str,
    table: str | None,
    create: Callable[[Store], tuple[str, Changes]],
    *,
    restore: Callable[[Store, str], Changes] | None = None,
    remove: Callable[[Store, str], Changes] | None = None,
) -> str | None:
    """Create a record as one undo step: undo removes it, redo brings the same record (same id) back.

    Without ``restore``/``remove``, the record is tombstoned and restored through ``records`` in ``table``.
    """
    if table is None and (restore is None or remove is None):
        raise ValueError("run_create needs the table, or both restore and remove")
    made: list[str] = []

    def first(store: Store) -> Changes:
        record_id, changes = create(store)
        made.append(record_id)
        return changes

    if not _attempt(parent, session, label, first):
        return None
    record_id = made[0]
    bring_back = restore or (lambda s, rid: records.restore(s, str(table), rid))
    take_away = remove or (lambda s, rid: records.delete(s, str(table), rid))
    session.undo_stack.push(Step(session, label, lambda s: bring_back(s, record_id), lambda s: take_away(s, record_id)))
    return record_id


def run_edit(
    parent: QWidget | None, session: ReviewSession, label: str, operation: Callable[[Store], Edit]
) -> Edit | None:
    """Run a service that returns an ``Edit`` (it remembers what it replaced); undo writes the old values back."""
    done: list[Edit] = []

    def first(store: Store) -> Changes:
        done.append(operation(store))
        return done[0]

    if not _attempt(parent, session, label, first):
        return None
    edit = done[0]
    if edit.tables:
        session.undo_stack.push(Step(session, label, lambda s: edits.redo(s, edit), lambda s: edits.undo(s, edit)))
    return edit


def set_fields(
    parent: QWidget | None,
    session: ReviewSession,
    table: str,
    record_id: str,
    new: dict[str, Any],
    label: str,
    *,
    old: dict[str, Any] | None = None,
    merge_key: str | None = None,
) -> bool:
    """Set fields of one record; undo puts the previous values back. Edits with one ``merge_key`` (of the same
    record and fields, one after another) make one undo step."""
    new = dict(new)
    before = old if old is not None else records.values(session.store, table, record_id, list(new))
    merge = (merge_key, table, record_id, frozenset(new)) if merge_key is not None else None
    return run(
        parent,
        session,
        label,
        lambda s: records.set_fields(s, table, record_id, **new),
        lambda s: records.set_fields(s, table, record_id, **before),
        merge=merge,
    )


def create_record(
    parent: QWidget | None, session: ReviewSession, table: str, fields: dict[str, Any], label: str
) -> str | None:
    """Create a record of any shared table; undo tombstones it, redo brings the same record back."""
    values = dict(fields)
    return run_create(parent, session, label, table, lambda s: records.create(s, table, None, **values))


def delete_record(parent: QWidget | None, session: ReviewSession, table: str, record_id: str, label: str) -> bool:
    """Delete (tombstone) a record; undo restores it."""
    return run_on(
        parent,
        session,
        label,
        record_id,
        lambda s, rid: records.delete(s, table, rid),
        lambda s, rid: records.restore(s, table, rid),
    )


def record_done(session: ReviewSession, label: str, done: Changes, redo: Operation, undo: Operation) -> None:
    """Make work that already ran (off the UI thread, e.g. an import) one undo step; the push tells the views."""
    session.undo_stack.push(Step(session, label, redo, undo, already=done))


class StackAction(QAction):
    """Edit ▸ Undo or Redo, named after the step it takes back or makes again ("Undo Verify Sam Okafor").

    What ``QUndoStack.createUndoAction`` makes, but the step's words keep their ampersands: a step names the
    review's own things ("Add A&E to the team"), and Qt's own action took that "&" for the Alt key.
    """

    def __init__(self, stack: QUndoStack, verb: str, parent: QObject) -> None:
        super().__init__(f"&{verb}", parent)
        self.stack, self.verb, self.undoes = stack, verb, verb == "Undo"
        for signal in (
            (stack.canUndoChanged, stack.undoTextChanged)
            if self.undoes
            else (stack.canRedoChanged, stack.redoTextChanged)
        ):
            signal.connect(self.follow)
        self.triggered.connect(stack.undo if self.undoes else stack.redo)
        self.follow()

    @Slot()
    def follow(self) -> None:
        words = self.stack.undoText() if self.undoes else self.stack.redoText()
        self.setText(f"&{self.verb} {plain_menu_text(words)}" if words else f"&{self.verb}")
        self.setEnabled(self.stack.canUndo() if self.undoes else self.stack.canRedo())

"""Reversible edits: a write that remembers the values it replaced, so the UI can undo and redo it exactly.

A service that changes several records at once (group post-its into a theme, merge tags) records every field it
writes through a ``Recorder``. The resulting ``Edit`` is a ``Changes`` (views refresh from it as from any other
write) that also holds each touched field's value before and after. ``apply_values(store, edit.before)`` undoes
it and ``apply_values(store, edit.after)`` redoes it; a created record is undone as a tombstone and brought back,
with the same id, on redo — exactly what a merge with the rest of the team expects.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from peerdesk.services.changes import Changes
from peerdesk.services.records import model_for
from peerdesk.store.engine import Store

if TYPE_CHECKING:
    from peerdesk.store.models import Shared
    from peerdesk.store.uow import UnitOfWork

Key = tuple[str, str]  # (table, record id)
Values = Mapping[Key, Mapping[str, Any]]
S = TypeVar("S", bound="Shared")


@dataclass(frozen=True, eq=False)
class Edit(Changes):
    """What an operation changed, with the values to put back (``before``) and to redo it (``after``)."""

    before: Values = field(default_factory=dict)
    after: Values = field(default_factory=dict)
    created: tuple[str, ...] = ()  # ids of records the operation created, in order

    @property
    def created_id(self) -> str:
        """The first created record (the new theme, the new post-it...)."""
        return self.created[0]


def _table(row: Shared) -> str:
    return str(row.__tablename__)  # type: ignore[attr-defined]


class Recorder:
    """Writes through a unit of work while noting the first old value and the last new value of each field."""

    def __init__(self, uow: UnitOfWork) -> None:
        self.uow = uow
        self._before: dict[Key, dict[str, Any]] = {}
        self._after: dict[Key, dict[str, Any]] = {}
        self._created: list[str] = []

    def _note(self, row: Shared, fields: Mapping[str, Any]) -> None:
        key = (_table(row), row.id)
        before = self._before.setdefault(key, {})
        after = self._after.setdefault(key, {})
        for name, value in fields.items():
            before.setdefault(name, getattr(row, name))
            after[name] = value

    def add(self, model: type[S], record_id: str | None = None, **fields: Any) -> S:
        existing = self.uow.session.get(model, record_id) if record_id else None
        if existing is not None:  # the same derived id written before (and perhaps deleted): bring it back
            self.update(existing, deleted=False, **fields)
            return existing
        row = self.uow.add(model, record_id, **fields)
        key = (_table(row), row.id)
        self._before[key] = {"deleted": True}
        self._after[key] = {"deleted": False, **fields}
        self._created.append(row.id)
        return row

    def update(self, row: Shared, **fields: Any) -> bool:
        changed = {k: v for k, v in fields.items() if getattr(row, k) != v}
        if not changed:
            return False
        self._note(row, changed)
        return self.uow.update(row, **changed)

    def delete(self, row: Shared) -> None:
        self.update(row, deleted=True)

    def edit(self) -> Edit:
        # Fields written back to their old value in the same operation changed nothing: leave them out.
        before: dict[Key, dict[str, Any]] = {}
        after: dict[Key, dict[str, Any]] = {}
        for key, old in self._before.items():
            new = self._after[key]
            # A created record's "before" is only its tombstone; its other fields did not exist yet.
            diff = [name for name in new if name not in old or old[name] != new[name]]
            if diff:
                before[key] = {name: old[name] for name in diff if name in old}
                after[key] = {name: new[name] for name in diff}
        return Edit(
            tables=frozenset(t for t, _ in after),
            ids=frozenset(i for _, i in after),
            before=before,
            after=after,
            created=tuple(self._created),
        )


@contextmanager
def recording(store: Store) -> Iterator[Recorder]:
    """One unit of work whose writes are recorded (``Recorder.edit`` afterwards is the undoable edit); committed
    when the block ends, rolled back if it raises."""
    from peerdesk.store.uow import UnitOfWork

    with UnitOfWork(store) as uow:
        recorder = Recorder(uow)
        yield recorder
        uow.commit()


def apply_values(store: Store, values: Values) -> Changes:
    """Write recorded values back (undo with ``edit.before``, redo with ``edit.after``), in one transaction."""
    from peerdesk.store.uow import UnitOfWork

    with UnitOfWork(store) as uow:
        for (table, record_id), fields in values.items():
            row = uow.get(model_for(table), record_id, include_deleted=True)
            uow.update(row, **fields)
        uow.commit()
    return Changes.of(*{t for t, _ in values}, ids=[i for _, i in values])


def undo(store: Store, edit: Edit) -> Changes:
    return apply_values(store, edit.before)


def redo(store: Store, edit: Edit) -> Changes:
    return apply_values(store, edit.after)

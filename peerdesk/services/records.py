"""Generic edits of shared records by table name: what the UI's undo commands are made of."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, TypeVar

from peerdesk.errors import NotFound, UserError
from peerdesk.services.changes import Changes
from peerdesk.store import rules
from peerdesk.store.engine import Store
from peerdesk.store.tables import BOOKKEEPING

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from peerdesk.store.models import Shared
    from peerdesk.store.uow import UnitOfWork

S = TypeVar("S", bound="Shared")


def model_for(table: str) -> type[Shared]:
    from peerdesk.store.models import SHARED_MODELS

    try:
        return SHARED_MODELS[table]
    except KeyError:
        raise ValueError(f"no shared table named {table!r}") from None


def editable_fields(table: str) -> list[str]:
    cols = model_for(table).__table__.columns.keys()  # type: ignore[attr-defined]
    return [c for c in cols if c not in BOOKKEEPING and c != "deleted"]


def values(store: Store, table: str, record_id: str, fields: list[str] | None = None) -> dict[str, Any]:
    model = model_for(table)
    with store.session() as s:
        row = s.get(model, record_id)
        if row is None:
            raise NotFound(f"That {table.rstrip('s')} no longer exists.")
        return {f: getattr(row, f) for f in (fields or editable_fields(table))}


def set_fields(store: Store, table: str, record_id: str, **fields: Any) -> Changes:
    from peerdesk.store.uow import UnitOfWork

    with UnitOfWork(store) as uow:
        row = uow.get(model_for(table), record_id)
        changed = uow.update(row, **fields)
        uow.commit()
    return Changes.of(table, ids=[record_id]) if changed else Changes()


def create(store: Store, table: str, record_id: str | None = None, **fields: Any) -> tuple[str, Changes]:
    """Create a record, or bring back a deleted one with the same id (redo of a creation)."""
    from peerdesk.store.uow import UnitOfWork

    model = model_for(table)
    with UnitOfWork(store) as uow:
        row = uow.add_or_restore(model, record_id, fields)
        return created(uow, row)


def created(uow: UnitOfWork, row: Shared) -> tuple[str, Changes]:
    """Commit the unit of work that made ``row``, and say so as every creating service does: the new id, and the
    change to its table."""
    uow.commit()
    table: str = row.__table__.name  # type: ignore[attr-defined]
    return row.id, Changes.of(table, ids=[row.id])


def delete(store: Store, table: str, record_id: str) -> Changes:
    from peerdesk.store.uow import UnitOfWork

    with UnitOfWork(store) as uow:
        uow.delete(uow.get(model_for(table), record_id))
        uow.commit()
    return Changes.of(table, ids=[record_id])


def restore(store: Store, table: str, record_id: str) -> Changes:
    from peerdesk.store.uow import UnitOfWork

    with UnitOfWork(store) as uow:
        uow.restore(uow.get(model_for(table), record_id, include_deleted=True))
        uow.commit()
    return Changes.of(table, ids=[record_id])


def rows(
    store: Store,
    table: str,
    fields: list[str],
    *,
    where: dict[str, Any] | None = None,
    order_by: str | None = None,
) -> list[dict[str, Any]]:
    """Live (not deleted) records of a table as plain dicts with ``id`` and the asked fields, each value of the
    type the models give it (a flag is a ``bool``, versions a ``dict``). Read with plain SQL: the window's first
    views use it before anything has needed SQLAlchemy."""
    if table not in rules.MAX_RECORDS_OF:  # every shared table has a record limit (a test checks)
        raise ValueError(f"no shared table named {table!r}")
    conditions = dict(where or {})
    with store.reading() as db:
        declared = {name: kind for _n, name, kind, *_rest in db.execute(f'PRAGMA table_info("{table}")')}
        named = ["id", *fields, *conditions, *([order_by] if order_by else [])]
        unknown = [name for name in named if name not in declared]
        if unknown:
            raise ValueError(f"{table} has no field {unknown[0]!r}")
        columns = ", ".join(["id", *(f'"{name}"' for name in fields)])
        sql = f'SELECT {columns} FROM "{table}" WHERE NOT deleted'
        sql += "".join(f' AND "{name}" = ?' for name in conditions)
        sql += f' ORDER BY "{order_by}", id' if order_by else ""
        found = db.execute(sql, tuple(conditions.values())).fetchall()
    convert = [_READERS.get(declared[f], _as_is) for f in fields]
    return [
        {"id": row[0], **{f: read(v) for f, read, v in zip(fields, convert, row[1:], strict=True)}} for row in found
    ]


def _as_is(value: Any) -> Any:
    return value


def _flag(value: Any) -> Any:
    return None if value is None else bool(value)


def _json(value: Any) -> Any:
    return None if value is None else json.loads(value)


# What a stored value of a declared column type reads as through the models (SQLAlchemy's Boolean and JSON).
_READERS = MappingProxyType({"BOOLEAN": _flag, "JSON": _json})


# --- the shape every small record shares (workshop tables, goals, notes, follow-up actions...) ---------------------


def written(text: str, empty: str) -> str:
    """``text`` without surrounding blanks; refused with ``empty`` when nothing is left."""
    text = text.strip()
    if not text:
        raise UserError(empty)
    return text


def next_position(positions: Iterable[float]) -> float:
    """A position after all of ``positions``: a new record goes last."""
    return max(positions, default=0.0) + 1


def set_text(store: Store, model: type[Shared], record_id: str, text: str, empty: str, column: str = "text") -> Changes:
    """Set one text column; refused with ``empty`` when blank, no change when it already says that."""
    from peerdesk.store.uow import UnitOfWork

    text = written(text, empty)
    with UnitOfWork(store) as uow:
        changed = uow.update(uow.get(model, record_id), **{column: text})
        uow.commit()
    return Changes.of(model.__tablename__, ids=[record_id]) if changed else Changes()  # type: ignore[attr-defined]


def remove(store: Store, model: type[Shared], record_id: str, *also: str) -> Changes:
    """Tombstone one record; ``also`` names the tables whose views change with it."""
    return delete(store, model.__tablename__, record_id) | Changes.of(*also)  # type: ignore[attr-defined]


def live(session: Session, model: type[S], record_id: str, gone: str) -> S:
    """The record, read outside a unit of work; refused with ``gone`` when it was deleted (or never was)."""
    row = session.get(model, record_id)
    if row is None or row.deleted:
        raise UserError(gone)
    return row


def rename_unique(uow: UnitOfWork, model: type[Shared], record_id: str, name: str, taken: str, **also: Any) -> bool:
    """Set ``name`` (and ``also``) on a record whose names stay distinct, ignoring case; ``taken`` says whose
    name it already is (``{name}`` in it is replaced). True when anything changed."""
    row = uow.get(model, record_id)
    for other in uow.query(model):
        if other.id != record_id and other.name.lower() == name.lower():  # type: ignore[attr-defined]
            raise UserError(taken.format(name=repr(other.name)))  # type: ignore[attr-defined]
    return uow.update(row, name=name, **also)


def set_deleted(store: Store, by_table: Mapping[str, Iterable[str]], deleted: bool) -> Changes:
    """Tombstone (or bring back) records made together, table by table, in one transaction: the undo and redo of
    an import or of anything else that adds several records at once."""
    from peerdesk.store.uow import UnitOfWork

    ids: list[str] = []
    with UnitOfWork(store) as uow:
        for table, record_ids in by_table.items():
            for record_id in record_ids:
                row = uow.get(model_for(table), record_id, include_deleted=True)
                if deleted:
                    uow.delete(row)
                else:
                    uow.restore(row)
                ids.append(record_id)
        uow.commit()
    return Changes.of(*by_table.keys(), ids=ids)


def put(uow: UnitOfWork, model: type[Shared], record_id: str, fields: dict[str, Any], new: dict[str, Any]) -> bool:
    """Write ``fields`` into the one record with this derived id: made (with ``new`` under ``fields``) the first
    time, brought back if it was deleted. True when anything changed."""
    row = uow.session.get(model, record_id)
    if row is None:
        uow.add(model, record_id, **{**new, **fields})
        return True
    uow.restore(row)
    return uow.update(row, **fields)

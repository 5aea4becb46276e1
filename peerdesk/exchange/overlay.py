"""Showing what the local rules demand without writing a version: the stored values a repair replaced, kept aside.

A repair (``invariants.plan``) is a function of the merged records. Were it written as an edit of mine, stamped
with my clock, it would depend on *when* I made it: a member repairing after two of five bundles writes something
else than one repairing after all five, and that edit wins over what arrives later. So a repair is not an edit:

- ``apply`` sets the value the user must see in the record's column, **keeping its version**, and remembers the
  stored value and its version here (meta ``shown_repairs``, local to this file, never in a bundle);
- ``revert`` puts every stored value back before a merge, so the merge compares records as members wrote them;
  a value written since the repair (a local edit, whose new version differs) is the stored value now and stays;
- a bundle carries the stored values (``Stored.put_back``), so what travels is only what members wrote.

Every file that holds the same records therefore shows the same repairs: equal content after one full exchange,
in any order.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Table, select

from peerdesk.exchange.invariants import Key, Plan
from peerdesk.store.models import SHARED_MODELS
from peerdesk.store.uow import UnitOfWork

META = "shown_repairs"
CHUNK = 500
ROW_ID = "overlay_row_id"
Entry = tuple[str, str, str, Any, str, Any]  # table, id, field, stored value, its version, value shown


def _load(uow: UnitOfWork) -> list[Entry]:
    raw = uow.get_meta(META)
    return [tuple(e) for e in json.loads(raw)] if raw else []


def _current(uow: UnitOfWork, table: str, ids: Iterable[str], fields: set[str]) -> dict[str, Any]:
    """The stored rows (id, versions and ``fields``) of those ``ids`` this file holds."""
    t: Table = SHARED_MODELS[table].__table__  # type: ignore[attr-defined]
    listed = sorted(set(ids))
    conn = uow.session.connection()
    found: dict[str, Any] = {}
    for start in range(0, len(listed), CHUNK):
        stmt = select(t.c.id, t.c.versions, *(t.c[f] for f in sorted(fields)))
        found.update((r.id, r) for r in conn.execute(stmt.where(t.c.id.in_(listed[start : start + CHUNK]))))
    return found


def _write(uow: UnitOfWork, values: dict[tuple[str, str], dict[str, Any]]) -> None:
    """Set columns without touching versions: one executemany per table and set of fields."""
    batches: dict[tuple[str, tuple[str, ...]], list[dict[str, Any]]] = {}
    for (table, record_id), fields in sorted(values.items()):
        batches.setdefault((table, tuple(sorted(fields))), []).append({**fields, ROW_ID: record_id})
    for (table, _), rows in batches.items():
        uow.update_rows(SHARED_MODELS[table], rows, key=ROW_ID)


def revert(uow: UnitOfWork) -> set[tuple[Key, str]]:
    """Put back the stored values repairs replaced (unless written since); return what was shown, for ``apply``."""
    entries = _load(uow)
    if not entries:
        return set()
    uow.session.flush()
    by_table: dict[str, list[Entry]] = {}
    for entry in entries:
        by_table.setdefault(entry[0], []).append(entry)
    shown: set[tuple[Key, str]] = set()
    back: dict[tuple[str, str], dict[str, Any]] = {}
    for table, listed in by_table.items():
        rows = _current(uow, table, (e[1] for e in listed), set())
        for _, record_id, name, stored, version, value in listed:
            row = rows.get(record_id)
            if row is not None and (row.versions or {}).get(name, "") == version:
                back.setdefault((table, record_id), {})[name] = stored
                shown.add(((table, record_id, name), json.dumps(value)))
    _write(uow, back)
    uow.set_meta(META, "")
    return shown


def apply(uow: UnitOfWork, plan: Plan, before: set[tuple[Key, str]], notes: list[str]) -> set[tuple[str, str]]:
    """Show what ``plan`` demands and remember what it replaced; say in ``notes`` what is newly shown. Returns the
    records (table, id) whose shown value is not the one shown before: views showing them must hear of it."""
    uow.session.flush()
    wanted: dict[str, dict[str, dict[str, Any]]] = {}
    for (table, record_id, name), value in plan.shown.items():
        wanted.setdefault(table, {}).setdefault(record_id, {})[name] = value
    entries: list[Entry] = []
    changes: dict[tuple[str, str], dict[str, Any]] = {}
    for table, records in sorted(wanted.items()):
        fields = {name for values in records.values() for name in values}
        rows = _current(uow, table, records, fields)
        for record_id, values in sorted(records.items()):
            row = rows.get(record_id)
            for name, value in sorted(values.items()):
                if row is None or getattr(row, name) == value:
                    continue
                entries.append((table, record_id, name, getattr(row, name), (row.versions or {}).get(name, ""), value))
                changes.setdefault((table, record_id), {})[name] = value
    _write(uow, changes)
    uow.set_meta(META, json.dumps(entries) if entries else "")
    uow.session.flush()  # before expiring: an unflushed change would be lost
    uow.session.expire_all()  # columns changed past the session: objects read afresh
    for why, keys in plan.reasons:
        if any((key, json.dumps(plan.shown[key])) not in before for key in keys):
            notes.append(why)
    now = {((table, record_id, name), json.dumps(value)) for table, record_id, name, _, _, value in entries}
    return {(table, record_id) for (table, record_id, _), _ in now ^ before}


class Stored:
    """The stored values of the records a repair shows otherwise, to put back into what a bundle carries."""

    def __init__(self, entries: list[Entry]) -> None:
        self._by_record: dict[tuple[str, str], list[Entry]] = {}
        for entry in entries:
            self._by_record.setdefault((entry[0], entry[1]), []).append(entry)

    @classmethod
    def of(cls, uow: UnitOfWork) -> Stored:
        return cls(_load(uow))

    def put_back(self, table: str, record: dict[str, Any]) -> None:
        """Replace, in an exported ``record``, each shown value by the stored one (unless written since)."""
        for _, _, name, stored, version, _ in self._by_record.get((table, record["id"]), ()):
            if record["versions"].get(name, "") == version:
                record[name] = stored

"""What a file whose interview records were deleted (``services.retention.purge``) still takes from a bundle.

Once purged, a file must never get those records back from a colleague's older bundle: the interview tables are
ignored. Two kinds of record in those tables are not interview records and survive the purge, so they keep
merging, in every file and every order alike:

- the workshop's **idea walls**: post-its and themes on a goal's wall (``goal_id`` set);
- **conflicts** about a record the file still holds (or takes in the same bundle); a conflict about a purged
  record would bring its text back, so it is ignored like the record.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Table, select

from peerdesk.store.models import SHARED_MODELS
from peerdesk.store.tables import INTERVIEW_RECORD_TABLES
from peerdesk.store.uow import UnitOfWork

IDEA_WALL_TABLES = frozenset({"postits", "themes"})  # their rows with a ``goal_id`` are the workshop's, not Day 1's


def _is_idea_wall(table: str, record: dict[str, Any]) -> bool:
    return table in IDEA_WALL_TABLES and bool(record["goal_id"])


def _held(uow: UnitOfWork, table: str, ids: set[str]) -> set[str]:
    t: Table = SHARED_MODELS[table].__table__  # type: ignore[attr-defined]
    listed = sorted(ids)
    found: set[str] = set()
    for start in range(0, len(listed), 500):
        found.update(uow.session.execute(select(t.c.id).where(t.c.id.in_(listed[start : start + 500]))).scalars())
    return found


def kept(uow: UnitOfWork, tables: dict[str, list[dict[str, Any]]]) -> tuple[dict[str, list[dict[str, Any]]], int]:
    """The records of ``tables`` a purged file merges, and how many interview records it ignores."""
    result: dict[str, list[dict[str, Any]]] = {}
    ignored = 0
    for table, records in tables.items():
        if table in INTERVIEW_RECORD_TABLES:
            result[table] = [r for r in records if _is_idea_wall(table, r)]
            ignored += len(records) - len(result[table])
        else:
            result[table] = records
    about = result.get("conflicts", [])
    wanted: dict[str, set[str]] = {}
    for c in about:
        if c["table_name"] in INTERVIEW_RECORD_TABLES:
            wanted.setdefault(c["table_name"], set()).add(c["row_id"])
    present = {t: _held(uow, t, ids) | {r["id"] for r in result.get(t, ())} for t, ids in wanted.items()}
    if wanted:
        result["conflicts"] = [
            c
            for c in about
            if c["table_name"] not in INTERVIEW_RECORD_TABLES or c["row_id"] in present[c["table_name"]]
        ]
        ignored += len(about) - len(result["conflicts"])
    return result, ignored

"""Keeping the losing side of concurrent edits, so that it reaches the person it concerns.

``merge`` finds the losers (a text changed on both sides since they last synced, or an edit crossing a
deletion); this module turns each into a shared ``conflicts`` record. Its id is derived from what it keeps
(``rules.conflict_id``) and every field carries the lost text's own stamp (but ``winner_version``, the winner's),
so a file that notices the clash and a file that hears of it from a bundle hold the very same record: it travels
like any other and merges idempotently. The author of the text that lost therefore sees it, in Team ▸ Conflicts,
after their next exchange, whoever noticed it first.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import RowMapping, Table, select

from peerdesk.exchange.schema import edit_fields, text_fields
from peerdesk.store import hlc, rules
from peerdesk.store.models import Conflict
from peerdesk.store.uow import UnitOfWork

CHUNK = 500
TABLE = "conflicts"


def seen(knowledge: dict[str, str], stamp: str) -> bool:
    """True if ``knowledge`` includes the write stamped ``stamp`` (histories travel whole, so a prefix test)."""
    member = stamp.split(".", 2)[2]
    return stamp <= knowledge.get(member, "")


def loser(table: str, row_id: str, name: str, value: Any, version: str, winner: str) -> dict[str, Any]:
    return {
        "table_name": table,
        "row_id": row_id,
        "field": name,
        "value": value,
        "version": version,
        "winner_version": winner,
    }


def edits_of_deleted(
    table: str,
    record: dict[str, Any],
    held_row: RowMapping,
    won: dict[str, Any],
    knowledge: tuple[dict[str, str], dict[str, str], str],
) -> list[dict[str, Any]]:
    """Texts edited while a colleague deleted their record, kept as conflicts so that the edit stays visible
    (and can be restored, record and all) instead of vanishing with the record."""
    mine, theirs, me = knowledge  # what I had seen, what the sender had seen, and my member id
    held_versions: dict[str, str] = held_row["versions"] or {}
    versions: dict[str, str] = record["versions"]
    found = []
    if won.get("deleted") is True:  # their deletion wins: my edits they had not seen would vanish
        deletion = versions["deleted"]
        for name in text_fields(table):
            lv = held_versions.get(name, "")
            if held_row[name] and lv and name not in won and not seen(theirs, lv):
                found.append(loser(table, record["id"], name, held_row[name], lv, deletion))
    elif held_row["deleted"] and "deleted" not in won:  # my deletion stands: their edits made after it are hidden
        deletion = held_versions.get("deleted", "")
        deleted_here = bool(deletion) and deletion.split(".", 2)[2] == me
        for name in text_fields(table):
            rv = versions.get(name, "")
            if name not in won or not record[name] or not rv:
                continue
            # An edit stamped after the deletion cannot have seen it; an earlier one, only if I deleted it unseen.
            if rv > deletion or (deleted_here and not seen(mine, rv)):
                found.append(loser(table, record["id"], name, record[name], rv, deletion))
    return found


def record(found: dict[str, Any]) -> dict[str, Any]:
    """The shared conflict record keeping ``found``: the same, field for field, in every file that keeps it."""
    stamp = found["version"]
    wall = hlc.Stamp.parse(stamp).wall_ms
    return {
        **found,
        "id": rules.conflict_id(found["table_name"], found["row_id"], found["field"], stamp),
        "author_id": stamp.split(".", 2)[2],  # whose text lost: the one it concerns
        "created": dt.datetime.fromtimestamp(wall / 1000, dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "resolved": False,
        "deleted": False,
        # The winner's stamp versions ``winner_version``: two files that saw different later writes beat the
        # same text keep the same record, and the merge settles on the latest winner in both.
        "versions": dict.fromkeys(edit_fields(TABLE), stamp) | {"winner_version": found["winner_version"]},
        "updated": max(stamp, found["winner_version"]),
    }


def keep(uow: UnitOfWork, losers: list[dict[str, Any]]) -> int:
    """Keep each losing text once (a bundle imported again, or one that brought the conflict already, finds it
    kept); returns how many are new to this file."""
    if not losers:
        return 0
    rows = {r["id"]: r for r in map(record, losers)}
    c: Table = Conflict.__table__  # type: ignore[assignment]
    ids = sorted(rows)
    uow.session.flush()
    conn = uow.session.connection()
    for start in range(0, len(ids), CHUNK):
        for held in conn.execute(select(c.c.id).where(c.c.id.in_(ids[start : start + CHUNK]))).scalars():
            rows.pop(held, None)
    uow.insert_rows(Conflict, list(rows.values()))
    return len(rows)

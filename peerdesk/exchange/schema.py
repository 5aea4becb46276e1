"""The strict shape of a bundle's content: only shared tables, only their columns, only the right JSON types.

Content::

    {"format": 1,
     "known": {member id: version stamp},       what the sender had seen of each member's edits
     "tables": {table name: [record, ...]}}     every column of each record, ``versions`` included

A bundle that passes is safe to hand to ``merge``; anything else is refused as malformed, naming what is wrong.
"""

from __future__ import annotations

import math
import re
from functools import cache
from typing import Any

from sqlalchemy import JSON, Boolean, Float, Integer, String

from peerdesk.exchange.errors import BundleRefused
from peerdesk.store.models import BOOKKEEPING, SHARED_MODELS

CONTENT_FORMAT = 1

# Columns added after the first release, with the value a bundle from an earlier peerdesk means by leaving them out
# (their migration's default). Such a bundle still merges; a column this list does not know is refused.
ADDED_COLUMNS: dict[str, dict[str, Any]] = {
    "themes": {"goal_id": ""},
    "survey_items": {"scale_low": 1, "scale_high": 5},
    "slots": {"activity": ""},  # 0008
    "interviews": {"interviewer_name": "", "note_taker_name": ""},  # 0008
    "questions": {"audience": ""},  # 0009
}
MAX_ID = 64
# A version stamp as ``hlc.Stamp`` writes it: 13 and 5 ASCII digits, then the member id. ASCII only: Python's
# isdigit() and int() also take other scripts' digits, which sort above "9" as text, so such a stamp would pass
# the clock check by its numeric value yet win every comparison by its string order. (A regular expression also
# checks the tens of thousands of stamps in a bundle several times faster than parsing each one.)
STAMP = re.compile(r"[0-9]{13}\.[0-9]{5}\.")
INT_LIMIT = 2**63


def malformed(why: str) -> BundleRefused:
    return BundleRefused(
        "malformed", f"The bundle's content is not in the expected shape ({why}). Nothing was changed."
    )


@cache
def column_kinds(table: str) -> dict[str, str]:
    """Each column's JSON kind: "str", "int", "float", "bool" or "versions"."""
    kinds: dict[str, str] = {}
    for column in SHARED_MODELS[table].__table__.columns:  # type: ignore[attr-defined]
        t = column.type
        if isinstance(t, JSON):
            kinds[column.name] = "versions"
        elif isinstance(t, Boolean):
            kinds[column.name] = "bool"
        elif isinstance(t, Integer):
            kinds[column.name] = "int"
        elif isinstance(t, Float):
            kinds[column.name] = "float"
        elif isinstance(t, String):  # Text is a String
            kinds[column.name] = "str"
        else:  # pragma: no cover - a new column type must be taught here first
            raise TypeError(f"{table}.{column.name}: no JSON kind for {t!r}")
    return kinds


@cache
def text_fields(table: str) -> frozenset[str]:
    """Free-text fields, where a lost concurrent edit is kept as a conflict (not ids, codes or dates)."""
    from sqlalchemy import Text

    return frozenset(
        c.name
        for c in SHARED_MODELS[table].__table__.columns  # type: ignore[attr-defined]
        if isinstance(c.type, Text) and c.name not in BOOKKEEPING
    )


def edit_fields(table: str) -> list[str]:
    """The fields that carry versions: every column but the bookkeeping ones (``deleted`` included)."""
    return [c for c in column_kinds(table) if c not in BOOKKEEPING]


def is_stamp(value: Any) -> bool:
    return isinstance(value, str) and len(value) <= 20 + MAX_ID and STAMP.match(value) is not None


def _value_ok(kind: str, value: Any) -> bool:
    if kind == "str":
        return isinstance(value, str)
    if kind == "bool":
        return isinstance(value, bool)
    if kind == "int":
        return isinstance(value, int) and not isinstance(value, bool) and -INT_LIMIT <= value < INT_LIMIT
    if kind == "float":
        return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)
    return False


def validate(content: Any) -> dict[str, Any]:
    """Return ``content`` if it has exactly the expected shape; raise ``BundleRefused("malformed")`` if not."""
    if not isinstance(content, dict) or set(content) != {"format", "known", "tables"}:
        raise malformed("its top level has the wrong fields")
    if content["format"] != CONTENT_FORMAT:
        raise malformed("unknown content format")
    known, tables = content["known"], content["tables"]
    if not isinstance(known, dict) or not all(
        isinstance(k, str) and len(k) <= MAX_ID and is_stamp(v) for k, v in known.items()
    ):
        raise malformed("its list of seen edits is malformed")
    if not isinstance(tables, dict):
        raise malformed("no tables")
    for table, records in tables.items():
        if table not in SHARED_MODELS:
            raise malformed(f"unknown table {table!r}")
        if not isinstance(records, list):
            raise malformed(f"{table} is not a list")
        _validate_records(table, records)
    return content


def _validate_records(table: str, records: list[Any]) -> None:
    kinds = column_kinds(table)
    names = kinds.keys()
    fields = frozenset(edit_fields(table))
    values = [(name, kind) for name, kind in kinds.items() if kind != "versions"]
    # Most fields are text: one isinstance each in a first pass; a failure is looked at again in column order so
    # the message names the first wrong field.
    texts = [name for name, kind in values if kind == "str"]
    others = [(name, kind) for name, kind in values if kind != "str"]
    seen: set[str] = set()
    added = ADDED_COLUMNS.get(table, {})
    for record in records:
        if isinstance(record, dict) and added and not added.keys() <= record.keys():
            for name, default in added.items():
                record.setdefault(name, default)
        if not isinstance(record, dict) or record.keys() != names:
            raise malformed(f"a record of {table} has the wrong fields")
        record_id = record["id"]
        if not isinstance(record_id, str) or not 0 < len(record_id) <= MAX_ID or record_id in seen:
            raise malformed(f"a record of {table} has a missing, overlong or repeated id")
        seen.add(record_id)
        author = record["author_id"]
        if not isinstance(author, str) or len(author) > MAX_ID or not isinstance(record["updated"], str):
            raise malformed(f"a record of {table} has malformed bookkeeping")
        versions = record["versions"]
        if not isinstance(versions, dict) or not versions.keys() <= fields or not all(map(is_stamp, versions.values())):
            raise malformed(f"a record of {table} has malformed versions")
        if all(isinstance(record[name], str) for name in texts) and all(_value_ok(k, record[n]) for n, k in others):
            continue
        for name, kind in values:
            if not _value_ok(kind, record[name]):
                raise malformed(f"{table}.{name} holds a value of the wrong type")

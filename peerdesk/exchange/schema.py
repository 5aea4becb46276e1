"""The strict shape of a bundle's content: only shared tables, only their columns, only the right JSON types.

Content::

    {"format": 1,
     "known": {member id: version stamp},       what the sender had seen of each member's edits
     "tables": {table name: [record, ...]},     every column of each record, ``versions`` included
     "sync": {...}}                            optional: what the sender has, where a delta starts (``sync``)

A bundle that passes is safe to hand to ``merge``. Every record is checked, before anything is applied, against
the same rules a local edit obeys (``peerdesk.store.rules``): types, enumerations, date and time formats, ranges,
lengths, references, and the limits per table and per bundle. A refusal names the record type and the field:
``malformed`` (not the expected shape or type), ``invalid`` (a value the app would not write), ``over-limit``
(too many records, or a text too long) or ``dangling`` (a reference to a record nobody has).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from types import MappingProxyType
from typing import Any

from sqlalchemy import JSON, Boolean, Float, Integer, String

from peerdesk.exchange.errors import BundleRefused
from peerdesk.store import rules
from peerdesk.store.models import SHARED_MODELS
from peerdesk.store.tables import BOOKKEEPING

CONTENT_FORMAT = 1

# Columns added after the first release, with the value a bundle from an earlier peerdesk means by leaving them out
# (their migration's default). Such a bundle still merges; a column this list does not know is refused.
ADDED_COLUMNS: Mapping[str, dict[str, Any]] = MappingProxyType(
    {
        "themes": {"goal_id": ""},
        "survey_items": {"scale_low": 1, "scale_high": 5},
        "slots": {"activity": ""},  # 0008
        "interviews": {"interviewer_name": "", "note_taker_name": ""},  # 0008
        "questions": {"audience": ""},  # 0009
    }
)
MAX_ID = rules.MAX_ID
MAX_KNOWN = 1000  # members a sender may say it has seen edits of (a team is a handful)
# A version stamp as ``hlc.Stamp`` writes it: 13 and 5 ASCII digits, then the member id. ASCII only: Python's
# isdigit() and int() also take other scripts' digits, which sort above "9" as text, so such a stamp would pass
# the clock check by its numeric value yet win every comparison by its string order. (A regular expression also
# checks the tens of thousands of stamps in a bundle several times faster than parsing each one.)
STAMP = re.compile(r"[0-9]{13}\.[0-9]{5}\.")
INT_LIMIT = rules.MAX_INT


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


def text_fields(table: str) -> frozenset[str]:
    """Free-text fields, where a lost concurrent edit is kept as a conflict (not ids, codes or dates)."""
    return rules.KEPT_TEXTS.get(table, frozenset())


def edit_fields(table: str) -> list[str]:
    """The fields that carry versions: every column but the bookkeeping ones (``deleted`` included)."""
    return [c for c in column_kinds(table) if c not in BOOKKEEPING]


def is_stamp(value: Any) -> bool:
    return isinstance(value, str) and len(value) <= 20 + MAX_ID and STAMP.match(value) is not None


def refused(reason: str, table: str, field: str, why: str) -> BundleRefused:
    where = f"{table}.{field}" if field else table
    return BundleRefused(reason, f"The bundle was refused: {where} {why}. Nothing was changed.")


def validate(content: Any) -> dict[str, Any]:
    """Return ``content`` if every record keeps its table's rules; raise ``BundleRefused`` naming the first that
    does not. References are checked separately (``dangling``): they need the receiver's file."""
    # "sync" (what the sender has, for delta bundles: ``exchange.sync``) is optional: older bundles lack it.
    if not isinstance(content, dict) or set(content) - {"sync"} != {"format", "known", "tables"}:
        raise malformed("its top level has the wrong fields")
    if type(content["format"]) is not int or content["format"] != CONTENT_FORMAT:
        raise malformed("unknown content format")
    known, tables = content["known"], content["tables"]
    if (
        not isinstance(known, dict)
        or len(known) > MAX_KNOWN
        or not all(isinstance(k, str) and len(k) <= MAX_ID and is_stamp(v) for k, v in known.items())
    ):
        raise malformed("its list of seen edits is malformed")
    if not isinstance(tables, dict):
        raise malformed("no tables")
    total = 0
    for table, records in tables.items():
        if table not in SHARED_MODELS:
            raise malformed(f"unknown table {table!r}")
        if not isinstance(records, list):
            raise malformed(f"{table} is not a list")
        if table == "review" and len(records) > 1:
            raise refused("invalid", "review", "", "holds a second review record; a review has one")
        if len(records) > rules.max_records(table):
            raise refused(
                "over-limit", table, "", f"holds {len(records)} records, more than {rules.max_records(table)}"
            )
        total += len(records)
        if total > rules.MAX_BUNDLE_RECORDS:
            raise refused("over-limit", "the bundle", "", f"holds more than {rules.MAX_BUNDLE_RECORDS} records")
    for table, records in tables.items():
        _validate_records(table, records)
    return content


def _validate_records(table: str, records: list[Any]) -> None:
    names = column_kinds(table).keys()
    fields = frozenset(edit_fields(table))
    checks = list(rules.rules_of(table).items())
    # Most fields are free text: one isinstance and one len each (the rule's other parts are empty for them).
    plain = [(n, r.max_len) for n, r in checks if r.kind == "str" and not r.choices and not r.form]
    others = [(n, r) for n, r in checks if not (r.kind == "str" and not r.choices and not r.form)]
    seen: set[str] = set()
    added = ADDED_COLUMNS.get(table, {})
    for record in records:
        if isinstance(record, dict) and added and not added.keys() <= record.keys():
            for name, default in added.items():
                record.setdefault(name, default)
        if not isinstance(record, dict) or record.keys() != names:
            raise malformed(f"a record of {table} has the wrong fields")
        record_id = record["id"]
        if not isinstance(record_id, str) or not rules.is_id(record_id) or record_id in seen:
            raise malformed(f"a record of {table} has a missing, overlong or repeated id")
        seen.add(record_id)
        author, updated = record["author_id"], record["updated"]
        if not isinstance(author, str) or len(author) > MAX_ID or not (updated == "" or is_stamp(updated)):
            raise malformed(f"a record of {table} has malformed bookkeeping")
        versions = record["versions"]
        if not isinstance(versions, dict) or not versions.keys() <= fields or not all(map(is_stamp, versions.values())):
            raise malformed(f"a record of {table} has malformed versions")
        for name, longest in plain:
            value = record[name]
            if not isinstance(value, str) or len(value) > longest:
                _refuse_field(table, name, rules.rule(table, name), value)
        for name, r in others:
            if rules.problem(r, record[name]) is not None:
                _refuse_field(table, name, r, record[name])
        mismatch = rules.record_problem(table, record)
        if mismatch is not None:
            raise refused("invalid", table, mismatch[0], mismatch[1])


def _refuse_field(table: str, field: str, rule: rules.Rule, value: Any) -> None:
    why = rules.problem(rule, value) or "is wrong"
    if why.startswith("is not of type"):
        raise malformed(f"{table}.{field} holds a value of the wrong type")
    if why.startswith("is longer"):
        raise refused("over-limit", table, field, f"holds a text that {why}")
    raise refused("invalid", table, field, f"holds a value that {why}")


def references(content: dict[str, Any]) -> dict[str, set[str]]:
    """For each table that is referred to, the ids referred to by the bundle's live and deleted records."""
    wanted: dict[str, set[str]] = {}
    for table, records in content["tables"].items():
        refs = [(n, r.ref) for n, r in rules.rules_of(table).items() if r.ref and r.ref not in rules.LOOSE_REFS]
        for name, target in refs:
            ids = {record[name] for record in records} - {""}
            if ids:
                wanted.setdefault(target, set()).update(ids)
    return wanted


def dangling(content: dict[str, Any], held: dict[str, set[str]]) -> None:
    """Refuse a bundle that refers to a record neither it nor the receiver's file holds (``held``: table → ids
    of the receiver's records, tombstones included, for the tables ``references`` names)."""
    tables = content["tables"]
    for target, ids in references(content).items():
        known_ids = {record["id"] for record in tables.get(target, ())} | held.get(target, set())
        missing = ids - known_ids
        if missing:
            for table, records in tables.items():
                for name, r in rules.rules_of(table).items():
                    if r.ref == target and any(record[name] in missing for record in records):
                        raise refused("dangling", table, name, f"refers to a {target} record nobody has")

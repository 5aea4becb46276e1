"""The local rules a merge keeps: what a local edit refuses, a bundle cannot leave behind either.

Per-field "higher version wins" makes every file hold the same records, but two members can each make something
that is fine alone and wrong together: the same tag twice, a stakeholder group a colleague deleted while another
gave it to an interview. ``plan`` works out, from the merged records alone, what the user must see instead; the
``overlay`` module shows it without writing a new version. So the repair is a function of the records, never of
the order bundles arrived in nor of who repaired first: every file holding the same records shows the same.

- **One of a name** (tags, stakeholder groups, teams) and **one slot at a time**: records with the same key are
  the same thing entered twice, one *logical* record. It is live when the latest ``deleted`` write among its copies
  (the highest stamp) says live; then that copy is shown and what points at any copy (quote tags, interviews,
  quotes) points at it. A quote tag moved onto a tag its quote already had is shown once.
- **Nothing hidden behind a deletion**: a logical record deleted while a live interview, quote or quote tag still
  used it (a concurrent edit and delete) is shown again, as keeping the edit demands.
- Post-its of a deleted theme return to the unsorted area (no theme; they stay where they are, as ``ungroup``).
- Two interviews in one cell of the timetable are a true clash: both are kept, the cell shows both (see
  ``services.timetable``), and the import summary says so.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from sqlalchemy import Connection, Table, select

from peerdesk.store.models import Interview, PostIt, Quote, QuoteTag, Shared, Slot, StakeholderGroup, Tag, Team, Theme

Key = tuple[str, str, str]  # (table, record id, field)


def tag_key(name: str) -> str:
    """Tag names match ignoring case and spacing (as ``services.quotes`` compares them)."""
    return " ".join(name.split()).casefold()


def name_key(name: str) -> str:
    """Team and stakeholder group names match ignoring case (as ``services.timetable`` compares them)."""
    return name.strip().lower()


def quote_tag_id(quote_id: str, tag_id: str) -> str:
    """The derived id of the link quote↔tag (``services.quotes.quote_tag_id``; a test keeps the two equal)."""
    return str(uuid.uuid5(uuid.UUID(quote_id), tag_id))


@dataclass(frozen=True)
class Rule:
    model: type[Shared]
    columns: tuple[str, ...]  # what ``key`` and ``describe`` read
    key: Callable[[Any], Hashable]
    label: tuple[str, str]  # singular, plural
    references: tuple[tuple[type[Shared], str], ...]  # (model, column) holding this record's id
    describe: Callable[[Any], str]


def _quoted_name(row: Any) -> str:
    return f"“{row.name}”"


RULES: Mapping[str, Rule] = MappingProxyType(
    {
        "stakeholder_groups": Rule(
            StakeholderGroup,
            ("name",),
            lambda r: name_key(r.name),
            ("stakeholder group", "stakeholder groups"),
            ((Interview, "group_id"), (Quote, "group_id")),
            _quoted_name,
        ),
        "teams": Rule(
            Team, ("name",), lambda r: name_key(r.name), ("team", "teams"), ((Interview, "team_id"),), _quoted_name
        ),
        "slots": Rule(
            Slot,
            ("day", "starts"),
            lambda r: (r.day, r.starts),
            ("time slot", "time slots"),
            ((Interview, "slot_id"),),
            lambda r: r.starts if r.day == 1 else f"{r.starts} on day {r.day}",
        ),
        "tags": Rule(Tag, ("name",), lambda r: tag_key(r.name), ("tag", "tags"), ((QuoteTag, "tag_id"),), _quoted_name),
    }
)


@dataclass
class Plan:
    """What the merged records must show: field values that differ from the stored ones, and why, in words."""

    shown: dict[Key, Any] = field(default_factory=dict)
    reasons: list[tuple[str, frozenset[Key]]] = field(default_factory=list)  # a sentence and the values it set
    clashes: int = 0  # timetable cells holding more than one interview

    def show(self, table: str, record_id: str, name: str, value: Any) -> Key:
        key = (table, record_id, name)
        self.shown[key] = value
        return key

    def value(self, table: str, row: Any, name: str) -> Any:
        return self.shown.get((table, row.id, name), getattr(row, name))


def plan(conn: Connection) -> Plan:
    """Every repair the stored (merged) records call for: a function of the records and nothing else."""
    result = Plan()
    for table, rule in RULES.items():
        _one_per_key(conn, table, rule, result)
    _one_link_per_pair(conn, result)
    _unsort_orphans(conn, result)
    result.clashes = _clashes(conn, result)
    return result


def _rows(conn: Connection, model: type[Shared], *columns: str, live: bool = False) -> list[Any]:
    t: Table = model.__table__  # type: ignore[attr-defined]
    stmt = select(t.c.id, t.c.deleted, t.c.versions, *(t.c[c] for c in columns)).order_by(t.c.id)
    if live:
        stmt = stmt.where(t.c.deleted.is_(False))
    return list(conn.execute(stmt).all())


def _one_per_key(conn: Connection, table: str, rule: Rule, result: Plan) -> None:
    by_key: dict[Hashable, list[Any]] = {}
    for row in _rows(conn, rule.model, *rule.columns):
        by_key.setdefault(rule.key(row), []).append(row)
    referrers = [
        (str(ref.__tablename__), column, _rows(conn, ref, column, live=True))  # type: ignore[attr-defined]
        for ref, column in rule.references
    ]
    used = {getattr(r, column) for _, column, rows in referrers for r in rows}
    keeper_of: dict[str, str] = {}  # id of every copy → id of the copy shown
    for copies in by_key.values():
        keeper = _keeper(copies, used)
        if keeper is None:  # deleted as one: a copy a colleague made apart goes with the one deleted
            live = [c for c in copies if not c.deleted]
            gone = [result.show(table, c.id, "deleted", True) for c in live]
            if gone:
                why = f"{rule.label[0]} {rule.describe(live[0])} deleted: a colleague deleted the same one"
                result.reasons.append((why, frozenset(gone)))
            continue
        keeper_of.update((c.id, keeper.id) for c in copies)
        hidden = [result.show(table, c.id, "deleted", True) for c in copies if c is not keeper and not c.deleted]
        if keeper.deleted:
            back = result.show(table, keeper.id, "deleted", False)
            why = f"{rule.label[0]} {rule.describe(keeper)} kept: it was deleted while a colleague still used it"
            result.reasons.append((why, frozenset({back})))
        if hidden and not keeper.deleted:
            n = len(hidden) + 1
            why = f"{n} {rule.label[1]} {rule.describe(keeper)} made one (the same {rule.label[0]})"
            result.reasons.append((why, frozenset(hidden)))
    for ref_table, column, rows in referrers:
        for r in rows:
            target = getattr(r, column)
            if keeper_of.get(target, target) != target:
                result.show(ref_table, r.id, column, keeper_of[target])


def _keeper(copies: list[Any], used: set[str]) -> Any | None:
    """The copy shown for one logical record, or None when it stays deleted.

    The logical record is live when its latest ``deleted`` write (stamp, then id, break ties alike everywhere)
    says live, and that copy (the one made or restored last) is shown: so a member who adds a name a deleted pair
    had keeps seeing their own. Deleted, it is still shown when something live uses one of its copies.
    """
    latest = max(copies, key=lambda c: ((c.versions or {}).get("deleted", ""), c.id))
    if not latest.deleted:
        return latest
    in_use = [c for c in copies if c.id in used]
    live = [c for c in in_use if not c.deleted] or in_use
    return live[0] if live else None  # rows come ordered by id


def _one_link_per_pair(conn: Connection, result: Plan) -> None:
    """A quote tag moved onto a tag its quote already has: one link of a (quote, tag) pair is shown, the one
    with the derived id when there is one (the tagger finds it by that id), else the smallest."""
    pairs: dict[tuple[str, str], list[Any]] = {}
    for row in _rows(conn, QuoteTag, "quote_id", "tag_id", live=True):
        if not result.value("quote_tags", row, "deleted"):
            pairs.setdefault((row.quote_id, result.value("quote_tags", row, "tag_id")), []).append(row)
    for (quote_id, tag_id), links in pairs.items():
        if len(links) > 1:
            derived = quote_tag_id(quote_id, tag_id)
            keeper = next((link for link in links if link.id == derived), links[0])
            for link in links:
                if link is not keeper:
                    result.show("quote_tags", link.id, "deleted", True)


def _unsort_orphans(conn: Connection, result: Plan) -> None:
    themes = {r.id for r in _rows(conn, Theme) if not r.deleted}
    orphans = [
        result.show("postits", r.id, "theme_id", "")
        for r in _rows(conn, PostIt, "theme_id", live=True)
        if r.theme_id and r.theme_id not in themes
    ]
    if orphans:
        n = len(orphans)
        why = f"{n} post-it{'s' if n != 1 else ''} of a deleted theme back among the unsorted ones"
        result.reasons.append((why, frozenset(orphans)))


def _clashes(conn: Connection, result: Plan) -> int:
    cells: dict[tuple[str, str], int] = {}
    for r in _rows(conn, Interview, "slot_id", "team_id", live=True):
        cell = (result.value("interviews", r, "slot_id"), result.value("interviews", r, "team_id"))
        if all(cell):
            cells[cell] = cells.get(cell, 0) + 1
    return sum(1 for n in cells.values() if n > 1)


def clash_note(clashes: int) -> str:
    return (
        f"{clashes} timetable cell{'s hold' if clashes != 1 else ' holds'} more than one interview: all are "
        "kept and shown in the cell; move the extra ones"
    )

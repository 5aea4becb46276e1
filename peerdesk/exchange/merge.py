"""State-based merge of a bundle's records into this file: per-field versions, the higher one wins.

Rules (the same on every member's laptop, so replicas converge whatever order bundles arrive in):

- Each field carries the hybrid-logical-clock stamp of its last write. For every field, the higher stamp wins
  (string order is the total order; the member id breaks ties). A deletion is the ``deleted`` field: a tombstone
  that merges like any other write. A record this file has never seen is copied whole.
- Merging is idempotent (a second import finds nothing higher) and commutative (the result is the per-field
  maximum, whatever the order).
- **Clocks set ahead.** A stamp more than ``hlc.MAX_DRIFT_MS`` ahead of this computer's clock refuses the whole
  bundle, naming the clock problem, instead of merging part of it. Refusing (rather than clamping the stamp) keeps
  convergence: every replica either holds a version exactly as written or does not hold it yet, and a bundle
  refused today is accepted once the sender fixes their clock and edits again, or once real time catches up.
- The local clock observes every merged stamp, so my next edit beats everything I have seen.
- **Conflicts.** A text field changed on both sides since they last synced keeps its losing text in the local
  ``conflicts`` table. "Since they last synced" is decided with ``known``: each bundle says, for every member,
  the highest stamp of theirs the sender had seen. If the winner had not seen the loser's write, the two edits
  were concurrent and the loser is kept; if it had, the overwrite was deliberate and nothing is kept.
- **Derived fields.** A record whose id is derived (a tag, a quote–tag link, a planning answer…) can be created
  apart by two members, each copy naming its own creator. ``author_id`` is then the smaller of the two member ids
  (``_author_wins``): a rule every file applies alike, so the author is a function of the records, not of the
  order bundles arrive in (a "max" of a set, hence idempotent and commutative like the per-field versions).
- **Local rules.** After the records are merged, ``invariants.plan`` works out what the rules a local edit obeys
  demand (one tag or stakeholder group of a name, one slot at a time, no post-it in a deleted theme) and
  ``overlay`` shows it without a new version: a function of the records, so the same in every order.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, RowMapping, Table, Text, select, type_coerce

from peerdesk.exchange import conflicts, invariants, overlay, purged
from peerdesk.exchange.errors import BundleRefused
from peerdesk.exchange.schema import column_kinds, edit_fields, text_fields
from peerdesk.store import hlc
from peerdesk.store.labels import label
from peerdesk.store.models import (
    SHARED_MODELS,
    Member,
    MemberTrust,
)
from peerdesk.store.tables import PURGED_ON_META
from peerdesk.store.uow import UnitOfWork

KNOWN_META = "known"
POSITION_FIELDS = frozenset({"x", "y", "theme_id", "position", "placed"})


@dataclass
class MergeResult:
    new: Counter[str] = field(default_factory=Counter)
    changed: Counter[str] = field(default_factory=Counter)
    deleted: Counter[str] = field(default_factory=Counter)
    moved: int = 0  # post-its whose place on the wall changed
    conflicts: int = 0
    ids: set[str] = field(default_factory=set)
    repairs: list[str] = field(default_factory=list)  # what keeping the local rules changed, in words
    ignored: int = 0  # interview records a purged file will not take back
    settled: int = 0  # conflicts open here that the bundle says were settled (restored or kept) where it was made
    touched: set[str] = field(default_factory=set)  # changed without a line of their own (conflicts, repairs)

    @property
    def tables(self) -> set[str]:
        return set(self.new) | set(self.changed) | set(self.deleted) | self.touched

    def summary(self, sender: str) -> str:
        parts = [f"{n} new {label(t, n)}" for t, n in sorted(self.new.items())]
        if self.moved:
            parts.append(f"{self.moved} {label('postits', self.moved)} moved")
        parts += [f"{n} {label(t, n)} changed" for t, n in sorted(self.changed.items())]
        parts += [f"{n} {label(t, n)} deleted" for t, n in sorted(self.deleted.items())]
        if self.conflicts:
            parts.append(f"{self.conflicts} conflict" + ("s" if self.conflicts != 1 else ""))
        if self.settled:
            parts.append(f"{self.settled} conflict" + ("s" if self.settled != 1 else "") + " settled")
        if self.ignored:
            parts.append(f"{self.ignored} interview records ignored (they were deleted here)")
        parts += self.repairs
        return f"{sender}: " + (", ".join(parts) if parts else "nothing new")


# --- what I have seen --------------------------------------------------------------------------------------------


def known(uow: UnitOfWork) -> dict[str, str]:
    """For each member, the highest of their stamps this file has seen (mine: my clock)."""
    raw = uow.get_meta(KNOWN_META)
    seen: dict[str, str] = json.loads(raw) if raw else {}
    me = uow.member_id
    if me:
        seen[me] = max(seen.get(me, ""), uow.clock.last)
    return seen


def check_clocks(content: dict[str, Any], now_ms: int) -> None:
    limit = now_ms + hlc.MAX_DRIFT_MS
    stamps = list(content["known"].values())
    for records in content["tables"].values():
        for record in records:
            stamps.extend(record["versions"].values())
    if not stamps:
        return
    newest = max(stamps)
    wall = hlc.Stamp.parse(newest).wall_ms
    if wall > limit:
        when = dt.datetime.fromtimestamp(wall / 1000, dt.UTC).strftime("%d %B %Y %H:%M UTC")
        raise BundleRefused(
            "clock-ahead",
            f"The bundle holds edits dated {when}, more than a day ahead of this computer's clock. One of the two "
            "clocks is wrong: check the date and time on both computers, then export again. Nothing was changed.",
        )


# --- merging ----------------------------------------------------------------------------------------------------


def merge(
    uow: UnitOfWork,
    content: dict[str, Any],
    *,
    allow_roster: bool,
    now_ms: int | None = None,
    step: Callable[[str], None] | None = None,
) -> MergeResult:
    """Merge validated ``content`` into the open unit of work (the caller commits, or nothing happens).

    ``step(table)`` is called before each table is merged; raising from it abandons the merge (nothing is kept,
    since the caller then does not commit).
    """
    if "members" in content["tables"] and not allow_roster:
        raise BundleRefused(
            "roster-not-lead",
            "The bundle tries to change the team, which only the lead can do. Nothing was changed.",
        )
    check_clocks(content, hlc.now_ms() if now_ms is None else now_ms)
    shown = overlay.revert(uow)  # the merge compares the records as members wrote them, not as repairs show them
    mine = known(uow)
    theirs: dict[str, str] = content["known"]
    result = MergeResult()
    newest = ""
    tables: dict[str, list[dict[str, Any]]] = content["tables"]
    if uow.get_meta(PURGED_ON_META):
        tables, result.ignored = purged.kept(uow, tables)
    run = _Run(uow.member_id, mine, theirs, result)
    for table in sorted(tables):
        records = tables[table]
        if records:
            if step is not None:
                step(table)
            newest = max(newest, _merge_table(uow, table, records, run))
    wrote_conflicts = conflicts.TABLE in result.tables  # said below in words of their own, not as records
    result.conflicts += result.new.pop(conflicts.TABLE, 0)  # brought by the bundle: kept here now
    result.changed.pop(conflicts.TABLE, None)  # those settled elsewhere are counted in ``settled``
    result.conflicts += conflicts.keep(uow, run.losers)
    if wrote_conflicts or result.conflicts or result.settled:
        result.touched.add(conflicts.TABLE)
    if "members" in content["tables"]:
        _trust_new_members(uow, content["tables"]["members"])
    if newest:
        uow.clock.observe(newest)
    # Always, even when the bundle brought nothing: a local edit since the last merge may call for a repair too,
    # and every file must show what the records demand once it has imported anything.
    _keep_rules(uow, result, shown)
    for member, stamp in theirs.items():
        if stamp > mine.get(member, ""):
            mine[member] = stamp
    mine.pop(uow.member_id, None)  # my own knowledge is my clock
    uow.set_meta(KNOWN_META, json.dumps(mine, sort_keys=True))
    return result


def _keep_rules(uow: UnitOfWork, result: MergeResult, shown: set[Any]) -> None:
    """Show what the local rules demand of the merged records (a function of them: see ``overlay``)."""
    uow.session.flush()
    found = invariants.plan(uow.session.connection())
    repaired = overlay.apply(uow, found, shown, result.repairs)
    if found.clashes and result.tables & {"interviews", "slots", "teams"}:
        result.repairs.append(invariants.clash_note(found.clashes))
    result.touched.update(table for table, _ in repaired)  # shown otherwise now: announced like any change
    result.ids.update(record_id for _, record_id in repaired)


# Why the merge is written in SQLAlchemy Core rather than through ORM objects: a bundle carries every shared
# record of the review (thousands), and building, tracking and flushing one ORM object per record was most of the
# time an import took (see tests/bench/bench_bundle.py). Per table the merge reads the held versions in a few
# SELECTs, skips every record that brings nothing newer (usually most of a bundle: what I already have), reads the
# values only of the records that need a per-field decision, and writes with one executemany per kind of
# statement, all in the caller's transaction. The triggers that keep the search index fire for these INSERTs and
# UPDATEs as for any other.

CHUNK = 500  # ids per IN (...): well under SQLite's bound-parameter limit
ROW_ID = "merge_row_id"  # the bound parameter naming the row an UPDATE targets (no column has this name)


def _held_versions(conn: Connection, table: Table, ids: list[str]) -> dict[str, tuple[dict[str, str], str]]:
    """The versions and author this file holds for those of ``ids`` it has: the one read every record costs."""
    held: dict[str, tuple[dict[str, str], str]] = {}
    raw = type_coerce(table.c.versions, Text)  # decoded below without the JSON type's per-row wrapper
    for start in range(0, len(ids), CHUNK):
        stmt = select(table.c.id, raw, table.c.author_id).where(table.c.id.in_(ids[start : start + CHUNK]))
        held.update(
            (row_id, (json.loads(text) if text else {}, author)) for row_id, text, author in conn.execute(stmt).all()
        )
    return held


def _held_rows(conn: Connection, table: Table, ids: list[str]) -> dict[str, RowMapping]:
    held: dict[str, RowMapping] = {}
    for start in range(0, len(ids), CHUNK):
        stmt = select(table).where(table.c.id.in_(ids[start : start + CHUNK]))
        held.update((row["id"], row) for row in conn.execute(stmt).mappings().all())
    return held


def _author_wins(remote: str, local: str) -> bool:
    """Whether a copy's ``author_id`` replaces the one held: the smaller member id wins, an empty one never."""
    return bool(remote) and (not local or remote < local)


def _needs_values(remote: dict[str, str], local: dict[str, str], texts: frozenset[str], mine: dict[str, str]) -> bool:
    """Whether a held record needs its values read: a newer version to take, or an older text that may be a
    concurrent edit to keep as a conflict. Anything else (all the bundle's versions at or below mine, already
    seen) changes nothing."""
    if remote == local:
        return False
    for name, rv in remote.items():
        lv = local.get(name, "")
        if rv > lv or (rv != lv and name in texts and not conflicts.seen(mine, rv)):
            return True
    return False


@dataclass
class _Run:
    """What one bundle's merge carries from table to table: who I am, what each side had seen (``mine``,
    ``theirs``: member → highest stamp), the tally so far, and the texts that lost (kept as conflicts)."""

    me: str
    mine: dict[str, str]
    theirs: dict[str, str]
    result: MergeResult
    losers: list[dict[str, Any]] = field(default_factory=list)


def _merge_table(uow: UnitOfWork, table: str, records: list[dict[str, Any]], run: _Run) -> str:
    result = run.result
    model = SHARED_MODELS[table]
    t: Table = model.__table__  # type: ignore[attr-defined]
    kinds = column_kinds(table)
    texts = text_fields(table)
    newest = max((max(r["versions"].values()) for r in records if r["versions"]), default="")
    uow.session.flush()  # the reads below go straight to the connection, after anything the session holds
    conn = uow.session.connection()
    held = _held_versions(conn, t, [r["id"] for r in records])

    fresh: list[dict[str, Any]] = []
    to_decide: list[dict[str, Any]] = []
    authors: list[dict[str, Any]] = []
    for record in records:
        ours = held.get(record["id"])
        if ours is None:
            fresh.append(record)
            continue
        if _author_wins(record["author_id"], ours[1]):
            authors.append({"author_id": record["author_id"], ROW_ID: record["id"]})
        if _needs_values(record["versions"], ours[0], texts, run.mine):
            to_decide.append(record)

    if fresh:
        rows = []
        for record in fresh:
            versions: dict[str, str] = record["versions"]
            row = {name: _typed(kind, record[name]) for name, kind in kinds.items() if name != "updated"}
            row["versions"] = dict(versions)
            row["updated"] = max(versions.values()) if versions else ""
            rows.append(row)
            result.ids.add(record["id"])
        uow.insert_rows(model, rows)
        result.new[table] += len(fresh)
        if table == conflicts.TABLE:  # one settled elsewhere arrives settled: no conflict to look at here
            result.new[table] -= sum(1 for r in fresh if r["resolved"] or r["deleted"])
    uow.update_rows(model, authors, key=ROW_ID)
    if to_decide:
        local = _held_rows(conn, t, [r["id"] for r in to_decide])
        # One executemany per set of changed columns: a field is only in the SET clause when its value changes,
        # so the search index's UPDATE OF triggers fire exactly when the text did.
        for batch in _decide(run, table, to_decide, local).values():
            uow.update_rows(model, batch, key=ROW_ID)
    return newest


def _decide(
    run: _Run, table: str, to_decide: list[dict[str, Any]], local: dict[str, RowMapping]
) -> dict[tuple[str, ...], list[dict[str, Any]]]:
    """Per field, the higher version wins; returns the updates grouped by the set of columns they change."""
    me, mine, theirs, result, losers = run.me, run.mine, run.theirs, run.result, run.losers
    kinds = column_kinds(table)
    fields = edit_fields(table)
    texts = text_fields(table)
    updates: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for record in to_decide:
        versions = record["versions"]
        row_id = record["id"]
        held_row = local[row_id]
        current = dict(held_row["versions"] or {})
        won: dict[str, Any] = {}  # fields whose value really changes (a version-only catch-up is not news)
        caught_up = False
        for name in fields:
            rv, lv = versions.get(name), current.get(name, "")
            if rv is None or rv == lv:
                continue
            remote_value, local_value = _typed(kinds[name], record[name]), held_row[name]
            if rv > lv:
                concurrent = lv and not conflicts.seen(theirs, lv)
                if name in texts and concurrent and local_value and local_value != remote_value:
                    losers.append(conflicts.loser(table, row_id, name, local_value, lv, rv))
                if local_value != remote_value:
                    won[name] = remote_value
                current[name] = rv
                caught_up = True
            elif name in texts and remote_value and remote_value != local_value and not conflicts.seen(mine, rv):
                losers.append(conflicts.loser(table, row_id, name, remote_value, rv, lv))
        losers += conflicts.edits_of_deleted(table, record, held_row, won, (mine, theirs, me))
        if caught_up:
            params = {**won, "versions": current, "updated": max(current.values()), ROW_ID: row_id}
            updates.setdefault(tuple(won), []).append(params)
        if won:
            result.ids.add(row_id)
            if won.get("deleted") is True:
                result.deleted[table] += 1
            elif table == "postits" and POSITION_FIELDS.intersection(won):
                result.moved += 1
            elif table == conflicts.TABLE and won.get("resolved") is True:
                result.settled += 1
            else:
                result.changed[table] += 1
    return updates


def _typed(kind: str, value: Any) -> Any:
    return float(value) if kind == "float" else value


def _trust_new_members(uow: UnitOfWork, records: list[dict[str, Any]]) -> None:
    """Members first heard of through the lead's signed roster are trusted as the lead vouched for them; a member
    already known whose keys changed keeps the old fingerprint, so shows as unverified until compared again."""
    from peerdesk.exchange.identity import fingerprint, unb64

    ids = [r["id"] for r in records]
    # Read with Core, like the merge that just wrote these rows: no ORM object can hold a value from before it.
    trusted = set(uow.session.scalars(select(MemberTrust.member_id).where(MemberTrust.member_id.in_(ids))))
    keys = {
        row.id: (row.signing_key, row.kem_key)
        for row in uow.session.execute(select(Member.id, Member.signing_key, Member.kem_key).where(Member.id.in_(ids)))
    }
    for record in records:
        if record["id"] in trusted or record["id"] not in keys:
            continue
        signing_key, kem_key = keys[record["id"]]
        if not signing_key or not kem_key:
            continue
        try:
            fp = fingerprint(unb64(signing_key), unb64(kem_key))
        except ValueError:
            continue
        uow.session.add(MemberTrust(member_id=record["id"], verified_fingerprint=fp))

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
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from peerdesk.exchange.errors import BundleRefused
from peerdesk.exchange.schema import column_kinds, edit_fields, text_fields
from peerdesk.store import hlc
from peerdesk.store.models import (
    INTERVIEW_RECORD_TABLES,
    PURGED_ON_META,
    SHARED_MODELS,
    Conflict,
    Member,
    MemberTrust,
    Shared,
)
from peerdesk.store.uow import UnitOfWork

KNOWN_META = "known"
POSITION_FIELDS = frozenset({"x", "y", "theme_id", "position", "placed"})

# Singular and plural labels for the import summary; tables not listed use their name.
LABELS: dict[str, tuple[str, str]] = {
    "quotes": ("quote", "quotes"),
    "notes": ("note", "notes"),
    "postits": ("post-it", "post-its"),
    "themes": ("theme", "themes"),
    "insights": ("insight", "insights"),
    "interviews": ("interview", "interviews"),
    "members": ("team member", "team members"),
    "review": ("review detail", "review details"),
    "planning_answers": ("planning answer", "planning answers"),
    "scale_answers": ("scale answer", "scale answers"),
    "quote_tags": ("quote tag", "quote tags"),
    "insight_quotes": ("insight quote link", "insight quote links"),
    "insight_themes": ("insight theme link", "insight theme links"),
}


def label(table: str, n: int) -> str:
    one, many = LABELS.get(table, (table.replace("_", " ").rstrip("s"), table.replace("_", " ")))
    return one if n == 1 else many


@dataclass
class MergeResult:
    new: Counter[str] = field(default_factory=Counter)
    changed: Counter[str] = field(default_factory=Counter)
    deleted: Counter[str] = field(default_factory=Counter)
    moved: int = 0  # post-its whose place on the wall changed
    conflicts: int = 0
    ids: set[str] = field(default_factory=set)
    ignored: int = 0  # interview records a purged file will not take back

    @property
    def tables(self) -> set[str]:
        return set(self.new) | set(self.changed) | set(self.deleted)

    def summary(self, sender: str) -> str:
        parts = [f"{n} new {label(t, n)}" for t, n in sorted(self.new.items())]
        if self.moved:
            parts.append(f"{self.moved} {label('postits', self.moved)} moved")
        parts += [f"{n} {label(t, n)} changed" for t, n in sorted(self.changed.items())]
        parts += [f"{n} {label(t, n)} deleted" for t, n in sorted(self.deleted.items())]
        if self.conflicts:
            parts.append(f"{self.conflicts} conflict" + ("s" if self.conflicts != 1 else ""))
        if self.ignored:
            parts.append(f"{self.ignored} interview records ignored (they were deleted here)")
        return f"{sender}: " + (", ".join(parts) if parts else "nothing new")


# --- what I have seen --------------------------------------------------------------------------------------------


def known(uow: UnitOfWork) -> dict[str, str]:
    """For each member, the highest of their stamps this file has seen (mine: my clock)."""
    raw = uow._get_meta(KNOWN_META)
    seen: dict[str, str] = json.loads(raw) if raw else {}
    me = uow.member_id
    if me:
        seen[me] = max(seen.get(me, ""), uow.clock.last)
    return seen


def _seen(knowledge: dict[str, str], stamp: str) -> bool:
    """True if ``knowledge`` includes the write stamped ``stamp`` (histories travel whole, so a prefix test)."""
    member = stamp.split(".", 2)[2]
    return stamp <= knowledge.get(member, "")


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


def merge(uow: UnitOfWork, content: dict[str, Any], *, allow_roster: bool, now_ms: int | None = None) -> MergeResult:
    """Merge validated ``content`` into the open unit of work (the caller commits, or nothing happens)."""
    if "members" in content["tables"] and not allow_roster:
        raise BundleRefused(
            "roster-not-lead",
            "The bundle tries to change the team, which only the lead can do. Nothing was changed.",
        )
    check_clocks(content, hlc.now_ms() if now_ms is None else now_ms)
    mine = known(uow)
    theirs: dict[str, str] = content["known"]
    result = MergeResult()
    newest = ""
    purged = bool(uow._get_meta(PURGED_ON_META))
    for table in sorted(content["tables"]):
        records = content["tables"][table]
        if purged and table in INTERVIEW_RECORD_TABLES:
            result.ignored += len(records)
            continue
        if records:
            newest = max(newest, _merge_table(uow, table, records, mine, theirs, result))
    if "members" in content["tables"]:
        _trust_new_members(uow, content["tables"]["members"])
    if newest:
        uow.clock.observe(newest)
    for member, stamp in theirs.items():
        if stamp > mine.get(member, ""):
            mine[member] = stamp
    mine.pop(uow.member_id, None)  # my own knowledge is my clock
    uow._set_meta(KNOWN_META, json.dumps(mine, sort_keys=True))
    return result


def _merge_table(
    uow: UnitOfWork,
    table: str,
    records: list[dict[str, Any]],
    mine: dict[str, str],
    theirs: dict[str, str],
    result: MergeResult,
) -> str:
    model = SHARED_MODELS[table]
    kinds = column_kinds(table)
    fields = edit_fields(table)
    texts = text_fields(table)
    ids = [r["id"] for r in records]
    local: dict[str, Shared] = {}
    for start in range(0, len(ids), 500):  # SQLite's bound-parameter limit
        chunk = ids[start : start + 500]
        local.update({row.id: row for row in uow.session.scalars(select(model).where(model.id.in_(chunk)))})
    newest = ""
    for record in records:
        versions: dict[str, str] = record["versions"]
        if versions:
            newest = max(newest, max(versions.values()))
        row = local.get(record["id"])
        if row is None:
            row = model()
            for name, kind in kinds.items():
                if name != "updated":
                    setattr(row, name, _typed(kind, record[name]))
            row.versions = dict(versions)
            row.updated = max(versions.values()) if versions else ""
            uow.session.add(row)
            result.new[table] += 1
            result.ids.add(row.id)
            continue
        current = dict(row.versions or {})
        won: list[str] = []  # fields whose value really changed (a version-only catch-up is not news)
        caught_up = False
        for name in fields:
            rv, lv = versions.get(name), current.get(name, "")
            if rv is None or rv == lv:
                continue
            remote_value, local_value = _typed(kinds[name], record[name]), getattr(row, name)
            if rv > lv:
                if name in texts and lv and local_value and local_value != remote_value and not _seen(theirs, lv):
                    _keep_conflict(uow, table, row.id, name, local_value, lv, rv, result)
                if local_value != remote_value:
                    setattr(row, name, remote_value)
                    won.append(name)
                current[name] = rv
                caught_up = True
            elif name in texts and remote_value and remote_value != local_value and not _seen(mine, rv):
                _keep_conflict(uow, table, row.id, name, remote_value, rv, lv, result)
        if caught_up:
            row.versions = current
            row.updated = max(current.values())
        if won:
            result.ids.add(row.id)
            if "deleted" in won and row.deleted:
                result.deleted[table] += 1
            elif table == "postits" and POSITION_FIELDS.intersection(won):
                result.moved += 1
            else:
                result.changed[table] += 1
    return newest


def _typed(kind: str, value: Any) -> Any:
    return float(value) if kind == "float" else value


def _keep_conflict(
    uow: UnitOfWork, table: str, row_id: str, name: str, value: Any, version: str, winner: str, result: MergeResult
) -> None:
    exists = uow.session.scalar(
        select(Conflict.id).where(
            Conflict.table_name == table, Conflict.row_id == row_id, Conflict.field == name, Conflict.version == version
        )
    )
    if exists is not None:
        return
    uow.session.add(
        Conflict(
            table_name=table,
            row_id=row_id,
            field=name,
            value=value,
            version=version,
            winner_version=winner,
            author_id=version.split(".", 2)[2],
            created=dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            resolved=False,
        )
    )
    result.conflicts += 1


def _trust_new_members(uow: UnitOfWork, records: list[dict[str, Any]]) -> None:
    """Members first heard of through the lead's signed roster are trusted as the lead vouched for them; a member
    already known whose keys changed keeps the old fingerprint, so shows as unverified until compared again."""
    from peerdesk.exchange.identity import fingerprint, unb64

    for record in records:
        if uow.session.get(MemberTrust, record["id"]) is not None:
            continue
        row = uow.session.get(Member, record["id"])
        if row is None or not row.signing_key or not row.kem_key:
            continue
        try:
            fp = fingerprint(unb64(row.signing_key), unb64(row.kem_key))
        except ValueError:
            continue
        uow.session.add(MemberTrust(member_id=row.id, verified_fingerprint=fp))

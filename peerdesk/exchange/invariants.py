"""The local rules a merge keeps: what a local edit refuses, a bundle cannot leave behind either.

Per-field "higher version wins" makes every file hold the same values, but two members can each make something
that is fine alone and wrong together: the same tag twice, a stakeholder group a colleague deleted while another
gave it to an interview. After every merge, in the same transaction, these rules are restored as ordinary
versioned edits of mine (so they travel in my next bundle like any other edit):

- **One of a name** (tags, stakeholder groups, teams) and **one slot at a time**: records with the same key are
  the same thing entered twice. The one with the smallest id survives (a rule that needs no history, so every
  file picks alike); what pointed at the others (quote tags, interviews, quotes) is moved to it, and the others
  are deleted. A reference that arrives later to such a deleted duplicate is moved the same way.
- **Nothing hidden behind a deletion**: a live interview or quote whose slot, team, group or tag was deleted
  while it was being added (a concurrent edit and delete) brings that record back, as keeping the edit demands.
  Post-its of a deleted theme return to the unsorted area (no theme, unplaced).
- Two interviews in one cell of the timetable are a true clash: both are kept, the cell shows both (see
  ``services.timetable``), and the import summary says so.

Each repair adds a sentence to the import summary, so the user sees what changed and why.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from sqlalchemy import func, select

from peerdesk.store.models import Interview, PostIt, Quote, QuoteTag, Shared, Slot, StakeholderGroup, Tag, Team, Theme
from peerdesk.store.uow import UnitOfWork


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
        "tags": Rule(Tag, ("name",), lambda r: tag_key(r.name), ("tag", "tags"), (), _quoted_name),
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
    }
)
# The tables whose change can break a rule, per rule.
TRIGGERS: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "tags": frozenset({"tags", "quote_tags"}),
        "stakeholder_groups": frozenset({"stakeholder_groups", "interviews", "quotes"}),
        "teams": frozenset({"teams", "interviews"}),
        "slots": frozenset({"slots", "interviews"}),
    }
)


def keep(uow: UnitOfWork, touched: set[str], notes: list[str]) -> None:
    """Restore every local rule a merge that changed ``touched`` tables may have broken; say what was done.

    Reads are plain rows (a review holds thousands of quotes and links; most imports repair nothing); only the
    records that change are loaded as objects and written through the unit of work, stamped as my edits.
    """
    if not touched:
        return
    uow.session.flush()
    uow.session.expire_all()  # the merge wrote past the session: read every value afresh
    for table, rule in RULES.items():
        if touched & TRIGGERS[table]:
            _one_per_key(uow, rule, notes)
    if touched & {"themes", "postits"}:
        _unsort_orphans(uow, notes)
    if touched & {"interviews", "slots", "teams"}:
        _note_clashes(uow, notes)


def _one_per_key(uow: UnitOfWork, rule: Rule, notes: list[str]) -> None:
    m = rule.model
    cols = [getattr(m, c) for c in rule.columns]
    everything = list(uow.session.execute(select(m.id, m.deleted, *cols).order_by(m.id)))
    live = [r for r in everything if not r.deleted]
    by_key: dict[Hashable, list[Any]] = {}
    for row in live:
        by_key.setdefault(rule.key(row), []).append(row)
    survivor_of: dict[str, str] = {}  # id of a record to leave → id of the record that takes its place
    for rows in by_key.values():
        if len(rows) > 1:
            keeper, *others = rows  # ordered by id
            survivor_of.update((other.id, keeper.id) for other in others)
            notes.append(f"{len(rows)} {rule.label[1]} {rule.describe(keeper)} made one (the same {rule.label[0]})")
    # A deleted duplicate still pointed at (its reference came in after the repair) moves the same way.
    for row in everything:
        if row.deleted and rule.key(row) in by_key:
            survivor_of[row.id] = by_key[rule.key(row)][0].id
    live_ids = {r.id for r in live} - survivor_of.keys()
    restored: set[str] = set()
    if m is Tag:
        _move_tag_links(uow, survivor_of, live_ids, restored)
    for ref_model, column in rule.references:
        col = getattr(ref_model, column)
        stmt = select(ref_model.id, col).where(ref_model.deleted.is_(False), col != "", col.not_in(live_ids))
        for ref_id, target in uow.session.execute(stmt).all():
            if target in survivor_of:
                uow.update(uow.get(ref_model, ref_id), **{column: survivor_of[target]})
            else:
                restored.add(target)
    for other_id in sorted(survivor_of):
        duplicate = uow.get(m, other_id, include_deleted=True)
        if not duplicate.deleted:
            uow.delete(duplicate)
    _bring_back(uow, rule, sorted(restored), notes)


def _move_tag_links(uow: UnitOfWork, survivor_of: dict[str, str], live_ids: set[str], restored: set[str]) -> None:
    stmt = select(QuoteTag.id, QuoteTag.quote_id, QuoteTag.tag_id, QuoteTag.author_id).where(
        QuoteTag.deleted.is_(False), QuoteTag.tag_id.not_in(live_ids)
    )
    for link_id, quote_id, tag_id, author in sorted(uow.session.execute(stmt).all()):
        if tag_id not in survivor_of:
            restored.add(tag_id)
            continue
        keeper = survivor_of[tag_id]
        moved_id = quote_tag_id(quote_id, keeper)
        moved = uow.session.get(QuoteTag, moved_id)
        if moved is None:
            moved = uow.add(QuoteTag, moved_id, quote_id=quote_id, tag_id=keeper)
            moved.author_id = author  # the moved link's author, not mine: every file moving it makes the same
        else:
            uow.restore(moved)
            if author and author < moved.author_id:
                moved.author_id = author
        uow.delete(uow.get(QuoteTag, link_id))


def _bring_back(uow: UnitOfWork, rule: Rule, ids: list[str], notes: list[str]) -> None:
    """Deleted records that live records still use: the deletion crossed an edit, and the edit is kept."""
    for record_id in ids:
        row = uow.session.get(rule.model, record_id)
        if row is None:
            continue  # a reference to a record this file has never had: nothing to bring back
        uow.restore(row)
        notes.append(f"{rule.label[0]} {rule.describe(row)} kept: it was deleted while a colleague still used it")


def _unsort_orphans(uow: UnitOfWork, notes: list[str]) -> None:
    live = select(Theme.id).where(Theme.deleted.is_(False))
    stmt = select(PostIt.id).where(PostIt.deleted.is_(False), PostIt.theme_id != "", PostIt.theme_id.not_in(live))
    orphans = sorted(uow.session.scalars(stmt))
    for postit_id in orphans:
        uow.update(uow.get(PostIt, postit_id), theme_id="", x=0.0, y=0.0)
    if orphans:
        n = len(orphans)
        notes.append(f"{n} post-it{'s' if n != 1 else ''} of a deleted theme back among the unsorted ones")


def _note_clashes(uow: UnitOfWork, notes: list[str]) -> None:
    stmt = (
        select(Interview.slot_id, Interview.team_id)
        .where(Interview.deleted.is_(False), Interview.slot_id != "", Interview.team_id != "")
        .group_by(Interview.slot_id, Interview.team_id)
        .having(func.count() > 1)
    )
    clashes = len(uow.session.execute(stmt).all())
    if clashes:
        notes.append(
            f"{clashes} timetable cell{'s hold' if clashes != 1 else ' holds'} more than one interview: all are "
            "kept and shown in the cell; move the extra ones"
        )

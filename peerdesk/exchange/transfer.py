"""Exporting this file's shared records as a bundle, and importing a colleague's bundle into it.

Import checks run in a fixed order, each refusing with its own reason before anything is decrypted or written:
size and format (``bundle.parse``), a signature by a current, verified roster member, this review, addressed to
me, not expired (judged by this file's retention date, which only the lead sets, not by the sender's claim); then
decrypt, check every record against the shared rules (``schema``), the review-wide facts' owner and the references,
and merge everything in one transaction. Every check runs before anything is written.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, Text, select, type_coerce

from peerdesk.exchange import bundle, conflicts, overlay, roster, schema, sync
from peerdesk.exchange.display import clip
from peerdesk.exchange.errors import BundleRefused
from peerdesk.exchange.identity import unb64
from peerdesk.exchange.merge import MergeResult, check_clocks, known, merge
from peerdesk.store import rules
from peerdesk.store.engine import Store
from peerdesk.store.labels import label
from peerdesk.store.models import SHARED_MODELS, Member, Review
from peerdesk.store.tables import PURGED_ON_META
from peerdesk.store.uow import TooManyRecords, UnitOfWork

log = logging.getLogger(__name__)
Progress = Callable[[int, int, str], bool]
DEFAULT_LIFETIME = dt.timedelta(days=365)  # when the review has no retention date yet


class Cancelled(Exception):
    """The user cancelled; nothing was written."""


def _utc(now: dt.datetime | None) -> dt.datetime:
    return now if now is not None else dt.datetime.now(dt.UTC)


def _report(progress: Progress | None, done: int, total: int, text: str) -> None:
    if progress is not None and not progress(done, total, text):
        raise Cancelled()


# --- export ------------------------------------------------------------------------------------------------------


def content(store: Store) -> dict[str, Any]:
    """Every shared record (tombstones too); the roster only from the lead. Also what I have seen of each member."""
    return collect(store, full=True).content


@dataclass(frozen=True)
class Collected:
    content: dict[str, Any]
    recipients: list[tuple[str, bytes]]  # (member id, HPKE public key) of everyone it is encrypted to
    changes: int  # records that are news to a recipient (every record when ``everything``)
    everything: bool  # no recipient's knowledge was assumed: the whole review


def collect(store: Store, *, full: bool) -> Collected:
    """The content of a bundle to the verified team: with ``full``, or for someone never heard from, everything;
    otherwise only the records some recipient may lack (``sync.wanted``). Read in one transaction, so the vector
    it carries says exactly what the content brings."""
    with UnitOfWork(store) as uow:  # a read-only unit of work: it gives the clock and meta in one transaction
        seen = known(uow)
        lead = roster.i_am_lead(uow.session)
        targets = roster.recipients(uow.session)
        vector = sync.have(uow)
        base = {} if full else sync.base_for(uow, [member for member, _ in targets])
        complete = not uow.get_meta(PURGED_ON_META)  # a purged file cannot relay the interview records
        tables: dict[str, list[dict[str, Any]]] = {}
        changes = 0
        stored = overlay.Stored.of(uow)  # a bundle carries what members wrote, not what a repair shows
        for table in sorted(SHARED_MODELS):
            if table == "members" and not lead:
                continue
            rows = _rows(uow, table)
            for record in rows:
                stored.put_back(table, record)
            if base:
                news = [r for r in rows if sync.wanted(r["versions"], r["author_id"], r["updated"], base, vector)]
                # A conflict is kept when a file notices a clash, under the clash's own (older) stamps, so no
                # vector can tell whether a recipient has heard of it: the few there are go in every bundle.
                changes += len(news)
                rows = rows if table == conflicts.TABLE else news
            else:
                changes += len(rows)
            if rows:
                tables[table] = rows
    payload = {
        "format": schema.CONTENT_FORMAT,
        "known": seen,
        "tables": tables,
        "sync": sync.Offer(base, vector, complete).to_json(),
    }
    return Collected(payload, targets, changes, not base)


def _rows(uow: UnitOfWork, table: str) -> list[dict[str, Any]]:
    t: Table = SHARED_MODELS[table].__table__  # type: ignore[attr-defined]
    names = list(schema.column_kinds(table))
    floats = [name for name, kind in schema.column_kinds(table).items() if kind == "float"]
    # Plain tuples, not ORM objects nor mappings, and the versions decoded here rather than by the JSON type's
    # per-row processor: a review holds thousands of records, none is changed here, and this read was a third of
    # an export (tests/bench/bench_bundle.py).
    columns = [type_coerce(t.c[name], Text) if name == "versions" else t.c[name] for name in names]
    rows = [
        dict(zip(names, values, strict=True))
        for values in uow.session.connection().execute(select(*columns).order_by(t.c.id)).all()  # one fetchall
    ]
    # One parse for the whole table: thousands of json.loads calls cost more in their setup than in parsing.
    versions = json.loads("[" + ",".join(r["versions"] or "{}" for r in rows) + "]")
    for record, stamps in zip(rows, versions, strict=True):
        record["versions"] = stamps
        for name in floats:
            record[name] = float(record[name])
    return rows


@dataclass(frozen=True)
class Exported:
    data: bytes
    recipients: list[str]  # names
    expires: str
    changes: int = 0  # records in it that are news to a recipient
    everything: bool = True  # the whole review (asked for, or someone had confirmed nothing yet)


def export_bundle(
    store: Store, *, full: bool = False, now: dt.datetime | None = None, progress: Progress | None = None
) -> Exported:
    """A bundle for the verified team: only what a recipient may lack, or with ``full`` everything. Call
    ``remember`` once it has been written, so that the next one starts after it."""
    created = _utc(now)
    _report(progress, 0, 3, "Collecting your records…")
    collected = collect(store, full=full)
    targets = collected.recipients
    review_id = store.review_id  # before the session: see check()
    with store.session() as s:
        me = s.get(Member, roster.my_id(s))
        if me is None:
            raise BundleRefused("no-identity", "This file does not say who you are, so it cannot send bundles.")
        keys = roster.my_keys(s)
        names = [m.name for m in s.scalars(select(Member).where(Member.id.in_([t[0] for t in targets])))]
        review = s.get(Review, review_id)
        expires = review.retention_date if review is not None and review.retention_date else ""
    if not expires:
        expires = (created + DEFAULT_LIFETIME).date().isoformat()
    _report(progress, 1, 3, "Encrypting…")
    envelope = bundle.Envelope(review_id, me.id, me.name, expires, targets, keys.signer(), created=created)
    data = bundle.write(envelope, collected.content)
    _report(progress, 3, 3, "Done")
    log.info("exported a bundle: %d bytes, %d recipients, %d changes", len(data), len(targets), collected.changes)
    return Exported(data, sorted(names), expires, collected.changes, collected.everything)


# --- import ------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Imported:
    sender: str
    result: MergeResult

    @property
    def summary(self) -> str:
        return self.result.summary(clip(self.sender))  # the sender's name is theirs to choose: shown escaped


def check(store: Store, data: bytes, *, now: dt.datetime | None = None) -> tuple[bundle.Parsed, Member]:
    """Everything that can be refused before decrypting: returns the parsed bundle and its (verified) signer."""
    parsed = bundle.parse(data)
    header = parsed.header
    # Read before the session below: asked inside it, an uncached meta value needs a second connection, and
    # opening one derives the key again (a quarter of a second).
    review_id = store.review_id
    with store.session() as s:
        me = roster.my_id(s)
        signer = s.get(Member, header.sender_id)
        if signer is None or signer.deleted:
            if header.review_id != review_id:
                raise _other_review()
            raise _unknown_signer(roster.i_am_lead(s), header.sender_name)
        if signer.removed:
            raise BundleRefused(
                "removed-signer",
                f"The bundle comes from {clip(signer.name)}, who was removed from the team. It was not imported.",
            )
        if not roster.is_verified(s, signer):
            raise BundleRefused(
                "unverified-signer",
                f"{clip(signer.name)}'s keys changed and have not been verified. Compare fingerprints with them "
                "(Team ▸ Verify), then import again.",
            )
        bundle.verify(parsed, unb64(signer.signing_key))
        if header.review_id != review_id:
            raise _other_review()
        if header.sender_id == me:
            raise BundleRefused("own-bundle", "This is a bundle you exported yourself: there is nothing to import.")
        if header.sealed_for(me) is None:
            from_lead = signer.id == roster.lead_id(s)
            listed = roster.lead_listed_me_at(s) if from_lead else 0
            # Made after the lead listed me (to the second: one of that very second could be older, and is not
            # said to be a removal): not an old bundle from before I joined.
            if listed and _ms(header.created) > listed:
                raise _removed(clip(signer.name))
            raise _not_addressed(clip(signer.name), from_lead)
        # The retention date the lead set in this file decides; the header's is only the sender's claim, used
        # until the lead's first bundle has brought one.
        review = s.get(Review, review_id)
        expires = review.retention_date if review is not None and rules.is_date(review.retention_date) else ""
        expires = expires or header.expires
        if _utc(now).date().isoformat() > expires:
            raise BundleRefused(
                "expired",
                f"This bundle expired on {expires}, the review's retention date: its records should no "
                "longer exist. It was not imported.",
            )
        s.expunge(signer)
    return parsed, signer


def _unknown_signer(lead: bool, claimed: str) -> BundleRefused:
    # The lead is the one who puts people on the team: telling them to wait for "the lead's bundle" led nowhere.
    then = (
        "If they should be on it, add their card to the team first (File ▸ Team… ▸ Add a card), then import the bundle "
        "again."
        if lead
        else "If they joined recently, import the lead's latest bundle first (it brings the team), then try again."
    )
    # The name is only the bundle's claim (nobody on the team signed it), said as such: it tells the lead whose
    # card is missing, usually a colleague who sent work before their card was added.
    who = (
        f"This bundle says it comes from {clip(claimed)}, who is"
        if clip(claimed)
        else "The bundle is signed by someone"
    )
    return BundleRefused("unknown-signer", f"{who} not on this review's team. {then}")


def _not_addressed(signer: str, from_the_lead: bool) -> BundleRefused:
    if from_the_lead:  # "ask the lead to import the lead's latest bundle" was the advice given about the lead
        then = (
            f"If you are still on the team, ask {signer} to check you in Team (your card may need adding or "
            "verifying again) and to export again."
        )
    else:
        then = f"Ask {signer} to import the lead's latest bundle (or verify you in Team) and export again."
    return BundleRefused("not-addressed", f"This bundle was not encrypted to you. {then}")


def _removed(lead: str) -> BundleRefused:
    # Said plainly, once per bundle refused: what happened, by whom, what it means for my bundles, and that
    # my file is not touched (a removed member feared losing their notes with their place on the team).
    return BundleRefused(
        "removed-from-team",
        f"{lead} has removed you from the review's team: this bundle of {lead}'s was made for the others, not for "
        f"you. From now on the others' copies refuse your bundles, and the team's changes no longer reach you. "
        f"Your file stays yours: it opens with your passphrase as before and keeps all you wrote. If this is a "
        f"mistake, ask {lead} to add you back and to export again. Nothing was changed.",
    )


def _ms(created: str) -> int:
    """A header's ``created`` (UTC, to the second) in ms, as stamps count time."""
    return int(dt.datetime.strptime(created, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.UTC).timestamp() * 1000)


def _other_review() -> BundleRefused:
    return BundleRefused("other-review", "This bundle belongs to another review. Open that review to import it.")


def import_bundle(
    store: Store, data: bytes, *, now: dt.datetime | None = None, progress: Progress | None = None
) -> Imported:
    _report(progress, 0, 4, "Checking the bundle…")
    parsed, signer = check(store, data, now=now)
    with store.session() as s:
        keys = roster.my_keys(s)
        me, lead = roster.my_id(s), roster.lead_id(s)
    _report(progress, 1, 4, "Decrypting…")
    payload = schema.validate(bundle.decrypt(parsed, me, keys.hpke_private()))
    offer = sync.parse(payload)
    now_ms = int(_utc(now).timestamp() * 1000)
    check_clocks({"known": sync.stamps(offer), "tables": {}}, now_ms)
    with UnitOfWork(store) as uow:  # read only: a delta must start where this file is
        roster_ids = {r["id"] for r in payload["tables"].get("members", [])} if signer.id == lead else set()
        gap = sync.gap(uow, offer, _member_ids(uow) | roster_ids, signer.name)
    review_id = store.review_id  # before the session: see check()
    with store.session() as s:
        _check_review(s, payload, review_id, lead, _utc(now).date())
        if signer.id == lead:  # only the lead's bundles carry the team (merge refuses any other's)
            roster.check_roster(s, payload["tables"].get("members", []), lead)
        try:
            schema.dangling(payload, _held(s, schema.references(payload)))
        except BundleRefused:
            if gap:  # it needs what the missing bundle brought: say that, not "a record nobody has"
                raise sync.missing_earlier(signer.name) from None
            raise
    _report(progress, 2, 4, "Adding the changes…")
    with UnitOfWork(store) as uow:
        result = merge(
            uow,
            payload,
            allow_roster=signer.id == lead,
            now_ms=now_ms,
            step=lambda _table: _report(progress, 2, 4, "Adding the changes…"),  # the user may cancel between tables
        )
        sync.received(uow, signer.id, offer, _member_ids(uow), lead, gapped=bool(gap))
        if gap:
            result.repairs.append(gap)
        _report(progress, 3, 4, "Saving…")
        try:
            uow.commit()
        except TooManyRecords as full:
            raise too_many(full.table, full.limit) from None
    store.forget_meta()
    log.info(
        "imported a bundle: %d new, %d changed, %d conflicts",
        sum(result.new.values()),
        sum(result.changed.values()),
        result.conflicts,
    )
    return Imported(signer.name, result)


def too_many(table: str, limit: int) -> BundleRefused:
    """Each bundle keeps the limits (``schema.validate``), but together with what this file holds one can still
    take a table past its limit: then none of it is kept, as for any refused bundle."""
    return BundleRefused(
        "over-limit",
        f"The bundle was refused: with it this review would hold more than {limit:,} {label(table, limit)}, "
        "deleted ones included, the most one review can. Nothing was changed.",
    )


# --- review-wide facts and references ----------------------------------------------------------------------------


def _author(stamp: str) -> str:
    return stamp.split(".", 2)[2] if stamp.count(".") >= 2 else ""


def _check_review(s: Any, payload: dict[str, Any], review_id: str, lead: str, today: dt.date) -> None:
    """The review record is this review's, its dates and retention are the lead's, and retention stays ahead.

    A member's bundle carries the review record as the member last received it, under the lead's stamps; only a
    field whose winning stamp is not the lead's (a member changed it) is refused, so relaying the lead's own
    edits is always fine. No bundle, not even the lead's, moves the retention date into the past: that would
    expire every later bundle and let ``purge`` delete the interview records at once.
    """
    records = payload["tables"].get("review", [])
    if not records:
        return
    record = records[0]
    if record["id"] != review_id:
        raise schema.refused("invalid", "review", "id", "names another review than this one")
    mine = s.get(Review, review_id)
    held: dict[str, str] = dict(mine.versions or {}) if mine is not None else {}
    for field in rules.REVIEW_WIDE:
        stamp = record["versions"].get(field, "")
        if not stamp or stamp <= held.get(field, ""):
            continue  # this file already holds that edit, or a later one: the bundle's value will not be applied
        author = _author(stamp)
        if author != lead and not (not lead and _role(s, author) == "lead"):
            raise BundleRefused(
                "review-not-lead",
                f"The bundle was refused: review.{field} was changed by {clip(_name(s, author))}, and only the lead "
                "changes the review's dates and retention. Nothing was changed.",
            )
    retention = record["retention_date"]
    current = mine.retention_date if mine is not None else ""
    if retention and retention != current and retention < today.isoformat():
        raise BundleRefused(
            "retention-past",
            f"The bundle was refused: review.retention_date would move to {clip(retention)}, which has passed. "
            "Nothing was changed.",
        )


def _member_ids(uow: UnitOfWork) -> set[str]:
    """Everyone this file's roster names (removed members too): the members a bundle's vectors may speak of."""
    return set(uow.session.scalars(select(Member.id)))


def _role(s: Any, member_id: str) -> str:
    member = s.get(Member, member_id)
    return member.role if member is not None else ""


def _name(s: Any, member_id: str) -> str:
    member = s.get(Member, member_id)
    return member.name if member is not None and member.name else "a member"


def _held(s: Any, wanted: dict[str, set[str]]) -> dict[str, set[str]]:
    """Of the ids a bundle refers to, those this file holds (tombstones too), per table."""
    held: dict[str, set[str]] = {}
    for table, ids in wanted.items():
        t: Table = SHARED_MODELS[table].__table__  # type: ignore[attr-defined]
        found: set[str] = set()
        listed = sorted(ids)
        for start in range(0, len(listed), 500):
            found.update(s.scalars(select(t.c.id).where(t.c.id.in_(listed[start : start + 500]))))
        held[table] = found
    return held

"""What each colleague already has, so that a bundle carries only what its recipients may lack (delta bundles).

**Version vectors.** Every shared field carries the stamp of its last write, ``"<ms>.<counter>.<member>"``, issued
by that member's clock; a member's stamps only grow. A *vector* maps a member (the *origin* of stamps) to one of
their stamps. ``have`` is this file's vector, a promise: for every origin M, this file holds every write of M
stamped at or below ``have[M]`` (holds it or something newer in the same field). It only grows, and only when a
bundle proves it: my own entry is my clock.

**A bundle's ``sync`` block** (inside the encrypted content)::

    {"base": {member: stamp},   the bundle holds every record with a write newer than base[its origin]
     "have": {member: stamp},   the sender's vector when it was made
     "complete": true}          false when the sender cannot relay (a purged file no longer holds interviews)

A bundle is gap-free for me when my ``have`` reaches its ``base`` for every origin I know; then, after merging it,
I hold everything the sender held, and ``have`` becomes the pointwise maximum of both (``vouched``: only the lead's
bundles count for the lead's writes, since the roster is among them and only the lead sends it; a purged sender's
bundle, ``complete`` false, counts for nothing). A bundle that is not
gap-free (an earlier bundle of that sender was not imported) is still merged, since every record it carries is
whole, but ``have`` does not move and the user is told; my next bundle then tells the sender what I still lack, and
their next delta brings it. Importing the earlier ones, or a bundle made with "send everything", fills it at once.

**Per colleague**, one meta value (``sync.peer.<id>``): ``acked``, the latest vector they sent me (what they have,
so what they confirmed). A delta starts from what they confirmed, never from what I sent them, so an email lost on
the way is sent again without anyone noticing. (Files written before this kept a ``sent`` entry there too; it is
read past.) A bundle is encrypted to the whole
verified team, so its ``base`` is the pointwise minimum over the recipients of what each is assumed to have: the
least up-to-date recipient decides. Someone never heard from has no entry, so gets everything.

**What a delta holds** (``wanted``): every record with a write newer than ``base`` for its origin, deletions
included (a deletion is the ``deleted`` field's write). And the author rule: two members can create the same
derived record, and its ``author_id`` (the smaller creator wins) is not a versioned field, so a creation that
another's later one overwrote field by field would never travel. A record is therefore also sent when its author's
writes are news to someone (``have[author] > base[author]``) and it changed since (``updated > base[author]``):
that is when a recipient may not have heard of that author's copy yet.
Conflicts are the exception: a file keeps one when it notices a clash, under the clash's own (older) stamps, so a
vector cannot say whether a recipient has heard of it; the few there are travel in every bundle (transfer.collect).

Vectors read from this file's meta are checked like those from a bundle; a damaged value reads as empty (which
only makes the next bundle bigger). Vectors from a bundle are refused unless well formed; entries for members this
file does not know are not kept.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from peerdesk.exchange.display import clip
from peerdesk.exchange.errors import BundleRefused
from peerdesk.exchange.schema import is_stamp, malformed
from peerdesk.store import rules
from peerdesk.store.uow import UnitOfWork

Vector = dict[str, str]
HAVE_META = "sync.have"
PEER_META = "sync.peer."  # + member id
MAX_ENTRIES = rules.MAX_RECORDS_OF["members"]  # a vector names members; a team has at most this many
ORIGIN_AT = 20  # a stamp's member id starts after "<13 digits>.<5 digits>." (hlc.ZERO's length)


def origin(stamp: str) -> str:
    return stamp[ORIGIN_AT:]


def is_vector(value: Any) -> bool:
    """A dict of at most ``MAX_ENTRIES`` member ids, each to one of that member's own stamps."""
    return (
        isinstance(value, dict)
        and len(value) <= MAX_ENTRIES
        and all(isinstance(k, str) and rules.is_id(k) and is_stamp(v) and origin(v) == k for k, v in value.items())
    )


def joined(a: Mapping[str, str], b: Mapping[str, str]) -> Vector:
    """The pointwise maximum."""
    out = dict(a)
    for k, v in b.items():
        if v > out.get(k, ""):
            out[k] = v
    return out


def meet(vectors: list[Vector]) -> Vector:
    """The pointwise minimum; an origin one of them lacks is left out (that one has nothing of it)."""
    if not vectors:
        return {}
    common = set(vectors[0]).intersection(*vectors[1:])
    return {k: min(v[k] for v in vectors) for k in sorted(common)}


def wanted(versions: Mapping[str, str], author: str, updated: str, base: Mapping[str, str], have: Vector) -> bool:
    """Whether a record goes into a bundle made from ``base`` by a file whose vector is ``have``."""
    for stamp in versions.values():
        if stamp > base.get(stamp[ORIGIN_AT:], ""):
            return True
    if author:
        floor = base.get(author, "")
        return have.get(author, "") > floor and updated > floor
    return False


# --- this file's state (meta) ------------------------------------------------------------------------------------


def _stored(uow: UnitOfWork, key: str) -> Any:
    raw = uow.get_meta(key)
    try:
        return json.loads(raw) if raw else None
    except ValueError:
        return None


def _vector(value: Any) -> Vector:
    return dict(value) if is_vector(value) else {}


def have(uow: UnitOfWork) -> Vector:
    """This file's vector: what it holds of each member's writes; for me, my clock."""
    mine = _vector(_stored(uow, HAVE_META))
    me = uow.member_id
    if me:
        mine[me] = uow.clock.last
    return mine


@dataclass(frozen=True)
class Peer:
    acked: Vector  # the latest vector this colleague sent me

    @property
    def assumed(self) -> Vector:
        # Only what they confirmed counts, never what I sent: an email lost on the way is sent again in the next
        # bundle with nobody having to notice, so a team that exchanges once agrees whatever was lost before
        # (#15). The price: until a colleague first answers, every bundle is the whole review.
        return dict(self.acked)


def peer(uow: UnitOfWork, member_id: str) -> Peer:
    value = _stored(uow, PEER_META + member_id)
    if not isinstance(value, dict):
        return Peer({})
    return Peer(_vector(value.get("acked")))


def _save_peer(uow: UnitOfWork, member_id: str, state: Peer) -> None:
    uow.set_meta(PEER_META + member_id, json.dumps({"acked": state.acked}, sort_keys=True))


def base_for(uow: UnitOfWork, recipients: Iterable[str]) -> Vector:
    """Where a bundle to ``recipients`` can start: what the least up-to-date of them has, origin by origin."""
    return meet([peer(uow, member).assumed for member in recipients])


# --- a bundle's sync block ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Offer:
    base: Vector
    have: Vector
    complete: bool

    def to_json(self) -> dict[str, Any]:
        return {"base": self.base, "have": self.have, "complete": self.complete}


def parse(content: Mapping[str, Any]) -> Offer | None:
    """The sync block of validated content, checked strictly; None for a bundle from before delta bundles."""
    block = content.get("sync")
    if block is None:
        return None
    if not isinstance(block, dict) or set(block) != {"base", "have", "complete"} or type(block["complete"]) is not bool:
        raise malformed("its record of what the sender has is malformed")
    if not is_vector(block["base"]) or not is_vector(block["have"]):
        raise malformed("its record of what the sender has is malformed")
    return Offer(dict(block["base"]), dict(block["have"]), block["complete"])


def stamps(offer: Offer | None) -> dict[str, str]:
    """Every stamp of the block, keyed uniquely (for the clock check a bundle's stamps all pass)."""
    if offer is None:
        return {}
    return {f"{side}:{k}": v for side, vec in (("base", offer.base), ("have", offer.have)) for k, v in vec.items()}


def gap(uow: UnitOfWork, offer: Offer | None, known: set[str], sender: str) -> str:
    """What to tell the user when a delta starts after what this file has of some member it knows (an earlier
    bundle is missing), else "". Such a bundle is still merged — every record in it is whole, so taking it early
    is safe — but this file's vector does not move, so its next bundle asks for what is still missing."""
    if offer is None:
        return ""
    mine = have(uow)
    if not any(k in known and mine.get(k, "") < v for k, v in offer.base.items()):
        return ""
    who = clip(sender) or "the sender"
    return (
        f"some earlier changes of {who} are not here yet (a bundle not imported?): they come with {who}'s next "
        'bundle once yours reaches them, or ask for "Send everything"'
    )


def missing_earlier(sender: str) -> BundleRefused:
    """The refusal of a delta that cannot be merged before the bundle it follows (it refers to records that came
    in that one)."""
    who = clip(sender) or "the sender"
    return BundleRefused(
        "missing-earlier",
        f"This bundle from {who} builds on an earlier bundle that this file has not imported. Import {who}'s "
        f'earlier bundles first (oldest first), or ask {who} to export again with "Send everything". Nothing was '
        "changed.",
    )


def vouched(vector: Vector, sender: str, lead: str) -> Vector:
    """What a bundle made by ``sender`` brings its recipients up to: all of ``vector``, except that only the lead's
    bundles vouch for the lead's writes (the roster is one of them, and only the lead sends it)."""
    return {k: v for k, v in vector.items() if k != lead or sender == lead}


def received(
    uow: UnitOfWork, sender: str, offer: Offer | None, known: set[str], lead: str, *, gapped: bool = False
) -> None:
    """After merging a bundle of ``sender``: what they have, and (when it was gap-free) what I now have."""
    if offer is None:
        return
    theirs = {k: v for k, v in offer.have.items() if k in known}
    _save_peer(uow, sender, Peer(joined(peer(uow, sender).acked, theirs)))
    if offer.complete and not gapped:
        me = uow.member_id
        news = {k: v for k, v in vouched(theirs, sender, lead).items() if k != me}
        uow.set_meta(HAVE_META, json.dumps(joined(_vector(_stored(uow, HAVE_META)), news), sort_keys=True))

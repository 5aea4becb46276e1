"""The team as this file knows it: who is on it, who leads it, whose keys I have compared, whom to encrypt to.

The roster is the ``members`` table. Only the lead changes it (adding cards, removing members), and it reaches
everyone inside the lead's signed bundles; bundles from other members may not touch it. Trust is local: the
``member_trust`` table keeps, per member, the fingerprint I accepted. A member whose current keys do not match
that fingerprint is *unverified*: nothing is encrypted to them and their bundles are refused until I compare
fingerprints again and verify them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from peerdesk.exchange.display import clip
from peerdesk.exchange.errors import BundleRefused
from peerdesk.exchange.identity import KeyPair, fingerprint, unb64, usable_keys
from peerdesk.store import hlc

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from peerdesk.store.models import Member

LEAD_META = "lead_id"


@dataclass(frozen=True)
class TeamMember:
    id: str
    name: str
    role: str
    fingerprint: str
    verified: bool
    removed: bool
    is_me: bool
    is_lead: bool

    @property
    def status(self) -> str:
        if self.removed:
            return "removed"
        if self.is_me:
            return "you"
        return "verified" if self.verified else "not verified"


def _meta(s: Session, key: str) -> str:
    from peerdesk.store.models import Meta

    row = s.get(Meta, key)
    return row.value if row else ""


def my_id(s: Session) -> str:
    return _meta(s, "member_id")


def lead_id(s: Session) -> str:
    """The lead named in my invitation; on the lead's own file (no invitation), me if my role is lead."""
    from peerdesk.store.models import Member

    lead = _meta(s, LEAD_META)
    if lead:
        return lead
    me = s.get(Member, my_id(s))
    return me.id if me is not None and me.role == "lead" else ""


def i_am_lead(s: Session) -> bool:
    me = my_id(s)
    return bool(me) and lead_id(s) == me


def lead_listed_me_at(s: Session) -> int:
    """When (the lead's clock, ms) the lead last wrote my own roster row as this file holds it; 0 if no roster of
    the lead's has reached me yet. Joining writes my row under my own clock; the lead's roster, once imported,
    replaces those writes with the lead's (adding my card is later than joining). A later bundle of the lead's
    that is not addressed to me was then made by a lead who had me on the team: they removed me."""
    from peerdesk.store.models import Member

    me, lead = s.get(Member, my_id(s)), lead_id(s)
    if me is None or not lead or lead == me.id:
        return 0
    theirs = [stamp for stamp in (me.versions or {}).values() if stamp.split(".", 2)[-1] == lead]
    return hlc.Stamp.parse(max(theirs)).wall_ms if theirs else 0


def lead_keeps_role(name: str, member_id: str, role: str, lead: str) -> str:
    """Why ``member_id`` may not take ``role`` ("" if it may): the team's lead keeps the lead's role. The lead is
    the one who invites and whose bundles carry the team; a lead's file that lost the role would lose the right to
    change the team, and nobody's file could gain it. The same rule for an edit here and for a merged roster."""
    if member_id == lead and role != "lead":
        return f"{clip(name)} leads the review's team (invites, and sends the team to everyone): their role stays Lead."
    return ""


def check_roster(s: Session, records: list[dict[str, Any]], lead: str) -> None:
    """Refuse a roster whose role for the lead would win here and break ``lead_keeps_role`` (nothing is changed)."""
    from peerdesk.store.models import Member

    for record in records:
        why = lead_keeps_role(record["name"], record["id"], record["role"], lead)
        held = s.get(Member, record["id"])
        newer = held is None or record["versions"].get("role", "") > (held.versions or {}).get("role", "")
        if why and newer:
            raise BundleRefused("roster-no-lead", f"The bundle was refused: {why} Nothing was changed.")


def member_fingerprint(member: Member) -> str:
    """The member's fingerprint; "" when their keys are missing or unusable (never verified, never sealed to)."""
    try:
        signing, kem = unb64(member.signing_key), unb64(member.kem_key)
    except ValueError:
        return ""
    return fingerprint(signing, kem) if usable_keys(signing, kem) else ""


def is_verified(s: Session, member: Member) -> bool:
    from peerdesk.store.models import MemberTrust

    if member.id == my_id(s):
        return True
    trust = s.get(MemberTrust, member.id)
    current = member_fingerprint(member)
    return bool(current) and trust is not None and trust.verified_fingerprint == current


def is_active(member: Member) -> bool:
    return not member.deleted and not member.removed


def team(s: Session) -> list[TeamMember]:
    from sqlalchemy import select

    from peerdesk.store.models import Member

    me, lead = my_id(s), lead_id(s)
    rows = s.scalars(select(Member).where(Member.deleted.is_(False)))
    people = [
        TeamMember(
            id=m.id,
            name=m.name,
            role=m.role,
            fingerprint=member_fingerprint(m),
            verified=is_verified(s, m),
            removed=m.removed,
            is_me=m.id == me,
            is_lead=m.id == lead,
        )
        for m in rows
    ]
    return sorted(people, key=lambda p: (p.removed, not p.is_lead, p.name.casefold(), p.id))


def recipients(s: Session) -> list[tuple[str, bytes]]:
    """Everyone a new bundle is encrypted to: active, verified members other than me."""
    from sqlalchemy import select

    from peerdesk.store.models import Member

    me = my_id(s)
    return [
        (m.id, unb64(m.kem_key))
        for m in s.scalars(select(Member).where(Member.deleted.is_(False), Member.removed.is_(False)))
        if m.id != me and m.kem_key and is_verified(s, m)
    ]


def my_keys(s: Session) -> KeyPair:
    from peerdesk.store.models import Identity

    row = s.get(Identity, my_id(s))
    if row is None:
        from peerdesk.errors import UserError

        raise UserError("This file holds no keys of yours, so it cannot send or receive bundles.")
    return KeyPair(row.signing_private, row.kem_private)

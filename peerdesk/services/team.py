"""The team: my card, the lead's invitation, joining a review, adding, verifying and removing members."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from peerdesk.errors import UserError
from peerdesk.exchange import roster
from peerdesk.exchange.cards import Card, Invitation, card_text, invitation_text, read_card, read_invitation
from peerdesk.exchange.display import clip
from peerdesk.exchange.errors import CardRefused
from peerdesk.exchange.identity import KeyPair, b64
from peerdesk.services.changes import Changes
from peerdesk.services.review import ROLES, initials
from peerdesk.store import rules
from peerdesk.store.engine import Store

if TYPE_CHECKING:
    from peerdesk.store.uow import UnitOfWork

TeamMember = roster.TeamMember


def members(store: Store) -> list[TeamMember]:
    with store.session() as s:
        return roster.team(s)


def is_lead(store: Store) -> bool:
    with store.session() as s:
        return roster.i_am_lead(s)


def my_card(store: Store) -> tuple[Card, str]:
    """My card and its text block (to paste into an email or save as a ``.card`` file)."""
    from peerdesk.store.models import Member

    with store.session() as s:
        me = s.get(Member, roster.my_id(s))
        if me is None:
            raise UserError("This file does not say who you are (no member record).")
        keys = roster.my_keys(s)
    card = Card(store.review_id, me.id, me.name, me.role, keys.signing_public, keys.kem_public)
    return card, card_text(card, keys.signer())


def _require_lead(store: Store, what: str) -> None:
    from peerdesk.store.models import Member

    with store.session() as s:
        if not roster.i_am_lead(s):
            lead = s.get(Member, roster.lead_id(s))
            who = lead.name if lead is not None else "the lead"
            raise UserError(f"Only the lead can {what}; send it to {who}, whose bundles bring the team to everyone.")


def add_member(store: Store, text: str) -> tuple[TeamMember, Changes]:
    """The lead adds (or updates) a member from their card, once the fingerprints were compared aloud."""
    from peerdesk.store.models import Member
    from peerdesk.store.uow import UnitOfWork

    card = read_card(text)
    check_card(store, card)
    _require_lead(store, "add members")
    fields = {
        "name": card.name,
        "role": card.role,
        "initials": initials(card.name),
        "signing_key": b64(card.signing_key),
        "kem_key": b64(card.kem_key),
    }
    with UnitOfWork(store) as uow:
        row = uow.session.get(Member, card.member_id)
        if row is None:
            uow.add(Member, card.member_id, **fields)
        else:
            uow.update(row, **fields, removed=False, deleted=False)
        _set_trust(uow, card.member_id, card.fingerprint)
        uow.commit()
    added = next(m for m in members(store) if m.id == card.member_id)
    return added, Changes.of("members", ids=[card.member_id])


def check_card(store: Store, card: Card) -> None:
    """Refuse a card that cannot join this review's team (said as it is pasted, before the lead clicks Add)."""
    if card.review_id != store.review_id:
        raise CardRefused("That card was made for another review: ask for a card from this review's file.")
    if card.member_id == store.member_id:
        raise CardRefused("That is your own card: you are already on the team.")
    if card.role not in ROLES:
        raise CardRefused(f"The card's role {clip(card.role)!r} is not one peerdesk knows.")
    if rules.check("members", "name", card.name) is not None or not rules.is_id(card.member_id):
        # The roster travels in the lead's bundles, and every colleague's file checks it against the same rules.
        raise CardRefused(f"The card's name or id is not one peerdesk can send to the team ({clip(card.name)}).")


def _set_trust(uow: UnitOfWork, member_id: str, fp: str) -> None:
    """Record ``fp`` as the fingerprint I compared with the member; "" forgets it (no record is made for that)."""
    from peerdesk.store.models import MemberTrust

    trust = uow.session.get(MemberTrust, member_id)
    if trust is not None:
        trust.verified_fingerprint = fp
    elif fp:
        uow.session.add(MemberTrust(member_id=member_id, verified_fingerprint=fp))


def verify(store: Store, member_id: str) -> Changes:
    """Accept a member's current keys after comparing their fingerprint with them."""
    from peerdesk.store.models import Member
    from peerdesk.store.uow import UnitOfWork

    with UnitOfWork(store) as uow:
        member = uow.get(Member, member_id)
        fp = roster.member_fingerprint(member)
        if not fp:
            raise UserError(f"{member.name} has no usable keys to verify.")
        _set_trust(uow, member_id, fp)
        uow.commit()
    return Changes.of("members", ids=[member_id])


def unverify(store: Store, member_id: str) -> Changes:
    """Forget that I compared this member's fingerprint (undo of ``verify``)."""
    from peerdesk.store.uow import UnitOfWork

    with UnitOfWork(store) as uow:
        _set_trust(uow, member_id, "")
        uow.commit()
    return Changes.of("members", ids=[member_id])


def set_removed(store: Store, member_id: str, removed: bool = True) -> Changes:
    """Remove a member (or bring them back): their later bundles are refused and nothing is encrypted to them."""
    from peerdesk.store.models import Member
    from peerdesk.store.uow import UnitOfWork

    if member_id == store.member_id:
        raise UserError("You cannot remove yourself from the team.")
    _require_lead(store, "remove members")
    with UnitOfWork(store) as uow:
        changed = uow.update(uow.get(Member, member_id), removed=removed)
        uow.commit()
    return Changes.of("members", ids=[member_id]) if changed else Changes()


def set_role(store: Store, member_id: str, role: str) -> Changes:
    """The lead gives a member another role (a card only brings the one chosen when joining); the team's lead keeps
    the lead's role. It reaches the others with the lead's next bundle, whose roster obeys the same rule."""
    from peerdesk.store.models import Member
    from peerdesk.store.uow import UnitOfWork

    if role not in ROLES:
        raise UserError(f"Unknown role {role!r}; choose one of {', '.join(ROLES)}.")
    _require_lead(store, "change a member's role")
    with UnitOfWork(store) as uow:
        member = uow.get(Member, member_id)
        why = roster.lead_keeps_role(member.name, member_id, role, roster.lead_id(uow.session))
        if why:
            raise UserError(why)
        changed = uow.update(member, role=role)
        uow.commit()
    return Changes.of("members", ids=[member_id]) if changed else Changes()


# --- invitations -------------------------------------------------------------------------------------------------


def invitation(store: Store) -> str:
    """The signed invitation the lead sends to each member (it carries the lead's card and the review id)."""
    _require_lead(store, "invite members")
    card, _ = my_card(store)
    with store.session() as s:
        keys = roster.my_keys(s)
    return invitation_text(card, keys.signer())


def read_invite(text: str) -> Invitation:
    return read_invitation(text)


def join(invite: str | Invitation, path: Path | str, passphrase: str, me_name: str, role: str = "reviewer") -> Store:
    """Make my own file of the lead's review: same review id, my own member id and keys.

    The review's content arrives with the lead's first bundle; until then the review record is an empty placeholder
    whose fields carry no versions, so anything the lead wrote wins over it.
    """
    from peerdesk.store.models import Identity, Member, MemberTrust, Review
    from peerdesk.store.uow import UnitOfWork

    inv = invite if isinstance(invite, Invitation) else read_invitation(invite)
    name = me_name.strip()
    if not name:
        raise UserError("Enter your name: it identifies your work to the rest of the team.")
    if rules.check("members", "name", name) is not None:
        raise UserError(f"Keep your name to {rules.MAX_NAME} characters: it travels in every bundle.")
    if role not in ROLES:
        raise UserError(f"Unknown role {role!r}; choose one of {', '.join(ROLES)}.")
    lead = inv.lead
    store = Store.create(path, passphrase)
    try:
        member_id, keys = str(uuid.uuid4()), KeyPair.generate()
        with UnitOfWork(store) as uow:
            uow.set_meta("review_id", lead.review_id)
            uow.set_meta("member_id", member_id)
            uow.set_meta(roster.LEAD_META, lead.member_id)
            uow.session.add(
                Identity(member_id=member_id, signing_private=keys.signing_private, kem_private=keys.kem_private)
            )
            # The lead's own records, unversioned: the lead's roster and review replace them field by field.
            uow.session.add(
                Member(
                    id=lead.member_id,
                    author_id=lead.member_id,
                    versions={},
                    updated="",
                    deleted=False,
                    name=lead.name,
                    role=lead.role,
                    initials=initials(lead.name),
                    signing_key=b64(lead.signing_key),
                    kem_key=b64(lead.kem_key),
                    removed=False,
                )
            )
            uow.session.add(Review(id=lead.review_id, author_id=lead.member_id, versions={}, updated="", deleted=False))
            uow.session.add(MemberTrust(member_id=lead.member_id, verified_fingerprint=lead.fingerprint))
            mine = uow.add(
                Member,
                member_id,
                name=name,
                role=role,
                initials=initials(name),
                signing_key=b64(keys.signing_public),
                kem_key=b64(keys.kem_public),
            )
            mine.author_id = lead.member_id  # the lead adds me to the roster; this row is my copy of that
            uow.commit()
    except BaseException:
        store.close()
        raise
    return store

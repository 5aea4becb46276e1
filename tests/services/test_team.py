"""The team: my card, the lead's invitation, joining, adding, verifying and removing members."""

from __future__ import annotations

from pathlib import Path

import pytest

from peerdesk.errors import UserError
from peerdesk.exchange.errors import CardRefused
from peerdesk.services import team
from peerdesk.services.changes import Changes
from peerdesk.store.engine import Store
from tests.conftest import PASSPHRASE
from tests.helpers.exchange import Team, send


def test_the_creator_of_a_review_is_its_lead_and_only_member(store: Store) -> None:
    assert team.is_lead(store)
    [me] = team.members(store)
    assert (me.name, me.is_me, me.is_lead) == ("Alex Reviewer", True, True)
    card, text = team.my_card(store)
    assert card.member_id == store.member_id and card.fingerprint in text


def test_joining_by_invitation_makes_a_file_of_the_same_review(store: Store, tmp_path: Path) -> None:
    invite = team.invitation(store)
    assert team.read_invite(invite).lead.member_id == store.member_id
    joined = team.join(invite, tmp_path / "sam.peerdesk", PASSPHRASE, "Sam Okafor")
    try:
        assert joined.review_id == store.review_id and not team.is_lead(joined)
        member, changes = team.add_member(store, team.my_card(joined)[1])
        assert member.name == "Sam Okafor" and "members" in changes
        assert {m.name for m in team.members(store)} == {"Alex Reviewer", "Sam Okafor"}
    finally:
        joined.close()


def test_only_the_lead_adds_members_and_a_card_must_be_a_card(duo: Team) -> None:
    lead, sam = duo.stores
    with pytest.raises(UserError):
        team.add_member(sam, team.my_card(lead)[1])
    with pytest.raises(CardRefused):
        team.add_member(lead, "not a card")


def test_removing_and_unverifying_a_member_show_in_the_team(duo: Team) -> None:
    lead, sam = duo.stores
    team.unverify(lead, sam.member_id)
    assert not next(m for m in team.members(lead) if m.id == sam.member_id).verified
    team.verify(lead, sam.member_id)
    team.set_removed(lead, sam.member_id)
    assert next(m for m in team.members(lead) if m.id == sam.member_id).status == "removed"


def test_a_card_is_checked_against_this_review_before_anything_is_added(duo: Team, store: Store) -> None:
    lead, sam = duo.stores
    team.check_card(lead, team.my_card(sam)[0])  # a colleague's card of this review: fine
    with pytest.raises(CardRefused, match="your own card"):
        team.check_card(lead, team.my_card(lead)[0])
    with pytest.raises(CardRefused, match="made for another review"):
        team.check_card(lead, team.my_card(store)[0])
    before = team.members(lead)
    with pytest.raises(CardRefused, match="made for another review"):
        team.add_member(lead, team.my_card(store)[1])
    assert team.members(lead) == before


def _role(store: Store, member_id: str) -> str:
    return next(m.role for m in team.members(store) if m.id == member_id)


def test_the_lead_changes_a_members_role_and_it_reaches_the_member_with_the_next_bundle(duo: Team) -> None:
    lead, sam = duo.stores
    changes = team.set_role(lead, sam.member_id, "observer")
    assert "members" in changes and sam.member_id in changes.ids
    assert _role(lead, sam.member_id) == "observer"
    assert team.set_role(lead, sam.member_id, "observer") == Changes()  # the same role again changes nothing
    send(lead, sam)
    assert _role(sam, sam.member_id) == "observer" and team.my_card(sam)[0].role == "observer"
    team.set_role(lead, sam.member_id, "reviewer")  # undone the way the Team dialog undoes it
    send(lead, sam)
    assert _role(sam, sam.member_id) == "reviewer"


def test_only_the_lead_changes_roles_and_the_lead_stays_lead(duo: Team) -> None:
    lead, sam = duo.stores
    with pytest.raises(UserError, match="Only the lead can change a member's role"):
        team.set_role(sam, sam.member_id, "observer")
    with pytest.raises(UserError, match=r"Alex Lead leads the review's team .* their role stays Lead"):
        team.set_role(lead, lead.member_id, "reviewer")
    with pytest.raises(UserError, match="Unknown role"):
        team.set_role(lead, sam.member_id, "boss")
    assert _role(lead, lead.member_id) == "lead" and _role(lead, sam.member_id) == "reviewer"


def test_a_member_whose_keys_came_damaged_in_a_roster_cannot_be_verified_or_sealed_to(duo: Team) -> None:
    """Keys of the right size that do not load (a roster entry in a bundle): verifying them, then exporting,
    broke every export after with an unexpected error. They show no fingerprint and cannot be verified."""
    import base64
    import os

    from peerdesk.store.models import Member

    lead, sam = duo.stores
    team.unverify(lead, sam.member_id)
    with lead.session() as s:  # as a merge writes it: the member's keys replaced
        member = s.get(Member, sam.member_id)
        assert member is not None
        member.kem_key = base64.b64encode(os.urandom(1216)).decode()
        s.commit()
    lead.wrote()
    shown = next(m for m in team.members(lead) if m.id == sam.member_id)
    assert shown.fingerprint == "" and not shown.verified
    with pytest.raises(UserError, match="no usable keys"):
        team.verify(lead, sam.member_id)

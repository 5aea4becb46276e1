"""The team as a file knows it: the lead, who is verified, and whom a bundle is encrypted to."""

from __future__ import annotations

from peerdesk.exchange import roster
from peerdesk.services import team
from tests.helpers.exchange import Team


def test_each_file_knows_the_lead_and_itself(duo: Team) -> None:
    lead, sam = duo.stores
    with lead.session() as s:
        assert roster.i_am_lead(s) and roster.lead_id(s) == lead.member_id
    with sam.session() as s:
        assert not roster.i_am_lead(s) and roster.lead_id(s) == lead.member_id
        assert roster.my_id(s) == sam.member_id


def test_the_team_lists_the_lead_first_and_says_who_is_me(duo: Team) -> None:
    _, sam = duo.stores
    with sam.session() as s:
        people = roster.team(s)
    assert [(p.name, p.is_lead, p.is_me) for p in people] == [("Alex Lead", True, False), ("Sam Okafor", False, True)]
    assert all(p.verified for p in people) and [p.status for p in people] == ["verified", "you"]


def test_an_unverified_member_gets_no_bundles(duo: Team) -> None:
    lead, sam = duo.stores
    with lead.session() as s:
        assert [member_id for member_id, _ in roster.recipients(s)] == [sam.member_id]
    team.unverify(lead, sam.member_id)
    with lead.session() as s:
        assert roster.recipients(s) == []
        sam_row = next(p for p in roster.team(s) if p.id == sam.member_id)
    assert not sam_row.verified


def test_my_keys_are_the_ones_my_card_shows(duo: Team) -> None:
    _, sam = duo.stores
    with sam.session() as s:
        keys = roster.my_keys(s)
    card, _ = team.my_card(sam)
    assert (keys.signing_public, keys.kem_public) == (card.signing_key, card.kem_key)

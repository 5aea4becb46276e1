"""The team as a file knows it: the lead, who is verified, and whom a bundle is encrypted to."""

from __future__ import annotations

from pathlib import Path

import pytest

from peerdesk.exchange import roster, transfer
from peerdesk.exchange.digest import content_digest
from peerdesk.exchange.errors import BundleRefused
from peerdesk.services import team
from peerdesk.store import hlc
from peerdesk.store.models import Member
from tests.helpers.exchange import PASSPHRASE, Team, craft, send


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


def test_a_member_knows_when_the_leads_roster_listed_them_and_the_lead_is_listed_by_nobody(
    duo: Team, tmp_path: Path
) -> None:
    lead, sam = duo.stores
    with sam.session() as s:
        listed = roster.lead_listed_me_at(s)
        mine = s.get(Member, sam.member_id)
        assert mine is not None
        assert listed == max(hlc.Stamp.parse(v).wall_ms for v in mine.versions.values() if v.endswith(lead.member_id))
    with lead.session() as s:
        assert roster.lead_listed_me_at(s) == 0  # the lead writes their own row
    nia = team.join(team.invitation(lead), tmp_path / "nia.peerdesk", PASSPHRASE, "Nia Patel")
    try:
        with nia.session() as s:
            assert roster.lead_listed_me_at(s) == 0  # joined, but no roster of the lead's has come yet
    finally:
        nia.close()


def test_a_leads_roster_that_would_take_the_lead_role_from_the_lead_is_refused_like_the_edit(duo: Team) -> None:
    # The rule a local edit obeys (services.team.set_role): the lead keeps the lead's role. A bundle that says
    # otherwise (an older or damaged copy of the app) changes nothing.
    lead, sam = duo.stores
    content = transfer.content(lead)
    [mine] = [r for r in content["tables"]["members"] if r["id"] == lead.member_id]
    mine["role"] = "reviewer"
    mine["versions"]["role"] = str(hlc.Stamp(hlc.now_ms(), 0, lead.member_id))
    before = content_digest(sam)
    with pytest.raises(BundleRefused) as refused:
        transfer.import_bundle(sam, craft(lead, content=content))
    assert refused.value.reason == "roster-no-lead"
    assert str(refused.value) == (
        "The bundle was refused: Alex Lead leads the review's team (invites, and sends the team to everyone): their "
        "role stays Lead. Nothing was changed."
    )
    assert content_digest(sam) == before
    team.set_role(lead, sam.member_id, "observer")  # a member's role is the lead's to change: it comes through
    send(lead, sam)
    with sam.session() as s:
        assert [p.role for p in roster.team(s) if p.is_me] == ["observer"]

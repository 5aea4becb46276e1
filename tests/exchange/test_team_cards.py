"""Cards, invitations and joining: how a member's keys reach the lead, and the lead's roster reaches everyone."""

from __future__ import annotations

from pathlib import Path

import pytest

from peerdesk.errors import UserError
from peerdesk.exchange import cards
from peerdesk.exchange.digest import content_digest
from peerdesk.exchange.errors import CardRefused
from peerdesk.services import team
from tests.helpers.exchange import PASSPHRASE, Team, make_team, send


def test_a_card_reads_back_with_the_same_keys_and_fingerprint(duo: Team) -> None:
    card, text = team.my_card(duo.stores[1])
    assert "-----BEGIN PEERDESK MEMBER CARD-----" in text
    assert card.fingerprint in text  # the headline people read
    again = cards.read_card("Dear Alex, here it is:\n\n" + text + "\nThanks, Sam")
    assert again == card
    assert len(card.fingerprint.replace(" ", "")) == 20


def test_a_changed_card_is_refused(duo: Team) -> None:
    _, text = team.my_card(duo.stores[1])
    lines = text.splitlines()
    body = lines[2]
    lines[2] = body[:10] + ("A" if body[10] != "A" else "B") + body[11:]
    with pytest.raises(CardRefused):
        cards.read_card("\n".join(lines))
    with pytest.raises(CardRefused, match="No member card found"):
        cards.read_card("just some text")


def test_joining_makes_a_file_of_the_same_review_with_my_own_identity(trio: Team) -> None:
    lead, sam, priya = trio.stores
    assert lead.review_id == sam.review_id == priya.review_id
    assert len({lead.member_id, sam.member_id, priya.member_id}) == 3
    # After the lead's first bundle every file holds the same content, the team included.
    assert content_digest(lead) == content_digest(sam) == content_digest(priya)
    people = team.members(sam)
    assert [p.name for p in people] == ["Alex Lead", "Priya Shah", "Sam Okafor"]
    assert all(p.verified for p in people)
    assert [p.is_lead for p in people] == [True, False, False]


def test_only_the_lead_adds_members_and_a_card_of_another_review_is_refused(tmp_path: Path) -> None:
    crew = make_team(tmp_path / "a")
    other = make_team(tmp_path / "b", size=2)
    try:
        lead, sam, priya = crew.stores
        with pytest.raises(UserError, match="Only the lead"):
            team.add_member(sam, team.my_card(priya)[1])
        with pytest.raises(CardRefused, match="another review"):
            team.add_member(lead, team.my_card(other.stores[1])[1])
        with pytest.raises(CardRefused, match="your own card"):
            team.add_member(lead, team.my_card(lead)[1])
    finally:
        crew.close()
        other.close()


def test_a_member_whose_keys_change_is_unverified_and_no_longer_a_recipient(tmp_path: Path) -> None:
    from peerdesk.exchange import transfer

    crew = make_team(tmp_path)
    try:
        lead, sam, priya = crew.stores
        # Priya loses her laptop and joins again under the same member id with new keys.
        card, _ = team.my_card(priya)
        again = team.join(team.invitation(lead), tmp_path / "priya2.peerdesk", PASSPHRASE, "Priya Shah")
        new_card, _ = team.my_card(again)
        again.close()
        replaced = cards.Card(
            card.review_id, card.member_id, card.name, card.role, new_card.signing_key, new_card.kem_key
        )
        text = cards.card_text(replaced, _signer_of(tmp_path / "priya2.peerdesk"))
        team.add_member(lead, text)  # the lead compared the new fingerprint
        send(lead, sam)
        priya_seen_by_sam = next(p for p in team.members(sam) if p.name == "Priya Shah")
        assert not priya_seen_by_sam.verified
        exported = transfer.export_bundle(sam)
        assert exported.recipients == ["Alex Lead"]
        team.verify(sam, priya_seen_by_sam.id)
        assert transfer.export_bundle(sam).recipients == ["Alex Lead", "Priya Shah"]
    finally:
        crew.close()


def _signer_of(path: Path):  # type: ignore[no-untyped-def]
    from peerdesk.exchange import roster
    from peerdesk.store.engine import Store

    with Store.open(path, PASSPHRASE) as s, s.session() as session:
        return roster.my_keys(session).signer()

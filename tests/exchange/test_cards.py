"""Member cards and invitations: signed text blocks; a changed byte or a missing line is refused plainly."""

from __future__ import annotations

import pytest

from peerdesk.exchange import cards
from peerdesk.exchange.cards import Card
from peerdesk.exchange.errors import CardRefused
from peerdesk.exchange.identity import KeyPair


def _card(keys: KeyPair, name: str = "Sam Okafor") -> Card:
    return Card("review-1", "member-1", name, "reviewer", keys.signing_public, keys.kem_public)


def test_a_card_reads_back_as_written_and_its_headline_names_the_fingerprint() -> None:
    keys = KeyPair.generate()
    card = _card(keys)
    text = cards.card_text(card, keys.signer())
    assert text.startswith(f"Sam Okafor (reviewer), fingerprint {card.fingerprint}\n-----BEGIN PEERDESK MEMBER CARD")
    assert cards.read_card(text) == card
    assert cards.read_card("Dear Alex, here is my card:\n" + text + "\nBest, Sam") == card


def test_a_card_signed_by_another_key_is_refused() -> None:
    keys = KeyPair.generate()
    text = cards.card_text(_card(keys), KeyPair.generate().signer())
    with pytest.raises(CardRefused, match="changed after it was made"):
        cards.read_card(text)


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("hello", "No member card found"),
        ("-----BEGIN PEERDESK MEMBER CARD-----\n!!!\n-----END PEERDESK MEMBER CARD-----", "damaged"),
        ("x" * (cards.MAX_TEXT + 1), "far too long"),
    ],
)
def test_what_is_not_a_card_is_refused_with_a_reason(text: str, says: str) -> None:
    with pytest.raises(CardRefused, match=says):
        cards.read_card(text)


def test_a_card_without_a_usable_name_is_refused() -> None:
    keys = KeyPair.generate()
    with pytest.raises(CardRefused, match="no usable name"):
        cards.read_card(cards.card_text(_card(keys, name="   "), keys.signer()))


def test_an_invitation_carries_the_leads_card_and_is_not_a_card() -> None:
    keys = KeyPair.generate()
    lead = _card(keys, "Alex Lead")
    text = cards.invitation_text(lead, keys.signer())
    invitation = cards.read_invitation(text)
    assert invitation.lead == lead and invitation.created.endswith("Z")
    with pytest.raises(CardRefused, match="That is an invitation, not a member card: ask your colleague for"):
        cards.read_card(text)


def test_a_card_pasted_where_an_invitation_goes_is_named_for_what_it_is() -> None:
    keys = KeyPair.generate()
    with pytest.raises(CardRefused, match="That is a member card, not an invitation: ask the lead for an"):
        cards.read_invitation(cards.card_text(_card(keys), keys.signer()))


def test_a_damaged_invitation_says_so_in_plain_words() -> None:
    # Seen under Xvfb in the join dialog: "The an invitation is damaged."
    keys = KeyPair.generate()
    text = cards.invitation_text(_card(keys, "Alex Lead"), keys.signer())
    headline, begin, first, *rest = text.splitlines()
    damaged = "\n".join([headline, begin, "AAAAA" + first[5:], *rest])
    with pytest.raises(CardRefused) as refused:
        cards.read_invitation(damaged)
    assert str(refused.value) == "The invitation is damaged (a line may be missing or changed)."

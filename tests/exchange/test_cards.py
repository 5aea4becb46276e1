"""Member cards and invitations: signed text blocks; a changed byte or a missing line is refused plainly."""

from __future__ import annotations

import base64
import os
from pathlib import Path

import pytest

from peerdesk.exchange import canonical, cards
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
        ("x" * (cards.MAX_TEXT + 1), "far too long to be a member card"),
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


# A signed card is only as good as what it says: each of these is signed by its own key, and each would have gone
# into the roster (a joiner's file takes the lead's card as it is) and from there into every colleague's file.
SIGNED_BUT_NOT_SANE = {
    "an encryption key of the right size that does not load": (
        dict(kem_key=os.urandom(cards.HPKE_PUBLIC)),
        "keys are not the kind",
    ),
    "a review id of 20,000 characters": (dict(review_id="r" * 20_000), "review, member or role"),
    "a member id that is not an id": (dict(member_id="not an id / .."), "review, member or role"),
    "a role peerdesk does not know": (dict(role="archbishop of the front door"), "review, member or role"),
    "a name longer than a name": (dict(name="Sam " * 200), "no usable name"),
}


@pytest.mark.parametrize(("changes", "says"), SIGNED_BUT_NOT_SANE.values(), ids=SIGNED_BUT_NOT_SANE.keys())
def test_a_signed_card_or_invitation_that_says_what_no_card_can_is_refused(
    changes: dict[str, object], says: str
) -> None:
    keys = KeyPair.generate()
    fields = {"review_id": "review-1", "member_id": "member-1", "name": "Sam Okafor", "role": "reviewer"}
    fields |= {k: v for k, v in changes.items() if isinstance(v, str)}
    card = Card(**fields, signing_key=keys.signing_public, kem_key=changes.get("kem_key", keys.kem_public))  # type: ignore[arg-type]
    with pytest.raises(CardRefused, match=says):
        cards.read_card(cards.card_text(card, keys.signer()))
    with pytest.raises(CardRefused, match=says):
        cards.read_invitation(cards.invitation_text(card, keys.signer()))


@pytest.mark.parametrize("signature", ["***", "é", ""], ids=["not base64", "not ASCII", "empty"])
def test_a_card_whose_signature_is_not_even_base64_is_refused_in_words(signature: str) -> None:
    keys = KeyPair.generate()
    body = {**_card(keys).fields(), "kind": "card", "signature": signature}
    armored = base64.b64encode(canonical.dumps(body)).decode()
    text = f"-----BEGIN PEERDESK MEMBER CARD-----\n{armored}\n-----END PEERDESK MEMBER CARD-----"
    with pytest.raises(CardRefused, match="signature"):
        cards.read_card(text)


def test_a_saved_card_is_read_back_and_a_file_no_card_could_be_is_refused_unread(tmp_path: Path) -> None:
    keys = KeyPair.generate()
    saved = tmp_path / "sam.card"
    saved.write_text(cards.card_text(_card(keys), keys.signer()), encoding="utf-8")
    assert cards.read_card(cards.read_file(saved, "member card")) == _card(keys)
    huge = tmp_path / "huge.card"
    with huge.open("wb") as handle:  # 1 GB that takes no room: only its first bytes may be read
        handle.truncate(1024**3)
    with pytest.raises(CardRefused, match="far too long to be a member card"):
        cards.read_file(huge, "member card")
    with pytest.raises(CardRefused, match="is a folder, not an invitation"):
        cards.read_file(tmp_path, "invitation")
    with pytest.raises(CardRefused, match="cannot be read"):
        cards.read_file(tmp_path / "gone.invite", "invitation")
    with pytest.raises(CardRefused, match="cannot be read"):
        cards.read_file(tmp_path / ("x" * 300 + ".card"), "member card")
    if hasattr(os, "mkfifo"):  # a pipe chosen by mistake is refused, not waited on for ever
        os.mkfifo(tmp_path / "pipe.card")
        with pytest.raises(CardRefused, match="cannot be read: it is not a file"):
            cards.read_file(tmp_path / "pipe.card", "member card")

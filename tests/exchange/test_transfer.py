"""Export my shared records as a bundle; import a colleague's, after every check, in one transaction."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from peerdesk.exchange import transfer
from peerdesk.exchange.digest import content_digest
from peerdesk.exchange.errors import BundleRefused
from peerdesk.services import records, review, team
from peerdesk.store import rules
from peerdesk.store.engine import Store
from peerdesk.store.models import CandidateArea
from peerdesk.store.uow import UnitOfWork
from tests.helpers.exchange import PASSPHRASE, Team


def _quote_texts(store: object) -> set[str]:
    return {r["text"] for r in records.rows(store, "quotes", ["text"])}  # type: ignore[arg-type]


def test_a_bundle_carries_my_new_records_to_my_colleague_and_says_what_arrived(duo: Team) -> None:
    lead, sam = duo.stores
    records.create(sam, "quotes", text="We are heard at last.")
    exported = transfer.export_bundle(sam)
    assert exported.recipients == ["Alex Lead"]
    imported = transfer.import_bundle(lead, exported.data)
    assert imported.sender == "Sam Okafor" and imported.summary.startswith("Sam Okafor: 1 new quote")
    assert "We are heard at last." in _quote_texts(lead)


def test_a_second_import_of_the_same_bundle_finds_nothing_new(duo: Team) -> None:
    lead, sam = duo.stores
    records.create(sam, "quotes", text="Supervision is regular.")
    data = transfer.export_bundle(sam).data
    transfer.import_bundle(lead, data)
    assert transfer.import_bundle(lead, data).summary == "Sam Okafor: nothing new"


def test_my_own_bundle_and_an_expired_one_are_refused_and_change_nothing(duo: Team) -> None:
    lead, sam = duo.stores
    records.create(sam, "quotes", text="Not yet sent.")
    data = transfer.export_bundle(sam).data
    before = review.info(lead)
    with pytest.raises(BundleRefused) as expired:
        transfer.import_bundle(lead, data, now=dt.datetime(2100, 1, 1, tzinfo=dt.UTC))
    assert expired.value.reason == "expired"
    with pytest.raises(BundleRefused):
        transfer.import_bundle(sam, data)
    assert review.info(lead) == before


def test_content_holds_the_tables_with_records_and_the_roster_only_from_the_lead(duo: Team) -> None:
    lead, sam = duo.stores
    records.create(sam, "quotes", text="Mine to send.")
    mine = transfer.content(sam)
    assert set(mine) == {"format", "known", "tables", "sync"}
    assert mine["sync"]["base"] == {} and mine["sync"]["have"][sam.member_id] > ""  # everything, and what Sam has
    assert "quotes" in mine["tables"] and "members" not in mine["tables"]
    assert "members" in transfer.content(lead)["tables"] and "quotes" not in transfer.content(lead)["tables"]


def test_a_bundle_from_someone_off_the_team_tells_the_lead_to_add_their_card(duo: Team, tmp_path: Path) -> None:
    # Seen under Xvfb: the lead was told to "import the lead's latest bundle first", which leads nowhere.
    lead, sam = duo.stores
    stranger = team.join(team.invitation(lead), tmp_path / "eve.peerdesk", PASSPHRASE, "Eve Outsider")
    try:
        records.create(stranger, "quotes", text="Not on the team yet.")
        data = transfer.export_bundle(stranger).data
    finally:
        stranger.close()
    before = review.info(lead)
    with pytest.raises(BundleRefused) as to_lead:
        transfer.import_bundle(lead, data)
    assert to_lead.value.reason == "unknown-signer" and "add their card to the team" in str(to_lead.value)
    assert review.info(lead) == before
    with pytest.raises(BundleRefused) as to_member:
        transfer.import_bundle(sam, data)
    assert to_member.value.reason == "unknown-signer" and "import the lead's latest bundle" in str(to_member.value)


def test_a_bundle_from_someone_off_the_team_says_who_it_claims_to_come_from_and_where_to_add_them(
    duo: Team, tmp_path: Path
) -> None:
    # Seen under Xvfb: a member sent work before the lead had added their card; the lead read "signed by someone
    # who is not on this review's team … (Team)" and could not tell whose card was missing, nor where Team is.
    lead = duo.stores[0]
    newcomer = team.join(team.invitation(lead), tmp_path / "cy.peerdesk", PASSPHRASE, "Cy Newcomer")
    try:
        data = transfer.export_bundle(newcomer).data
    finally:
        newcomer.close()
    with pytest.raises(BundleRefused) as refused:
        transfer.import_bundle(lead, data)
    assert str(refused.value).startswith(
        "This bundle says it comes from Cy Newcomer, who is not on this review's team."
    )
    assert "(File ▸ Team… ▸ Add a card)" in str(refused.value)


def test_a_removed_member_is_told_plainly_by_the_leads_next_bundle_and_keeps_their_file(trio: Team) -> None:
    # Seen in the team's walk: removed, a member importing the lead's next bundle read "This bundle was not
    # encrypted to you. If you are still on the team, ask Alex Lead to check you in Team": never that they were off.
    lead, _sam, priya = trio.stores
    quote_id, _ = records.create(priya, "quotes", text="Priya's own quote.")
    team.set_removed(lead, priya.member_id)
    # Made later than the roster that listed Priya (a bundle of that very second is not said to be a removal).
    later = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=2)
    data = transfer.export_bundle(lead, now=later).data
    before = content_digest(priya)
    with pytest.raises(BundleRefused) as refused:
        transfer.import_bundle(priya, data)
    told = str(refused.value)
    assert refused.value.reason == "removed-from-team"
    assert told.startswith("Alex Lead has removed you from the review's team")
    assert "the others' copies refuse your bundles" in told and "Your file stays yours" in told
    assert "ask Alex Lead to check you in Team" not in told and "the lead's latest bundle" not in told
    assert content_digest(priya) == before  # nothing changed …
    path = priya.path
    priya.close()
    with Store.open(path, PASSPHRASE, make_backup=False) as again:  # … and the file opens and reads as before
        assert records.values(again, "quotes", quote_id, ["text"]) == {"text": "Priya's own quote."}
    trio.stores[2] = Store.open(path, PASSPHRASE, make_backup=False)  # for the fixture to close


def test_a_leads_bundle_from_before_a_member_was_added_is_not_taken_for_a_removal(trio: Team, tmp_path: Path) -> None:
    lead = trio.stores[0]
    older = transfer.export_bundle(lead).data  # made for Sam and Priya, before Nia's card was added
    nia = team.join(team.invitation(lead), tmp_path / "nia.peerdesk", PASSPHRASE, "Nia Patel")
    try:
        team.add_member(lead, team.my_card(nia)[1])
        transfer.import_bundle(nia, transfer.export_bundle(lead).data)
        with pytest.raises(BundleRefused) as refused:
            transfer.import_bundle(nia, older)
        assert refused.value.reason == "not-addressed"
    finally:
        nia.close()


def _add_areas(store: Store, n: int, who: str) -> None:
    with UnitOfWork(store) as uow:
        for k in range(n):
            uow.add(CandidateArea, name=f"{who}'s area {k}")
        uow.commit()


def test_a_bundle_that_would_take_a_table_past_its_limit_is_refused_and_changes_nothing(duo: Team) -> None:
    """Each bundle keeps the limits on its own; what it adds to the file must keep them too, or a file could grow
    past what one bundle may carry, and every whole bundle it sent from then on would be refused."""
    lead, sam = duo.stores
    limit = rules.max_records("candidate_areas")
    _add_areas(lead, limit - 5, "Alex")
    _add_areas(sam, 10, "Sam")
    records.create(sam, "quotes", text="Arrives only with the rest.")
    data = transfer.export_bundle(sam).data
    with pytest.raises(BundleRefused) as refused:
        transfer.import_bundle(lead, data)
    assert refused.value.reason == "over-limit"
    assert f"more than {limit:,} candidate areas, deleted ones included" in str(refused.value)
    assert str(refused.value).endswith("Nothing was changed.")
    assert len(records.rows(lead, "candidate_areas", ["name"])) == limit - 5
    assert "Arrives only with the rest." not in _quote_texts(lead)

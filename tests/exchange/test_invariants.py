"""The local rules a merge keeps: what a local edit refuses, a bundle cannot leave behind either."""

from __future__ import annotations

import uuid

from peerdesk.exchange import invariants, transfer
from peerdesk.services import quotes, timetable, timetable_grid
from tests.helpers.exchange import Team, send


def test_names_match_ignoring_case_and_spacing() -> None:
    assert invariants.tag_key("  Early   Help ") == invariants.tag_key("early help")
    assert invariants.name_key(" Front Door ") == invariants.name_key("front door")
    assert invariants.name_key("Front Door") != invariants.name_key("Front  Door")  # groups: spacing counts


def test_a_quote_tag_link_has_the_id_the_quotes_service_gives_it() -> None:
    quote, tag = str(uuid.uuid4()), str(uuid.uuid4())
    assert invariants.quote_tag_id(quote, tag) == quotes.quote_tag_id(quote, tag)
    assert invariants.quote_tag_id(quote, tag) != invariants.quote_tag_id(quote, str(uuid.uuid4()))


def test_the_same_team_made_on_two_files_is_one_team_after_the_exchange(duo: Team) -> None:
    lead, sam = duo.stores
    timetable_grid.add_team(lead, "Team North")
    timetable_grid.add_team(sam, "team north")
    to_lead, to_sam = transfer.export_bundle(sam).data, transfer.export_bundle(lead).data
    imported = transfer.import_bundle(lead, to_lead)
    transfer.import_bundle(sam, to_sam)
    assert any("team" in repair for repair in imported.result.repairs)
    send(lead, sam)
    for store in (lead, sam):
        names = [t.name for t in timetable.timetable(store).teams]
        assert len([n for n in names if invariants.name_key(n) == "team north"]) == 1

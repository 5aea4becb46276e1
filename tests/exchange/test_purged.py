"""A purged file still merges what the purge keeps: the workshop's idea walls, and conflicts about kept records."""

from __future__ import annotations

from peerdesk.exchange import transfer
from peerdesk.exchange.digest import content_digest
from peerdesk.services import records, retention, sharing, workshop_goals
from tests.helpers.conflicts import make_conflict
from tests.helpers.exchange import Team


def test_idea_walls_keep_merging_after_a_purge_in_every_order(trio: Team) -> None:
    lead, sam, priya = trio.stores
    insight, _ = records.create(lead, "insights", statement="Carers wait for answers")
    goal, _ = workshop_goals.add_goal(lead, insight, "A named worker for every carer")
    first, _ = workshop_goals.add_idea(lead, goal, "A duty rota on the fridge")
    records.create(lead, "quotes", text="nobody rings back")
    data = transfer.export_bundle(lead).data
    transfer.import_bundle(sam, data)
    transfer.import_bundle(priya, data)
    for store in trio.stores:
        retention.purge(store)
    second, _ = workshop_goals.add_idea(sam, goal, "Text the carer back within a day")
    records.set_fields(priya, "postits", first, text="A duty rota on every fridge")
    from_sam, from_priya = transfer.export_bundle(sam).data, transfer.export_bundle(priya).data
    transfer.import_bundle(lead, from_sam)
    transfer.import_bundle(lead, from_priya)
    transfer.import_bundle(sam, from_priya)
    transfer.import_bundle(priya, from_sam)
    for store in trio.stores:
        ideas = {i.id: i.text for i in workshop_goals.ideas(store, goal)}
        assert ideas == {first: "A duty rota on every fridge", second: "Text the carer back within a day"}
    assert len({content_digest(s) for s in trio.stores}) == 1


def test_a_purged_file_ignores_old_interview_records_and_conflicts_about_them(duo: Team) -> None:
    lead, sam = duo.stores
    make_conflict(duo)
    assert len(sharing.conflicts(sam)) == 1  # Sam's file keeps a lost text about the quote
    old = transfer.export_bundle(sam).data
    retention.purge(lead)
    imported = transfer.import_bundle(lead, old)
    assert "interview records ignored" in imported.summary
    assert sharing.conflicts(lead, include_resolved=True) == []  # the quote's text does not come back
    assert records.rows(lead, "quotes", ["text"]) == []

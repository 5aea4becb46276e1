"""A purged file still merges what the purge keeps: the workshop's idea walls, and conflicts about kept records."""

from __future__ import annotations

from pathlib import Path

from peerdesk.exchange import transfer
from peerdesk.exchange.digest import content_digest
from peerdesk.services import exchange, records, retention, workshop_goals
from tests.helpers.conflicts import make_conflict
from tests.helpers.exchange import make_team


def test_idea_walls_keep_merging_after_a_purge_in_every_order(tmp_path: Path) -> None:
    crew = make_team(tmp_path, size=3)
    lead, sam, priya = crew.stores
    try:
        insight, _ = records.create(lead, "insights", statement="Carers wait for answers")
        goal, _ = workshop_goals.add_goal(lead, insight, "A named worker for every carer")
        first, _ = workshop_goals.add_idea(lead, goal, "A duty rota on the fridge")
        records.create(lead, "quotes", text="nobody rings back")
        data = transfer.export_bundle(lead).data
        transfer.import_bundle(sam, data)
        transfer.import_bundle(priya, data)
        for store in crew.stores:
            retention.purge(store)
        second, _ = workshop_goals.add_idea(sam, goal, "Text the carer back within a day")
        records.set_fields(priya, "postits", first, text="A duty rota on every fridge")
        from_sam, from_priya = transfer.export_bundle(sam).data, transfer.export_bundle(priya).data
        transfer.import_bundle(lead, from_sam)
        transfer.import_bundle(lead, from_priya)
        transfer.import_bundle(sam, from_priya)
        transfer.import_bundle(priya, from_sam)
        for store in crew.stores:
            ideas = {i.id: i.text for i in workshop_goals.ideas(store, goal)}
            assert ideas == {first: "A duty rota on every fridge", second: "Text the carer back within a day"}
        assert len({content_digest(s) for s in crew.stores}) == 1
    finally:
        crew.close()


def test_a_purged_file_ignores_old_interview_records_and_conflicts_about_them(tmp_path: Path) -> None:
    crew = make_team(tmp_path, size=2)
    lead, sam = crew.stores
    try:
        make_conflict(crew)
        assert len(exchange.conflicts(sam)) == 1  # Sam's file keeps a lost text about the quote
        old = transfer.export_bundle(sam).data
        retention.purge(lead)
        imported = transfer.import_bundle(lead, old)
        assert "interview records ignored" in imported.summary
        assert exchange.conflicts(lead, include_resolved=True) == []  # the quote's text does not come back
        assert records.rows(lead, "quotes", ["text"]) == []
    finally:
        crew.close()

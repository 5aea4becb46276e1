"""After the follow-up visit's deletion, a colleague's older bundle cannot bring interview records back."""

from __future__ import annotations

from peerdesk.exchange import transfer
from peerdesk.services import records, retention, review
from tests.helpers.exchange import Team, send


def test_a_purged_file_ignores_interview_records_in_bundles_but_takes_the_rest(duo: Team) -> None:
    lead, sam = duo.stores
    records.create(sam, "notes", body="What the carers told us about the duty line")
    records.create(sam, "quotes", text="nobody rings back")
    insight_id, _ = records.create(sam, "insights", statement="Carers wait for answers")
    sams_bundle = transfer.export_bundle(sam).data
    retention.purge(lead)
    imported = transfer.import_bundle(lead, sams_bundle)
    facts = review.info(lead)
    assert (facts["notes"], facts["quotes"]) == (0, 0)
    assert facts["insights"] == 1
    assert records.values(lead, "insights", insight_id, ["statement"]) == {"statement": "Carers wait for answers"}
    assert "interview records ignored" in imported.summary


def test_before_a_purge_interview_records_merge_as_usual(duo: Team) -> None:
    lead, sam = duo.stores
    records.create(sam, "quotes", text="nobody rings back")
    imported = send(sam, lead)
    assert review.info(lead)["quotes"] == 1
    assert "ignored" not in imported.summary

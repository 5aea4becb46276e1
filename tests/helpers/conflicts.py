"""A real conflict on a lead's file: two members edit the same quote's text apart, then swap bundles."""

from __future__ import annotations

from peerdesk.exchange import transfer
from peerdesk.services import records
from tests.helpers.exchange import Team, send


def clash(team: Team) -> tuple[str, bytes]:
    """The lead and Sam reword the same quote apart ("Lead's wording.", "Sam's wording."): the quote's id and Sam's
    bundle, not yet imported by the lead (importing it makes the conflict)."""
    lead, sam = team.stores[:2]
    quote_id, _ = records.create(sam, "quotes", text="Original.")
    send(sam, lead)
    records.set_fields(lead, "quotes", quote_id, text="Lead's wording.")
    records.set_fields(sam, "quotes", quote_id, text="Sam's wording.")
    return quote_id, transfer.export_bundle(sam).data


def make_conflict(team: Team) -> str:
    """The id of the quote whose two wordings ("Lead's wording.", "Sam's wording.") now conflict on the lead's file."""
    lead, sam = team.stores[:2]
    quote_id, to_lead = clash(team)
    to_sam = transfer.export_bundle(lead).data
    transfer.import_bundle(lead, to_lead)
    transfer.import_bundle(sam, to_sam)
    return quote_id


def clash_on(team: Team, table: str, field: str, **fields: object) -> str:
    """A record Sam made and both reworded apart in ``field``; the lead has imported Sam's rewording."""
    lead, sam = team.stores[:2]
    record_id, _ = records.create(sam, table, **fields)
    send(sam, lead)
    records.set_fields(lead, table, record_id, **{field: "Lead's wording."})
    records.set_fields(sam, table, record_id, **{field: "Sam's wording."})
    transfer.import_bundle(lead, transfer.export_bundle(sam).data)
    return record_id

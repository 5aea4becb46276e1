"""A bundle written before a column existed still merges: the missing column means its migration's default."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from peerdesk.exchange import transfer
from peerdesk.exchange.errors import BundleRefused
from peerdesk.exchange.schema import ADDED_COLUMNS
from peerdesk.services import records
from peerdesk.store.models import Interview, Quote, Slot, SurveyItem, Theme
from tests.helpers.exchange import Team, craft, make_team


def test_a_bundle_without_the_columns_added_later_merges_with_their_defaults(duo: Team) -> None:
    lead, sam = duo.stores
    records.create(lead, "themes", heading="Front door", width=300.0, height=200.0)
    records.create(lead, "survey_items", left_text="Change is done to us", right_text="We lead it")
    records.create(lead, "slots", starts="12:30")
    records.create(lead, "interviews", title="Carers' evening")
    content = transfer.content(lead)
    for table, columns in ADDED_COLUMNS.items():
        for record in content["tables"][table]:
            for name in columns:
                del record[name]
                record["versions"].pop(name, None)
    transfer.import_bundle(sam, craft(lead, content=content))
    with sam.session() as s:
        theme = s.scalars(select(Theme)).one()
        item = s.scalars(select(SurveyItem)).one()
    assert (theme.heading, theme.goal_id) == ("Front door", "")
    assert (item.left_text, item.scale_low, item.scale_high) == ("Change is done to us", 1, 5)
    with sam.session() as s:
        slot = s.scalars(select(Slot)).one()
        interview = s.scalars(select(Interview)).one()
    assert (slot.starts, slot.activity) == ("12:30", "")
    assert (interview.title, interview.interviewer_name, interview.note_taker_name) == ("Carers' evening", "", "")


def test_a_column_nobody_knows_is_still_refused(duo: Team) -> None:
    lead, sam = duo.stores
    records.create(lead, "themes", heading="Front door")
    content = transfer.content(lead)
    content["tables"]["themes"][0]["colour"] = "red"
    with pytest.raises(BundleRefused) as caught:
        transfer.import_bundle(sam, craft(lead, content=content))
    assert caught.value.reason == "malformed"


def test_a_bundle_without_a_record_of_what_its_sender_has_still_merges(tmp_path: Path) -> None:
    """Bundles from before delta bundles carry no ``sync`` block: they merge as before (teach nothing: test_sync)."""
    crew = make_team(tmp_path, size=2)
    try:
        lead, sam = crew.stores
        records.create(lead, "quotes", text="Written before delta bundles")
        content = transfer.content(lead)
        del content["sync"]
        assert transfer.import_bundle(sam, craft(lead, content=content)).summary == "Alex Lead: 1 new quote"
        with sam.session() as s:
            assert s.scalars(select(Quote.text)).all() == ["Written before delta bundles"]
    finally:
        crew.close()

"""Build presentation: the pre-flight report, the confidentiality decisions, then the .pptx."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation

from peerdesk.export import presentation
from peerdesk.export.content import UndecidedQuotes
from peerdesk.services import guard, records
from peerdesk.store.engine import Store


def test_an_empty_review_is_told_it_has_no_insights_and_nothing_blocks(store: Store) -> None:
    findings = presentation.preflight(store)
    assert [f.kind for f in findings if f.kind == "empty"] == ["empty"]
    assert not any(f.blocking for f in findings)


def test_the_demo_builds_a_deck_of_slides(demo_store: Store, tmp_path: Path) -> None:
    keep = presentation.flagged_quotes(demo_store)
    out = presentation.export_pptx(demo_store, tmp_path / "deck.pptx", keep=keep)
    assert out.exists() and len(Presentation(str(out)).slides) >= 10


def test_a_flagged_quote_blocks_until_kept_or_left_out(demo_store: Store) -> None:
    deck = presentation.prepare(demo_store, keep=presentation.flagged_quotes(demo_store))
    quote_id = next(q.id for i in deck.insights for q in i.quotes)
    others = [q for q in presentation.flagged_quotes(demo_store) if q != quote_id]
    records.set_fields(demo_store, "quotes", quote_id, text="Zebedee said the duty line never answers.")
    records.set_fields(demo_store, "quotes", quote_id, guard_decision="")
    guard.add_name(demo_store, "Zebedee", "staff")
    assert quote_id in presentation.flagged_quotes(demo_store)
    with pytest.raises(UndecidedQuotes):
        presentation.prepare(demo_store, keep=others)
    assert quote_id not in presentation.prepare(demo_store, keep=others, leave_out=[quote_id]).quote_ids
    assert quote_id in presentation.prepare(demo_store, keep=[*others, quote_id]).quote_ids

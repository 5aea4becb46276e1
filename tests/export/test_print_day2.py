"""The evening and Day 2 on paper: rose/thorn/bud sheets, insight sheets, workshop tables' sheets."""

from __future__ import annotations

import pytest

from peerdesk.errors import UserError
from peerdesk.export import print_day2
from peerdesk.services import wall, workshop
from peerdesk.store.engine import Store


def test_the_evening_sheets_print_the_post_its_already_written(store: Store) -> None:
    wall.add_postit(store, "rose", "Supervision is regular")
    html = print_day2.rtb_sheets(store).html()
    assert "Supervision is regular" in html
    for title, _ in print_day2.SHEET_TITLES.values():
        assert title in html


def test_insight_sheets_carry_each_statement_and_its_quotes(demo_store: Store) -> None:
    doc = print_day2.insight_sheets(demo_store)
    insights = workshop.insights(demo_store)
    assert len(doc.pages) == len(insights)
    assert insights[0].statement.split()[0] in doc.pages[0]


def test_each_workshop_table_gets_its_sheet_and_none_without_insights(demo_store: Store, store: Store) -> None:
    for name in ("Blue table", "Green table"):
        workshop.add_table(demo_store, name)
    doc = print_day2.workshop_sheets(demo_store)
    assert len(doc.pages) == 2
    assert "Workshop: Blue table" in doc.pages[0] and "Workshop: Green table" in doc.pages[1]
    with pytest.raises(UserError, match="no insights yet"):
        print_day2.workshop_sheets(store)

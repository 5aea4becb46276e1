"""What goes into the presentation, read as plain data: counts per group, quotes with their group only."""

from __future__ import annotations

import pytest

from peerdesk.export import content
from peerdesk.store.engine import Store


@pytest.mark.parametrize(
    ("start", "end", "shown"),
    [
        ("2026-03-10", "2026-03-11", "10–11 March 2026"),
        ("2026-03-30", "2026-04-01", "30 March – 1 April 2026"),
        ("2026-12-31", "2027-01-01", "31 December 2026 – 1 January 2027"),
        ("2026-03-10", "", "10 March 2026"),
        ("", "", ""),
    ],
)
def test_visit_dates_read_as_people_write_them(start: str, end: str, shown: str) -> None:
    assert content.format_dates(start, end) == shown


def test_the_demo_deck_counts_people_by_group_and_names_nobody(demo_store: Store) -> None:
    deck = content.gather(demo_store, flagged=set(), exclude=set())
    assert deck.authority and deck.interviews > 0 and deck.team_size > 0
    assert sum(g.interviews for g in deck.groups) == deck.interviews
    assert deck.themes and all(len(t.quotes) <= content.THEME_QUOTES for t in deck.themes)
    assert deck.quote_ids <= set(content.candidate_quotes(demo_store))


def test_an_excluded_quote_never_enters(demo_store: Store) -> None:
    deck = content.gather(demo_store)
    some = next(iter(deck.quote_ids))
    again = content.gather(demo_store, exclude={some})
    assert some not in again.quote_ids


def test_an_empty_review_gives_an_empty_deck(store: Store) -> None:
    deck = content.gather(store)
    assert (deck.themes, deck.insights, deck.quotes) == ((), (), 0)
    assert content.candidate_quotes(store) == {}

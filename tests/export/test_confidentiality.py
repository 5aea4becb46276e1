"""The check before a presentation: quotes holding a guarded name or an obvious identifier are flagged."""

from __future__ import annotations

from peerdesk.export import confidentiality
from peerdesk.services import guard, records
from peerdesk.store.engine import Store


def test_obvious_identifiers_are_flagged_and_plain_quotes_are_not(store: Store) -> None:
    quotes = {
        "a": "Email me at k.mensah@example.org",
        "b": "Ring 01632 960 123 any time",
        "c": "My name is Sandra and I foster",
        "d": "Mrs Patel runs the front door",
        "e": "The duty line never answers",
    }
    assert confidentiality.basic_flags(store, quotes) == ["a", "b", "c", "d"]


def test_a_guarded_name_is_flagged_as_a_whole_word_in_any_case(store: Store) -> None:
    guard.add_name(store, "Priya", "staff")
    quotes = {"a": "PRIYA always helps", "b": "Priyanka always helps"}
    assert confidentiality.basic_flags(store, quotes) == ["a"]


def test_the_guard_is_asked_when_it_is_installed() -> None:
    assert confidentiality.flag_finder() is guard.flagged_quote_ids


def test_only_flagged_quotes_nobody_decided_on_are_undecided(store: Store) -> None:
    open_id, _ = records.create(store, "quotes", text="Priya said so")
    kept_id, _ = records.create(store, "quotes", text="Priya said it too", guard_decision="keep")
    assert confidentiality.undecided(store, [open_id, kept_id]) == [(open_id, "Priya said so")]
    assert confidentiality.undecided(store, []) == []

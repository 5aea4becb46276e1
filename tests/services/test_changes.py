"""What an operation changed: tables and ids, combined with |, and "everything" after an import."""

from __future__ import annotations

from peerdesk.services.changes import NOTHING, Changes, everything


def test_changes_name_their_tables_and_ids() -> None:
    changes = Changes.of("quotes", "tags", ids=["q1"])
    assert "quotes" in changes and "notes" not in changes
    assert changes.touches("notes", "tags") and not changes.touches("notes")
    assert changes.ids == frozenset({"q1"}) and bool(changes)


def test_nothing_is_false_and_combining_unites_tables_and_ids() -> None:
    assert not NOTHING and not Changes()
    both = Changes.of("quotes", ids=["q1"]) | Changes.of("notes", ids=["n1"])
    assert both.tables == frozenset({"quotes", "notes"}) and both.ids == frozenset({"q1", "n1"})


def test_everything_touches_every_table() -> None:
    assert "quotes" in everything() and everything().touches("any_table_at_all")

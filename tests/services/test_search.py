"""Full-text search: best hits first, highlighted, and no input can break the query."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peerdesk.services import notes, search, timetable, timetable_grid
from peerdesk.store.engine import Store
from tests.helpers.timetable import build_day

BODY = "Opening remarks.\nThe duty team answers the phone quickly.\nFoster carers said respite is hard to find.\n"


@pytest.fixture
def indexed(store: Store) -> Store:
    day = build_day(store)
    note, _ = notes.open_note(store, day.interviews[0])
    notes.save_body(store, note, BODY)
    start = BODY.index("respite")
    notes.capture_quote(store, note, start, start + len("respite is hard to find"), BODY)
    notes.add_typed_quote(store, day.interviews[1], "Supervision happens every fortnight, without fail.")
    return store


def test_a_word_finds_notes_and_quotes_with_the_word_highlighted(indexed: Store) -> None:
    hits = search.search(indexed, "respite")
    assert {h.kind for h in hits} == {"note", "quote"}
    assert hits[0].kind == "quote"  # the quote ranks above the longer note
    assert all("\x02respite\x03" in h.snippet.lower() for h in hits)
    assert hits[0].group == "Foster carers" and hits[0].interview == "09:45 Team A"
    assert hits[0].snippet_marked() == "**respite** is hard to find"
    assert hits[0].snippet_html() == "<b>respite</b> is hard to find"


def test_a_note_hit_knows_where_the_word_is_in_the_text(indexed: Store) -> None:
    [hit] = [h for h in search.search(indexed, "phone") if h.kind == "note"]
    assert hit.place_in(BODY) == BODY.index("phone")


def test_every_word_must_match_and_the_last_one_may_be_unfinished(indexed: Store) -> None:
    assert search.search(indexed, "duty respite")[0].kind == "note"
    assert search.search(indexed, "duty fortnight") == []
    assert [h.kind for h in search.search(indexed, "supervis")] == ["quote"]
    assert search.search(indexed, "supervis ") == []  # a finished word must match whole


def test_a_quoted_phrase_matches_only_in_that_order(indexed: Store) -> None:
    assert search.search(indexed, '"hard to find"')
    assert search.search(indexed, '"find to hard"') == []


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ('"', []),
        ("AND", []),
        ("NOT respite", []),  # NOT is a word to find, not an operator that would drop the hits with "respite"
        ("respite OR", []),  # OR is a word too: it does not widen the search
        ("(", []),
        ("*", []),
        ("^", []),
        ("col:respite", []),  # not a column filter: "col" must be in the text
        ("NEAR(a b)", []),
        ("'", []),
        ("-", []),
        ("  ", []),
        ("(respite)", ["quote", "note"]),
        ("^respite", ["quote", "note"]),
        ("respite -", ["quote", "note"]),
    ],
)
def test_query_syntax_in_what_people_type_is_taken_as_plain_words(indexed: Store, text: str, kinds: list[str]) -> None:
    assert [h.kind for h in search.search(indexed, text)] == kinds


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=40))
def test_no_input_raises_and_every_hit_shows_what_matched(indexed: Store, text: str) -> None:
    hits = search.search(indexed, text)
    if search.parse(text) is None:
        assert hits == []
    assert all(h.kind in ("note", "quote") and search.MARK_START in h.snippet for h in hits)


def test_deleted_quotes_are_not_found(indexed: Store) -> None:
    [quote] = [h for h in search.search(indexed, "fortnight")]
    notes.delete_quote(indexed, quote.id)
    assert search.search(indexed, "fortnight") == []


def test_parse_builds_quoted_strings_only() -> None:
    query = search.parse('NOT "hard to" fin')
    assert query is not None
    assert query.fts == '"NOT" "hard to" "fin"*'
    assert search.parse("  ?!  ") is None


def test_the_place_of_the_first_match_is_where_a_case_blind_word_search_finds_it() -> None:
    import random
    import re

    rng = random.Random(22)
    vocabulary = ["hub", "Hubs", "HUB", "phone", "phones", "the", "Ünder", "under", "x_hub", "hub_", "é"]
    for _ in range(400):
        body = " ".join(rng.choice(vocabulary) + rng.choice(["", ",", ".", "\n"]) for _ in range(rng.randint(0, 12)))
        query = search.parse(" ".join(rng.sample(["hub", "phone", "under", "the"], rng.randint(1, 2))))
        assert query is not None
        last = len(query.words) - 1
        parts = [re.escape(w) + ("" if query.prefix and n == last else r"\b") for n, w in enumerate(query.words)]
        found = re.search(r"\b(?:" + "|".join(parts) + ")", body, re.IGNORECASE)
        assert search.first_match(body, query) == (found.start() if found else 0), (body, query)


def test_labels_kept_across_searches_are_read_again_only_once_forgotten(indexed: Store) -> None:
    labels = search.Labels()
    [hit] = [h for h in search.search(indexed, "phone", labels=labels) if h.kind == "note"]
    assert hit.group == "Foster carers"
    groups = {g.name: g.id for g in timetable.timetable(indexed).groups}
    timetable_grid.rename_group(indexed, groups["Foster carers"], "Kinship carers")
    assert search.search(indexed, "phone", labels=labels)[0].group == "Foster carers"  # kept: not told yet
    labels.forget()
    assert search.search(indexed, "phone", labels=labels)[0].group == "Kinship carers"
    assert search.search(indexed, "phone")[0].group == "Kinship carers"  # without kept labels: read each time


def test_a_note_hit_reads_no_note_text_and_a_quote_hit_knows_its_place(indexed: Store) -> None:
    hits = {h.kind: h for h in search.search(indexed, "respite")}
    assert hits["note"].position == -1  # found where the editor goes, in the text it already holds
    assert hits["note"].place_in(BODY) == BODY.index("respite")
    assert hits["quote"].place_in("any text") == BODY.index("respite")


def test_a_short_page_is_the_best_hits_of_notes_and_quotes_together_and_leaves_no_read_open(store: Store) -> None:
    day = build_day(store)
    for n, interview in enumerate(day.interviews):  # three
        note, _ = notes.open_note(store, interview)
        body = "Respite. " * (n + 1) + "Other words about the week. " * (3 - n)
        notes.save_body(store, note, body)
        notes.add_typed_quote(store, interview, "respite " * (3 - n) + "was asked for" + " again" * n)
    everything = search.search(store, "respite", limit=100)
    assert len(everything) == 6 and {h.kind for h in everything} == {"note", "quote"}
    assert [h.rank for h in everything] == sorted(h.rank for h in everything)
    for limit in (1, 3, 5):
        assert search.search(store, "respite", limit=limit) == everything[:limit]
    # The page stopped reading both statements half-way; neither may keep its read open (a checkpoint would wait).
    with store.reading() as db:
        assert db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0] == 0


def test_a_statements_rows_are_tagged_with_the_kind_named_and_the_statement_closed(store: Store) -> None:
    with store.reading() as db:
        statement = db.execute("SELECT 1 UNION ALL SELECT 2")
        assert [(kind, tuple(row)) for kind, row in search._rows("note", statement)] == [("note", (1,)), ("note", (2,))]
        with pytest.raises(Exception, match="closed"):
            statement.fetchall()

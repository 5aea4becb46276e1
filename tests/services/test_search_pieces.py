"""Long notes are searched in pieces (migration 0013): one hit per note, every word anywhere in it, and a save
rewrites only the pieces whose text changed."""

from __future__ import annotations

import importlib
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peerdesk.services import notes, search
from peerdesk.store.engine import Store
from tests.helpers.timetable import build_day

# Words that stay distinct once FTS5 folds case and diacritics; "naïve" and "日本語" are several bytes a letter.
VOCABULARY = [
    "respite",
    "carers",
    "hub",
    "duty",
    "phones",
    "threshold",
    "listen",
    "naïve",
    "日本語",
    "fortnight",
    "supervision",
    "panel",
    "weekly",
    "door",
    "front",
    "early",
    "help",
    "social",
    "work",
    "warm",
    "welcoming",
    "slow",
    "answer",
]
SEPARATORS = (" ", " ", " ", ", ", ". ", "\n", "\n\n", " — ")
LINE = "Carers said the duty line is slow to answer and the hubs are warm and welcoming. "
chunks_migration = importlib.import_module("peerdesk.migrations.versions.0013_note_chunks")


@pytest.fixture
def note(store: Store) -> str:
    day = build_day(store)
    record_id, _ = notes.open_note(store, day.interviews[0])
    return record_id


def rows(store: Store, sql: str, *parameters: Any) -> list[tuple[Any, ...]]:
    with store.engine.connect() as connection:
        return [tuple(r) for r in connection.exec_driver_sql(sql, parameters)]


def pieces_of(store: Store, note_id: str) -> list[tuple[Any, ...]]:
    return rows(store, "SELECT id, body FROM note_chunks WHERE note_id = ? ORDER BY seq", note_id)


def fresh_cut(store: Store, text: str) -> list[str]:
    """The pieces a note of ``text`` gets when it is first written."""
    return [body for _seq, body in rows(store, chunks_migration.pieces("?1") + " ORDER BY seq", text)]


def note_hits(store: Store, text: str) -> list[search.Hit]:
    return [h for h in search.search(store, text) if h.kind == "note"]


def test_a_long_note_is_one_hit_and_its_snippet_comes_from_the_piece_that_matched(store: Store, note: str) -> None:
    body = LINE * 2000 + "The panel meets longnoteword weekly. " + LINE * 500
    notes.save_body(store, note, body)
    assert len(pieces_of(store, note)) > 50
    [hit] = note_hits(store, "longnoteword")
    assert hit.snippet_marked().count("**longnoteword**") == 1 and len(hit.snippet) < 200
    assert hit.place_in(body) == body.index("longnoteword")
    assert len(note_hits(store, "welcoming")) == 1  # in every piece, still one hit for the note


def test_every_word_must_be_in_the_note_but_not_in_the_same_piece(store: Store, note: str) -> None:
    notes.save_body(store, note, "Opening: respite. " + LINE * 1000 + "Closing: fortnight.")
    assert len(note_hits(store, "respite fortnight")) == 1
    assert len(note_hits(store, '"Closing fortnight" respite')) == 1
    assert note_hits(store, "respite absentword") == []


def test_typing_at_the_end_of_a_long_note_rewrites_one_piece(store: Store, note: str) -> None:
    body = (LINE * 7 + "\n") * 500
    notes.save_body(store, note, body)
    before = pieces_of(store, note)
    notes.save_body(store, note, body + "And one more")
    after = pieces_of(store, note)
    assert len([p for p in after if p not in before]) == 1
    middle = len(body) // 2
    notes.save_body(store, note, body[:middle] + "inserted words " + body[middle:] + "And one more")
    assert len([p for p in pieces_of(store, note) if p not in after]) <= 2


def test_text_without_spaces_is_cut_between_characters(store: Store, note: str) -> None:
    body = "é" * 3000 + "日本語" * 1500 + " needleword " + "x" * 5000
    notes.save_body(store, note, body)
    assert any("needleword" in text for _id, text in pieces_of(store, note))  # every piece reads back as text
    assert len(note_hits(store, "needleword")) == 1


def test_deleting_a_note_removes_its_pieces(store: Store, note: str) -> None:
    notes.save_body(store, note, LINE * 100)
    with store.engine.connect() as connection:
        connection.exec_driver_sql("DELETE FROM notes WHERE id = ?", (note,))
        assert connection.exec_driver_sql("SELECT count(*) FROM note_chunks").scalar() == 0
        found = connection.exec_driver_sql("SELECT count(*) FROM note_chunks_fts WHERE note_chunks_fts MATCH 'carers'")
        assert found.scalar() == 0


def _text(words: list[int], separators: list[int]) -> str:
    return "".join(VOCABULARY[w] + SEPARATORS[s] for w, s in zip(words, separators, strict=False))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    words=st.lists(st.integers(0, len(VOCABULARY) - 1), min_size=1, max_size=900),
    separators=st.lists(st.integers(0, len(SEPARATORS) - 1), min_size=900, max_size=900),
    cut=st.tuples(st.floats(0, 1), st.floats(0, 1)),
    replacement=st.lists(st.integers(0, len(VOCABULARY) - 1), max_size=40),
    phrase_at=st.floats(0, 1),
)
def test_after_any_edit_a_word_in_the_note_is_found_and_a_word_taken_out_is_not(
    store: Store,
    note: str,
    words: list[int],
    separators: list[int],
    cut: tuple[float, float],
    replacement: list[int],
    phrase_at: float,
) -> None:
    notes.save_body(store, note, _text(words, separators))
    start, end = sorted(int(f * len(words)) for f in cut)
    edited = words[:start] + replacement + words[end:]
    text = _text(edited, separators)
    notes.save_body(store, note, text)
    assert [body for _id, body in pieces_of(store, note)] == fresh_cut(store, text)  # as if written anew
    for n, word in enumerate(VOCABULARY):
        assert len(note_hits(store, word + " ")) == (n in edited), word  # a trailing space: the whole word only
    if edited:  # the first and the last word, pieces apart in a long note
        assert len(note_hits(store, f"{VOCABULARY[edited[0]]} {VOCABULARY[edited[-1]]} ")) == 1
    if len(edited) >= 3:  # three words in a row, wherever the cuts fall
        at = min(int(phrase_at * len(edited)), len(edited) - 3)
        phrase = " ".join(VOCABULARY[w] for w in edited[at : at + 3])
        assert len(note_hits(store, f'"{phrase}"')) == 1, phrase

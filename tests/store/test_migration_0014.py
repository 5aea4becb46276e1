"""Migration 0014: a note's pieces follow each edit from where it starts, and are always exactly the pieces 0013
cuts from the whole text (their bodies, and now the length of each one's own part)."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from peerdesk.services import notes, search
from peerdesk.store.engine import Store
from tests.helpers.migrations import downgraded, make_review_at
from tests.helpers.timetable import build_day

chunks_0013 = importlib.import_module("peerdesk.migrations.versions.0013_note_chunks")
chunks_0014 = importlib.import_module("peerdesk.migrations.versions.0014_note_chunks_follow_edits")

LINE = "Carers said the duty line is slow to answer and the hubs are warm and welcoming. "
PARAGRAPHS = (LINE * 7 + "\n") * 60  # about 35,000 characters: 18 pieces
NO_SPACES = "é" * 3000 + "日本語" * 1500 + "x" * 4000  # cut between characters, never inside one
MIXED = ("Ünïcode — naïve café 日本語 text 🙂 with emoji.\n" + LINE) * 150


def rows(store: Store, sql: str, *parameters: Any) -> list[tuple[Any, ...]]:
    with store.engine.connect() as connection:
        return [tuple(r) for r in connection.exec_driver_sql(sql, parameters)]


def stored(store: Store, note: str) -> list[tuple[int, str, int]]:
    return [
        (seq, body, own)
        for seq, body, own in rows(store, "SELECT seq, body, own FROM note_chunks WHERE note_id = ? ORDER BY seq", note)
    ]


def cut_anew(store: Store, body: str) -> list[tuple[int, str, int]]:
    """The pieces of ``body`` cut from the whole text: 0013's bodies, with each own part's length."""
    bodies = rows(store, chunks_0013.pieces("?1") + " ORDER BY seq", body)
    fresh = rows(store, chunks_0014.pieces_from("?1", chunks_0014.FRESH) + " ORDER BY seq", body)
    assert [(seq, b) for seq, b, _own in fresh] == bodies
    assert sum(own for *_, own in fresh) == len(body.encode())
    return [(seq, b, own) for seq, b, own in fresh]


def write(store: Store, note: str, body: str) -> None:
    """The text written as any connection would: the triggers alone keep the pieces in step."""
    with store.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE notes SET body = ? WHERE id = ?", (body, note))


@pytest.fixture
def note(store: Store) -> str:
    day = build_day(store)
    record_id, _ = notes.open_note(store, day.interviews[0])
    return record_id


def _edits(base: str) -> dict[str, str]:
    middle = len(base) // 2
    return {
        "typing at the end": base + "And one more",
        "typing at the start": "Opening words. " + base,
        "typing in the middle": base[:middle] + "inserted words " + base[middle:],
        "a word taken out of the middle": base[:middle] + base[middle + 9 :],
        "as many characters replaced in the middle": base[:middle] + "x" * 9 + base[middle + 9 :],
        "several pieces taken out": base[:2000] + base[9000:],
        "several pieces put in": base[:middle] + LINE * 80 + base[middle:],
        "the last character taken out": base[:-1],
        "cut down to a few words": "Just this now.",
        "emptied": "",
        "the same text again": base,
    }


@pytest.mark.parametrize("base", [PARAGRAPHS, NO_SPACES, MIXED], ids=["paragraphs", "no spaces", "mixed scripts"])
def test_after_each_kind_of_edit_the_pieces_are_those_cut_from_the_whole_text(
    store: Store, note: str, base: str
) -> None:
    for label, edited in _edits(base).items():
        write(store, note, base)
        assert stored(store, note) == cut_anew(store, base), "as first written"
        write(store, note, edited)
        assert stored(store, note) == cut_anew(store, edited), label


def test_from_empty_the_text_grows_piece_by_piece(store: Store, note: str) -> None:
    write(store, note, "")
    assert stored(store, note) == []
    body = ""
    for _ in range(30):  # past several cuts, one paragraph at a time, as typing does
        body += LINE * 2 + "\n"
        write(store, note, body)
        assert stored(store, note) == cut_anew(store, body)
    assert len(stored(store, note)) > 2


def test_typing_at_the_end_of_a_long_note_writes_only_its_last_pieces(store: Store, note: str) -> None:
    write(store, note, PARAGRAPHS * 4)
    before = rows(store, "SELECT id, seq, body, own FROM note_chunks WHERE note_id = ? ORDER BY seq", note)
    write(store, note, PARAGRAPHS * 4 + "And one more")
    after = rows(store, "SELECT id, seq, body, own FROM note_chunks WHERE note_id = ? ORDER BY seq", note)
    assert len(after) == len(before) and after[:-1] == before[:-1]  # the same rows, untouched
    assert after[-1][2].endswith("And one more")


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    start=st.sampled_from([PARAGRAPHS, MIXED[:20_000], NO_SPACES[:9000]]),
    edits=st.lists(
        st.tuples(st.floats(0, 1), st.integers(0, 3000), st.sampled_from(["", "x", " ", "\n", "é日🙂 ", LINE * 30])),
        min_size=1,
        max_size=4,
    ),
)
def test_after_any_edits_the_pieces_are_those_cut_from_the_whole_text(
    store: Store, note: str, start: str, edits: list[tuple[float, int, str]]
) -> None:
    body = start
    write(store, note, body)
    for at, removed, added in edits:
        where = int(at * len(body))
        body = body[:where] + added + body[where + removed :]
        write(store, note, body)
        assert stored(store, note) == cut_anew(store, body)


def test_a_0013_file_has_its_pieces_measured_and_still_found(tmp_path: Path, passphrase: str) -> None:
    path = tmp_path / "old.peerdesk"
    long_note = "Opening: respite. " + MIXED + "fortnight"
    assert "'" not in long_note and "%" not in long_note  # written as an SQL literal
    make_review_at(
        path,
        passphrase,
        "0013",
        "INSERT INTO notes(id, author_id, versions, updated, deleted, interview_id, body) "
        f"VALUES ('n2', 'm1', '{{}}', '', 0, 'i2', '{long_note}')",
    )
    with Store.open(path, passphrase) as store:
        body = rows(store, "SELECT body FROM notes WHERE id = 'n2'")[0][0]
        assert len(stored(store, "n2")) > 10 and stored(store, "n2") == cut_anew(store, body)
        assert [h.id for h in search.search(store, "respite fortnight")] == ["n2"]
        write(store, "n2", body.replace("respite", "a short break", 1))
        assert stored(store, "n2") == cut_anew(store, body.replace("respite", "a short break", 1))
        assert sorted((h.kind, h.id) for h in search.search(store, "panel meets")) == [("note", "n1"), ("quote", "q1")]


def test_a_downgrade_to_0013_gives_back_its_triggers_and_the_same_pieces(tmp_path: Path, passphrase: str) -> None:
    path = tmp_path / "old.peerdesk"
    make_review_at(path, passphrase, "0013")
    Store.open(path, passphrase).close()
    with downgraded(path, passphrase, "0013") as c:
        columns = [r[1] for r in c.exec_driver_sql("PRAGMA table_info(note_chunks)")]
        assert "own" not in columns
        c.execute(text("UPDATE notes SET body = :b WHERE id = 'n1'"), {"b": PARAGRAPHS})
        pieces = [r[0] for r in c.exec_driver_sql("SELECT body FROM note_chunks WHERE note_id = 'n1' ORDER BY seq")]
        expected = [r[1] for r in c.exec_driver_sql(chunks_0013.pieces("?1") + " ORDER BY seq", (PARAGRAPHS,))]
        assert pieces == expected and len(pieces) > 10

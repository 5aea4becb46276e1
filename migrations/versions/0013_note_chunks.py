"""Notes are indexed in pieces: search and autosave cost the same in a 300,000-character note as in a short one.

``notes_fts`` indexed each note whole, so every autosave deleted and re-inserted the whole text in the index, and
a hit's snippet tokenized the whole note. Now each note is cut into pieces of about 2,000 bytes, kept in the local
table ``note_chunks`` (never exchanged: it is no model, so bundles, ``content_digest`` and validation never see it),
and ``note_chunks_fts`` indexes the pieces. Triggers on ``notes`` keep the pieces in step on every write path (the
unit of work, merges, purge, restore, ``maintenance.vacuum``'s rebuild), with no Python hook and no user function:
any connection to the file can write a note. An update rewrites only the pieces whose text changed, so typing at
the end of a long note re-indexes one piece.

Where the cuts fall (byte offsets in the UTF-8 text, 1-based, as SQLite's ``substr`` counts a BLOB): a piece's own
part starts where the previous one ended and ends at the first line break in the window of ``SPAN`` bytes that
begins ``TARGET`` bytes in, else at the first space there, else at the window's end moved back to a character's
first byte. A cut found from what follows a piece's start lands on the same line break after an edit inside the
piece, so the cuts after an edit fall where they were and only the edited piece changes.

What the overlap guarantees: each piece also carries on ``OVERLAP`` bytes past its own end, and on to just before
the next space or line break (within ``SPAN`` bytes; else it carries no overlap). Every phrase starts inside some
piece's own part, so a phrase of at most ``OVERLAP`` bytes (about 30 words) is wholly inside that piece and is
found even when it crosses a cut. The overlap ends before a whitespace, so it never indexes half a word. Only text
with no space or line break for ``SPAN`` bytes (a long URL, unspaced CJK) may be cut inside a word.

``note_chunks.id`` is an INTEGER PRIMARY KEY, which VACUUM keeps, and pieces name their note by its id, not its
rowid: VACUUM renumbers nothing they rely on (the maintenance rebuild re-reads them anyway).

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-05
"""

from __future__ import annotations

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

TARGET = 1800  # bytes before a piece looks for its cut
SPAN = 400  # how far it looks: a piece's own part is TARGET to TARGET + SPAN bytes
OVERLAP = 200  # bytes each piece repeats of the next one (see the docstring for what this guarantees)
NOT_A_FIRST_BYTE = "BETWEEN x'80' AND x'BF'"  # a UTF-8 continuation byte


def _hard_end(b: str, last: str) -> str:
    """``last`` (a byte position), moved back so that the byte after it starts a character (at most 3 bytes)."""
    return (
        f"CASE WHEN substr({b}, {last} + 1, 1) NOT {NOT_A_FIRST_BYTE} THEN {last} "
        f"WHEN substr({b}, {last}, 1) NOT {NOT_A_FIRST_BYTE} THEN {last} - 1 "
        f"WHEN substr({b}, {last} - 1, 1) NOT {NOT_A_FIRST_BYTE} THEN {last} - 2 ELSE {last} - 3 END"
    )


def _first(window: str, byte: str) -> str:
    return f"nullif(instr({window}, x'{byte}'), 0)"


def own_end(b: str) -> str:
    """Where the own part of the piece after byte ``e`` (a column) of the BLOB ``b`` ends: the cut, in SQL."""
    window = f"substr({b}, e + 1 + {TARGET}, {SPAN})"
    return (
        f"e + {TARGET} + coalesce({_first(window, '0a')}, {_first(window, '20')}, "
        f"{_hard_end(b, f'e + {TARGET + SPAN}')} - e - {TARGET})"
    )


def overlap(b: str) -> str:
    """How many bytes past its own end ``e`` (a column) a piece of the BLOB ``b`` carries on, in SQL."""
    after = f"substr({b}, e + 1 + {OVERLAP}, {SPAN})"
    first_space = f"min(coalesce({_first(after, '20')}, {SPAN + 1}), coalesce({_first(after, '0a')}, {SPAN + 1}))"
    return f"CASE WHEN {first_space} <= {SPAN} THEN {OVERLAP} + {first_space} - 1 ELSE 0 END"


def pieces(body: str) -> str:
    """A SELECT of ``(seq, body)``, the pieces of the text ``body`` (an SQL expression, e.g. ``new.body``)."""
    b = f"CAST({body} AS BLOB)"  # a constant of the statement: SQLite evaluates it once
    return (
        "SELECT seq, body FROM (WITH RECURSIVE cut(seq, s, e) AS (SELECT -1, 1, 0 UNION ALL "
        f"SELECT seq + 1, e + 1, min({own_end(b)}, length({b})) FROM cut WHERE e < length({b})) "
        f"SELECT seq, CAST(substr({b}, s, e - s + 1 + {overlap(b)}) AS TEXT) AS body FROM cut WHERE seq >= 0)"
    )


def _create_chunk_index() -> None:
    op.execute(
        "CREATE TABLE note_chunks (id INTEGER PRIMARY KEY, note_id VARCHAR(36) NOT NULL, seq INTEGER NOT NULL, "
        "body TEXT NOT NULL, UNIQUE (note_id, seq))"
    )
    op.execute(
        "CREATE VIRTUAL TABLE note_chunks_fts USING fts5(body, content='note_chunks', content_rowid='id', "
        "tokenize='unicode61 remove_diacritics 2')"
    )
    # The pieces' own index follows them, as 0002's triggers did for whole notes.
    op.execute(
        "CREATE TRIGGER note_chunks_fts_ai AFTER INSERT ON note_chunks BEGIN "
        "INSERT INTO note_chunks_fts(rowid, body) VALUES (new.id, new.body); END"
    )
    op.execute(
        "CREATE TRIGGER note_chunks_fts_ad AFTER DELETE ON note_chunks BEGIN "
        "INSERT INTO note_chunks_fts(note_chunks_fts, rowid, body) VALUES ('delete', old.id, old.body); END"
    )
    op.execute(
        "CREATE TRIGGER note_chunks_fts_au AFTER UPDATE OF body ON note_chunks BEGIN "
        "INSERT INTO note_chunks_fts(note_chunks_fts, rowid, body) VALUES ('delete', old.id, old.body); "
        "INSERT INTO note_chunks_fts(rowid, body) VALUES (new.id, new.body); END"
    )


def _create_note_triggers() -> None:
    new = pieces("new.body")
    op.execute(
        "CREATE TRIGGER notes_chunks_ai AFTER INSERT ON notes BEGIN "
        f"INSERT INTO note_chunks(note_id, seq, body) SELECT new.id, p.seq, p.body FROM ({new}) AS p; END"
    )
    op.execute(
        "CREATE TRIGGER notes_chunks_ad AFTER DELETE ON notes BEGIN DELETE FROM note_chunks WHERE note_id = old.id; END"
    )
    # Fewer pieces: drop the extra ones. Then rewrite only the pieces whose text changed, and add the new ones.
    op.execute(
        "CREATE TRIGGER notes_chunks_au AFTER UPDATE OF body ON notes BEGIN "
        f"DELETE FROM note_chunks WHERE note_id = new.id AND seq >= (SELECT count(*) FROM ({new})); "
        f"UPDATE note_chunks SET body = p.body FROM ({new}) AS p "
        "WHERE note_chunks.note_id = new.id AND note_chunks.seq = p.seq AND note_chunks.body IS NOT p.body; "
        f"INSERT INTO note_chunks(note_id, seq, body) SELECT new.id, p.seq, p.body FROM ({new}) AS p "
        "WHERE p.seq >= (SELECT count(*) FROM note_chunks WHERE note_id = new.id); END"
    )


def upgrade() -> None:
    for suffix in ("ai", "ad", "au"):
        op.execute(f"DROP TRIGGER IF EXISTS notes_fts_{suffix}")
    op.execute("DROP TABLE IF EXISTS notes_fts")
    _create_chunk_index()
    _create_note_triggers()
    # Cut the notes already there: the update trigger finds no pieces yet and adds them all.
    op.execute("UPDATE notes SET body = body")


def downgrade() -> None:
    for name in ("notes_chunks_ai", "notes_chunks_ad", "notes_chunks_au"):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for suffix in ("ai", "ad", "au"):
        op.execute(f"DROP TRIGGER IF EXISTS note_chunks_fts_{suffix}")
    op.execute("DROP TABLE IF EXISTS note_chunks_fts")
    op.execute("DROP TABLE IF EXISTS note_chunks")
    # 0002's whole-note index, as it was.
    op.execute(
        "CREATE VIRTUAL TABLE notes_fts USING fts5(body, content='notes', content_rowid='rowid', "
        "tokenize='unicode61 remove_diacritics 2')"
    )
    op.execute(
        "CREATE TRIGGER notes_fts_ai AFTER INSERT ON notes BEGIN "
        "INSERT INTO notes_fts(rowid, body) VALUES (new.rowid, new.body); END"
    )
    op.execute(
        "CREATE TRIGGER notes_fts_ad AFTER DELETE ON notes BEGIN "
        "INSERT INTO notes_fts(notes_fts, rowid, body) VALUES ('delete', old.rowid, old.body); END"
    )
    op.execute(
        "CREATE TRIGGER notes_fts_au AFTER UPDATE OF body ON notes BEGIN "
        "INSERT INTO notes_fts(notes_fts, rowid, body) VALUES ('delete', old.rowid, old.body); "
        "INSERT INTO notes_fts(rowid, body) VALUES (new.rowid, new.body); END"
    )
    op.execute("INSERT INTO notes_fts(notes_fts) VALUES ('rebuild')")

"""A note's pieces follow an edit at the cost of the edit, not of the note's length.

0013's update trigger cut the whole note three times per save (one recursive CTE each for the count, the rewrite
and the additions) and compared every piece with its stored text: in a 300,000-character note, about a
millisecond of every autosave for the one piece that changed. Each piece now also records how many bytes its own
part holds (``own``, read through a covering index: no piece's text is read to add them up), and an update

1. finds the first byte where the old and the new text differ (a bisection that compares halves, so never more
   bytes than the note holds, and copies nothing else);
2. finds, from the recorded lengths, the piece ``k`` holding that byte. Everything a piece's cut and overlap read
   lies within ``TARGET + SPAN`` bytes of its start, and a piece's own part is longer than ``TARGET``: so nothing
   the pieces before ``k - 1`` read has changed, and they stand as they are;
3. cuts the new text again from the start of piece ``k - 1``, with 0013's own expressions, until a piece ends
   where an old piece of the next number started, past the edit: the cut depends only on the text after a piece's
   start, so from there on it would find what it found before. It writes (an upsert) only the pieces whose text
   or length changed;
4. when the edit changed the number of pieces (then the cut went on to the end), adds or drops those past the
   new last one (where the lengths add up to the whole text).

So the pieces are always exactly those 0013 cuts from the whole text (the tests compare them after edits at the
start, the middle and the end, in multi-byte text, down to an empty note). Typing at the end of a long note cuts
two pieces and writes one; in its middle, most edits cut two or three (in the benchmark's text, 47 of 60 random
edits). What the note's length still costs: two byte comparisons of its old and new text and, for an edit far
from the end, one index lookup per piece after it. 0013's cuts do not always fall back into step after an edit
(a cut at a space moves with the words, and in very regular text it may never meet the old cuts again): then
the cut goes on to the end and every piece that moved is rewritten, as 0013 did. The trigger needs no user
function, as before: any connection to the file keeps the pieces in step (the unit of work, merges, purge,
restore, ``maintenance.vacuum``'s rebuild). An update that leaves the text as it was cuts the last pieces again
and writes nothing; one that finds no pieces at all cuts them all, which is how this migration re-cuts the notes
already there.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-05
"""

from __future__ import annotations

import importlib

from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

chunks = importlib.import_module("peerdesk.migrations.versions.0013_note_chunks")

FRESH = "SELECT -1 AS seq, 0 AS e"  # a cut from the start: the piece before the first ends at byte 0


def pieces_from(body: str, start: str, *, before: str = "", stop: str = "0") -> str:
    """A SELECT of ``(seq, body, own)``: the pieces of the text ``body`` (an SQL expression), from the piece after
    ``start`` (a SELECT of one row: that piece's ``seq`` minus one, and ``e``, the bytes before it) to the end, or
    to the first piece that meets ``stop`` (an SQL condition on ``seq``, ``s`` and ``e``, the piece's number and
    the first and last bytes of its own part). ``before``: tables ``start`` and ``stop`` read (``name AS (…), ``)."""
    b = f"CAST({body} AS BLOB)"
    return (
        f"SELECT seq, body, own FROM (WITH RECURSIVE {before}cut(seq, s, e) AS (SELECT seq, e + 1, e FROM ({start}) "
        f"UNION ALL SELECT seq + 1, e + 1, min({chunks.own_end(b)}, length({b})) FROM cut "
        f"WHERE e < length({b}) AND NOT ({stop})) "
        f"SELECT seq, CAST(substr({b}, s, e - s + 1 + {chunks.overlap(b)}) AS TEXT) AS body, e - s + 1 AS own "
        "FROM cut WHERE e >= s)"  # the start row (s = e + 1) is no piece
    )


def first_difference(old: str, new: str) -> str:
    """A SELECT of the first byte (1-based) where the texts ``old`` and ``new`` differ; one past the shorter's
    end when it is the start of the other (or they are equal)."""
    ob, nb = f"CAST({old} AS BLOB)", f"CAST({new} AS BLOB)"
    # A row: bytes before ``lo`` are equal, the first difference is at ``hi`` or before, and ``same`` tells
    # whether the first half of ``lo``..``hi`` is equal too (each half compared once).
    lo = "CASE WHEN same THEN lo + (hi - lo + 1) / 2 ELSE lo END"
    hi = "CASE WHEN same THEN hi ELSE lo + (hi - lo + 1) / 2 - 1 END"

    def same(lo: str, hi: str) -> str:
        return f"substr({ob}, {lo}, ({hi} - {lo} + 1) / 2) = substr({nb}, {lo}, ({hi} - {lo} + 1) / 2)"

    first_hi = f"min(length({ob}), length({nb})) + 1"
    return (
        f"SELECT max(lo) FROM (WITH RECURSIVE bisect(lo, hi, same) AS (SELECT 1, {first_hi}, {same('1', first_hi)} "
        f"UNION ALL SELECT {lo}, {hi}, {same(lo, hi)} FROM bisect WHERE lo < hi) SELECT lo FROM bisect)"
    )


def changed_pieces(note: str, old: str, new: str) -> str:
    """A SELECT of ``(seq, body, own)``: the pieces of note ``note`` that may differ once its text ``old`` is
    ``new``, cut anew.

    The cut starts at the piece before the one holding the first changed byte. The pieces' own parts add up to
    the whole text: walking back from the last piece, one index lookup a step, finds it after as many steps as
    there are pieces after it (two at the end of the note). It stops at the first piece that ends where an old
    piece of the next number ends, once the text after it is the old text moved by the edit: from there on the
    cut finds what it found before, and the pieces stand (when the edit changed their number, it cuts on to the
    end, and the extra or missing pieces are dropped or added).
    """
    ob, nb = f"CAST({old} AS BLOB)", f"CAST({new} AS BLOB)"
    moved = f"(length({nb}) - length({ob}))"
    last = f"(SELECT max(seq) FROM note_chunks WHERE note_id = {note})"
    # ``e``: the bytes before the piece; ``found``: how many pieces after it start at or before ``at``.
    walk = (
        f"pos(at) AS (SELECT ({first_difference(old, new)})), walk(seq, e, found) AS ("
        f"SELECT seq, length({ob}) - own, 0 FROM note_chunks WHERE note_id = {note} AND seq = {last} "
        "UNION ALL SELECT c.seq, w.e - c.own, w.found + (w.e < pos.at) FROM walk AS w, pos JOIN note_chunks AS c "
        f"ON c.note_id = {note} AND c.seq = w.seq - 1 WHERE w.found + (w.e < pos.at) < 2), "
    )
    # The pieces starting at or before ``at`` (the last two, at most), the last first: the second is the one
    # wanted; two start rows after them stand in for "the first piece" (whose own row is the same) and "no pieces".
    start = (
        f"SELECT seq - 1 AS seq, e FROM walk, pos WHERE e < pos.at UNION ALL {FRESH} UNION ALL {FRESH} "
        "ORDER BY seq DESC LIMIT 1 OFFSET 1"
    )
    stop = (
        f"e >= s AND EXISTS (SELECT 1 FROM walk WHERE walk.seq = cut.seq + 1 AND walk.e = cut.e - {moved}) "
        f"AND substr({nb}, e + 1) = substr({ob}, e + 1 - {moved})"
    )
    return pieces_from(new, start, before=walk, stop=stop)


def _create_note_triggers() -> None:
    op.execute(
        "CREATE TRIGGER notes_chunks_ai AFTER INSERT ON notes BEGIN "
        "INSERT INTO note_chunks(note_id, seq, body, own) "
        f"SELECT new.id, p.seq, p.body, p.own FROM ({pieces_from('new.body', FRESH)}) AS p; END"
    )
    changed = changed_pieces("new.id", "old.body", "new.body")
    length = "length(CAST(new.body AS BLOB))"
    last = (  # the new last piece: the first whose own parts, with those before it, hold the whole text
        f"SELECT seq FROM (SELECT seq, sum(own) OVER (ORDER BY seq) AS upto FROM note_chunks WHERE note_id = new.id) "
        f"WHERE upto >= {length} ORDER BY seq LIMIT 1"
    )
    op.execute(
        "CREATE TRIGGER notes_chunks_au AFTER UPDATE OF body ON notes BEGIN "
        "INSERT INTO note_chunks(note_id, seq, body, own) "
        f"SELECT new.id, p.seq, p.body, p.own FROM ({changed}) AS p WHERE true "
        "ON CONFLICT(note_id, seq) DO UPDATE SET body = excluded.body, own = excluded.own "
        "WHERE note_chunks.body IS NOT excluded.body OR note_chunks.own IS NOT excluded.own; "
        # Pieces past the last exist only when their lengths add up to more than the text: looked for only then.
        f"DELETE FROM note_chunks WHERE (SELECT sum(own) FROM note_chunks WHERE note_id = new.id) > {length} "
        f"AND note_id = new.id AND seq > CASE WHEN {length} = 0 THEN -1 ELSE ({last}) END; END"
    )


def _drop_note_triggers() -> None:
    for name in ("notes_chunks_ai", "notes_chunks_au"):  # 0013's delete trigger stays as it is
        op.execute(f"DROP TRIGGER IF EXISTS {name}")


def upgrade() -> None:
    _drop_note_triggers()
    op.execute("ALTER TABLE note_chunks ADD COLUMN own INTEGER NOT NULL DEFAULT 0")
    # What the update trigger reads to find where an edit is: the lengths without the pieces' text.
    op.execute("CREATE INDEX ix_note_chunks_own ON note_chunks(note_id, seq, own)")
    _create_note_triggers()
    # Cut the notes already there again, with their lengths: the update trigger finds no pieces and cuts them all.
    op.execute("DELETE FROM note_chunks")
    op.execute("UPDATE notes SET body = body")


def downgrade() -> None:
    _drop_note_triggers()
    op.execute("DROP TRIGGER IF EXISTS notes_chunks_ad")  # made again with 0013's others
    op.execute("DROP INDEX IF EXISTS ix_note_chunks_own")
    op.execute("ALTER TABLE note_chunks DROP COLUMN own")
    chunks._create_note_triggers()  # 0013's, as they were (the pieces are the same)

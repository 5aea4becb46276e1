"""Full-text search across notes and quotes (SQLite FTS5 inside the encrypted file).

What people type is never handed to FTS5's query language: it is cut into words (and "quoted phrases"), each
passed as a quoted string, so no input can raise a syntax error or reach an operator. Every word must match;
the last word also matches as a prefix while it is being typed. Hits come back best first (bm25), each with a
snippet whose matched words sit between ``MARK_START`` and ``MARK_END``.
"""

from __future__ import annotations

import heapq
import json
import re
from collections.abc import Generator
from dataclasses import dataclass
from itertools import islice
from typing import Any, NamedTuple

from peerdesk.store import sqlcipher
from peerdesk.store.engine import Store

MARK_START, MARK_END = "\x02", "\x03"
DEFAULT_LIMIT = 50
MAX_TERMS = 12
MIN_PREFIX = 3
QUOTE_BOOST = 1.25  # a quote that matches is usually what people look for: rank it a little higher
_WORD = re.compile(r"\w+", re.UNICODE)
_PIECE = re.compile(r'"([^"]*)"?|([^\s"]+)')


@dataclass(frozen=True)
class Query:
    fts: str  # the FTS5 MATCH expression, built only from quoted strings
    words: tuple[str, ...]  # for finding the place in a note
    prefix: bool  # the last word matches as a prefix
    terms: tuple[str, ...] = ()  # the quoted strings ``fts`` is made of: a long note must hold each, in any piece


class Hit(NamedTuple):
    """One hit. A named tuple, not a frozen dataclass: a search builds up to fifty, and a tuple is built in a
    fifth of the time (a frozen dataclass sets each field through ``object.__setattr__``)."""

    kind: str  # "note" or "quote"
    id: str
    interview_id: str
    note_id: str
    group: str
    interview: str  # "09:45 Team A"
    snippet: str  # with MARK_START / MARK_END around matched words
    position: int  # a quote's offset in its note's text; -1 for a note (see ``place_in``) or a typed quote
    rank: float
    query: Query

    def place_in(self, text: str) -> int:
        """Where to go in the note's ``text``: the quote's place, or where the note's first searched word stands."""
        return self.position if self.position >= 0 else first_match(text, self.query)

    def snippet_marked(self, start: str = "**", end: str = "**") -> str:
        return self.snippet.replace(MARK_START, start).replace(MARK_END, end)

    def snippet_html(self) -> str:
        import html

        return html.escape(self.snippet).replace(MARK_START, "<b>").replace(MARK_END, "</b>")

    def as_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "id": self.id,
            "interview_id": self.interview_id,
            "interview": self.interview,
            "stakeholder_group": self.group,
            "snippet": self.snippet_marked(),
        }


def parse(user_text: str) -> Query | None:
    """An FTS5 expression from free text; None when there is nothing to look for."""
    terms: list[str] = []
    words: list[str] = []
    prefix = False
    for phrase, bare in _PIECE.findall(user_text or ""):
        tokens = _WORD.findall(phrase if phrase else bare)
        if not tokens:
            continue
        if phrase:
            terms.append('"' + " ".join(tokens) + '"')
            prefix = False
        else:
            terms.extend(f'"{t}"' for t in tokens)
            prefix = True
        words.extend(tokens)
        if len(terms) >= MAX_TERMS:
            break
    if not terms:
        return None
    terms = terms[:MAX_TERMS]
    prefix = prefix and not user_text[-1:].isspace() and len(words[-1]) >= MIN_PREFIX
    if prefix:
        terms[-1] += "*"
    return Query(" ".join(terms), tuple(w.lower() for w in words), prefix, tuple(terms))


# One statement per index: the match, its rank and the snippet come back together, and ``ORDER BY rank`` (bm25
# by default) lets FTS5 sort inside the index instead of computing bm25() once for the select list and again for
# the order. Nothing reads a note's whole text: where the first word stands is found when the user goes there,
# in the text the editor already holds (``Hit.place_in``). The labels are read once for the page of hits.
#
# Notes are indexed in pieces of about 2,000 characters (``note_chunks``, migration 0013), so that neither a save
# nor a snippet costs the length of the note. The pieces holding every word come best first, as whole notes did;
# the first piece of each note is its hit, and the rows are read only until the page is full: notes and quotes
# are merged as they are read (``search``), so a snippet is made for each hit shown, never for every match. A long
# note whose words are in different pieces is a hit too (``_SPREAD_SQL``): looked for only when the search has
# several words and some note has several pieces.
_NOTES_SQL = f"""
SELECT r.id, r.interview_id, r.id, snippet(note_chunks_fts, 0, '{MARK_START}', '{MARK_END}', '…', 14),
       note_chunks_fts.rank, -1
FROM note_chunks_fts JOIN note_chunks AS c ON c.id = note_chunks_fts.rowid JOIN notes AS r ON r.id = c.note_id
WHERE note_chunks_fts MATCH ? AND r.deleted = 0
ORDER BY note_chunks_fts.rank
"""
_LONG_NOTES = "SELECT note_id FROM note_chunks WHERE seq = 1"  # the notes of several pieces
# Such a note ranks as its best piece for any of the words, and its snippet comes from that piece, made only for
# the page of hits.
_SPREAD_SQL = f"""
WITH matched AS (
    SELECT c.note_id AS note_id, c.id AS chunk, note_chunks_fts.rank AS rank
    FROM note_chunks_fts JOIN note_chunks AS c ON c.id = note_chunks_fts.rowid
    WHERE note_chunks_fts MATCH :any AND c.note_id IN ({_LONG_NOTES})
), best AS (
    SELECT note_id, chunk, min(rank) AS rank FROM matched GROUP BY note_id
), page AS (
    SELECT r.id AS id, r.interview_id AS interview_id, best.chunk AS chunk, best.rank AS rank
    FROM best JOIN notes AS r ON r.id = best.note_id
    WHERE r.deleted = 0 {{every}}
    ORDER BY best.rank LIMIT :limit
)
SELECT page.id, page.interview_id, page.id, snippet(note_chunks_fts, 0, '{MARK_START}', '{MARK_END}', '…', 14),
       page.rank, -1
FROM page JOIN note_chunks_fts ON note_chunks_fts.rowid = page.chunk
WHERE note_chunks_fts MATCH :any
ORDER BY page.rank
"""
_NOTE_HAS = """AND r.id IN (
    SELECT c.note_id FROM note_chunks_fts JOIN note_chunks AS c ON c.id = note_chunks_fts.rowid
    WHERE note_chunks_fts MATCH :t{n})"""
_QUOTES_SQL = f"""
SELECT r.id, r.interview_id, r.note_id, snippet(quotes_fts, 0, '{MARK_START}', '{MARK_END}', '…', 24),
       quotes_fts.rank * {QUOTE_BOOST}, r.anchor_start
FROM quotes_fts JOIN quotes AS r ON r.rowid = quotes_fts.rowid
WHERE quotes_fts MATCH ? AND r.deleted = 0
ORDER BY quotes_fts.rank LIMIT ?
"""
_LABELS_SQL = """
SELECT i.id, COALESCE(g.name, ''), COALESCE(s.day, 1), COALESCE(s.starts, ''), COALESCE(t.name, '')
FROM json_each(?) AS wanted
JOIN interviews AS i ON i.id = wanted.value
LEFT JOIN stakeholder_groups AS g ON g.id = i.group_id
LEFT JOIN slots AS s ON s.id = i.slot_id
LEFT JOIN teams AS t ON t.id = i.team_id
"""


class Labels:
    """Each interview's stakeholder group and place ("09:45 Team A"), read once for all the hits that need them.

    A review session keeps one across searches (the labels of a visit rarely change) and calls ``forget`` when
    interviews, groups, slots or teams change; without one, each search reads the labels of its page of hits.
    """

    def __init__(self) -> None:
        self._known: dict[str, tuple[str, str]] = {}

    def forget(self) -> None:
        self._known.clear()

    def of(self, db: Any, interview_ids: set[str]) -> dict[str, tuple[str, str]]:
        missing = [i for i in interview_ids if i not in self._known]
        if missing:
            for interview_id, group, day, starts, team in db.execute(_LABELS_SQL, (json.dumps(missing),)):
                when = starts if int(day) == 1 else f"Day {day}, {starts}"
                self._known[interview_id] = (group, " ".join(p for p in (when, team) if p))
        return self._known


def search(store: Store, user_text: str, limit: int = DEFAULT_LIMIT, labels: Labels | None = None) -> list[Hit]:
    query = parse(user_text)
    if query is None:
        return []
    # The DB-API connection, not an ORM session: these fixed statements need none of the ORM's work.
    with store.reading() as db:
        streams: list[Generator[Row, None, None]] = []
        try:
            streams.append(_note_rows(db, query, limit))
            streams.append(_rows("quote", db.execute(_QUOTES_SQL, (query.fts, limit))))
            # Both streams come best first, so merging them lazily reads only the rows of the page: a snippet, the
            # dearest part of a row, is made for the hits shown, not for the best ``limit`` of each index.
            raw = list(islice(heapq.merge(*streams, key=_rank), limit))
        except sqlcipher.DatabaseError:
            # Our expressions are quoted strings only; should FTS5 still refuse one, "nothing found" is the answer.
            return []
        finally:
            for stream in streams:
                stream.close()  # a statement left unfinished would hold its read open on the pooled connection
        places = (labels or Labels()).of(db, {row[1] for _kind, row in raw})
    return [_hit(kind, row, query, places.get(row[1], ("", ""))) for kind, row in raw]


Row = tuple[str, tuple[Any, ...]]  # ("note" or "quote", the statement's row)


def _rank(kind_row: Row) -> float:
    return float(kind_row[1][4])


def _rows(kind: str, rows: Any) -> Generator[Row, None, None]:
    """A statement's rows as they are read, each tagged with ``kind`` ("note" or "quote"); the statement is closed
    with the stream."""
    try:
        for row in rows:
            yield kind, row
    finally:
        rows.close()


def _note_rows(db: Any, query: Query, limit: int) -> Generator[Row, None, None]:
    """The notes, best first, one row each from its best piece (see ``_NOTES_SQL``); a long note whose words
    stand in different pieces comes in too (``_SPREAD_SQL``), in its place."""
    streams = [_rows("note", db.execute(_NOTES_SQL, (query.fts,)))]
    terms = query.terms or (query.fts,)
    if len(terms) > 1 and db.execute(f"SELECT EXISTS ({_LONG_NOTES})").fetchone()[0]:
        every = " ".join(_NOTE_HAS.format(n=n) for n in range(len(terms)))
        parameters: dict[str, Any] = {"any": " OR ".join(terms), "limit": limit}
        parameters.update((f"t{n}", term) for n, term in enumerate(terms))
        streams.append(_rows("note", db.execute(_SPREAD_SQL.format(every=every), parameters)))
    seen: set[str] = set()
    try:
        for kind_row in heapq.merge(*streams, key=_rank):
            note_id = kind_row[1][0]
            if note_id not in seen:
                seen.add(note_id)
                yield kind_row
    finally:
        for stream in streams:
            stream.close()


def _hit(kind: str, row: tuple[Any, ...], query: Query, label: tuple[str, str]) -> Hit:
    record_id, interview_id, note, snippet, rank, anchor = row
    group, where = label
    return Hit(kind, record_id, interview_id, note or "", group, where, snippet, int(anchor), float(rank), query)


def first_match(body: str, query: Query) -> int:
    """Where the first searched word starts in a note (the editor jumps there); 0 if the index matched what a
    plain search cannot see (for example a word written with accents).

    A word counts where it stands whole (or, for the last word of a prefix search, where a word starts with it),
    in any case. Plain ``str.find`` on the lower-cased text: a search lists up to fifty notes, and a pattern
    searched case-insensitively through each of them cost more than the rest of the search.
    """
    text = body.lower()
    if len(text) != len(body):  # a letter whose lower case is longer ("İ"): places would shift, so match as before
        return _first_by_pattern(body, query)
    last = len(query.words) - 1
    best = -1
    for n, word in enumerate(query.words):
        at = _find_word(text, word, prefix=query.prefix and n == last, stop=best)
        if at >= 0:
            best = at
    return max(best, 0)


def _find_word(text: str, word: str, *, prefix: bool, stop: int) -> int:
    """The first place ``word`` stands as a word in ``text`` (before ``stop`` when that is not -1), else -1."""
    at = text.find(word)
    while at >= 0 and (stop < 0 or at < stop):
        end = at + len(word)
        if (at == 0 or not _is_word(text[at - 1])) and (prefix or end == len(text) or not _is_word(text[end])):
            return at
        at = text.find(word, at + 1)
    return -1


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _first_by_pattern(body: str, query: Query) -> int:
    last = len(query.words) - 1
    parts = [re.escape(w) + ("" if query.prefix and n == last else r"\b") for n, w in enumerate(query.words)]
    found = re.search(r"\b(?:" + "|".join(parts) + ")", body, re.IGNORECASE)
    return found.start() if found else 0

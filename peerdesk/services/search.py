"""Full-text search across notes and quotes (SQLite FTS5 inside the encrypted file).

What people type is never handed to FTS5's query language: it is cut into words (and "quoted phrases"), each
passed as a quoted string, so no input can raise a syntax error or reach an operator. Every word must match;
the last word also matches as a prefix while it is being typed. Hits come back best first (bm25), each with a
snippet whose matched words sit between ``MARK_START`` and ``MARK_END``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

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


@dataclass(frozen=True)
class Hit:
    kind: str  # "note" or "quote"
    id: str
    interview_id: str
    note_id: str
    group: str
    interview: str  # "09:45 Team A"
    snippet: str  # with MARK_START / MARK_END around matched words
    position: int  # offset of the first match in the note's text, -1 if unknown
    rank: float

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
    return Query(" ".join(terms), tuple(w.lower() for w in words), prefix)


_NOTES_SQL = f"""
SELECT n.id, n.interview_id, n.id, snippet(notes_fts, 0, '{MARK_START}', '{MARK_END}', '…', 14),
       bm25(notes_fts), -1
FROM notes_fts JOIN notes AS n ON n.rowid = notes_fts.rowid
WHERE notes_fts MATCH ? AND n.deleted = 0
ORDER BY bm25(notes_fts) LIMIT ?
"""
_QUOTES_SQL = f"""
SELECT q.id, q.interview_id, q.note_id, snippet(quotes_fts, 0, '{MARK_START}', '{MARK_END}', '…', 24),
       bm25(quotes_fts) * {QUOTE_BOOST}, q.anchor_start
FROM quotes_fts JOIN quotes AS q ON q.rowid = quotes_fts.rowid
WHERE quotes_fts MATCH ? AND q.deleted = 0
ORDER BY bm25(quotes_fts) LIMIT ?
"""
_PLACES_SQL = """
SELECT i.id, COALESCE(g.name, ''), COALESCE(s.day, 1), COALESCE(s.starts, ''), COALESCE(t.name, '')
FROM interviews AS i
LEFT JOIN stakeholder_groups AS g ON g.id = i.group_id
LEFT JOIN slots AS s ON s.id = i.slot_id
LEFT JOIN teams AS t ON t.id = i.team_id
WHERE i.id IN ({ids})
"""


def search(store: Store, user_text: str, limit: int = DEFAULT_LIMIT) -> list[Hit]:
    query = parse(user_text)
    if query is None:
        return []
    raw: list[tuple[str, Any]] = []
    with store.session() as s:
        # The DB-API connection under the session: these few fixed statements need none of SQLAlchemy's work.
        db = s.connection().connection.driver_connection
        assert db is not None
        try:
            for kind, sql in (("note", _NOTES_SQL), ("quote", _QUOTES_SQL)):
                raw.extend((kind, row) for row in db.execute(sql, (query.fts, limit)))
        except sqlcipher.DatabaseError:
            # Our expressions are quoted strings only; should FTS5 still refuse one, "nothing found" is the answer.
            return []
        raw.sort(key=lambda kr: float(kr[1][4]))
        raw = raw[:limit]
        places = _places(db, {row[1] for _k, row in raw})
        bodies = _bodies(db, [row[0] for kind, row in raw if kind == "note"])
    hits = []
    for kind, (record_id, interview_id, note, snippet, rank, anchor) in raw:
        group, where = places.get(interview_id, ("", ""))
        position = first_match(bodies.get(record_id, ""), query) if kind == "note" else int(anchor)
        hits.append(Hit(kind, record_id, interview_id, note or "", group, where, snippet, position, float(rank)))
    return hits


def _marks(n: int) -> str:
    return ", ".join("?" * n)


def _places(db: Any, interview_ids: set[str]) -> dict[str, tuple[str, str]]:
    if not interview_ids:
        return {}
    found = {}
    for interview_id, group, day, starts, team in db.execute(
        _PLACES_SQL.format(ids=_marks(len(interview_ids))), tuple(interview_ids)
    ):
        when = starts if int(day) == 1 else f"Day {day}, {starts}"
        found[interview_id] = (group, " ".join(p for p in (when, team) if p))
    return found


def _bodies(db: Any, note_ids: list[str]) -> dict[str, str]:
    if not note_ids:
        return {}
    sql = f"SELECT id, body FROM notes WHERE id IN ({_marks(len(note_ids))})"
    return {row[0]: row[1] for row in db.execute(sql, tuple(note_ids))}


def first_match(body: str, query: Query) -> int:
    """Where the first searched word starts in a note (the editor jumps there); 0 if the index matched what a
    plain search cannot see (for example a word written with accents)."""
    best = -1
    for n, word in enumerate(query.words):
        is_prefix = query.prefix and n == len(query.words) - 1
        pattern = r"\b" + re.escape(word) + ("" if is_prefix else r"\b")
        found = re.search(pattern, body, re.IGNORECASE)
        if found and (best < 0 or found.start() < best):
            best = found.start()
    return max(best, 0)

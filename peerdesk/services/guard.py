"""The non-attribution guard: finds names and obvious identifiers in notes and quotes.

Quotes must never say who said them. The team enters the names it meets during the visit (interviewees, staff,
others); the guard looks for each name, its first name and its surname, and for identifiers anyone can spot
(email addresses, phone numbers, "my name is …", a title with a surname). It only points: people decide.

The public API, for the quote tagger, the presentation and bundles:

- ``check(store, text) -> list[Finding]``: what in ``text`` could identify someone (fast: run it per keystroke);
- ``flagged_quotes(store) -> list[FlaggedQuote]``: live quotes with findings, each with its decision;
- ``flagged_quote_ids(store, {id: text}) -> list[str]``: which of these quotes have findings;
- ``set_decision(store, quote_id, decision) -> Changes``: record "keep", "exclude" or "" (undecided);
- ``excluded_quote_ids(store) -> set[str]``: quotes the team decided to leave out of anything shared.

One regular expression per set of names is compiled and cached by the names' version, so checking a note of a
few thousand characters against a few hundred names takes well under a millisecond (tests/bench/bench_guard.py).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from peerdesk.errors import UserError
from peerdesk.services import records
from peerdesk.services.changes import Changes
from peerdesk.store import rules
from peerdesk.store.engine import Store

KINDS = rules.GUARDED_NAME_KINDS
KIND_LABELS = MappingProxyType({"interviewee": "Interviewee", "staff": "Staff member", "other": "Someone else named"})
DECISIONS = rules.GUARD_DECISIONS
UNDECIDED = "undecided"

# Reasons are short, stable codes; ``REASON_LABELS`` says them in words.
NAME, EMAIL, PHONE, SELF_NAMED, TITLED = "name", "email", "phone", "self-named", "titled-name"
REASON_LABELS = MappingProxyType(
    {
        NAME: "a guarded name",
        EMAIL: "an email address",
        PHONE: "a phone number",
        SELF_NAMED: "someone giving their name",
        TITLED: "a title with a surname",
    }
)

# Initials and particles are matched only as part of the full name: alone they are everyday words or letters.
MIN_PART = 2
PARTICLES = frozenset((
    "de", "da", "di", "del", "della", "la", "le", "van", "von", "der", "den", "du", "st", "bin", "ibn", "al", "el",
    "ap",
))  # fmt: skip


@dataclass(frozen=True)
class Finding:
    """Characters ``start``..``end`` of the checked text could identify someone, for ``reason``."""

    start: int
    end: int
    reason: str
    name: str = ""  # the guarded name it matches, for NAME findings

    @property
    def label(self) -> str:
        base = REASON_LABELS[self.reason]
        return f"{base} ({self.name})" if self.name else base


@dataclass(frozen=True)
class FlaggedQuote:
    quote_id: str
    text: str
    group_id: str
    findings: tuple[Finding, ...]
    decision: str  # "keep", "exclude" or "undecided"


# --- identifiers anyone can spot ---------------------------------------------------------------------------------

_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
# A run of digits with the separators people type in phone numbers; kept only if it starts like a phone number
# (0 or +) and has as many digits as one, so dates, years and counts are not flagged.
_PHONE = re.compile(r"(?<![\w+])(?:\+|\(0|0)[\d()\s.-]{8,20}\d(?!\w)")
_DIGITS = re.compile(r"\d{3}")
_TITLES = r"Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Cllr|Councillor|Sir|Dame|Lord|Lady|Judge"
_TITLED = re.compile(rf"\b(?:{_TITLES})\.?\s+[A-Z][\w'’-]+")
_SELF = re.compile(
    r"\b(?i:my\s+name\s+is|my\s+name['’]s|i['’]m|i\s+am|call\s+me)\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)"
)
# Capitalised words that follow "I'm" at the start of a sentence without being names.
_NOT_NAMES = frozenset((
    "not", "so", "just", "really", "sure", "here", "there", "going", "also", "very", "the", "a", "an", "in", "on",
    "at", "still", "glad", "happy", "sorry", "afraid", "new", "worried", "proud", "honest", "tired", "only", "always",
    "never", "from", "with", "responsible", "part", "one",
))  # fmt: skip


def _phone_like(match: str) -> bool:
    digits = sum(c.isdigit() for c in match)
    return 10 <= digits <= 13


def identifier_findings(text: str) -> list[Finding]:
    found = []
    # Cheap tests first: most notes hold no "@" and few digits, and these scans dominate a keystroke's check.
    if "@" in text:
        found += [Finding(m.start(), m.end(), EMAIL) for m in _EMAIL.finditer(text)]
    if _DIGITS.search(text):
        found += [Finding(m.start(), m.end(), PHONE) for m in _PHONE.finditer(text) if _phone_like(m.group())]
    found += [Finding(m.start(), m.end(), TITLED) for m in _TITLED.finditer(text)]
    for m in _SELF.finditer(text):
        if m.group(1).split()[0].lower() not in _NOT_NAMES:
            found.append(Finding(m.start(1), m.end(1), SELF_NAMED))
    return found


# --- guarded names -----------------------------------------------------------------------------------------------


class NameMatcher:
    """One compiled expression for a set of names: full names, first names and surnames, any case."""

    def __init__(self, names: tuple[str, ...]) -> None:
        self.owners: dict[str, list[str]] = {}
        for name in names:
            for variant in _variants(name):
                self.owners.setdefault(variant, [])
                if name not in self.owners[variant]:
                    self.owners[variant].append(name)
        self.regex: re.Pattern[str] | None = None
        if self.owners:
            body = _trie_pattern(sorted(self.owners))
            # Word boundaries that respect letters beyond ASCII; a possessive ('s or ’s) is part of it.
            self.regex = re.compile(rf"(?<!\w)(?:{body})(?:['’]s)?(?!\w)", re.IGNORECASE)

    def findings(self, text: str) -> list[Finding]:
        if self.regex is None:
            return []
        found = []
        for m in self.regex.finditer(text):
            key = _normalise(re.sub(r"['’]s$", "", m.group()))
            owners = self.owners.get(key, [])
            found.append(Finding(m.start(), m.end(), NAME, " / ".join(owners)))
        return found


def _trie_pattern(words: list[str]) -> str:
    """One alternation shaped as a prefix tree: the engine tries each letter once, not each name in turn.

    A plain ``a|b|c`` of hundreds of names costs milliseconds per note; the tree keeps a keystroke's check well
    under one. Longer continuations come first, so "Priya Patel" wins over "Priya" at the same place.
    """
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict[str, Any]) -> str:
        branches = [_char(char) + pattern(child) for char, child in sorted(node.items()) if char]
        optional = "" in node
        if not branches:
            return ""
        inner = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if optional:
            return f"(?:{inner})?" if len(branches) > 1 or len(branches[0]) > 1 else inner + "?"
        return inner

    return pattern(trie)


def _char(char: str) -> str:
    return r"\s+" if char == " " else re.escape(char)


def _normalise(text: str) -> str:
    return " ".join(text.split()).casefold()


def _variants(name: str) -> set[str]:
    parts = name.split()
    variants = {_normalise(name)} if parts else set()
    for part in parts:
        if len(part.strip(".")) >= MIN_PART and part.casefold() not in PARTICLES:
            variants.add(_normalise(part))
    return variants


@functools.lru_cache(maxsize=16)
def compile_names(names: tuple[str, ...]) -> NameMatcher:
    return NameMatcher(names)


def check_text(text: str, names: tuple[str, ...] = ()) -> list[Finding]:
    """Findings in ``text`` for these names and the obvious identifiers, in reading order, overlaps merged."""
    found = compile_names(tuple(sorted(set(names)))).findings(text) + identifier_findings(text)
    return _merge(found)


def _merge(found: list[Finding]) -> list[Finding]:
    """One finding per stretch of text: a guarded name beats a generic reason over the same characters."""
    found.sort(key=lambda f: (f.start, -(f.end - f.start), f.reason != NAME))
    merged: list[Finding] = []
    for f in found:
        if merged and f.start < merged[-1].end:
            last = merged[-1]
            if f.end > last.end:
                merged[-1] = Finding(last.start, f.end, last.reason, last.name)
            continue
        merged.append(f)
    return merged


# --- with a review file ------------------------------------------------------------------------------------------


def guarded_names(store: Store) -> tuple[str, ...]:
    """The live guarded names, read from the file (a window keeps them in its ``NamesCache``)."""
    rows = store.rows("SELECT name FROM guarded_names WHERE NOT deleted")
    return tuple(sorted({name.strip() for (name,) in rows if name.strip()}))


class NamesCache:
    """One open review's guarded names, read once and kept until ``invalidate``.

    Its owner (the UI's review session) invalidates it on every change that touches the names — an edit, a merged
    bundle, a purge, a restore — so a check per keystroke never reads the file and never uses a stale list.
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self._names: tuple[str, ...] | None = None

    def names(self) -> tuple[str, ...]:
        if self._names is None:
            self._names = guarded_names(self.store)
        return self._names

    def invalidate(self) -> None:
        self._names = None

    def check(self, text: str) -> list[Finding]:
        return check_text(text, self.names())


def check(store: Store, text: str) -> list[Finding]:
    """What in ``text`` could identify someone, given this review's guarded names."""
    return check_text(text, guarded_names(store))


def decision_of(stored: str) -> str:
    """The team's decision on a quote, from what its record holds (anything else counts as undecided)."""
    return stored if stored in DECISIONS else UNDECIDED


def flagged_quotes(store: Store) -> list[FlaggedQuote]:
    """Live quotes whose text has findings, in creation order, each with the team's decision so far."""
    from sqlalchemy import select

    from peerdesk.store.models import Quote

    names = guarded_names(store)
    with store.session() as s:
        quotes = list(s.scalars(select(Quote).where(Quote.deleted.is_(False)).order_by(Quote.updated, Quote.id)))
    flagged = []
    for q in quotes:
        findings = check_text(q.text, names)
        if findings:
            flagged.append(FlaggedQuote(q.id, q.text, q.group_id, tuple(findings), decision_of(q.guard_decision)))
    return flagged


def flagged_quote_ids(store: Store, quotes: Mapping[str, str]) -> list[str]:
    """Of these quotes (id -> text), the ids whose text has findings, sorted (the presentation's check)."""
    names = guarded_names(store)
    return sorted(qid for qid, text in quotes.items() if check_text(text, names))


def undecided_quotes(store: Store) -> list[FlaggedQuote]:
    """What an export must ask about before it goes ahead."""
    return [f for f in flagged_quotes(store) if f.decision == UNDECIDED]


def excluded_quote_ids(store: Store) -> set[str]:
    """Quotes the team decided to leave out of anything that leaves the team (presentation, bundles)."""
    from sqlalchemy import select

    from peerdesk.store.models import Quote

    with store.session() as s:
        return set(s.scalars(select(Quote.id).where(Quote.deleted.is_(False), Quote.guard_decision == "exclude")))


def set_decision(store: Store, quote_id: str, decision: str) -> Changes:
    """Record a decision on a flagged quote: "keep", "exclude", or "" / "undecided" to clear it."""
    from peerdesk.store.models import Quote
    from peerdesk.store.uow import UnitOfWork

    value = "" if decision in ("", UNDECIDED) else decision
    if value and value not in DECISIONS:
        raise UserError(f"Unknown decision {decision!r}: choose keep or exclude.")
    with UnitOfWork(store) as uow:
        row = uow.get(Quote, quote_id)
        changed = uow.update(row, guard_decision=value)
        uow.commit()
    return Changes.of("quotes", ids=[quote_id]) if changed else Changes()


def add_name(store: Store, name: str, kind: str = "other") -> tuple[str, Changes]:
    from peerdesk.store.models import GuardedName
    from peerdesk.store.uow import UnitOfWork

    name = " ".join(name.split())
    if not name:
        raise UserError("Enter the name to guard.")
    if kind not in KINDS:
        raise UserError(f"Unknown kind {kind!r}: choose one of {', '.join(KINDS)}.")
    with UnitOfWork(store) as uow:
        row = uow.add(GuardedName, None, name=name, kind=kind)
        return records.created(uow, row)

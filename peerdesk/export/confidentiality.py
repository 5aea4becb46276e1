"""The confidentiality check that comes before a presentation: which of the quotes that could appear are flagged.

The non-attribution guard (``peerdesk.services.guard``, another part of peerdesk) is the authority. When it is
installed and offers ``flagged_quote_ids(store, quote_ids)`` we ask it; until then this module applies a small
check of its own: the names the team entered as guarded, e-mail addresses, phone numbers and "my name is …".
Either way the result is only ids: the caller decides, and records the decision on the quote (keep / exclude).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Mapping

from sqlalchemy import select

from peerdesk.store.engine import Store
from peerdesk.store.models import GuardedName, Quote

FlagFinder = Callable[[Store, Mapping[str, str]], list[str]]

_IDENTIFIERS = (
    re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+"),  # e-mail address
    re.compile(r"(?:\+44\s?|\b0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}\b"),  # UK-style phone number
    re.compile(r"\bmy name(?:'s| is)\s+[A-Z]", re.IGNORECASE),
    re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+[A-Z][a-z]+"),  # a title with a surname
)


def basic_flags(store: Store, quotes: Mapping[str, str]) -> list[str]:
    """Quote ids whose text holds a guarded name or an obvious identifier."""
    with store.session() as s:
        names = [n.strip() for n in s.scalars(select(GuardedName.name).where(GuardedName.deleted.is_(False)))]
    patterns = [re.compile(rf"(?<!\w){re.escape(n)}(?!\w)", re.IGNORECASE) for n in names if len(n) >= 2]
    flagged = []
    for qid, text in quotes.items():
        if any(p.search(text) for p in (*patterns, *_IDENTIFIERS)):
            flagged.append(qid)
    return sorted(flagged)


def flag_finder() -> FlagFinder:
    """The guard's check when it is installed, else ours."""
    try:
        guard = importlib.import_module("peerdesk.services.guard")
    except ImportError:
        return basic_flags
    finder = getattr(guard, "flagged_quote_ids", None)
    return finder if callable(finder) else basic_flags


def undecided(store: Store, flagged: list[str]) -> list[tuple[str, str]]:
    """(id, text) of flagged quotes nobody has decided on yet, for the decision dialog."""
    if not flagged:
        return []
    with store.session() as s:
        rows = s.scalars(select(Quote).where(Quote.id.in_(flagged), Quote.deleted.is_(False)))
        return [(q.id, q.text) for q in rows if q.guard_decision not in ("keep", "exclude")]

"""A starter set of leadership-of-change items, so a team without the host's own survey has one to begin from.

The pairs are written in our own words and shipped as data (``resources/survey_starter.csv``, the same
``left,right`` shape the CSV import takes). They are ordinary items once added: edit, reorder or remove them, and
import the host's own alongside. Adding the set twice adds nothing the second time: a pair already in the survey
(same two statements, ignoring case and spacing) is skipped.
"""

from __future__ import annotations

import csv
import io
from importlib import resources

from peerdesk.errors import UserError
from peerdesk.services.survey import DEFAULT_SCALE, Imported, add_items, common_scale, items
from peerdesk.store.engine import Store

RESOURCE = "survey_starter.csv"


def starter_pairs() -> list[tuple[str, str]]:
    text = (resources.files("peerdesk.resources") / RESOURCE).read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["left", "right"], f"{RESOURCE} starts with its header"
    return [(left.strip(), right.strip()) for left, right in rows[1:]]


def _same(text: str) -> str:
    return " ".join(text.split()).casefold()


def add_starter_items(store: Store) -> Imported:
    """Add the starter pairs the survey does not hold yet, on the survey's current scale."""
    existing = items(store)
    have = {(_same(i.left), _same(i.right)) for i in existing}
    missing = [(left, right) for left, right in starter_pairs() if (_same(left), _same(right)) not in have]
    if not missing:
        raise UserError("The survey already holds every starter item.")
    low, high = common_scale(existing) or DEFAULT_SCALE
    return add_items(store, [(left, right, (low, high)) for left, right in missing])

"""The questioning approaches an interview can use: stable keys (stored) and the labels people read."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from peerdesk.store import rules

APPROACHES: tuple[str, ...] = rules.APPROACHES  # declared with the shared rules, which bundles obey too

LABELS: Mapping[str, str] = MappingProxyType(
    {
        "transformational": "Transformational learning",
        "ethnographic": "Ethnographic",
        "appreciative": "Appreciative inquiry",
        "solution-focused": "Solution-focused",
        "other": "Other",
    }
)


def label(approach: str) -> str:
    return LABELS.get(approach, approach or "No approach chosen")


def parse(text: str) -> str | None:
    """The approach key for a key or a label typed any old way ("Appreciative Inquiry", "solution focused")."""
    wanted = _squash(text)
    if not wanted:
        return ""
    for key, name in LABELS.items():
        if wanted in (_squash(key), _squash(name)) or (len(wanted) >= 5 and _squash(name).startswith(wanted)):
            return key
    return None


def _squash(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())

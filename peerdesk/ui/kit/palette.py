"""The colours of roses, thorns, buds and ideas: one palette, so the wall, the read-out card and the insight
builder's evidence list show a thorn in the same blue (the colour is how people find a kind at a glance)."""

from __future__ import annotations

from types import MappingProxyType

from PySide6.QtGui import QColor

# Fill and edge per kind, as hex: a light fill that dark ink reads on, and a darker edge of the same hue.
FILL_HEX = MappingProxyType({"rose": "#f7c5d2", "thorn": "#bcd6f4", "bud": "#c6e7b8", "idea": "#fff1a6"})
EDGE_HEX = MappingProxyType({"rose": "#c2577a", "thorn": "#3f74b5", "bud": "#4f8f3a", "idea": "#b39321"})
INK_HEX = "#1f232a"
UNKNOWN_FILL, UNKNOWN_EDGE = "#eeeeee", "#9aa3ad"


def fill(kind: str) -> QColor:
    """The post-it's colour for ``kind`` (a neutral grey for a kind this version does not know)."""
    return QColor(FILL_HEX.get(kind, UNKNOWN_FILL))


def edge(kind: str) -> QColor:
    return QColor(EDGE_HEX.get(kind, UNKNOWN_EDGE))


def ink() -> QColor:
    return QColor(INK_HEX)

"""The wall's "Make insight" (Ctrl+I on a theme, or its context menu) lands in the Insights dock.

One action: the dock comes forward with the new insight selected and its statement ready to be reworded; a theme
that already has an insight selects that one instead of making a second. What happened is said in the status bar.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QDockWidget, QStatusBar

from peerdesk.services import insights
from peerdesk.ui.insights.panel import InsightsPanel
from peerdesk.ui.kit.panel import Panel

DOCK = "dock-insights"
SHOWN_MS = 6000


class Window(Protocol):
    """What this needs of the main window (named here so that the shell need not be imported)."""

    panels: dict[str, Panel]
    docks: dict[str, QDockWidget]

    def statusBar(self) -> QStatusBar: ...


def theme_to_insight(window: Window, theme_id: str) -> str | None:
    """Make (or find) the theme's insight and put it in front of the user; returns its id."""
    if DOCK not in window.docks:
        return None
    dock = window.docks[DOCK]
    dock.show()  # with the panels hidden, that ends the hiding (shell/layouts.py)
    dock.raise_()
    panel = window.panels[DOCK]  # built now if the dock had not been shown yet
    if not isinstance(panel, InsightsPanel):
        return None
    existing = panel.session.call(lambda s: insights.insight_of_theme(s, theme_id))
    if existing is not None:
        panel.select(existing)
        panel.texts["statement"].setFocus()
        window.statusBar().showMessage("That theme is already an insight: here it is.", SHOWN_MS)
        return existing
    made = panel.make_insight(theme_id) or None
    if made is not None:
        count = len(panel.model.rows)
        window.statusBar().showMessage(f"Insight {count} made from the theme, with its quotes.", SHOWN_MS)
    return made

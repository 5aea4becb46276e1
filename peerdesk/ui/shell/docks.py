"""One module per dock panel. ``PANELS`` is the list the main window builds its docks from."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt

from peerdesk.ui.kit.panel import Panel


@dataclass(frozen=True)
class PanelSpec:
    object_name: str  # stable: saveState() keys docks by it
    title: str
    factory: type[Panel]
    area: Qt.DockWidgetArea
    shortcut: str  # View menu shortcut to show and focus it


def panel_specs() -> list[PanelSpec]:
    # Imported here so that each panel module is loaded only when a window is built.
    from peerdesk.ui.insights.panel import InsightsPanel
    from peerdesk.ui.notes.panel import NotesPanel
    from peerdesk.ui.quotes.panel import QuotesPanel
    from peerdesk.ui.timetable.panel import TimetablePanel

    left, bottom = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.BottomDockWidgetArea
    return [
        PanelSpec("dock-timetable", "Timetable", TimetablePanel, left, "Ctrl+Shift+1"),
        PanelSpec("dock-notes", "Interview notes", NotesPanel, left, "Ctrl+Shift+2"),
        PanelSpec("dock-quotes", "Quotes", QuotesPanel, bottom, "Ctrl+Shift+3"),
        PanelSpec("dock-insights", "Insights", InsightsPanel, bottom, "Ctrl+Shift+4"),
    ]

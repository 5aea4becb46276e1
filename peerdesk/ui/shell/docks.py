"""One module per dock panel. ``PANELS`` is the list the main window builds its docks from."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow

from peerdesk.ui.kit.panel import Panel

LEFT_WIDTH = (
    600  # the note taker's editor and its Questions tab side by side, nothing cut (tests/ui/shell/test_layout.py)
)
BOTTOM_HEIGHT = 300  # the Insights builder's form whole, a few Quotes rows; the wall and overview keep the rest
SLACK = 12  # a dock's frame and its scroll area's, around the panel


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


class DefaultSizes(QObject):
    """Until the user moves a dock or a separator, the default dock sizes follow the window's own size: the
    window is built before the desktop gives it its size (a laptop screen, a maximised window)."""

    def __init__(self, window: QMainWindow, docks: dict[str, QDockWidget], panels: dict[str, Panel]) -> None:
        super().__init__(window)
        self.window, self.docks, self.panels = window, docks, panels
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Show, QEvent.Type.Resize):
            size_docks(self.window, self.docks, self.panels)
        elif event.type() == QEvent.Type.MouseButtonPress:  # a separator dragged: the user's sizes from now on
            self.window.removeEventFilter(self)
        return False


def size_docks(window: QMainWindow, docks: dict[str, QDockWidget], panels: dict[str, Panel]) -> None:
    """The left side as wide as its widest panel needs; the bottom tall enough for the insight form."""
    left = [name for name in ("dock-timetable", "dock-notes") if name in docks]
    if left:
        need = max((panels[n].minimumSizeHint().width() + SLACK for n in left if n in panels), default=LEFT_WIDTH)
        window.resizeDocks([docks[left[0]]], [max(LEFT_WIDTH, need)], Qt.Orientation.Horizontal)
    if "dock-quotes" in docks:
        window.resizeDocks([docks["dock-quotes"]], [BOTTOM_HEIGHT], Qt.Orientation.Vertical)


def arrange(window: QMainWindow, docks: dict[str, QDockWidget], panels: dict[str, Panel]) -> None:
    """The default layout: Day 1's panels share the left side from top to bottom (the note taker needs the
    height), the two wide Day 2 tables share the bottom under the central area (overview, wall, workshop).

    The left side is as wide as its widest panel needs, so the notes are never cut or scrolled sideways.
    """
    window.setCorner(Qt.Corner.TopLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
    window.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
    for first, second in (("dock-timetable", "dock-notes"), ("dock-quotes", "dock-insights")):
        if first in docks and second in docks:
            window.tabifyDockWidget(docks[first], docks[second])
            docks[first].raise_()
    size_docks(window, docks, panels)

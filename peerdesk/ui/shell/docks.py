"""One module per dock panel. ``panel_specs()`` is the list the main window builds its docks from.

A window starts with only the panels it shows: the others (a dock behind another's tab, a closed one) are built
the first time they are shown or asked for (``LazyPanels``), and their modules are imported only then.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDockWidget, QMainWindow, QVBoxLayout, QWidget

from peerdesk.ui.kit.panel import Panel
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.kit.widgets import scrolling

# The note taker's editor and its side tabs side by side, nothing cut (tests/ui/shell/test_layout.py); known
# before the notes panel is built, which happens only when its dock is first shown.
LEFT_WIDTH = 640
BOTTOM_HEIGHT = 300  # the Insights builder's form whole, a few Quotes rows; the wall and overview keep the rest
SLACK = 12  # a dock's frame and its scroll area's, around the panel


@dataclass(frozen=True)
class PanelSpec:
    object_name: str  # stable: saveState() keys docks by it
    title: str
    factory: Callable[[ReviewSession], Panel]
    area: Qt.DockWidgetArea
    shortcut: str  # View menu shortcut to show and focus it


class LazyPanels(dict[str, Panel]):
    """The window's panels by dock name. ``panels[name]`` builds that panel if it is not built yet; ``get``,
    ``values`` and ``in`` see only the panels built so far (those are the ones with anything to flush or show)."""

    def __init__(self, build: Callable[[str], Panel]) -> None:
        super().__init__()
        self._build = build

    def __missing__(self, name: str) -> Panel:
        panel = self._build(name)
        self[name] = panel
        return panel


class LazyTab(QWidget):
    """A page of the central work area whose content ``factory`` builds the first time the page is shown, or
    ``build()`` is called (``scroll``: inside a scroll area, for forms wider than a laptop screen leaves room)."""

    first_shown = Signal()

    def __init__(self, factory: Callable[[], QWidget], *, scroll: bool = False) -> None:
        super().__init__()
        self._factory, self._scroll = factory, scroll
        self.content: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.first_shown.connect(self.build)

    def build(self) -> QWidget:
        if self.content is None:
            self.content = self._factory()
            layout = self.layout()
            assert layout is not None
            layout.addWidget(scrolling(self.content) if self._scroll else self.content)
        return self.content

    def showEvent(self, event: QShowEvent) -> None:
        if self.content is None:
            self.first_shown.emit()
        super().showEvent(event)


def wall(session: ReviewSession) -> QWidget:
    from peerdesk.ui.wall.widget import WallWidget

    return WallWidget(session)


def _timetable(session: ReviewSession) -> Panel:
    from peerdesk.ui.timetable.panel import TimetablePanel

    return TimetablePanel(session)


def _notes(session: ReviewSession) -> Panel:
    from peerdesk.ui.notes.panel import NotesPanel

    return NotesPanel(session)


def _quotes(session: ReviewSession) -> Panel:
    from peerdesk.ui.quotes.panel import QuotesPanel

    return QuotesPanel(session)


def _insights(session: ReviewSession) -> Panel:
    from peerdesk.ui.insights.panel import InsightsPanel

    return InsightsPanel(session)


def panel_specs() -> list[PanelSpec]:
    left, bottom = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.BottomDockWidgetArea
    return [
        PanelSpec("dock-timetable", "Timetable", _timetable, left, "Ctrl+Shift+1"),
        PanelSpec("dock-notes", "Interview notes", _notes, left, "Ctrl+Shift+2"),
        PanelSpec("dock-quotes", "Quotes", _quotes, bottom, "Ctrl+Shift+3"),
        PanelSpec("dock-insights", "Insights", _insights, bottom, "Ctrl+Shift+4"),
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

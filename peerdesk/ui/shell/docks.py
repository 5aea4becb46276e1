"""One module per dock panel. ``panel_specs()`` is the list the main window builds its docks from.

A window starts with only the panels it shows: the others (a dock behind another's tab, a closed one) are built
the first time they are shown or asked for (``LazyPanels``), and their modules are imported only then.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from peerdesk.ui.kit.panel import Panel
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.kit.widgets import scrolling


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

"""One module per dock panel. ``panel_specs()`` is the list the main window builds its docks from.

A window starts with only the panels it shows: the others (a dock behind another's tab, a closed one) are built
the first time they are shown or asked for (``LazyPanels``), and their modules are imported only then.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt

from peerdesk.ui.kit.panel import Panel
from peerdesk.ui.kit.session import ReviewSession


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

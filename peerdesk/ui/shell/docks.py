"""One module per dock panel. ``panel_specs()`` is the list the main window builds its docks from.

A window starts with only the panels it shows: the others (a dock behind another's tab, a closed one) are built
the first time they are shown or asked for (``LazyPanels``), and their modules are imported only then.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow, QStyle, QVBoxLayout, QWidget

from peerdesk.ui.kit.panel import Panel
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.kit.widgets import scrolling

if TYPE_CHECKING:  # built, and its module loaded, only when the wall is first shown
    from peerdesk.ui.wall.widget import WallWidget

# The note taker's editor and its side tabs side by side, nothing cut (tests/ui/shell/test_layout.py); known
# before the notes panel is built, which happens only when its dock is first shown.
LEFT_WIDTH = 640
BOTTOM_HEIGHT = 300  # the Insights builder's form whole, a few Quotes rows; the wall and overview keep the rest
SLACK = 12  # a dock's frame and its scroll area's, around the panel
# The work area's tabs and the docks under it whole (tests/ui/shell/test_layout.py): what a laptop leaves it.
WORK_WIDTH = 720
NOTES_SHARE = 0.5  # of a wider screen at most for the left side: the wall and the workshop keep a wide area


@dataclass(frozen=True)
class PanelSpec:
    object_name: str  # stable: saveState() keys docks by it
    title: str
    factory: Callable[[ReviewSession], Panel]
    area: Qt.DockWidgetArea
    shortcut: str  # View menu shortcut to show and focus it
    menu_text: str  # its View entry, with an Alt+letter of its own in that menu (the key beside it is the "Go to")


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


def wall(session: ReviewSession) -> WallWidget:
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
        PanelSpec("dock-timetable", "Timetable", _timetable, left, "Ctrl+Shift+1", "&Timetable"),
        PanelSpec("dock-notes", "Interview notes", _notes, left, "Ctrl+Shift+2", "Interview &notes"),
        PanelSpec("dock-quotes", "Quotes", _quotes, bottom, "Ctrl+Shift+3", "&Quotes"),
        PanelSpec("dock-insights", "Insights", _insights, bottom, "Ctrl+Shift+4", "&Insights"),
    ]


def install_go_to(
    window: QMainWindow, docks: dict[str, QDockWidget], panels: dict[str, Panel], specs: Iterable[PanelSpec]
) -> list[QAction]:
    """Each panel's key (Ctrl+Shift+1…4) goes to it: opens it if it was closed, brings its tab to the front and
    gives it the keyboard. The key never closes it: on the dock's own View entry, a toggle, the key meant to go
    to the timetable closed it (and a second press brought it back behind the notes' tab). The View entry still
    opens and closes the panel, and shows the key."""
    actions = []
    for spec in specs:
        dock = docks[spec.object_name]
        # a menu shows what follows a tab as the entry's key
        dock.toggleViewAction().setText(f"{spec.menu_text}\t{spec.shortcut}")
        action = QAction(f"Go to {spec.title}", window)
        action.setShortcut(QKeySequence(spec.shortcut))
        action.triggered.connect(lambda _c=False, name=spec.object_name: go_to(docks[name], lambda: panels[name]))
        window.addAction(action)
        actions.append(action)
        dock.visibilityChanged.connect(lambda shown, d=dock: keyboard_follows(window, d) if shown else None)
    return actions


def keyboard_follows(window: QMainWindow, shown: QDockWidget) -> None:
    """A dock's tab brought to the front over another's: the keyboard leaves the covered one. Qt keeps it there
    (the covered dock is not hidden): the timetable's tab clicked while typing notes, arrows and Enter went on
    into the notes out of sight."""
    focus = QApplication.focusWidget()
    if focus is None or shown.isAncestorOf(focus):
        return
    if any(covered.isAncestorOf(focus) for covered in window.tabifiedDockWidgets(shown)):
        target = shown.widget()
        inside = target.focusWidget() if target is not None else None
        (inside or first_focusable(shown) or shown).setFocus(Qt.FocusReason.TabFocusReason)


def go_to(dock: QDockWidget, panel: Callable[[], Panel]) -> None:
    """Open ``dock`` if closed, bring it to the front and put the keyboard where it last was in its panel."""
    if not dock.toggleViewAction().isChecked():
        dock.toggleViewAction().trigger()  # as the View entry does (the window's layouts hear of it)
    dock.raise_()
    shown = panel()
    target = shown.focusWidget() or first_focusable(shown)
    (target or shown).setFocus(Qt.FocusReason.ShortcutFocusReason)


def first_focusable(widget: QWidget) -> QWidget | None:
    """The first widget inside ``widget`` that Tab would stop at."""
    candidate = widget.nextInFocusChain()
    while candidate is not None and candidate is not widget and widget.isAncestorOf(candidate):
        if candidate.focusPolicy() & Qt.FocusPolicy.TabFocus and candidate.isVisibleTo(widget):
            return candidate
        candidate = candidate.nextInFocusChain()
    return None


Sizer = Callable[[QMainWindow, dict[str, QDockWidget], dict[str, Panel]], None]


class DefaultSizes(QObject):
    """Until the user moves a dock or a separator, the default dock sizes follow the window's own size: the
    window is built before the desktop gives it its size (a laptop screen, a maximised window)."""

    def __init__(
        self, window: QMainWindow, docks: dict[str, QDockWidget], panels: dict[str, Panel], size: Sizer | None = None
    ) -> None:
        super().__init__(window)
        self.window, self.docks, self.panels = window, docks, panels
        self.sizer = size or size_docks  # Day 1's by default; each layout of the visit has its own (layouts.py)
        self.following = True
        window.installEventFilter(self)
        if "dock-notes" in docks:  # its panel is built when first shown: sized then, once it is laid out
            # A method, not a lambda: Qt drops the connection when this follower is deleted (another layout's took
            # over); a lambda outlived it and raised "Something went wrong" at the next showing of the notes dock.
            docks["dock-notes"].visibilityChanged.connect(self._notes_shown)

    def _notes_shown(self, shown: bool) -> None:
        if shown:
            QTimer.singleShot(0, self, self.apply)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Show, QEvent.Type.Resize):
            self.apply()
        elif event.type() == QEvent.Type.MouseButtonPress:  # a separator dragged: the user's sizes from now on
            self.stop()
        return False

    def stop(self) -> None:
        self.window.removeEventFilter(self)
        self.following = False

    def apply(self) -> None:
        if self.following:
            self.sizer(self.window, self.docks, self.panels)


def size_docks(window: QMainWindow, docks: dict[str, QDockWidget], panels: dict[str, Panel]) -> None:
    """The left side as wide as its widest panel needs, and on a wider screen up to half of it while the work
    area keeps ``WORK_WIDTH``; the bottom tall enough for the insight form."""
    left = [name for name in ("dock-timetable", "dock-notes") if name in docks]
    if left:
        need = max((panels[n].minimumSizeHint().width() + SLACK for n in left if n in panels), default=LEFT_WIDTH)
        window.resizeDocks([docks[left[0]]], [left_width(window, need)], Qt.Orientation.Horizontal)
        if "dock-notes" in panels:
            editor_takes_the_width(panels["dock-notes"])
    if "dock-quotes" in docks:
        window.resizeDocks([docks["dock-quotes"]], [BOTTOM_HEIGHT], Qt.Orientation.Vertical)


def left_width(window: QMainWindow, need: int) -> int:
    """On a laptop (1366 px) what the left panels need, the rest for the work area; on a wider screen the note
    taker gets the extra, up to ``NOTES_SHARE`` of the window, while the work area keeps ``WORK_WIDTH``."""
    separator = window.style().pixelMetric(QStyle.PixelMetric.PM_DockWidgetSeparatorExtent, None, window)
    spare = min(window.width() - WORK_WIDTH - separator, round(window.width() * NOTES_SHARE))
    return max(LEFT_WIDTH, need, spare)


def editor_takes_the_width(panel: Panel) -> None:
    """The notes' side tabs (questions, quotes, scales) keep their own width; the editor gets what the dock has
    beyond it, so that a wider dock means a wider page to type on, not wider side tabs."""
    from peerdesk.ui.notes.panel import NotesPanel

    if isinstance(panel, NotesPanel) and panel.splitter.count() == 2:
        panel.splitter.setStretchFactor(0, 1)
        panel.splitter.setStretchFactor(1, 0)
        side = panel.side.minimumWidth()
        panel.splitter.setSizes([max(0, sum(panel.splitter.sizes()) - side), side])


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

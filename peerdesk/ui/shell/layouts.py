"""The main window's layout for each part of the visit, remembered per part, and put back in one step.

Day 1 (interviews) keeps the timetable and the note taker on the left, Quotes and Insights under the work area; its
evening (post-its) keeps the note taker and gives the wall the rest, from top to bottom; Day 2 morning (themes and
insights) gives the wall and the Insights dock the whole width, with Quotes behind the Insights tab, tall enough to
pick quotes from; Day 2 afternoon gives the workshop the whole window. The window opens in the layout of the visit's
day and hour (``for_visit``); View ▸ lists the four and "Reset layout" (Ctrl+Shift+L).

What the user arranges is theirs: each part's own dock state is kept in the settings (no review content), restored
when that part is chosen again, and only "Reset layout" puts the default back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QRect, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QTabWidget

from peerdesk.services.review import ReviewSummary
from peerdesk.ui.kit import settings as ui_settings
from peerdesk.ui.kit.panel import Panel
from peerdesk.ui.shell.docks import DefaultSizes, Sizer, size_docks

LAYOUT_VERSION = 1
DEFAULT_SIZE = (1360, 860)
FRAME_ROOM = 40  # a title bar and borders, which the window's size leaves out
DAY1, EVENING, DAY2, WORKSHOP = "day1", "evening", "day2", "workshop"
EVENING_FROM = (16, 30)  # Day 1's first impressions start at 16.40, once the interviews are done
AFTERNOON = (12, 30)  # the findings go to the host at 12.30 on Day 2; the workshop follows
RESET_KEYS = "Ctrl+Shift+L"
HIDE_KEYS = "Ctrl+Shift+H"
# Day 2 morning: the bottom docks' height at least. Quotes then lists 8 rows to pick from (its filters and buttons
# on one line each across the window's width), and the insight editor has its height (tests/ui/shell/test_layouts.py).
DAY2_BOTTOM = 450
DAY2_SHARE = 0.45  # of a taller window for them: the wall keeps the rest


@dataclass(frozen=True)
class Layout:
    key: str
    title: str  # in the View menu
    shown: tuple[str, ...]  # docks open in it (the others closed, one key away in the View menu)
    front: tuple[str, ...]  # the dock on top of each tabbed pair
    tab: str  # the work area's tab brought forward ("" leaves it as it is)


def all_layouts() -> tuple[Layout, ...]:
    """Day 1's, Day 2 morning's and Day 2 afternoon's, in the View menu's order."""
    every_dock = ("dock-timetable", "dock-notes", "dock-quotes", "dock-insights")
    return (
        Layout(DAY1, "Day &1: interviews", every_dock, ("dock-timetable", "dock-quotes"), ""),
        Layout(EVENING, "Day 1 &evening: post-its", every_dock[:2], ("dock-notes",), "Wall"),
        Layout(DAY2, "Day &2 morning: themes and insights", every_dock[2:], ("dock-insights",), "Wall"),
        Layout(WORKSHOP, "Day 2 &afternoon: workshop", (), (), "Workshop"),
    )


def layout(key: str) -> Layout:
    return next(found for found in all_layouts() if found.key == key)


def for_visit(summary: ReviewSummary, now: dt.datetime) -> str:
    """The layout of the visit's day at ``now``: Day 1's, then its evening's; Day 2 morning's, then its workshop's;
    Day 1's on any other day (planning before the visit and the follow-up after it start from the overview)."""
    day2 = summary.visit_end or ""
    if summary.visit_start and summary.visit_start != day2 and now.date().isoformat() == summary.visit_start:
        return EVENING if (now.hour, now.minute) >= EVENING_FROM else DAY1
    if day2 and day2 != summary.visit_start and now.date().isoformat() == day2:
        return DAY2 if (now.hour, now.minute) < AFTERNOON else WORKSHOP
    return DAY1


def first_geometry(room: QRect) -> QRect | None:
    """Where a window opens before any size was saved: ``None`` where the default size fits the screen's free
    area with its frame; else the whole free area, maximized (a 1366×768 laptop cannot hold 1360×860: the status
    bar and the bottom of every dock would be below the screen's edge)."""
    width, height = DEFAULT_SIZE
    if room.width() >= width + FRAME_ROOM and room.height() >= height + FRAME_ROOM:
        return None
    return QRect(room)


def state_key(key: str) -> str:
    """Day 1's state keeps the name it always had: a layout saved when there was only one is Day 1's."""
    return "window/state" if key == DAY1 else f"window/state-{key}"


class Layouts:
    """The window's layouts: which is in use, the View menu's entries, and each one's saved state."""

    def __init__(
        self, window: QMainWindow, docks: dict[str, QDockWidget], panels: dict[str, Panel], work: QTabWidget
    ) -> None:
        self.window, self.docks, self.panels, self.work = window, docks, panels, work
        self.current = DAY1
        self.pristine = window.saveState(LAYOUT_VERSION)  # the docks as first arranged: every default starts there
        self.sizes: DefaultSizes | None = None
        self.actions: dict[str, QAction] = {}
        self.on_wall: Callable[[bool], None] = lambda _day2: None  # the wall in that mode, set by the window
        # "Hide the panels": the work area gets the whole window (on a laptop the Day 2 wall has ~160 pixels of
        # height under Quotes and Insights); the docks as they were are kept here and put back as they were.
        self.before_hiding: QByteArray | None = None
        self.hide_action = QAction("&Hide the panels", window, checkable=True, shortcut=QKeySequence(HIDE_KEYS))
        self.hide_action.setObjectName("actionHidePanels")
        self.hide_action.setStatusTip("Give the work area the whole window; again to bring the panels back")
        native = QKeySequence(HIDE_KEYS).toString(QKeySequence.SequenceFormat.NativeText)
        self.hide_action.setToolTip(f"Give the work area the whole window; again to bring the panels back ({native})")
        self.hide_action.toggled.connect(self._hide_panels)
        for dock in docks.values():  # a panel opened meanwhile (View, its key, Make insight…): what stands is theirs
            dock.visibilityChanged.connect(lambda shown: self._stop_hiding(put_back=False) if shown else None)

    # --- the View menu --------------------------------------------------------------------------------------------
    def install(self, menu: QMenu) -> QAction:
        """One entry per layout (the one in use ticked), then "Reset layout"; returns the reset action."""
        group = QActionGroup(menu)
        for each in all_layouts():
            action = QAction(each.title, menu, checkable=True)
            name = each.title.replace("&", "")
            action.setStatusTip(f"Arrange the window for {name} (as you last left it for that part of the visit)")
            action.triggered.connect(lambda _c=False, key=each.key: self.enter(key))
            group.addAction(action)
            menu.addAction(action)
            self.actions[each.key] = action
        self.actions[self.current].setChecked(True)
        menu.addAction(self.hide_action)
        reset = QAction("&Reset layout", menu, shortcut=QKeySequence(RESET_KEYS))
        reset.setStatusTip("Put this part of the visit's docks, tab and sizes back as they first were")
        menu.addAction(reset)
        return reset

    # --- choosing, saving, resetting ------------------------------------------------------------------------------
    def restore(self, key: str = DAY1) -> None:
        """On opening: the saved size and place, then ``key``'s saved state, or its default."""
        s = ui_settings.settings()
        geometry = s.value("window/geometry")
        # Qt moves a saved place back on screen if that screen has gone; a size saved on a bigger screen than this
        # one (a monitor in the office, the laptop alone on the visit) it refuses, and the window would keep a
        # size taller than the screen, the status bar and every dock's bottom below its edge: the first size then.
        if not (isinstance(geometry, QByteArray) and self.window.restoreGeometry(geometry)):
            self._first_size()
        self.current = key
        if key in self.actions:
            self.actions[key].setChecked(True)
        if not self._restore_saved(key):
            self.apply()

    def enter(self, key: str) -> None:
        """Change to ``key``'s layout: this one's state is kept for later, that one's saved state (or default)."""
        if key != self.current:
            ui_settings.settings().setValue(state_key(self.current), self._state())
            self._stop_hiding(put_back=False)
            self.current = key
            if not self._restore_saved(key):
                self.apply()
        self.actions[key].setChecked(True)

    def save(self, state: QByteArray | None = None) -> None:
        """On closing: size, place and the current layout's state (``state``: the one kept while locked)."""
        s = ui_settings.settings()
        s.setValue("window/geometry", self.window.saveGeometry())
        s.setValue(state_key(self.current), self.before_hiding or state or self.window.saveState(LAYOUT_VERSION))

    def _state(self) -> QByteArray:
        """The docks as the user arranged them: with the panels hidden, as they were before."""
        return self.before_hiding or self.window.saveState(LAYOUT_VERSION)

    def _hide_panels(self, hide: bool) -> None:
        if hide and self.before_hiding is None:
            self.before_hiding = self.window.saveState(LAYOUT_VERSION)
            for dock in self.docks.values():
                dock.hide()
        elif not hide:
            self._stop_hiding(put_back=True)

    def _stop_hiding(self, *, put_back: bool) -> None:
        """End "Hide the panels": the docks as they were (``put_back``), or as they now are."""
        state, self.before_hiding = self.before_hiding, None
        if state is not None and put_back:
            self.window.restoreState(state, LAYOUT_VERSION)
        if self.hide_action.isChecked():
            blocked = self.hide_action.blockSignals(True)
            self.hide_action.setChecked(False)
            self.hide_action.blockSignals(blocked)

    def _restore_saved(self, key: str) -> bool:
        state = ui_settings.settings().value(state_key(key))
        if not isinstance(state, QByteArray):
            return False
        self._bring_tab(layout(key))  # first: the tab left in front (the workshop's) could hold the docks back
        self._follow(None)  # the user's sizes, kept as they were
        return self.window.restoreState(state, LAYOUT_VERSION)

    def apply(self) -> None:
        """The current layout's default: its docks, on top where they belong, sized to the window."""
        self._stop_hiding(put_back=False)
        chosen = layout(self.current)
        self._bring_tab(chosen)
        # Not into a window never shown (the one being built is arranged so already): that restore left Qt's dock
        # layout holding an item it freed, and the next change of layout once shown (View ▸ Evening…) crashed.
        if self.window.isVisible():
            self.window.restoreState(self.pristine, LAYOUT_VERSION)
        for name, dock in self.docks.items():
            dock.setFloating(False)
            dock.setVisible(name in chosen.shown)
        for name in chosen.front:
            if name in self.docks:
                self.docks[name].raise_()
        self._follow(size_day2 if chosen.key == DAY2 else None if chosen.key == WORKSHOP else size_docks)

    def _bring_tab(self, chosen: Layout) -> None:
        for index in range(self.work.count()):
            if chosen.tab and self.work.tabText(index) == chosen.tab:
                self.work.setCurrentIndex(index)
        if chosen.tab == "Wall":
            self.on_wall(chosen.key == DAY2)  # Day 2 canvas, or the evening's sheets

    def _follow(self, size: Sizer | None) -> None:
        """Default sizes follow the window's size until the user drags a separator (``None``: the user's sizes)."""
        if self.sizes is not None:
            self.sizes.stop()
            self.sizes.deleteLater()  # with its watch on the notes dock: a reset does not add one more each time
            self.sizes = None
        if size is not None:
            self.sizes = DefaultSizes(self.window, self.docks, self.panels, size)
            self.sizes.apply()

    def _first_size(self) -> None:
        screen = self.window.screen()
        room = first_geometry(screen.availableGeometry()) if screen is not None else None
        if room is not None:
            self.window.setGeometry(room)  # without a window manager maximizing does nothing: this size holds then
            self.window.setWindowState(self.window.windowState() | Qt.WindowState.WindowMaximized)


def size_day2(window: QMainWindow, docks: dict[str, QDockWidget], _panels: dict[str, Panel]) -> None:
    """Quotes and Insights share the bottom across the whole width, ``DAY2_BOTTOM`` high on a laptop (a bigger
    share of a taller screen); the wall keeps the rest."""
    if "dock-insights" in docks:
        height = max(DAY2_BOTTOM, round(window.height() * DAY2_SHARE))
        window.resizeDocks([docks["dock-insights"]], [height], Qt.Orientation.Vertical)

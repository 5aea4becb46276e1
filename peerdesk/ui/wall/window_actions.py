"""The Wall menu of the main window: every wall action with its shortcut shown, reachable from the keyboard (Alt+A).

Read out (Ctrl+R) brings the wall forward on its evening sheets and shows the read-out card, wherever the focus was,
and says in the status bar how many post-its wait (or that all are placed). Evening sheets (F7) and Day 2 canvas (F8)
bring it forward in that mode, from any tab. The wall itself is built only then.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

if TYPE_CHECKING:  # the wall is built, and its module loaded, only when first shown or used
    from peerdesk.ui.wall.widget import WallWidget


class Window(Protocol):
    """What the menu needs of the main window (named here so that the shell need not be imported)."""

    @property
    def wall(self) -> WallWidget: ...

    def menuBar(self) -> QMenuBar: ...

    def show_work(self, widget: QWidget) -> None: ...


def install(window: Window) -> QMenu:
    bar = window.menuBar()
    menu = QMenu("W&all", bar)
    read_out = QAction("&Read out post-its", bar)  # owned by the bar: fill() clears the menu
    read_out.setObjectName("actionReadOut")
    read_out.setShortcut(QKeySequence("Ctrl+R"))
    read_out.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    read_out.setStatusTip("Day 1 evening: show the post-its one at a time, large, and place each on its sheet")
    read_out.triggered.connect(lambda: start_read_out(window))
    menu.addAction(read_out)
    show = QAction("&Show the wall", bar)
    show.triggered.connect(lambda: window.show_work(window.wall))
    menu.addAction(show)
    own = [read_out, show]
    for text, key, day2 in (("&Evening sheets", "F7", False), ("&Day 2 canvas", "F8", True)):
        mode = QAction(text, bar)
        mode.setShortcut(QKeySequence(key))
        mode.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        mode.triggered.connect(lambda _c=False, d=day2: show_mode(window, day2=d))
        menu.addAction(mode)
        own.append(mode)
    # The wall's own actions, with their shortcuts, listed when the menu opens (the wall is built on first use).
    menu.aboutToShow.connect(lambda: fill(menu, own, window.wall))
    help_action = next((a for a in bar.actions() if a.text().replace("&", "") == "Help"), None)
    if help_action is not None:
        bar.insertMenu(help_action, menu)
    else:
        bar.addMenu(menu)
    return menu


def fill(menu: QMenu, own: list[QAction], wall: WallWidget) -> None:
    """Read out and Show, then every action of the wall that applies now (disabled ones shown greyed)."""
    menu.clear()
    for action in own:
        menu.addAction(action)
    menu.addSeparator()
    for action in (
        wall.action_new,
        wall.action_edit,
        wall.action_delete,
        wall.action_group,
        wall.action_ungroup,
        wall.action_merge,
        wall.action_split,
        wall.action_move,
        wall.action_collapse,
        wall.action_make_insight,
        wall.action_fit,
        wall.action_export,
        wall.action_solution_ideas,  # its toolbar button is the one folded into » when the wall is narrow
    ):
        if action.isVisible():
            menu.addAction(action)


def start_read_out(window: Window) -> None:
    wall = window.wall
    window.show_work(wall)
    wall.start_read_out()


def show_mode(window: Window, *, day2: bool) -> None:
    """F7/F8 from anywhere: the wall comes forward in that mode with the keyboard on it (Ctrl+G, arrows work next)."""
    wall = window.wall
    window.show_work(wall)
    (wall.action_day2 if day2 else wall.action_evening).trigger()
    wall.view.setFocus(Qt.FocusReason.ShortcutFocusReason)

"""Help ▸ Keyboard shortcuts (F1): every key the window answers to, grouped by where it works, with a filter.

It used to be one alphabetical message box: ~40 rows, 917 px tall on a 768 px laptop screen with its OK button
below the screen's edge; a key listed twice without saying where each works (Ctrl+D stars a quote in Quotes and
duplicates a post-it on the wall); and the keys of panels not opened yet left out. Now each key sits under the menu
that holds it, or the panel or tab it works in, in a list that scrolls inside a box that fits the screen.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QLineEdit,
    QMainWindow,
    QMenu,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

EVERYWHERE = "Anywhere in the window"
MAX_HEIGHT = 600  # pixels: the box and its Close button inside a 768-pixel laptop screen, with its title bar


@dataclass(frozen=True)
class Shortcut:
    where: str  # a menu's title ("File"), or the panel or tab the key works in ("In the Quotes panel")
    name: str
    keys: str


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").split("\t")[0].strip()


def menu_titles(window: QMainWindow) -> dict[QMenu, str]:
    """Each menu of the window's menu bar, submenus included, with the title of the menu bar's menu it is in."""
    found: dict[QMenu, str] = {}

    def walk(menu: QMenu, title: str) -> None:
        found[menu] = title
        for action in menu.actions():
            if isinstance(sub := action.menu(), QMenu):
                walk(sub, title)

    for action in window.menuBar().actions():
        if isinstance(menu := action.menu(), QMenu):
            walk(menu, _plain(action.text()))
    return found


def place_of(action: QAction, window: QMainWindow, menus: dict[QMenu, str], work: QTabWidget | None) -> str:
    """Where ``action``'s key works: the menu it is in, else the dock or central tab holding its widget."""
    holders = [o for o in action.associatedObjects() if isinstance(o, QWidget)]
    for holder in holders:
        if isinstance(holder, QMenu) and holder in menus:
            return menus[holder]
    parent = action.parent()
    widgets = [h for h in holders if not isinstance(h, QMenu)] + ([parent] if isinstance(parent, QWidget) else [])
    for widget in widgets:
        place = _panel_of(widget, window, work)
        if place:
            return place
    return EVERYWHERE


def _panel_of(widget: QWidget, window: QMainWindow, work: QTabWidget | None) -> str:
    if work is not None:
        for index in range(work.count()):
            page = work.widget(index)
            if page is not None and (page is widget or page.isAncestorOf(widget)):
                return f"In the {_plain(work.tabText(index))} tab"
    at: QWidget | None = widget
    while at is not None and at is not window:
        if isinstance(at, QDockWidget):
            return f"In the {_plain(at.windowTitle())} panel"
        at = at.parentWidget()
    return ""


def listed(window: QMainWindow, work: QTabWidget | None = None) -> list[Shortcut]:
    """The window's shortcuts, once each, in the menu bar's order, then by panel, then those that work anywhere."""
    menus = menu_titles(window)
    found: set[Shortcut] = set()
    for action in window.findChildren(QAction):
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        name = _plain(action.text())
        # A hidden action's key does nothing (the post-it kinds on the workshop's board of ideas, say).
        if keys and name and action.isVisible():
            found.add(Shortcut(place_of(action, window, menus, work), name, keys))
    order = {title: n for n, title in enumerate(dict.fromkeys(menus.values()))}
    last = len(order) + 1
    return sorted(
        found,
        key=lambda s: (order.get(s.where, last if s.where == EVERYWHERE else len(order)), s.where, s.name.casefold()),
    )


class ShortcutsDialog(QDialog):
    """The list, grouped, with a field that keeps only the rows holding what is typed (a name or a key)."""

    def __init__(self, shortcuts: list[Shortcut], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle("Keyboard shortcuts")
        layout = QVBoxLayout(self)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Find a shortcut: type part of its name or its key")
        self.filter.setAccessibleName("Find a shortcut")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.keep_matching)
        layout.addWidget(self.filter)
        self.tree = QTreeWidget()
        self.tree.setObjectName("shortcutsList")
        self.tree.setAccessibleName("Keyboard shortcuts")
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels(["What", "Keys"])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self._fill(shortcuts)
        layout.addWidget(self.tree, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        available = self.screen().availableGeometry().height() if self.screen() is not None else MAX_HEIGHT
        self.resize(560, min(MAX_HEIGHT, int(available * 0.85)))
        self.filter.setFocus()

    def _fill(self, shortcuts: list[Shortcut]) -> None:
        bold = QFont(self.tree.font())
        bold.setBold(True)
        groups: dict[str, tuple[QTreeWidgetItem, list[QTreeWidgetItem]]] = {}
        for shortcut in shortcuts:
            if shortcut.where not in groups:
                group = QTreeWidgetItem(self.tree, [shortcut.where])
                group.setFont(0, bold)
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                group.setFirstColumnSpanned(True)
                groups[shortcut.where] = (group, [])
            group, rows = groups[shortcut.where]
            rows.append(QTreeWidgetItem(group, [shortcut.name, shortcut.keys]))
        self.groups = list(groups.values())
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)

    def keep_matching(self, text: str) -> None:
        wanted = text.casefold().strip()
        for group, rows in self.groups:
            shown = 0
            for row in rows:
                hit = not wanted or wanted in row.text(0).casefold() or wanted in row.text(1).casefold()
                row.setHidden(not hit)
                shown += hit
            group.setHidden(shown == 0)

    def visible_rows(self) -> list[tuple[str, str, str]]:
        """(where, what, keys) of each row shown now."""
        return [
            (group.text(0), row.text(0), row.text(1))
            for group, rows in self.groups
            if not group.isHidden()
            for row in rows
            if not row.isHidden()
        ]

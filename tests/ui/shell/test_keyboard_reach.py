"""Every action is reachable by keyboard with a key the user can see: each menu entry shows a shortcut or has an
Alt+letter of its own in its menu; no two actions that can be live at once share a key (Qt does nothing at all on
an ambiguous key); and a button that Tab cannot reach (a toolbar's) has a key, named in its tooltip."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations

import pytest
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QMenu, QTabBar, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.shell.main_window import MainWindow
from tests.helpers.layout import describe, every_tab, settle
from tests.helpers.ui_tour import shown_window

Scoped = tuple[str, object, bool, list[QWidget]]  # what, its key, window-wide?, the widgets it lives in


@pytest.fixture
def window(qtbot: QtBot, demo_session: ReviewSession) -> Iterator[MainWindow]:
    """The demo review with every panel and every tab built, as after a day's use."""
    w = shown_window(qtbot, demo_session, (1366, 768))
    for name, dock in w.docks.items():
        dock.show()
        assert w.panels[name] is not None
    for index in range(w.work.count()):
        w.work.setCurrentIndex(index)
        settle()
        for tabs, page in every_tab(w.work.widget(index)):
            tabs.setCurrentIndex(page)
            settle()
    # the notice bars with their buttons, as when a bundle is offered while a save has failed
    w.notices.show_notice("Import x.pdbundle?", [("Im&port", lambda: None)], dismiss="&Not now")
    notes_panel = w.notes_panel
    assert notes_panel is not None
    notes_panel.notices.show_notice("Could not save the notes")
    yield w
    w.close()


def mnemonic(text: str) -> str:
    return QKeySequence.mnemonic(text).toString()


def unreachable_in(menu: QMenu, path: str) -> list[str]:
    """Entries of ``menu`` (and its submenus) with neither a shortcut nor an Alt+letter of their own."""
    found = []
    entries = [a for a in menu.actions() if not a.isSeparator() and a.isVisible()]
    letters = [mnemonic(a.text()) for a in entries]
    for action, letter in zip(entries, letters, strict=True):
        name = f"{path} ▸ {action.text().replace('&', '')}"
        if action.menu() is not None:
            found += unreachable_in(action.menu(), name)
        if not action.shortcut().isEmpty():
            continue
        if not letter:
            found.append(f"{name}: no shortcut and no Alt+letter")
        elif letters.count(letter) > 1:
            found.append(f"{name}: its {letter} is shared in its menu, and it has no shortcut")
    return found


def test_every_menu_entry_shows_a_shortcut_or_has_an_alt_letter_of_its_own(window: MainWindow) -> None:
    titles = [a.text() for a in window.menuBar().actions()]
    assert all(mnemonic(t) for t in titles), titles
    assert len({mnemonic(t) for t in titles}) == len(titles), f"menus share an Alt+letter: {titles}"
    found: list[str] = []
    for action in window.menuBar().actions():
        menu = action.menu()
        assert isinstance(menu, QMenu)
        found += unreachable_in(menu, action.text().replace("&", ""))
    assert found == [], "\n".join(found)


def scoped_keys(window: MainWindow) -> list[Scoped]:
    """Every key of every action and shortcut in the window, with where it is live."""
    found: list[Scoped] = []
    for action in set(window.findChildren(QAction)):
        places = [w for w in action.associatedObjects() if isinstance(w, QWidget)]
        wide = action.shortcutContext().name in ("WindowShortcut", "ApplicationShortcut")
        found += [(action.text().replace("&", ""), key, wide, places) for key in action.shortcuts()]
    for title in window.menuBar().actions():  # Alt+letter opens a menu from anywhere in the window
        found.append((f"menu {title.text().replace('&', '')}", QKeySequence.mnemonic(title.text()), True, [window]))
    for button in window.findChildren(QAbstractButton):  # a button's Alt+letter presses it
        if not button.shortcut().isEmpty():
            found.append((f"button {button.text().replace('&', '')}", button.shortcut(), False, [button]))
    for shortcut in window.findChildren(QShortcut):
        parent = shortcut.parent()
        assert isinstance(parent, QWidget)
        wide = shortcut.context().name in ("WindowShortcut", "ApplicationShortcut")
        bound = shortcut.keys()  # a QShortcut, not a dict: its key sequences
        found += [(f"shortcut in {describe(parent)}", key, wide, [parent]) for key in bound]
    return found


def overlap(a: list[QWidget], b: list[QWidget]) -> bool:
    """Could the focus be in both places at once (one holds the other)?"""
    return any(x is y or x.isAncestorOf(y) or y.isAncestorOf(x) for x in a for y in b)


def test_no_two_actions_that_can_be_live_together_share_a_key(window: MainWindow) -> None:
    keys = [k for k in scoped_keys(window) if not k[1].isEmpty()]
    assert len(keys) > 40
    clashes = [
        f"{a[1].toString()}: {a[0]} and {b[0]}"
        for a, b in combinations(keys, 2)
        if a[1] == b[1] and a[0] != b[0] and (a[2] or b[2] or overlap(a[3], b[3]))
    ]
    assert clashes == [], "\n".join(sorted(set(clashes)))


def key_of(button: QAbstractButton) -> str:
    """The button's key: its action's, its Alt+letter, or the key of the window's menu entry for the same command
    (the wall's Read out button and Wall ▸ Read out post-its, Ctrl+R from anywhere)."""
    action = button.defaultAction() if isinstance(button, QToolButton) else None
    key = action.shortcut() if action is not None else button.shortcut()
    if key.isEmpty() and button.text():
        menus = [a for a in button.window().findChildren(QAction) if a.shortcutContext().name == "WindowShortcut"]
        key = next((a.shortcut() for a in menus if a.text().replace("&", "").startswith(button.text())), key)
    return key.toString(QKeySequence.SequenceFormat.NativeText)


def keyless_buttons(root: QWidget) -> list[str]:
    """Buttons that Tab never lands on (a toolbar's) and that have no key, or whose tooltip does not name it."""
    found = []
    for button in root.findChildren(QAbstractButton):
        if not button.isVisible() or button.objectName().startswith("qt_") or isinstance(button.parent(), QTabBar):
            continue
        if button.focusPolicy() & button.focusPolicy().TabFocus:
            continue  # Tab reaches it
        key = key_of(button)
        if not key:
            found.append(f"{describe(button)}: Tab never reaches it and it has no key")
        elif key not in button.toolTip():
            found.append(f"{describe(button)}: its tooltip does not say {key}")
    return found


def test_every_button_tab_cannot_reach_has_a_key_named_in_its_tooltip(window: MainWindow) -> None:
    found: list[str] = []
    for dock in window.docks.values():
        dock.show()
        dock.raise_()
        settle()
        found += keyless_buttons(dock)
    for index in range(window.work.count()):
        window.work.setCurrentIndex(index)
        settle()
        page = window.work.widget(index)
        found += keyless_buttons(page)
        for tabs, tab in every_tab(page):
            if tabs.isVisible():
                tabs.setCurrentIndex(tab)
                settle()
                found += keyless_buttons(page)
    assert found == [], "\n".join(sorted(set(found)))

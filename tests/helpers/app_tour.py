"""Clicking the tabs of a main window's dock areas as a user does, in this process or in a program of its own.

A crash inside Qt kills the process it happens in, and whether reading freed memory crashes depends on what the
process did before: ``python -m tests.helpers.app_tour FOLDER WHAT`` starts as the app does (its application, style
sheet, demo review and Day 1 layout) and clicks each tab of a panel not built yet, twice; it prints ``CLICKED`` and
the tabs' titles when it got through them (``… FOLDER tabs``); or it goes through each layout of the visit's parts
in turn (View menu), clicks every tab of the dock areas, of the work area and of the pages inside it, hides the
panels and brings them back, resets the layout, and prints ``TOURED`` (``… FOLDER layouts``); or it opens every
dialog of the menus in each layout and prints ``OPENED`` (``… FOLDER menus``).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTabBar, QTabWidget

from peerdesk.ui.shell.main_window import MainWindow

CLICKED = "clicked the tabs:"
TOURED = "toured the layouts:"
OPENED = "opened the menus' dialogs:"


def visible_dock_tabs(window: MainWindow) -> list[tuple[QTabBar, int, str]]:
    """Each tab of the dock areas a user can click: the window's tab bars on top where they are (Qt keeps the bars
    of earlier arrangements of the docks as children of the window)."""
    bars = [b for b in window.findChildren(QTabBar) if b.parent() is window and b.isVisible()]
    return [
        (bar, i, bar.tabText(i))
        for bar in bars
        for i in range(bar.count())
        if window.childAt(bar.mapTo(window, bar.tabRect(i).center())) is bar
    ]


def click_unbuilt_tabs(window: MainWindow, times: int = 2) -> list[str]:
    """Click the tab of each dock whose panel is not built yet, ``times`` rounds; the titles clicked."""
    titles = {dock.windowTitle(): name for name, dock in window.docks.items()}
    unbuilt = [(bar, i, t) for bar, i, t in visible_dock_tabs(window) if titles.get(t) not in window.panels]
    for bar, i, _title in unbuilt * times:
        QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(i).center())
        QApplication.processEvents()
    return [title for _bar, _i, title in unbuilt]


def click(bar: QTabBar, index: int) -> None:
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    QApplication.processEvents()


def tour_every_tab(window: MainWindow) -> int:
    """Click every tab a user can click in ``window``: the dock areas', the work area's and its pages'; how many."""
    clicked = 0
    for bar, index, _title in visible_dock_tabs(window):
        click(bar, index)
        clicked += 1
    work_bar = window.work.tabBar()
    for index in range(work_bar.count()):
        click(work_bar, index)
        clicked += 1
        for tabs in window.work.widget(index).findChildren(QTabWidget):
            if tabs.isVisible():
                for sub in range(tabs.count()):
                    click(tabs.tabBar(), sub)
                    clicked += 1
    return clicked


def tour_the_layouts(window: MainWindow) -> list[str]:
    """Each layout of the visit's parts (View menu) in turn, from the window as it opened: every tab clicked in it,
    the panels hidden and brought back, the layout reset; what was done in each."""
    toured = []
    [reset] = [a for a in window.view_menu.actions() if a.text() == "&Reset layout"]
    keys = list(window.layouts.actions)
    for key in [*keys[1:], keys[0]]:  # away from the one it opened in first
        window.layouts.actions[key].trigger()
        QApplication.processEvents()
        toured.append(f"{key} ({tour_every_tab(window)} tabs)")
        for again in (window.layouts.hide_action, window.layouts.hide_action, reset):  # hide, back, reset
            again.trigger()
            QApplication.processEvents()
    return toured


def open_every_menu_dialog(window: MainWindow, passphrase: str) -> int:
    """Each menu entry that opens a dialog, triggered in each layout; every dialog shown, then closed (file choosers
    answer "cancel"), as ``tests/helpers/ui_tour.py`` does in the test process; then the window locked and unlocked.
    How many dialogs were opened."""
    from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

    from tests.helpers.ui_tour import every_menu_dialog

    def shown_and_closed(dialog: QDialog) -> int:
        dialog.show()
        QApplication.processEvents()
        dialog.close()
        return 0

    QDialog.exec = shown_and_closed  # type: ignore[method-assign]
    QMessageBox.exec = shown_and_closed  # type: ignore[method-assign]
    for name in ("getOpenFileName", "getSaveFileName"):
        setattr(QFileDialog, name, staticmethod(lambda *_a, **_k: ("", "")))
    QFileDialog.getExistingDirectory = staticmethod(lambda *_a, **_k: "")  # type: ignore[method-assign]
    opened = 0
    for action in window.layouts.actions.values():
        action.trigger()
        QApplication.processEvents()
        opened += every_menu_dialog(window, lambda _dialog: [], [])
        window.lock()  # and each layout locked and unlocked, as the idle timer and Ctrl+L do
        QApplication.processEvents()
        window.lock_screen.edit.setText(passphrase)
        window.lock_screen.try_unlock()
        QApplication.processEvents()
    return opened


def main(folder: Path, what: str) -> None:
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder / "settings"))
    from peerdesk.services import demo
    from peerdesk.ui.shell import layouts
    from peerdesk.ui.shell.app import Controller, make_app

    app = make_app()
    store = demo.write_demo(folder / "demo.peerdesk", demo.DEFAULT_PASSPHRASE)
    window = Controller(app).open_window(store, layouts.DAY1)
    for _ in range(3):
        app.processEvents()
    if what == "tabs":
        print(CLICKED, ", ".join(click_unbuilt_tabs(window)), flush=True)
    elif what == "menus":
        print(OPENED, open_every_menu_dialog(window, demo.DEFAULT_PASSPHRASE), flush=True)
        assert not window.lock_screen.isVisible(), "the window stayed locked"
    else:
        print(TOURED, ", ".join(tour_the_layouts(window)), flush=True)
    window.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2])

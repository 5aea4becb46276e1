"""Clicking the tabs of a main window's dock areas as a user does, in this process or in a program of its own.

A crash inside Qt kills the process it happens in, and whether reading freed memory crashes depends on what the
process did before: ``python -m tests.helpers.dock_tabs FOLDER`` starts as the app does (its application, style
sheet, demo review and Day 1 layout) and clicks each tab of a panel not built yet, twice; it prints ``CLICKED`` and
the tabs' titles when it got through them.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTabBar

from peerdesk.ui.shell.main_window import MainWindow

CLICKED = "clicked the tabs:"


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


def main(folder: Path) -> None:
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
    print(CLICKED, ", ".join(click_unbuilt_tabs(window)), flush=True)
    window.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]))

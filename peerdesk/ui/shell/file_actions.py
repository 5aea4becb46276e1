"""File ▸ Print… and File ▸ Build presentation…: the actions are on the menu from the start, the modules that do
the work (the print layouts, python-pptx and the presentation's content) are imported when one is first chosen.

Loading them up front cost a tenth of a second of every start, for actions most sessions never use.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAction, QKeySequence

from peerdesk.ui.kit.widgets import add_to_file_menu


def install_print_action(window: Any) -> QAction:
    """Add File ▸ Print… (Ctrl+P) to a main window, before its lock and close actions."""
    action = QAction("&Print…", window)
    action.setObjectName("actionPrint")
    action.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
    action.setStatusTip("Print the timetable, interview sheets, evening sheets, insight or workshop sheets")

    def open_dialog() -> None:
        from peerdesk.ui.kit.printing import PrintDialog

        dialog = PrintDialog(window.session.store, window)
        window.print_dialog = dialog  # kept so tests and the user see one dialog at a time
        dialog.exec()

    action.triggered.connect(open_dialog)
    add_to_file_menu(window, action)
    return action


def install_build_action(window: Any) -> QAction:
    """Add File ▸ Build presentation… to a main window (before the lock and close actions)."""
    action = QAction("&Build presentation…", window)
    action.setObjectName("actionBuildPresentation")
    action.setShortcut("Ctrl+Shift+P")
    action.setStatusTip("Write the presentation (.pptx) from the themes and insights")

    def build() -> None:
        from peerdesk.ui.insights.build_deck import build_presentation

        build_presentation(window, window.session)

    action.triggered.connect(build)
    add_to_file_menu(window, action)
    return action

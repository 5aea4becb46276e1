"""File ▸ Open a recent review: the reviews this user opened last, as the start screen lists them, one click away from a
review's window (the start screen is hidden while a review is open). The list is read each time the File menu opens, so
a review opened in another window, or a file moved away since, shows as it is now."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from peerdesk import files
from peerdesk.ui.kit import settings as ui_settings
from peerdesk.ui.kit.plain import plain_menu_text, plain_tip

SHOWN = 9  # each with its number as its Alt key


class RecentMenu(QObject):
    """The submenu; ``chosen`` carries the review picked."""

    chosen = Signal(Path)

    def __init__(self, file_menu: QMenu, before: QAction) -> None:
        super().__init__(file_menu)
        self.menu = QMenu("Open &a recent review", file_menu)  # every letter of "Open recent" has its own entry
        self.menu.setObjectName("recentMenu")
        self.menu.setToolTipsVisible(True)
        file_menu.insertMenu(before, self.menu)
        # Filled as the File menu opens (not as the window is built: nothing of it is seen before), so an empty
        # list is greyed before anyone tries to open it.
        file_menu.aboutToShow.connect(self.refresh)

    def refresh(self) -> None:
        self.menu.clear()
        reviews = [path for path in ui_settings.recent_files() if files.is_file_here(path)][:SHOWN]
        for number, path in enumerate(reviews, start=1):
            # A review named "Q&A" shows its ampersand: only the number is the Alt key.
            action = self.menu.addAction(f"&{number} {plain_menu_text(path.stem)}")
            action.setToolTip(plain_tip(str(path)))
            action.setStatusTip(str(path))
            action.triggered.connect(lambda _checked=False, chosen=path: self.chosen.emit(chosen))
        # Greyed when there is none, as desktop apps show an empty recent list.
        self.menu.menuAction().setEnabled(bool(reviews))
        if reviews:
            self.menu.addSeparator()
            self.menu.addAction("&Clear the list", self.clear)

    def clear(self) -> None:
        """Forget the list (the reviews themselves stay where they are)."""
        ui_settings.clear_recent()
        self.refresh()

"""What the parts installed on the main window (sharing, safety, the workshop tabs) need of it.

They depend on this small base class, not on ``main_window``, so the main window can import and install them
without an import cycle. ``MainWindow`` is the one implementation.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from peerdesk.ui.kit.notice_bar import NoticeBar
from peerdesk.ui.kit.panel import Panel
from peerdesk.ui.kit.session import ReviewSession


class ShellWindow(QMainWindow):
    session: ReviewSession
    panels: dict[str, Panel]  # the panels built so far (``panels[name]`` builds one), so locking saves typing
    file_menu: QMenu
    edit_menu: QMenu
    file_menu_tail: QAction  # sharing actions go before it
    help_menu: QMenu  # menus are inserted before it
    notices: NoticeBar  # what nobody asked for is said here, above the work area, never in a box
    action_lock: QAction  # File ▸ Lock (Ctrl+L); the window's own tool dialogs take its key too

    def flush_edits(self) -> None:
        """Save whatever is being typed, before anything reads or replaces the file."""
        raise NotImplementedError

    def lock(self) -> None:
        raise NotImplementedError

    def add_work_tab(self, widget: QWidget, title: str, *, scroll: bool = False) -> None:
        raise NotImplementedError

    def add_lazy_work_tab(self, name: str, title: str, factory: Callable[[], Panel], *, scroll: bool = False) -> None:
        """A tab whose panel ``factory`` builds when the tab is first shown, or asked for as ``panels[name]``."""
        raise NotImplementedError

    def show_work(self, widget: QWidget) -> None:
        raise NotImplementedError

    def show_flagged_quotes(self) -> None:
        """The names guard's list of flagged quotes, to decide on them."""
        raise NotImplementedError

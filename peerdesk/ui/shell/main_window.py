"""The main window: a central work area (overview, later the wall) and one dock per panel."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QByteArray, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMenu,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from peerdesk import BUNDLE_SUFFIX
from peerdesk.services.search import Hit
from peerdesk.ui.kit import drops, messages, ops
from peerdesk.ui.kit.columns import ColumnChooser
from peerdesk.ui.kit.dialogs import close_over_lock
from peerdesk.ui.kit.notice_bar import NoticeBar
from peerdesk.ui.kit.panel import Panel
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.kit.widgets import busy_cursor, scrolling
from peerdesk.ui.overview.panel import OverviewPanel
from peerdesk.ui.safety.actions import install as install_safety
from peerdesk.ui.shell import docks, layouts
from peerdesk.ui.shell.docks import LazyPanels, LazyTab, panel_specs
from peerdesk.ui.shell.docks import arrange as arrange_docks
from peerdesk.ui.shell.file_actions import install_build_action, install_print_action
from peerdesk.ui.shell.lock_screen import LockScreen
from peerdesk.ui.shell.recent_menu import RecentMenu
from peerdesk.ui.shell.search_box import SearchBox
from peerdesk.ui.shell.window import ShellWindow
from peerdesk.ui.wall.window_actions import show_mode

if TYPE_CHECKING:
    from peerdesk.ui.notes.panel import NotesPanel
    from peerdesk.ui.shell.shortcuts import ShortcutsDialog
    from peerdesk.ui.wall.widget import WallWidget

QUOTE_KEY = "Ctrl+Q"  # the note taker's quote capture, used far more often than Quit


def quit_shortcut() -> QKeySequence:
    """The platform's Quit keys, unless they are the quote capture's (Ctrl+Q on Linux): then none, to stay safe."""
    key = QKeySequence(QKeySequence.StandardKey.Quit)
    return QKeySequence() if key.matches(QKeySequence(QUOTE_KEY)) == QKeySequence.SequenceMatch.ExactMatch else key


class MainWindow(drops.OpensDroppedFiles, ShellWindow):
    closed = Signal()
    request_new = Signal()
    request_open = Signal()
    request_open_path = Signal(Path)  # File ▸ Open a recent review
    request_join = Signal()

    def __init__(self, session: ReviewSession, day: str = layouts.DAY1) -> None:
        """``day``: the layout of the visit's day to open in (``layouts.for_visit``)."""
        super().__init__()
        self.session = session
        self.setObjectName("mainWindow")
        self.setDockNestingEnabled(True)
        self.setAcceptDrops(True)  # a bundle or a review file dropped on it (``dropEvent``)
        self.resize(*layouts.DEFAULT_SIZE)
        self.panels: dict[str, Panel] = LazyPanels(self._build_panel)  # panels[name] builds one not built yet
        self._on_screen = False  # shown once (``_dock_shown``)
        self.docks: dict[str, QDockWidget] = {}

        self.stack = QStackedWidget()
        self.work = QTabWidget()
        self.work.setObjectName("workArea")
        self.work.setDocumentMode(True)
        self.overview = OverviewPanel(session)
        self.work.addTab(self.overview, "Overview")
        self._builders: dict[str, Callable[[], Panel]] = {}  # central tabs built when first shown
        self._wall_tab = LazyTab(self._make_wall)
        self.work.addTab(self._wall_tab, "Wall")
        self.lock_screen = LockScreen(session)
        self.lock_screen.unlocked.connect(self.unlock)
        self.stack.addWidget(self.work)
        self.stack.addWidget(self.lock_screen)
        self.setCentralWidget(self._with_notices(self.stack))

        self._build_docks()
        self._build_menus()
        self._connect_day1()
        from peerdesk.ui.workshop.tabs import install as install_workshop

        self.workshop_tabs = install_workshop(self)  # the Day 2 afternoon, follow-up and survey tabs (#8)
        self._install_exchange()
        self.saved_label = QLabel("")
        self.saved_label.setObjectName("savedLabel")
        self.statusBar().addPermanentWidget(self.saved_label)
        session.saved.connect(self._on_saved)
        session.undo_stack.cleanChanged.connect(lambda _c: None)
        self._update_title()
        session.changed.connect(lambda ch: self._update_title() if "review" in ch else None)
        session.locked_changed.connect(lambda _locked: self._update_title())
        self._locked_state: QByteArray | None = None
        self.layouts.on_wall = lambda day2: show_mode(self, day2=day2)
        self.layouts.restore(day)
        self._build_panels_in_view()
        self.action_build_presentation = install_build_action(self)
        from peerdesk.ui.wall.window_actions import install as install_wall_actions

        self.wall_menu = install_wall_actions(self)  # Wall ▸ Read out (Ctrl+R from anywhere), Make insight
        self.action_print = install_print_action(self)
        self.safety = install_safety(self)  # auto-lock, backups, guard, retention and passphrase actions

    # --- building -----------------------------------------------------------------------------------------------
    def _build_docks(self) -> None:
        # Only the docks in view get their panel now; the others (behind another dock's tab, closed) when first
        # shown or asked for: the window appears sooner, and a panel never opened costs nothing.
        self._specs = {spec.object_name: spec for spec in panel_specs()}
        for spec in self._specs.values():
            dock = QDockWidget(spec.title, self)
            dock.setObjectName(spec.object_name)
            dock.setAllowedAreas(Qt.DockWidgetArea.AllDockWidgetAreas)
            self.addDockWidget(spec.area, dock)
            self.docks[spec.object_name] = dock
            dock.visibilityChanged.connect(lambda shown, name=spec.object_name: self._dock_shown(name, shown))
        arrange_docks(self, self.docks, self.panels)
        docks.install_go_to(self, self.docks, self.panels, self._specs.values())
        self.layouts = layouts.Layouts(self, self.docks, self.panels, self.work)

    def _build_panels_in_view(self) -> None:
        """The panels of the docks the chosen layout shows, built now, while the first window is built without the
        app's style sheet (``app.styled_once``): built as the window shows, with the sheet on, each widget put in
        place restyled everything under it (6–12 ms of a start). A dock the user's own arrangement shows
        instead is built as it shows, as before (``_dock_shown``)."""
        chosen = layouts.layout(self.layouts.current)
        for name in chosen.shown:
            dock = self.docks.get(name)
            if dock is None or dock.isHidden() or name in self.panels:
                continue
            behind_a_tab = any(other.objectName() in chosen.shown for other in self.tabifiedDockWidgets(dock))
            if behind_a_tab and name not in chosen.front:
                continue
            self.panels[name] = self._build_panel(name)

    def _with_notices(self, work: QWidget) -> QWidget:
        """The work area under the window's notice bar (what nobody asked for is said there, not in a box)."""
        self.notices = NoticeBar(messages.WINDOW_NOTICES)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.notices)
        layout.addWidget(work, 1)
        return central

    def theme_to_insight(self, theme_id: str) -> None:
        """The wall's "Make insight" (Ctrl+I on a theme): the insight, made or found, in the Insights dock."""
        from peerdesk.ui.insights.from_wall import theme_to_insight

        theme_to_insight(self, theme_id)

    def _make_wall(self) -> WallWidget:
        """The wall, its toolbar ending with "Hide the panels", always in sight: on a laptop the Day 2 wall needs the
        window's height."""
        wall = docks.wall(self.session)
        wall.pin_right(self.layouts.hide_action)
        return wall

    @property
    def wall(self) -> WallWidget:
        """The post-it wall (built now if its tab has not been shown yet)."""
        return cast("WallWidget", self._wall_tab.build())

    def _build_panel(self, name: str) -> Panel:
        if name in self._builders:
            return self._builders[name]()
        panel = self._specs[name].factory(self.session)
        self.docks[name].setWidget(scrolling(panel))
        if name == "dock-quotes":
            from peerdesk.ui.quotes.panel import QuotesPanel

            if isinstance(panel, QuotesPanel):  # its "Show in notes"
                panel.jump_to_quote.connect(self.show_quote)
        return panel

    def _dock_shown(self, name: str, shown: bool) -> None:
        if not shown or name in self.panels:
            return
        if not self._on_screen:  # the window showing itself with this dock in view: built before its first paint
            self.panels[name] = self._build_panel(name)
            return
        # Later a dock comes into view by its tab brought to the front, and Qt is still switching tabs: a dock given
        # its widget then crashed the app (the switch went on with the dock area it had just rebuilt; one click on
        # "Interview notes" behind "Timetable"). Built as soon as the switch is over; asked for meanwhile, then.
        QTimer.singleShot(0, self, lambda: self.panels[name])

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)  # the docks in view were shown just before (Qt shows a window's children first)
        self._on_screen = True

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        self.action_new = QAction("&New review…", self, shortcut=QKeySequence(QKeySequence.StandardKey.New))
        self.action_new.triggered.connect(self.request_new.emit)
        self.action_open = QAction("&Open…", self, shortcut=QKeySequence(QKeySequence.StandardKey.Open))
        self.action_open.triggered.connect(self.request_open.emit)
        self.action_lock = QAction("&Lock", self, shortcut=QKeySequence("Ctrl+L"))
        self.action_lock.setStatusTip("Hide the review until the passphrase is entered again")
        self.action_lock.triggered.connect(self.lock)
        self.action_close = QAction("&Close review", self, shortcut=QKeySequence(QKeySequence.StandardKey.Close))
        self.action_close.triggered.connect(self.close)
        self.action_join = QAction("&Join a review from an invitation…", self)
        self.action_join.triggered.connect(lambda: self.request_join.emit())
        self.action_quit = QAction("&Quit", self)
        self.action_quit.setShortcut(quit_shortcut())
        self.action_quit.setMenuRole(QAction.MenuRole.QuitRole)
        self.action_quit.setStatusTip("Save everything and close every review window")
        self.action_quit.triggered.connect(lambda: self.quit_app())
        self.file_menu = file_menu
        for action in (self.action_new, self.action_open, self.action_join):
            file_menu.addAction(action)
        self.recent_menu = RecentMenu(file_menu, before=self.action_join)
        self.recent_menu.chosen.connect(self.request_open_path.emit)
        file_menu.addSeparator()
        self.file_menu_tail = file_menu.addSeparator()
        file_menu.addAction(self.action_lock)
        file_menu.addAction(self.action_close)
        file_menu.addAction(self.action_quit)

        edit_menu = bar.addMenu("&Edit")
        self.action_undo = ops.StackAction(self.session.undo_stack, "Undo", self)
        self.action_undo.setShortcut(QKeySequence.StandardKey.Undo)
        self.action_redo = ops.StackAction(self.session.undo_stack, "Redo", self)
        self.action_redo.setShortcut(QKeySequence.StandardKey.Redo)
        edit_menu.addAction(self.action_undo)
        edit_menu.addAction(self.action_redo)
        self.edit_menu = edit_menu

        view_menu = bar.addMenu("&View")
        for dock in self.docks.values():
            view_menu.addAction(dock.toggleViewAction())
        view_menu.addSeparator()
        # On a laptop the note taker's side tabs take half its width: one key gives the editor all of it.
        self.action_notes_side = QAction("Notes side &panel", self, shortcut=QKeySequence("F9"), checkable=True)
        self.action_notes_side.setChecked(True)
        self.action_notes_side.toggled.connect(self._show_notes_side)
        view_menu.addAction(self.action_notes_side)
        view_menu.addSeparator()
        self.layouts.install(view_menu).triggered.connect(self.reset_layout)
        self.view_menu = view_menu

        help_menu = bar.addMenu("&Help")
        shortcuts = QAction("&Keyboard shortcuts", self, shortcut=QKeySequence(QKeySequence.StandardKey.HelpContents))
        shortcuts.triggered.connect(self.show_shortcuts)
        help_menu.addAction(shortcuts)
        about = QAction("&About peerdesk", self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)
        self.help_menu = help_menu

    # --- Day 1: the timetable opens interviews in the note taker; search jumps into notes ---------------------------
    def _connect_day1(self) -> None:
        from peerdesk.ui.timetable.panel import TimetablePanel

        timetable = self.panels["dock-timetable"] if "dock-timetable" in self._specs else None
        if isinstance(timetable, TimetablePanel):
            timetable.open_requested.connect(self.open_interview)
            self.interviews_menu = QMenu("&Interviews", self)
            self.menuBar().insertMenu(self.help_menu.menuAction(), self.interviews_menu)
            for action in timetable.window_actions():
                self.interviews_menu.addAction(action)
        self.action_find = QAction(
            "&Find in notes and quotes…", self, shortcut=QKeySequence(QKeySequence.StandardKey.Find)
        )
        self.action_find.triggered.connect(self.show_search)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.action_find)
        self.search_box: SearchBox | None = None

    @property
    def notes_panel(self) -> NotesPanel | None:
        """The note taker (built now if its dock has not been shown yet)."""
        from peerdesk.ui.notes.panel import NotesPanel

        panel = self.panels["dock-notes"] if "dock-notes" in self._specs else None
        return panel if isinstance(panel, NotesPanel) else None

    def _show_notes_side(self, shown: bool) -> None:
        notes_panel = self.notes_panel
        if notes_panel is not None:
            notes_panel.set_side_shown(shown)

    def _raise_notes(self) -> NotesPanel | None:
        """Show and raise the notes dock, and give its panel (None in a window without one)."""
        notes_panel = self.notes_panel
        if notes_panel is not None:
            dock = self.docks["dock-notes"]
            dock.show()
            dock.raise_()
        return notes_panel

    def open_interview(self, interview_id: str) -> None:
        notes_panel = self._raise_notes()
        if notes_panel is None:
            return
        notes_panel.open_interview(interview_id)
        notes_panel.editor.setFocus()

    def show_quote(self, quote_id: str) -> None:
        notes_panel = self._raise_notes()
        if notes_panel is not None:
            notes_panel.show_quote(quote_id)

    def show_search(self) -> None:
        if self.search_box is None:
            self.search_box = SearchBox(self.session, self)
            self.search_box.jump.connect(self.jump_to_hit)
        self.search_box.open_with()

    def jump_to_hit(self, hit: Hit) -> None:
        notes_panel = self._raise_notes()
        if notes_panel is None:
            return
        if hit.note_id:
            notes_panel.open_note(hit.note_id)
            notes_panel.go_to(hit.place_in(notes_panel.editor.toPlainText()))
        else:
            notes_panel.open_interview(hit.interview_id)

    def _install_exchange(self) -> None:
        from peerdesk.ui.team.sharing import ExchangeActions

        self.exchange = ExchangeActions(self)

    def add_work_tab(self, widget: QWidget, title: str, *, scroll: bool = False) -> None:
        """A tab in the central work area; ``scroll`` for forms wider than a laptop screen leaves room."""
        self.work.addTab(scrolling(widget) if scroll else widget, title)

    def add_lazy_work_tab(self, name: str, title: str, factory: Callable[[], Panel], *, scroll: bool = False) -> None:
        """A central tab whose panel is built when the tab is first shown, or asked for as ``panels[name]``."""
        tab = LazyTab(factory, scroll=scroll)
        self._builders[name] = lambda: cast(Panel, tab.build())
        tab.first_shown.connect(lambda: self.panels[name])
        self.work.addTab(tab, title)

    def show_flagged_quotes(self) -> None:
        self.safety.show_flagged()

    def show_work(self, widget: QWidget) -> None:
        """Bring the central tab holding ``widget`` to the front (it may sit inside a scroll area)."""
        for index in range(self.work.count()):
            page = self.work.widget(index)
            if page is not None and (page is widget or page.isAncestorOf(widget)):
                self.work.setCurrentIndex(index)
                return

    # --- status and title --------------------------------------------------------------------------------------
    def _on_saved(self) -> None:
        self.saved_label.setText("All changes saved")

    def _update_title(self) -> None:
        # Locked, the window names no review: its title shows beside the lock screen, in the title bar and taskbar.
        name = "Locked review" if self.session.locked else self.session.title()
        self.setWindowTitle(f"{name} — peerdesk")

    # --- layout (layouts.py: one per part of the visit) ---------------------------------------------------------
    def save_layout(self) -> None:
        self.layouts.save(self._locked_state)

    def reset_layout(self) -> None:
        """The layout's panels where they were at first, the note taker's side tabs shown, and every table's
        columns shown again (the user may have hidden some: ``ui/kit/columns.py``)."""
        self.action_notes_side.setChecked(True)
        self.layouts.apply()
        for chooser in self.findChildren(ColumnChooser):
            chooser.show_all()

    # --- lock -----------------------------------------------------------------------------------------------------
    def lock(self) -> None:
        if self.session.locked:
            return
        self.flush_edits()
        self._locked_state = self.saveState(layouts.LAYOUT_VERSION)
        for dock in self.docks.values():
            dock.hide()
        self.stack.setCurrentWidget(self.lock_screen)
        self.notices.hold()  # nothing of the review shows beside the lock screen, a notice arriving meanwhile included
        self.menuBar().setEnabled(False)
        close_over_lock(self)  # its dialogs and the projector: they are not parts of this window to bring back
        self.session.set_locked(True)
        self.lock_screen.edit.setFocus()

    def unlock(self) -> None:
        self.stack.setCurrentWidget(self.work)
        self.notices.release()
        if self._locked_state is not None:
            self.restoreState(self._locked_state, layouts.LAYOUT_VERSION)
            self._locked_state = None
        self.menuBar().setEnabled(True)
        self.session.set_locked(False)

    def flush_edits(self) -> None:
        self.overview.flush()
        for panel in self.panels.values():
            flush = getattr(panel, "flush", None)
            if callable(flush):
                flush()

    # --- help -----------------------------------------------------------------------------------------------------
    def shortcut_rows(self) -> list[tuple[str, str]]:
        """(what, keys) of each shortcut of the parts of the window built so far."""
        from peerdesk.ui.shell.shortcuts import listed

        return sorted({(s.name, s.keys) for s in listed(self, self.work)})

    def show_shortcuts(self) -> ShortcutsDialog:
        """Help ▸ Keyboard shortcuts. Every panel and tab is built first: the keys of those not opened yet are
        listed too."""
        from peerdesk.ui.shell.shortcuts import ShortcutsDialog, listed

        with busy_cursor():
            for name in [*self._specs, *self._builders]:
                self.panels[name]  # built by being asked for
            self._wall_tab.build()
            dialog = ShortcutsDialog(listed(self, self.work), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_about(self) -> None:
        from peerdesk.ui.shell.about import about_box

        about_box(self).exec()

    @staticmethod
    def quit_app() -> None:
        """Every review window saves and closes (the last one brings the start screen back), then the app ends."""
        QApplication.closeAllWindows()
        QApplication.quit()

    # --- files dropped on the window (``drops``): a bundle is imported into this review, a review file opens ---------
    def open_dropped(self, paths: list[Path]) -> None:
        bundles = [p for p in paths if p.suffix.lower() == BUNDLE_SUFFIX]
        if bundles:
            self.exchange.import_(bundles[0])
        for path in paths:
            if path not in bundles:
                self.request_open_path.emit(path)

    # --- closing --------------------------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        self.flush_edits()
        self.save_layout()
        self.session.close()
        event.accept()
        self.closed.emit()

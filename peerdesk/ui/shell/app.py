"""Application start-up and the flow between the start screen and an open review."""

from __future__ import annotations

import datetime as dt
import gc
import html
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from importlib import import_module, resources
from pathlib import Path
from typing import TYPE_CHECKING

from platformdirs import user_data_dir
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from peerdesk import APP_NAME, BUNDLE_SUFFIX, ORG_NAME, __version__, files
from peerdesk.errors import DamagedWithBackup, WrongPassphrase
from peerdesk.ui.kit import messages
from peerdesk.ui.kit import settings as ui_settings
from peerdesk.ui.kit.icons import app_icon
from peerdesk.ui.kit.worker import Progress, run_task
from peerdesk.ui.shell.start import StartScreen

if TYPE_CHECKING:
    from peerdesk.store.engine import Store
    from peerdesk.ui.shell.main_window import MainWindow

# What a review's window needs and the start screen does not: the storage layer (SQLAlchemy and the models, about
# half of a cold start), the services and the main window with the panels it builds on opening (the tabs and docks
# in view, and the Wall, Workshop and Team menus' actions). The start screen shows without them and they are loaded
# once it has painted (``load_review_modules``), one step per turn of the event loop, so the first window a user
# sees comes up in about the time Qt itself takes, and a review opened from it waits only for its key and its
# first reads. In this order: each step is a fair share of the whole, and each module loads what the one before it
# left. SQLAlchemy and the models are not needed to show a review (its first views read with plain SQL) but by its
# first edit: loaded here while the user reads the start screen, or on a thread once a window opened without it.
REVIEW_MODULES = (
    "sqlalchemy",
    "sqlalchemy.orm",
    "peerdesk.store.models",
    "peerdesk.store.engine",
    "peerdesk.services.review",
    "peerdesk.ui.shell.dialogs",
    "peerdesk.ui.shell.main_window",
    "peerdesk.ui.shell.layouts",
    "peerdesk.ui.timetable.panel",
    "peerdesk.ui.wall.widget",
    "peerdesk.ui.workshop.panel",
    "peerdesk.ui.team.sharing",
)


def demo_path() -> Path:
    return Path(user_data_dir(APP_NAME, ORG_NAME)) / "demo.peerdesk"


def stylesheet() -> str:
    return (resources.files("peerdesk.resources") / "style.qss").read_text(encoding="utf-8")


OPENED_CHECKS_MS = 400
LOAD_ANYWAY_MS = 2000  # the review modules load after the start screen's first paint, or after this at the latest


class Controller(QObject):
    """Moves between the start screen and main windows; owns nothing but the windows it shows."""

    def __init__(self, app: Application) -> None:
        super().__init__()
        self.app = app
        self._start: StartScreen | None = None
        self.windows: list[MainWindow] = []
        self.notice: QMessageBox | None = None
        self.pending_bundle: Path | None = None  # a bundle handed over before any review was open
        # macOS hands a double-clicked file to a running app as an event, not as an argument: our application
        # passes it on as a signal (an application-wide event filter would see every event of every widget go
        # through Python: tens of thousands while a window is built, and more at each keystroke).
        app.file_opened.connect(self._file_opened)

    @property
    def start(self) -> StartScreen:
        """The start screen, built the first time it is needed: a review opened from the command line shows its
        window without it."""
        if self._start is None:
            start = self._start = StartScreen()
            start.new_review.connect(self.new_review)
            start.open_other.connect(self.open_other)
            start.open_path.connect(self.open_path)
            start.open_demo.connect(self.open_demo)
            start.join_review.connect(lambda: self.join_review())
            start.files_dropped.connect(self.open_files)
        return self._start

    def show_start(self) -> None:
        self.start.refresh()
        self.start.show()
        self.start.raise_()

    def _parent(self) -> QWidget:
        return self.windows[-1] if self.windows else self.start

    # --- flows ----------------------------------------------------------------------------------------------------
    def _in_background(
        self,
        title: str,
        work: Callable[[Progress], Store],
        failure: str,
        done: Callable[[Store], None] | None = None,
    ) -> None:
        """Get a review off the GUI thread behind a progress box, then show it (or ``done``); a failure is said
        as ``failure`` and why."""
        self._task(title, work, done or self.show_review, lambda exc: messages.error(self._parent(), failure, exc))

    def _task(
        self,
        title: str,
        work: Callable[[Progress], Store],
        done: Callable[[Store], None],
        failed: Callable[[BaseException], None],
    ) -> None:
        # What a review needs is loaded here first, on this thread, if the start screen has not loaded it all yet:
        # the task's thread then imports nothing while this one does (import_module of a loaded module is free).
        for name in REVIEW_MODULES:
            import_module(name)
        run_task(self._parent(), title, work, done, failed, cancellable=False)

    def new_review(self) -> None:
        from peerdesk.services import review as review_service
        from peerdesk.ui.shell.dialogs import NewReviewDialog

        dialog = NewReviewDialog(self._parent())
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        path, passphrase, essentials = dialog.path(), dialog.passphrase(), dialog.essentials()
        self._in_background(
            "Creating the review…",
            lambda _p: review_service.create_review(path, passphrase, essentials),
            "Could not create the review",
        )

    def join_review(self, invitation: str = "") -> None:
        """The member's side: the lead's invitation and a passphrase make my own file; then my card goes back."""
        from peerdesk.services import team
        from peerdesk.ui.team.join_dialog import JoinDialog

        dialog = JoinDialog(self._parent(), invitation=invitation)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.invitation is None:
            return
        invite, path, passphrase = dialog.invitation, dialog.path(), dialog.passphrase()
        name, role = dialog.name(), dialog.member_role()
        self._in_background(
            "Joining the review…",
            lambda _p: team.join(invite, path, passphrase, name, role),
            "Could not join the review",
            done=lambda store: self._joined(store, invite.lead.name),
        )

    def _joined(self, store: Store, lead: str) -> None:
        from peerdesk.services import team
        from peerdesk.ui.team.join_dialog import MyCardDialog

        window = self.open_window(store)
        window.exchange.await_first_bundle(lead)  # an empty review until then: say what fills it
        card, text = team.my_card(store)
        dialog = MyCardDialog(text, card.fingerprint, lead, window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.exchange.last_dialog = dialog
        dialog.open()

    def open_other(self) -> None:
        from peerdesk.ui.shell.dialogs import choose_review_file

        path = choose_review_file(self._parent())
        if path is not None:
            self.open_path(path)

    def open_path(self, path: Path, message: str = "") -> None:
        shown = self.window_of(path)
        if shown is not None:  # already open here: no passphrase, no "open elsewhere", just that window
            if shown.isMinimized():
                shown.showNormal()
            shown.raise_()
            shown.activateWindow()
            return
        from peerdesk.ui.shell.dialogs import PassphraseDialog

        dialog = PassphraseDialog(path, self._parent(), message=message)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        passphrase = dialog.passphrase()
        from peerdesk.store.engine import Store

        def failed(exc: BaseException) -> None:
            if isinstance(exc, WrongPassphrase):
                self.open_path(path, "That passphrase is not right for this review. Try again.")
            elif isinstance(exc, DamagedWithBackup):
                if messages.confirm(self._parent(), "The review is damaged", str(exc), "Restore that backup"):
                    self.restore_damaged(path, Path(exc.backup), passphrase)
            else:
                messages.error(self._parent(), "Could not open the review", exc)

        self._task(f"Opening {path.name}…", lambda _p: Store.open(path, passphrase), self.show_review, failed)

    def window_of(self, path: Path) -> MainWindow | None:
        """The window showing the review at ``path``, if one does (the same file however its path is written)."""
        for window in self.windows:
            if window.session.store.path.resolve() == path.resolve():
                return window
        return None

    def restore_damaged(self, path: Path, chosen: Path, passphrase: str) -> None:
        """Put a backup in place of a review whose file is damaged (the damaged file is kept beside the backups)."""
        from peerdesk.services import backups
        from peerdesk.store.engine import Store

        def work(_progress: Progress) -> Store:
            backups.restore(path, chosen, passphrase)
            return Store.open(path, passphrase)

        self._in_background("Restoring the backup…", work, "Could not restore the backup")

    def open_demo(self) -> None:
        from peerdesk.services import demo
        from peerdesk.store.engine import Store

        path = demo_path()
        passphrase = os.environ.get("PEERDESK_PASSPHRASE") or demo.DEFAULT_PASSPHRASE

        def work(_progress: Progress) -> Store:
            if path.exists():
                store: Store = Store.open(path, passphrase)
                return store
            files.private_folder(path.parent, parents=True)  # the user's data folder: theirs only
            return demo.write_demo(path, passphrase)

        self._in_background("Opening the demo review…", work, "Could not open the demo review")

    def show_review(self, store: Store) -> None:
        window = self.open_window(store)
        if store.recovery_notes:  # e.g. committed work a damaged write-ahead log could not give back
            text = " ".join(store.recovery_notes)
            window.notices.show_notice(f"Some changes could not be recovered. {text}", kind="warning")

    def open_window(self, store: Store, day: str = "") -> MainWindow:
        """The review's window, in ``day``'s layout or else the one of the visit's day and hour (layouts.py)."""
        from peerdesk.services import review as review_service
        from peerdesk.ui.kit.session import ReviewSession
        from peerdesk.ui.shell import layouts, main_window

        ui_settings.add_recent(store.path)
        session = ReviewSession(store)
        day = day or layouts.for_visit(review_service.summary(store), dt.datetime.now())
        if self.windows:  # another review's window is on screen: it would be restyled twice
            window = main_window.MainWindow(session, day)
        else:
            with styled_once(self.app):
                window = main_window.MainWindow(session, day)
        session.setParent(window)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.request_new.connect(self.new_review)
        window.request_open.connect(self.open_other)
        window.request_open_path.connect(self.open_path)
        window.request_join.connect(lambda: self.join_review())
        window.closed.connect(lambda: self._closed(window))
        self.windows.append(window)
        window.show()
        # Ask for the keyboard: on X without a window manager (and under some focus-stealing rules) a new window
        # is not made active, and the keys typed next would go nowhere once the start screen hides.
        window.raise_()
        window.activateWindow()
        if self._start is not None:
            self._start.hide()
        # What is due on opening (the retention offer, the hourly backup) waits until the window has painted: a
        # backup copy takes a moment, and the review should be on screen first.
        QTimer.singleShot(OPENED_CHECKS_MS, window, window.safety.on_opened)
        # The window read what it shows with plain SQL; what every edit needs (SQLAlchemy, the models) loads now,
        # on a thread, rather than making the first edit wait for it.
        QTimer.singleShot(OPENED_CHECKS_MS, window, store.make_engine_meanwhile)
        if self.pending_bundle is not None:
            self._offer_import(window)
        return window

    # --- files handed over by the desktop (command line, double-click, macOS open events) ---------------------
    def open_files(self, paths: list[Path]) -> None:
        for path in paths:
            if path.suffix.lower() == BUNDLE_SUFFIX:
                self.offer_bundle(path)
            else:
                self.open_path(path)

    def offer_bundle(self, path: Path) -> None:
        """A bundle merges into a review the user already has: into the open one, or the one they open next."""
        self.pending_bundle = path
        if self.windows:
            self._offer_import(self.windows[-1])
            return
        self.show_start()
        box = QMessageBox(
            QMessageBox.Icon.Information,
            "A bundle from your team",
            f"<b>{html.escape(path.name)}</b> holds changes sent by a member of your review team.<p>Open your own "
            "copy of the review it belongs to, and peerdesk will offer to import the bundle into it.</p>",
            QMessageBox.StandardButton.Ok,
            self.start,
        )
        box.setObjectName("bundleNotice")
        box.open()
        self.notice = box

    def _offer_import(self, window: MainWindow) -> None:
        """Offered in the window's notice bar: a box would take the keyboard from whatever is being typed."""
        path, self.pending_bundle = self.pending_bundle, None
        if path is None:
            return
        window.notices.show_notice(
            f"Import {path.name} into {window.session.title()}? peerdesk checks who sent it and that it belongs to "
            "this review before changing anything.",
            [("Im&port", lambda: window.exchange.import_(path))],
            dismiss="&Not now",  # the only other way on: a Dismiss beside it did the same
        )

    def _file_opened(self, path: Path) -> None:
        self.handed_over([path])  # macOS hands the running app the file itself: the same as from another peerdesk

    def handed_over(self, paths: list[Path]) -> None:
        """What another peerdesk of this user passed on before it exited (``single_instance``): its files, opened
        here; without any, the app comes forward (its start screen when no review is open)."""
        if paths:
            QTimer.singleShot(0, lambda: self.open_files(paths))  # later: opening may ask in a modal dialog
            return
        front = self.windows[-1] if self.windows else self.start
        if not self.windows:
            self.show_start()
        if front.isMinimized():
            front.showNormal()
        front.raise_()
        front.activateWindow()

    def _closed(self, window: MainWindow) -> None:
        if window in self.windows:
            self.windows.remove(window)
        if not self.windows:
            self.show_start()


@contextmanager
def styled_once(app: QApplication) -> Iterator[None]:
    """The app's style sheet off while a window's widgets are built, and on again before the window shows.

    With a style sheet on, every widget put into a parent restyles its whole subtree (a style, a font and a
    palette change sent to each widget below it, at every level of nesting): the main window's ~470 widgets got
    ~7,000 such events, a tenth of a second. Built without it, the widgets are styled once, as the window is
    polished to be shown. No event loop runs in between, so nothing is ever painted unstyled.
    """
    sheet = app.styleSheet()
    app.setStyleSheet("")
    try:
        yield
    finally:
        app.setStyleSheet(sheet)


def opened_file(event: QEvent) -> Path | None:
    """The file a desktop asks the app to open (macOS sends it as an event to the application), else None."""
    if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent) and event.file():
        return Path(event.file())
    return None


class Application(QApplication):
    """The app's QApplication: a file the desktop hands over arrives as ``file_opened``. Only events sent to the
    application itself come here, unlike an application-wide event filter, which sees every widget's events."""

    file_opened = Signal(Path)

    def event(self, event: QEvent) -> bool:
        path = opened_file(event)
        if path is not None:
            self.file_opened.emit(path)
            return True
        return super().event(event)


def make_app(argv: list[str] | None = None) -> Application:
    existing = QApplication.instance()
    if existing is not None and not isinstance(existing, Application):
        raise RuntimeError("peerdesk's window needs its own Application; another QApplication was made first")
    app = existing if existing is not None else Application(argv or sys.argv[:1])
    app.setOrganizationName(ORG_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    # Wayland compositors match windows to packaging/linux/peerdesk.desktop (its icon, its name) by this id.
    app.setDesktopFileName("peerdesk")
    # Each restyles every widget the application holds: done once, not again when asked for the same.
    if app.property("peerdeskStyle") != "Fusion":  # under a style sheet, app.style() names no style
        app.setStyle("Fusion")
        app.setProperty("peerdeskStyle", "Fusion")
    sheet = stylesheet()
    if app.styleSheet() != sheet:
        app.setStyleSheet(sheet)
    app.setWindowIcon(app_icon())
    return app


def run(argv: list[str] | None = None, files: list[Path] | None = None) -> int:
    """The app; ``files`` are reviews or bundles to open once the start screen is up (``peerdesk FILE``)."""
    from peerdesk.logs import setup_logging
    from peerdesk.ui.shell import single_instance  # QtNetwork: for the app as users start it, not a review's window

    setup_logging()
    app = make_app(argv)
    channel = single_instance.server_name()
    if single_instance.hand_over(files or [], name=channel):
        return 0  # peerdesk already runs for this user: it has the files now (or comes forward)
    messages.install_excepthook()
    listener = single_instance.Listener(channel, parent=app)
    listener.start()
    from peerdesk.ui.kit import private_files

    private_files.remove_stale()  # documents opened by a peerdesk that was killed: this user runs no other one now
    app.aboutToQuit.connect(listener.stop)
    controller = Controller(app)
    listener.handed.connect(controller.handed_over)
    controller.show_start()
    load = once(lambda: load_review_modules(REVIEW_MODULES, then=lambda: ready_for_a_review(collect_garbage_again)))
    controller.start.painted.connect(load)
    # Also when the screen is never painted (started minimized): the collector must not stay off for good.
    QTimer.singleShot(LOAD_ANYWAY_MS, load)
    if files:
        QTimer.singleShot(0, lambda: controller.open_files(files))
    return app.exec()


def once(action: Callable[[], None]) -> Callable[[], None]:
    """``action``, done the first time the result is called and never again."""
    done: list[bool] = []

    def first_time() -> None:
        if not done:
            done.append(True)
            action()

    return first_time


def load_review_modules(names: tuple[str, ...], then: Callable[[], None]) -> None:
    """Import ``names`` one per turn of the event loop, starting with the next one, then call ``then``.

    Not in the turn that asks: the start screen asks from its first paint, which reaches the screen only once that
    turn is over. Whatever the user does meanwhile goes on as usual: opening a review before they are all loaded
    imports what is left there and then.
    """
    QTimer.singleShot(0, lambda: _load_next(names, then))


def _load_next(names: tuple[str, ...], then: Callable[[], None]) -> None:
    if not names:
        then()
        return
    import_module(names[0])
    load_review_modules(names[1:], then)


def ready_for_a_review(then: Callable[[], None]) -> None:
    """Once the review modules are loaded: the models set up (what the first query would do) in a turn of its own,
    then ``then``."""

    def configure() -> None:
        from peerdesk.store import models

        models.configure()
        then()

    QTimer.singleShot(0, configure)


def collect_garbage_again() -> None:
    """Once the first window is up: the cyclic garbage collector, off while the app started (``__main__``), is on
    again, and what start-up made is set aside for good (``gc.freeze``), so later collections never scan it.

    Start-up allocates hundreds of thousands of objects (SQLAlchemy, the models, Qt's wrappers) and almost none are
    garbage: with the collector on, it ran dozens of times over them, a fifth of the start-up time.
    """
    gc.freeze()
    gc.enable()

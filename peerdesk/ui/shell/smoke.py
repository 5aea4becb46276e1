"""``peerdesk smoke-test``: proves an installation works end to end, without showing anything on screen.

It writes the demo review to a temporary folder (or opens the review it is given), opens it in the main window on
Qt's offscreen platform, checks what a broken build would lose first (the SQLCipher module, the Alembic migrations
read from disk, the stylesheet and icon, the docks), closes everything and exits 0. It runs the same from source
and from the frozen app, so it is how a build is checked (packaging/build.sh) and how IT can check an install.

A check must not change what it checks: a given review is copied into the smoke test's private temporary folder
(made readable only by this user) and the copy is opened, so the backups, schema upgrades and write-ahead log that
opening a review can produce never appear beside the real file. Settings go to the temporary folder too: the smoke
test never touches the user's recent files or layout.
"""

from __future__ import annotations

import gc
import os
import shutil
import sys
import tempfile
import time
import traceback
from pathlib import Path

from peerdesk import files

PASSED = "peerdesk smoke-test: ok"
SHOWN = "peerdesk smoke-test: window shown"


class SmokeFailure(Exception):
    pass


def smoke_test(review: Path | None = None, passphrase: str | None = None, *, show: bool = False) -> int:
    """Exit status 0 when the app opened a review in its main window and closed cleanly, 1 otherwise."""
    if not show:
        # Before the QApplication exists: the platform is chosen once per process.
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    gc.disable()  # as the app starts (peerdesk/__main__.py); on again once the window is shown
    with tempfile.TemporaryDirectory(prefix="peerdesk-smoke-") as folder:
        try:
            facts = _run(Path(folder), review, passphrase)
        except Exception as exc:  # a diagnostic: say what broke, in full
            traceback.print_exc()
            print(f"peerdesk smoke-test: FAILED ({type(exc).__name__}: {exc})", file=sys.stderr)
            return 1
        finally:
            gc.enable()  # also when it failed before the window was shown
    print(f"{PASSED}: " + "; ".join(f"{k} {v}" for k, v in facts.items()), flush=True)
    return 0


def _run(folder: Path, review: Path | None, passphrase: str | None) -> dict[str, str]:
    from peerdesk.store import keys

    started = time.perf_counter()
    deriving = None
    if review is not None:
        # The key derivation (a tenth of a second or more, with the GIL released) runs while the modules load.
        review = private_copy(review, folder)
        deriving = keys.Derivation.for_file(review, passphrase) if passphrase is not None else None
    from PySide6.QtCore import QSettings, qInstallMessageHandler
    from PySide6.QtWidgets import QApplication, QDockWidget

    from peerdesk.store.engine import Store
    from peerdesk.ui.shell.app import Controller, collect_garbage_again, make_app
    from peerdesk.ui.shell.layouts import DAY1

    qInstallMessageHandler(_quiet_offscreen)
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder / "settings"))
    app = make_app(sys.argv[:1])
    _check(not app.windowIcon().isNull(), "the app icon did not load")
    _check(bool(app.styleSheet()), "the stylesheet did not load")

    if review is None:
        from peerdesk.services import demo, demo_content

        review = folder / "demo.peerdesk"
        passphrase = demo.DEFAULT_PASSPHRASE
        # Writing the demo runs every migration, which Alembic loads from files on disk.
        demo.write_demo(review, passphrase).close()
        expected_title = demo_content.content().authority
        started = time.perf_counter()
    else:
        expected_title = ""
    store = Store.open(review, passphrase or _demo_passphrase(), deriving=deriving)
    controller = Controller(app)
    # Day 1's layout whatever the hour: the demo's Day 2 is today, and the start measured must not follow the clock.
    window = controller.open_window(store, DAY1)
    deadline = time.monotonic() + 20
    QApplication.processEvents()
    while not (window.windowHandle() and window.windowHandle().isExposed()):
        _check(time.monotonic() < deadline, "the main window was never shown")
        time.sleep(0.005)  # only while it is not shown yet: a window exposed at once costs no pause
        QApplication.processEvents()
    QApplication.processEvents()
    shown_ms = (time.perf_counter() - started) * 1000
    print(SHOWN, flush=True)
    collect_garbage_again()
    # What only the checks below need is imported now, after the moment the start is measured to.
    from peerdesk.store import migrate
    from peerdesk.ui.shell.about import versions

    _check(expected_title in window.windowTitle(), "the main window does not show the review")
    docks = window.findChildren(QDockWidget)
    _check(bool(docks), "the main window has no panels")
    _check(not window.grab().isNull(), "the main window did not paint")
    found = versions()
    _check(bool(found["SQLCipher"]), "SQLCipher reports no version")
    revision = migrate.head()

    window.close()
    QApplication.processEvents()
    controller.start.close()
    QApplication.processEvents()
    _check(not controller.windows, "the main window did not close")
    return {
        "opened and shown in": f"{shown_ms:.0f} ms",
        "panels": str(len(docks)),
        "schema": revision,
        "Qt": found["Qt"],
        "SQLCipher": found["SQLCipher"],
        "frozen": "yes" if getattr(sys, "frozen", False) else "no",
    }


def _demo_passphrase() -> str:
    from peerdesk.services.demo import DEFAULT_PASSPHRASE

    return DEFAULT_PASSPHRASE


def private_copy(review: Path, folder: Path) -> Path:
    """The review, with its write-ahead log (committed changes not yet folded into the file), copied into ``folder``."""
    if not review.is_file():
        raise SmokeFailure(f"there is no review at {review}")
    target = folder / "review" / review.name
    target.parent.mkdir(mode=files.PRIVATE_FOLDER)
    shutil.copyfile(review, target)
    wal = review.with_name(review.name + "-wal")
    if wal.is_file():
        shutil.copyfile(wal, target.with_name(target.name + "-wal"))
    return target


def _quiet_offscreen(_mode: object, _context: object, message: str) -> None:
    # The offscreen platform says, for every window, which window-manager calls it ignores; nothing else is expected.
    if not message.startswith("This plugin does not support"):
        print(message, file=sys.stderr)


def _check(condition: bool, failure: str) -> None:
    if not condition:
        raise SmokeFailure(failure)

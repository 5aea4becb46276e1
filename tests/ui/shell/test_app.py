"""Application start-up: the app's identity and style, and the controller moving from start screen to a window;
a damaged review offers the backup its passphrase opens, and committed work a damaged write-ahead log could not give
back is told, not silently dropped."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from peerdesk.services import backups, records
from peerdesk.store import maintenance, wal
from peerdesk.store.engine import Store
from peerdesk.ui.kit import messages
from peerdesk.ui.kit import settings as ui_settings
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.shell import app as shell
from peerdesk.ui.shell import main_window
from peerdesk.ui.shell.app import Controller
from tests.conftest import PASSPHRASE
from tests.ui.shell.test_open_files import answer_passphrase
from tests.ui.shell.test_recent_menu import refuse_passphrase


def test_the_demo_lives_in_the_users_data_folder() -> None:
    assert shell.demo_path().name == "demo.peerdesk"
    assert "peerdesk" in str(shell.demo_path().parent).lower()


def test_the_demo_is_written_into_a_data_folder_only_the_user_may_enter(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import stat

    data = tmp_path / "share" / "peerdesk"
    monkeypatch.setattr(shell, "demo_path", lambda: data / "demo.peerdesk")
    controller = shell.Controller(shell.make_app())
    controller.open_demo()
    qtbot.waitUntil(lambda: bool(controller.windows), timeout=30000)
    assert stat.S_IMODE(data.stat().st_mode) == 0o700  # it was 0755: anyone could list it
    for window in controller.windows:
        window.close()


def test_make_app_names_the_app_and_applies_the_style(qtbot: QtBot) -> None:
    app = shell.make_app()
    assert isinstance(app, QApplication) and app is QApplication.instance()
    assert app.applicationName() and app.desktopFileName() == "peerdesk"
    assert app.styleSheet() == shell.stylesheet() and shell.stylesheet().strip()
    assert not app.windowIcon().isNull()


def test_a_disabled_primary_button_does_not_look_pressable(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QPushButton

    app = shell.make_app()
    shown = []
    for enabled in (True, False):
        button = QPushButton("Place")
        button.setObjectName("primaryButton")
        button.setEnabled(enabled)
        qtbot.addWidget(button)
        button.resize(120, 36)
        shown.append(button.grab().toImage().pixelColor(6, 18).name())
    assert app.styleSheet() == shell.stylesheet()
    assert shown[0] == "#1d6fb8" and shown[1] != shown[0]


def test_opening_a_review_shows_its_window_hides_the_start_and_remembers_it(qtbot: QtBot, store: Store) -> None:
    controller = shell.Controller(shell.make_app())
    controller.show_start()
    assert controller.start.isVisible()
    window = controller.open_window(store)
    try:
        assert controller.windows == [window] and window.isVisible() and not controller.start.isVisible()
        assert store.path.resolve() in ui_settings.recent_files()
    finally:
        window.close()
        qtbot.waitUntil(lambda: not controller.windows)
        controller.start.close()


def test_the_first_review_window_is_built_without_the_style_sheet_and_shown_with_it(
    qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Built without the app's style sheet (each widget put into a parent would restyle its subtree), styled once
    as it is shown: what shows has every rule of the sheet, and the sheet is the app's again."""
    sheets_while_built: list[str] = []

    class Recording(main_window.MainWindow):
        def __init__(self, session: ReviewSession, day: str = "day1") -> None:
            super().__init__(session, day)
            sheets_while_built.append(QApplication.instance().styleSheet())  # type: ignore[union-attr]

    monkeypatch.setattr(main_window, "MainWindow", Recording)
    app = shell.make_app()
    controller = shell.Controller(app)
    qtbot.addWidget(controller.start)
    window = controller.open_window(store)
    try:
        qtbot.waitExposed(window)
        assert sheets_while_built == [""] and app.styleSheet() == shell.stylesheet()
        saved = window.saved_label  # QLabel#savedLabel { color: #2d6a4f; padding-right: 8px; }
        assert saved.palette().color(saved.foregroundRole()).name() == "#2d6a4f"
        assert window.overview.font().pointSizeF() == 10.5  # QWidget { font-size: 10.5pt; }
    finally:
        window.close()
        qtbot.waitUntil(lambda: not controller.windows)


def test_a_review_opened_straight_away_builds_no_start_screen_until_one_is_needed(
    qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    built: list[QWidget] = []

    class Counted(shell.StartScreen):
        def __init__(self) -> None:
            super().__init__()
            built.append(self)

    monkeypatch.setattr(shell, "StartScreen", Counted)
    controller = shell.Controller(shell.make_app())
    window = controller.open_window(store)
    qtbot.waitExposed(window)
    assert built == []  # the window showed without it
    window.close()
    qtbot.waitUntil(lambda: not controller.windows)
    assert len(built) == 1 and controller.start is built[0] and controller.start.isVisible()  # back to it
    controller.start.close()


def flip_bit(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x04
    path.write_bytes(bytes(data))


def test_a_damaged_review_is_offered_its_backup_and_opens_restored(
    qtbot: QtBot, controller: Controller, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    records.create(store, "notes", body="in the backup")
    backups.make_backup(store, "manual")
    path = store.path
    store.close()
    flip_bit(path, 1000)
    asked: list[str] = []
    monkeypatch.setattr(messages, "confirm", lambda _p, _t, text, _y="": asked.append(text) or True)
    answer_passphrase(PASSPHRASE)
    controller.open_path(path)
    qtbot.waitUntil(lambda: bool(controller.windows), timeout=20000)
    assert asked and "is damaged" in asked[0]
    assert controller.windows[0].session.store.path == path


def test_committed_work_a_damaged_wal_dropped_is_told(
    qtbot: QtBot, controller: Controller, store: Store, tmp_path: Path
) -> None:
    maintenance.checkpoint(store)
    records.create(store, "notes", body="committed just before the power cut")
    crashed = tmp_path / "crashed" / store.path.name
    crashed.parent.mkdir()
    shutil.copy(store.path, crashed)
    shutil.copy(f"{store.path}-wal", f"{crashed}-wal")
    flip_bit(Path(f"{crashed}-wal"), wal.HEADER + wal.FRAME_HEADER + 200)
    answer_passphrase(PASSPHRASE)
    controller.open_path(crashed)
    qtbot.waitUntil(lambda: bool(controller.windows), timeout=20000)
    notices = controller.windows[0].notices  # said in the window, not in a box over it
    qtbot.waitUntil(notices.isVisible, timeout=5000)
    assert notices.text().startswith("Some changes could not be recovered") and notices.kind == "warning"


def test_the_garbage_collector_is_on_again_once_the_app_has_started() -> None:
    import gc

    from peerdesk.ui.shell.app import collect_garbage_again

    gc.disable()  # as peerdesk/__main__.py does before the app's modules load
    try:
        collect_garbage_again()
        assert gc.isenabled()
        assert gc.get_freeze_count() > 0  # what start-up made is left out of later collections
    finally:
        gc.unfreeze()
        gc.enable()


def test_review_modules_load_one_per_turn_of_the_event_loop_from_the_next_one_then_the_rest_runs(
    qtbot: QtBot,
) -> None:
    import sys

    names = ("json", "peerdesk.ui.shell.main_window")  # already loaded here: what is checked is the sequence
    done: list[str] = []
    shell.load_review_modules(names, then=lambda: done.append("then"))
    shell.load_review_modules((), then=lambda: done.append("none to load"))
    assert done == []  # nothing in the turn that asked (the start screen asks from inside its first paint)
    qtbot.waitUntil(lambda: len(done) == 2, timeout=5000)
    assert done == ["none to load", "then"]  # one turn for nothing; three for two modules
    assert all(name in sys.modules for name in names)


def test_after_the_review_modules_the_models_are_set_up_in_a_turn_of_their_own_then_the_rest_runs(
    qtbot: QtBot,
) -> None:
    from peerdesk.store import models

    done: list[str] = []
    shell.ready_for_a_review(lambda: done.append("then"))
    assert done == []  # not in the turn that asks: the module loaded last had a turn of its own
    qtbot.waitUntil(lambda: done == ["then"], timeout=5000)
    assert all(mapper.configured for mapper in models.Base.registry.mappers)


def test_a_review_opened_before_the_start_screen_loaded_what_it_needs_loads_it_first_on_the_gui_thread(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The task that opens the review then imports nothing on its thread while this one imports the rest."""
    import sys

    (tmp_path / "late_review_module.py").write_text("import threading\nLOADED_ON = threading.current_thread().name\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "late_review_module", raising=False)
    monkeypatch.setattr(shell, "REVIEW_MODULES", (*shell.REVIEW_MODULES, "late_review_module"))
    started: list[bool] = []
    monkeypatch.setattr(shell, "run_task", lambda *_a, **_k: started.append("late_review_module" in sys.modules))
    controller = shell.Controller(shell.make_app())
    controller.open_demo()
    assert started == [True]
    assert sys.modules["late_review_module"].LOADED_ON == "MainThread"
    monkeypatch.delitem(sys.modules, "late_review_module")


# A new process, started as ``peerdesk`` starts the app (``run``): what is loaded when the start screen first paints,
# and once the app has loaded the rest behind it.
START_PROGRAM = """
import gc, sys
gc.disable()  # as peerdesk/__main__.py does
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from peerdesk.ui.shell import app as shell
from peerdesk.ui.shell.start import StartScreen

at_paint = []
painting = StartScreen.paintEvent
def paint_event(self, event):
    at_paint.append(sorted(m for m in ("sqlalchemy", "peerdesk.store.models", "peerdesk.ui.shell.main_window")
                           if m in sys.modules))
    painting(self, event)
StartScreen.paintEvent = paint_event

def check():
    if gc.isenabled():  # the last step: the review modules are all loaded
        print("at first paint:", *at_paint[0])
        print("after:", *[m for m in shell.REVIEW_MODULES if m in sys.modules])
        QApplication.quit()
    else:
        QTimer.singleShot(20, check)

QTimer.singleShot(0, check)
sys.exit(shell.run([]))
"""


def test_the_start_screen_paints_before_the_storage_layer_loads_and_it_loads_right_after(tmp_path: Path) -> None:
    """The first window a user sees waits for Qt only: SQLAlchemy, the models and the main window (half of a cold
    start) load once it has painted, and the garbage collector is on again after them."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", START_PROGRAM], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    first, after = done.stdout.splitlines()[:2]
    assert first == "at first paint:"  # none of the three
    assert after.split()[1:] == list(shell.REVIEW_MODULES)


NEVER_PAINTED_PROGRAM = """
import gc, sys, time
gc.disable()
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
from peerdesk.ui.shell import app as shell
from peerdesk.ui.shell.start import StartScreen

StartScreen.paintEvent = QWidget.paintEvent  # as if never painted (started minimized): ``painted`` never comes
started = time.monotonic()

def check():
    if gc.isenabled():
        loaded = [m for m in shell.REVIEW_MODULES if m in sys.modules]
        print("loaded after", round((time.monotonic() - started) * 1000), "ms:", *loaded)
        QApplication.quit()
    else:
        QTimer.singleShot(20, check)

QTimer.singleShot(0, check)
sys.exit(shell.run([]))
"""


def test_a_start_screen_never_painted_still_loads_the_review_modules_and_turns_the_collector_on(
    tmp_path: Path,
) -> None:
    import os
    import subprocess
    import sys

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", NEVER_PAINTED_PROGRAM], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    words = done.stdout.split()
    assert words[:2] == ["loaded", "after"] and words[3] == "ms:"
    assert int(words[2]) >= shell.LOAD_ANYWAY_MS - 100  # by the clock, there being no paint to go by
    assert words[4:] == list(shell.REVIEW_MODULES)


# A new process: its QApplication is the app's own (the tests' is pytest-qt's, made before make_app runs).
APPLICATION_PROGRAM = """
import sys
from pathlib import Path
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication, QLabel
from peerdesk.ui.shell.app import Application, Controller, make_app

filtered = []
Controller.eventFilter = lambda self, watched, event: filtered.append(event.type()) or False
app = make_app([])
controller = Controller(app)
label = QLabel("any widget")
label.show()
app.processEvents()
app.sendEvent(app, QFileOpenEvent(sys.argv[1]))
app.processEvents()
print(isinstance(app, Application), len(filtered), controller.pending_bundle == Path(sys.argv[1]))
"""


def test_the_apps_own_application_hands_a_finder_file_over_without_an_application_wide_filter(tmp_path: Path) -> None:
    """The file arrives as the application's signal, and no filter sees every widget's events to find it (each
    one a call into Python: tens of thousands while a window is built)."""
    import os
    import subprocess
    import sys

    bundle = tmp_path / "from-finder.pdbundle"
    bundle.write_bytes(b"x")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", APPLICATION_PROGRAM, str(bundle)], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True", "0", "True"]


def test_a_desktop_file_open_event_without_a_file_opens_nothing() -> None:
    assert shell.opened_file(QEvent(QEvent.Type.FileOpen)) is None
    assert shell.opened_file(QEvent(QEvent.Type.Show)) is None


def test_making_the_app_again_restyles_no_widget(qtbot: QtBot) -> None:
    """The style and the style sheet are set once: setting them again restyles every widget the application holds
    (a long test session holds thousands: one call took over a minute)."""
    from PySide6.QtCore import QObject
    from PySide6.QtWidgets import QLabel

    shell.make_app()
    label = QLabel("any widget")
    qtbot.addWidget(label)
    label.show()
    restyled: list[QEvent.Type] = []

    class Watch(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() in (QEvent.Type.StyleChange, QEvent.Type.Polish):
                restyled.append(event.type())
            return False

    watch = Watch()
    label.installEventFilter(watch)
    app = shell.make_app()
    QApplication.processEvents()
    assert app.styleSheet() and app.property("peerdeskStyle") == "Fusion"
    assert restyled == []


def test_a_review_opens_in_the_layout_of_its_visits_day_unless_one_is_asked_for(
    controller: Controller, demo_store: Store, store: Store
) -> None:
    import datetime as dt

    from peerdesk.services import review
    from peerdesk.ui.shell import layouts

    before = layouts.for_visit(review.summary(demo_store), dt.datetime.now())
    window = controller.open_window(demo_store)  # the demo's Day 2 is today: its morning's or afternoon's layout
    after = layouts.for_visit(review.summary(demo_store), dt.datetime.now())
    assert window.layouts.current in {before, after} and window.layouts.actions[window.layouts.current].isChecked()
    asked = controller.open_window(store, layouts.WORKSHOP)  # the smoke test asks for Day 1's, whatever the hour
    assert asked.layouts.current == layouts.WORKSHOP and not any(d.isVisible() for d in asked.docks.values())


def test_a_drop_down_list_opens_under_its_box_with_the_chosen_entry_highlighted(qtbot: QtBot) -> None:
    """Fusion's menu-like popup, over the styled box, drew the chosen entry as an empty frame on top of the list."""
    from PySide6.QtWidgets import QComboBox

    shell.make_app()
    combo = QComboBox()
    qtbot.addWidget(combo)
    combo.addItems(["Early help is valued", "Families tell their story again and again"])
    combo.setCurrentIndex(1)
    combo.show()
    qtbot.waitExposed(combo)
    combo.showPopup()
    popup = combo.view().window()
    qtbot.waitUntil(popup.isVisible)
    below = combo.mapToGlobal(combo.rect().bottomLeft()).y()
    assert popup.geometry().top() >= below - 2, "the list opens under the box, not over it"
    combo.hidePopup()


def test_opening_a_review_already_open_brings_its_window_forward_without_asking_its_passphrase(
    qtbot: QtBot, controller: Controller, store: Store
) -> None:
    window = controller.open_window(store)
    window.showMinimized()
    asked = refuse_passphrase()
    controller.open_path(store.path.parent / "." / store.path.name)  # the same file, however it is written
    assert asked == [] and controller.windows == [window]
    assert window.isVisible() and not window.isMinimized()


def test_a_second_start_without_files_brings_the_app_forward(
    qtbot: QtBot, controller: Controller, store: Store, tmp_path: Path
) -> None:
    """What ``single_instance`` hands over: no file shows the start screen when no review is open, else the window;
    files are opened as if double-clicked here (a bundle waits for its review)."""
    controller.handed_over([])
    qtbot.waitUntil(controller.start.isVisible, timeout=5000)
    window = controller.open_window(store)
    qtbot.waitExposed(window)
    window.showMinimized()
    qtbot.waitUntil(window.isMinimized, timeout=5000)
    controller.handed_over([])
    qtbot.waitUntil(lambda: not window.isMinimized(), timeout=5000)
    assert not controller.start.isVisible()  # the review's window, not the start screen over it
    bundle = tmp_path / "from-jo.pdbundle"
    bundle.write_bytes(b"x")
    controller.handed_over([bundle])
    qtbot.waitUntil(lambda: window.notices.isVisible(), timeout=5000)
    assert "from-jo.pdbundle" in window.notices.text() and controller.pending_bundle is None


def test_a_bundle_handed_over_while_the_window_is_locked_is_offered_once_it_is_unlocked(
    qtbot: QtBot, controller: Controller, store: Store, tmp_path: Path
) -> None:
    """The offer names the review: beside the lock screen it would show an onlooker which review this is."""
    window = controller.open_window(store)
    qtbot.waitExposed(window)
    window.lock()
    bundle = tmp_path / "from-jo.pdbundle"
    bundle.write_bytes(b"x")
    controller.handed_over([bundle])
    qtbot.wait(300)  # the hand-over opens the files on the next turn of the event loop
    assert not window.notices.isVisible()
    window.unlock()
    assert window.notices.isVisible() and "from-jo.pdbundle" in window.notices.text()

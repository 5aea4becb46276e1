"""The main window: a work area of tabs, one dock per panel, lock and unlock, the shortcuts it lists."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QScrollArea
from pytestqt.qtbot import QtBot

from peerdesk.store.engine import Store
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.shell import layouts
from peerdesk.ui.shell.app import Controller
from peerdesk.ui.shell.docks import panel_specs
from peerdesk.ui.shell.main_window import MainWindow
from peerdesk.ui.wall.widget import WallWidget
from tests.conftest import PASSPHRASE
from tests.helpers.app_tour import CLICKED, OPENED, TOURED, click_unbuilt_tabs
from tests.helpers.drags import drag_onto, drop_onto, local, mime_of

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def window(main_window: MainWindow) -> MainWindow:
    return main_window


def test_one_dock_per_panel_and_the_title_names_the_review(window: MainWindow) -> None:
    assert set(window.docks) == {s.object_name for s in panel_specs()}
    assert window.windowTitle().endswith(" — peerdesk") and "Westfold" in window.windowTitle()
    assert window.work.tabText(0) == "Overview"


def test_a_work_tab_is_added_and_brought_to_the_front(window: MainWindow) -> None:
    page = QLabel("a workshop step")
    window.add_work_tab(page, "Step", scroll=True)
    window.show_work(page)
    assert window.work.tabText(window.work.currentIndex()) == "Step"


def test_locking_hides_the_docks_and_the_right_passphrase_brings_them_back(window: MainWindow) -> None:
    window.lock()
    assert window.session.locked and window.stack.currentWidget() is window.lock_screen
    assert not window.menuBar().isEnabled() and not any(d.isVisible() for d in window.docks.values())
    window.lock_screen.edit.setText(PASSPHRASE)
    window.lock_screen.try_unlock()
    assert not window.session.locked and window.stack.currentWidget() is window.work
    assert all(d.isVisible() for d in window.docks.values())


def test_a_locked_window_s_title_names_no_review_and_unlocking_gives_the_name_back(window: MainWindow) -> None:
    """The title shows beside the lock screen: in the title bar, the taskbar, the window switcher."""
    named = window.windowTitle()
    assert window.session.title() in named
    window.lock()
    assert window.windowTitle() == "Locked review — peerdesk"
    window.lock_screen.edit.setText(PASSPHRASE)
    window.lock_screen.try_unlock()
    assert window.windowTitle() == named


def test_the_shortcuts_list_names_each_action_once(window: MainWindow) -> None:
    rows = window.shortcut_rows()
    assert rows == sorted(set(rows)) and all(name and seq and "&" not in name for name, seq in rows)
    assert any(name.startswith("Print") for name, _ in rows)


def test_the_main_window_has_a_wall_tab_after_the_overview(window: MainWindow) -> None:
    assert [window.work.tabText(i) for i in range(2)] == ["Overview", "Wall"]
    page = window.work.widget(1)
    assert page is not None and page.isAncestorOf(window.wall)  # built when its tab is first shown
    assert isinstance(window.wall, WallWidget)


@pytest.mark.parametrize(
    ("day", "in_view", "behind"),
    [
        (layouts.DAY1, {"dock-timetable", "dock-quotes"}, {"dock-notes", "dock-insights"}),
        (layouts.DAY2, {"dock-insights"}, {"dock-quotes"}),
    ],
)
def test_the_panels_of_the_docks_in_view_are_built_before_the_window_shows_and_no_others(
    qtbot: QtBot, session: ReviewSession, day: str, in_view: set[str], behind: set[str]
) -> None:
    # Built as the window showed, with the app's style sheet on, each widget restyled everything under it.
    window = MainWindow(session, day)
    qtbot.addWidget(window)
    assert not window.isVisible()
    assert in_view <= set(window.panels) and not behind & set(window.panels)


def test_the_test_screen_holds_the_default_window(window: MainWindow) -> None:
    screen = window.screen()
    assert screen is not None and screen.availableGeometry().size().toTuple() == (1920, 1080)
    assert window.size().toTuple() == (1360, 860) and not window.isMaximized()


def test_an_autosave_announced_to_every_view_reads_nothing_from_the_file(window: MainWindow) -> None:
    from sqlalchemy import event

    from peerdesk.services import notes
    from peerdesk.services.changes import NOTE_TEXT, QUOTE_PLACES, Changes
    from tests.helpers.timetable import build_day

    store = window.session.store
    interview = build_day(store).interviews[0]
    note, _ = notes.open_note(store, interview)
    quote, _ = notes.capture_quote(store, note, 0, 5, "Carers said the duty line is slow.")
    for name in window.docks:  # every panel built, as if each dock had been shown
        assert window.panels[name] is not None
    assert window.wall is not None
    window.panels["dock-notes"].open_interview(interview)  # type: ignore[attr-defined]
    reads: list[object] = []

    def count(*_args: object) -> None:
        reads.append(True)

    event.listen(store.engine, "checkout", count)
    try:
        window.session.notify(Changes.of(NOTE_TEXT, QUOTE_PLACES, ids=[note, quote]))
    finally:
        event.remove(store.engine, "checkout", count)
    assert reads == []  # typing changed nothing another view shows: none of them reloads


def test_show_in_notes_in_the_quotes_dock_opens_the_quotes_note_at_the_quote(qtbot: QtBot, window: MainWindow) -> None:
    from PySide6.QtCore import Qt

    from peerdesk.services import notes
    from peerdesk.ui.quotes.panel import QuotesPanel
    from tests.helpers.timetable import build_day

    day = build_day(window.session.store)
    window.open_interview(day.interviews[0])
    notes_panel = window.notes_panel
    assert notes_panel is not None and notes_panel.note is not None
    qtbot.keyClicks(notes_panel.editor, "They never call back. More.")
    notes_panel.editor.select(0, 20)
    qtbot.keyClick(notes_panel.editor, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    [quote] = notes.quotes_of_note(window.session.store, notes_panel.note.id)
    notes_panel.editor.select(0, 0)
    quotes_panel = window.panels["dock-quotes"]
    assert isinstance(quotes_panel, QuotesPanel)
    quotes_panel.reload()
    quotes_panel.select_ids([quote.id])
    quotes_panel.jump.trigger()  # More ▸ Show in notes (a menu entry since f794c11)
    cursor = notes_panel.editor.textCursor()
    assert (cursor.position(), cursor.hasSelection()) == (20, False)


@pytest.mark.parametrize("day", [layouts.DAY1, layouts.EVENING, layouts.DAY2, layouts.WORKSHOP])
def test_clicking_the_tab_of_a_panel_not_built_yet_builds_it_inside_its_dock(
    qtbot: QtBot, controller: Controller, demo_store: Store, day: str
) -> None:
    window = controller.open_window(demo_store, day)  # as the app opens it: styled, shown
    qtbot.waitExposed(window)
    clicked = click_unbuilt_tabs(window)
    assert clicked or day != layouts.DAY1, "Day 1 opens with a dock behind another's tab"
    for title in clicked:
        [(name, dock)] = [(n, d) for n, d in window.docks.items() if d.windowTitle() == title]
        area = dock.widget()
        assert isinstance(area, QScrollArea) and area.widget() is window.panels[name]


@pytest.mark.parametrize("what", ["tabs", "layouts", "menus"])
def test_the_app_survives_every_tab_and_layout_clicked_in_a_process_of_its_own(tmp_path: Path, what: str) -> None:
    """Two crashes inside Qt (segmentation faults) that only a fresh process showed, the app's own start-up:
    giving a dock its widget while its tab came to the front, and any change of layout (View ▸ Evening…) in a
    window that had been given its first layout before it was ever shown. In this test process the freed memory
    happened to stay readable."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "tests.helpers.app_tour", str(tmp_path), what],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    if what == "tabs":
        assert f"{CLICKED} Interview notes, Insights" in done.stdout
    elif what == "menus":
        [opened] = [line for line in done.stdout.splitlines() if line.startswith(OPENED)]
        assert int(opened.removeprefix(OPENED)) > 40  # some ten dialogs in each of the four layouts
    else:
        [toured] = [line for line in done.stdout.splitlines() if line.startswith(TOURED)]
        assert all(f"{key} (" in toured for key in (layouts.DAY1, layouts.EVENING, layouts.DAY2, layouts.WORKSHOP))


def test_a_review_dropped_on_a_review_window_is_opened_and_a_document_is_refused(
    qtbot: QtBot, main_window: MainWindow, tmp_path: Path
) -> None:
    other = tmp_path / "westfold.peerdesk"
    assert not drag_onto(main_window, mime_of(local(tmp_path / "minutes.docx")))
    assert drag_onto(main_window, mime_of(local(other)))
    assert drag_onto(main_window, mime_of(local(tmp_path / "FROM-JO.PDBUNDLE")))  # a bundle, as Windows may name it
    with qtbot.waitSignal(main_window.request_open_path, timeout=5000) as asked:
        assert drop_onto(main_window, mime_of(local(other)))
    assert asked.args == [other]

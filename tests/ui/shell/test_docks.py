"""The dock panels the main window builds: each with a stable name, a title and its own shortcut."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QLabel, QTabBar, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from peerdesk.ui.kit.panel import Panel
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.notes.panel import NotesPanel
from peerdesk.ui.quotes.model import INTERVIEW
from peerdesk.ui.quotes.panel import QuotesPanel
from peerdesk.ui.shell import layouts
from peerdesk.ui.shell.docks import LEFT_WIDTH, NOTES_SHARE, WORK_WIDTH, LazyPanels, LazyTab, panel_specs
from peerdesk.ui.shell.main_window import MainWindow
from tests.helpers.user_actions import main_window


def test_the_four_docks_in_their_order_with_distinct_names_and_shortcuts() -> None:
    specs = panel_specs()
    assert [s.title for s in specs] == ["Timetable", "Interview notes", "Quotes", "Insights"]
    assert len({s.object_name for s in specs}) == len({s.shortcut for s in specs}) == len(specs)
    assert all(s.object_name.startswith("dock-") for s in specs)


def test_every_dock_builds_a_panel(qtbot: QtBot, session: ReviewSession) -> None:
    for spec in panel_specs():
        panel = spec.factory(session)
        qtbot.addWidget(panel)
        assert isinstance(panel, Panel) and isinstance(panel, QWidget)


def test_a_panel_is_built_once_when_first_asked_for(qtbot: QtBot, session: ReviewSession) -> None:
    built: list[str] = []

    def build(name: str) -> Panel:
        built.append(name)
        return Panel(session)

    panels = LazyPanels(build)
    assert panels.get("dock-notes") is None and "dock-notes" not in panels  # looking does not build
    first = panels["dock-notes"]
    assert panels["dock-notes"] is first and built == ["dock-notes"]
    assert list(panels.values()) == [first]


def test_a_tab_builds_its_content_when_it_is_first_shown(qtbot: QtBot) -> None:
    made: list[QWidget] = []

    def factory() -> QWidget:
        made.append(QLabel("built"))
        return made[-1]

    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    tabs.addTab(QLabel("first"), "First")
    lazy = LazyTab(factory, scroll=True)
    tabs.addTab(lazy, "Later")
    tabs.show()
    qtbot.waitExposed(tabs)
    assert made == [] and lazy.content is None
    tabs.setCurrentIndex(1)
    assert len(made) == 1 and lazy.content is made[0] and lazy.isAncestorOf(made[0])
    tabs.setCurrentIndex(0)
    tabs.setCurrentIndex(1)
    assert lazy.build() is made[0] and len(made) == 1


def test_the_window_builds_hidden_docks_and_tabs_only_when_shown(qtbot: QtBot, session: ReviewSession) -> None:
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert "dock-timetable" in window.panels and "dock-quotes" in window.panels  # in view: built
    assert "dock-notes" not in window.panels and "tab-workshop" not in window.panels  # behind a tab: not yet
    window.docks["dock-notes"].raise_()
    qtbot.waitUntil(lambda: "dock-notes" in window.panels)
    assert window.notes_panel is window.panels["dock-notes"]
    assert window.docks["dock-notes"].isAncestorOf(window.panels["dock-notes"])
    window.show_work(window.panels["tab-survey"])  # asked for: built, and its tab comes to the front
    assert window.work.currentWidget().isAncestorOf(window.panels["tab-survey"])


def opened_at(qtbot: QtBot, session: ReviewSession, size: tuple[int, int]) -> MainWindow:
    """The default layout at ``size`` with the first interview of the demo open in the notes, as on Day 1."""
    from peerdesk.services import timetable as tt

    window = MainWindow(session)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    window.open_interview(tt.timetable(session.store).interviews[0].id)
    qtbot.waitUntil(lambda: window.notes_panel is not None and window.notes_panel.isVisible())
    for _ in range(5):
        QApplication.processEvents()
    return window


def test_on_a_wide_screen_the_note_taker_gets_the_extra_width_and_the_editor_all_of_it(
    qtbot: QtBot, demo_session: ReviewSession
) -> None:
    window = opened_at(qtbot, demo_session, (1920, 1080))
    notes = window.notes_panel
    assert notes is not None
    assert window.docks["dock-notes"].width() == round(1920 * NOTES_SHARE)
    assert notes.side.width() == notes.side.minimumWidth(), "the side tabs keep their own width"
    assert notes.editor.width() >= 0.3 * window.width(), "twice the 1366 editor"
    assert window.work.width() >= WORK_WIDTH


def test_on_a_laptop_the_left_side_is_what_its_panels_need_and_the_work_area_keeps_the_rest(
    qtbot: QtBot, demo_session: ReviewSession
) -> None:
    window = opened_at(qtbot, demo_session, (1366, 768))
    notes = window.notes_panel
    assert notes is not None
    assert window.docks["dock-notes"].width() == LEFT_WIDTH
    assert notes.editor.width() >= notes.editor.minimumWidth() and notes.side.width() >= notes.side.minimumWidth()
    assert window.work.width() >= WORK_WIDTH


def test_on_a_laptop_f9_gives_the_editor_the_note_takers_whole_width_and_back(
    qtbot: QtBot, demo_session: ReviewSession
) -> None:
    window = opened_at(qtbot, demo_session, (1366, 768))
    notes = window.notes_panel
    assert notes is not None
    beside = notes.editor.width()
    qtbot.keyClick(window, Qt.Key.Key_F9)
    QApplication.processEvents()
    assert notes.side.isHidden() and not window.action_notes_side.isChecked()
    assert notes.editor.width() >= 2 * beside - 20  # the side tabs' half is the editor's now
    assert notes.editor.width() >= 0.45 * window.width()
    qtbot.keyClick(window, Qt.Key.Key_F9)
    QApplication.processEvents()
    assert notes.side.isVisible() and notes.side.width() >= notes.side.minimumWidth()
    window.action_notes_side.setChecked(False)
    window.reset_layout()  # View ▸ Reset layout brings them back too
    assert notes.side.isVisible() and window.action_notes_side.isChecked()


def test_reset_layout_shows_the_columns_the_user_hid(qtbot: QtBot, demo_session: ReviewSession) -> None:
    window = opened_at(qtbot, demo_session, (1366, 768))
    quotes = window.findChild(QuotesPanel)
    assert quotes is not None
    quotes.columns.show_column(INTERVIEW, False)
    assert quotes.table.horizontalHeader().isSectionHidden(INTERVIEW)
    window.reset_layout()  # View ▸ Reset layout: everything as it was at first
    assert not quotes.table.horizontalHeader().isSectionHidden(INTERVIEW)
    assert quotes.columns.hidden() == []


def test_once_the_user_drags_a_separator_the_sizes_are_the_users(qtbot: QtBot, demo_session: ReviewSession) -> None:
    window = opened_at(qtbot, demo_session, (1920, 1080))
    window.resizeDocks([window.docks["dock-notes"]], [700], Qt.Orientation.Horizontal)
    QApplication.sendEvent(
        window,
        QMouseEvent(
            QEvent.Type.MouseButtonPress,
            QPointF(5, 5),
            QPointF(5, 5),
            Qt.MouseButton.LeftButton,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        ),
    )
    window.resize(1900, 1060)
    for _ in range(5):
        QApplication.processEvents()
    assert abs(window.docks["dock-notes"].width() - 700) < 30, "not put back to half the window"


def test_going_through_the_day_s_layouts_raises_no_error(qtbot: QtBot, session: ReviewSession) -> None:
    # Seen under X going from Day 1 evening to Day 2 morning: the default sizes of an earlier layout, deleted, were
    # still called when the notes dock showed, and the user got "Something went wrong".
    window = main_window(qtbot, session)
    for key in (layouts.EVENING, layouts.DAY2, layouts.DAY1, layouts.EVENING, layouts.DAY2):
        window.layouts.actions[key].trigger()
        qtbot.wait(10)  # the deleted followers go, the notes dock's shown-signal arrives: pytest-qt fails on errors
    assert window.layouts.current == layouts.DAY2


def typing_notes(qtbot: QtBot, session: ReviewSession) -> tuple[MainWindow, NotesPanel]:
    """Day 1 on a laptop, the keyboard in the notes of the first interview."""
    window = opened_at(qtbot, session, (1366, 768))
    window.activateWindow()
    notes = window.notes_panel
    assert notes is not None
    notes.editor.setFocus()
    qtbot.waitUntil(notes.editor.hasFocus)
    return window, notes


def test_a_panels_key_goes_to_it_and_never_closes_it(qtbot: QtBot, demo_session: ReviewSession) -> None:
    """Ctrl+Shift+1 on Day 1, typing in the notes: the timetable's tab comes to the front with the keyboard in it;
    pressed again it stays (it used to close the timetable, and bring it back behind the notes' tab)."""
    window, notes = typing_notes(qtbot, demo_session)
    timetable = window.docks["dock-timetable"]
    for _ in range(2):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_1, MODIFIERS)
        qtbot.waitUntil(lambda: not timetable.visibleRegion().isEmpty())
        assert timetable.toggleViewAction().isChecked() and timetable.isAncestorOf(QApplication.focusWidget())
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_2, MODIFIERS)  # and back to the notes, where I typed
    qtbot.waitUntil(notes.editor.hasFocus)
    window.docks["dock-quotes"].close()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_3, MODIFIERS)  # a closed panel opens
    qtbot.waitUntil(lambda: window.docks["dock-quotes"].isAncestorOf(QApplication.focusWidget()))
    assert ("Go to Quotes", "Ctrl+Shift+3") in window.shortcut_rows()


MODIFIERS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def test_the_keyboard_follows_a_dock_tab_clicked_and_leaves_the_notes_it_covers(
    qtbot: QtBot, demo_session: ReviewSession
) -> None:
    """Typing notes, the note taker clicks the Timetable's tab: arrows and Enter then move in the timetable; they
    went on into the covered notes (Enter split the paragraph, letters were typed there unseen)."""
    window, notes = typing_notes(qtbot, demo_session)
    before = notes.editor.toPlainText()
    # The tab bar on screen (the window keeps others it made for arrangements it has left).
    [(bar, index)] = [
        (b, i)
        for b in window.findChildren(QTabBar)
        for i in range(b.count())
        if b.tabText(i) == "Timetable" and window.childAt(b.mapTo(window, b.tabRect(i).center())) is b
    ]
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    timetable = window.docks["dock-timetable"]
    qtbot.waitUntil(lambda: not timetable.visibleRegion().isEmpty())  # its tab in front
    qtbot.waitUntil(lambda: timetable.isAncestorOf(QApplication.focusWidget()))
    qtbot.keyClicks(QApplication.focusWidget(), "xyz")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert notes.editor.toPlainText() == before

"""Nothing cut off on a laptop or a desktop screen: every dock, tab and dialog at 1366×768 and 1920×1080.

A visible control whose text does not fit (a label or button smaller than its size hint, an elided tab, a
placeholder wider than its field) fails, and so does a dock or tab whose panel needs more room than it has (the
user would have to scroll or drag a splitter first). The demo review fills every panel with real content.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from peerdesk.services import interviews, sharing, team
from peerdesk.services import timetable as tt
from peerdesk.services.changes import Changes
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.shell.dialogs import NewReviewDialog, PassphraseDialog
from peerdesk.ui.shell.main_window import MainWindow
from peerdesk.ui.team.dialog import AddCardDialog
from peerdesk.ui.team.import_log import ImportLogDialog
from peerdesk.ui.team.join_dialog import JoinDialog, MyCardDialog
from peerdesk.ui.team.sharing import EmailDialog
from peerdesk.ui.timetable.interview_dialog import InterviewDialog, SlotDialog, TeamDialog
from tests.helpers.layout import (
    clipped_controls,
    cramped_scroll_area,
    every_tab,
    screenshot,
    settle,
    sideways_scrolling,
)
from tests.helpers.ui_tour import every_menu_dialog, modal_dialogs_checked, shown_window, start_and_dialogs_checked

SIZES = [pytest.param((1366, 768), id="1366x768"), pytest.param((1920, 1080), id="1920x1080")]


@pytest.fixture
def window(qtbot: QtBot, demo_session: ReviewSession, request: pytest.FixtureRequest) -> Iterator[MainWindow]:
    w = shown_window(qtbot, demo_session, request.param)  # measured in the app's own style sheet, as users see it
    yield w
    w.close()


def check_page(root: QWidget) -> list[str]:
    """Every tab inside ``root`` in turn, each with its controls and (horizontally) its scroll areas."""
    settle()
    found = clipped_controls(root)
    for tabs, index in every_tab(root):
        if not tabs.isVisible():
            continue
        tabs.setCurrentIndex(index)
        settle()
        page = tabs.widget(index)
        found += clipped_controls(page)
        if isinstance(page, QScrollArea):
            found += cramped_scroll_area(page, vertical=False)
    return found


DOCKS = ("dock-timetable", "dock-notes", "dock-quotes", "dock-insights")
WORK_TABS = ("Overview", "Wall", "Workshop", "Follow-up", "Survey")
SHOTS = {"dock-timetable": "timetable", "dock-notes": "notes", "Overview": "main-window"}  # README's pictures
# Found by this test and not yet fixed where they live (each module's owner has been told); they pass elsewhere.
# Empty: the workshop and the survey fit a laptop's work area since #16 (flow rows, shorter prompts).
KNOWN: dict[tuple[tuple[int, int], str], str] = {}


def cases(names: tuple[str, ...]) -> list[object]:
    found = []
    for size in ((1366, 768), (1920, 1080)):
        for name in names:
            reason = KNOWN.get((size, name))
            marks = [pytest.mark.xfail(strict=False, reason=reason)] if reason else []
            found.append(pytest.param(size, name, marks=marks, id=f"{size[0]}x{size[1]}-{name}"))
    return found


@pytest.mark.parametrize(("window", "name"), cases(DOCKS), indirect=["window"])
def test_every_dock_shows_its_panel_whole_and_nothing_in_it_is_cut(window: MainWindow, name: str) -> None:
    dock = window.docks[name]
    dock.show()
    dock.raise_()
    settle()
    area = dock.widget()
    assert isinstance(area, QScrollArea)
    found = cramped_scroll_area(area) + check_page(dock)
    if window.width() == 1366 and name in SHOTS:
        screenshot(window, SHOTS[name])
    assert found == [], "\n".join(found)


@pytest.mark.parametrize(("window", "title"), cases(WORK_TABS), indirect=["window"])
def test_every_tab_of_the_work_area_fits_and_nothing_in_it_is_cut(window: MainWindow, title: str) -> None:
    [index] = [i for i in range(window.work.count()) if window.work.tabText(i) == title]
    window.work.setCurrentIndex(index)
    settle()
    page = window.work.widget(index)
    found = cramped_scroll_area(page, vertical=False) if isinstance(page, QScrollArea) else []
    # A panel can keep its own scroll area inside the tab, sideways bar turned off or not: cut all the same.
    found += sideways_scrolling(page)
    found += check_page(page)
    if window.width() == 1366 and title in SHOTS:
        screenshot(window, SHOTS[title])
    assert found == [], "\n".join(found)


@pytest.fixture
def seen_dialogs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Modal dialogs are shown, checked and closed instead of waiting; file choosers answer "cancel"."""
    return modal_dialogs_checked(monkeypatch, check_page)


@pytest.mark.parametrize("window", SIZES, indirect=True)
def test_every_dialog_of_the_menus_opens_with_nothing_cut(window: MainWindow, seen_dialogs: list[str]) -> None:
    opened = every_menu_dialog(window, check_page, seen_dialogs)
    assert opened >= 12 and seen_dialogs == [], "\n".join(seen_dialogs)


def sharing_and_timetable_dialogs(session: ReviewSession, folder: Path) -> list[Callable[[], QDialog]]:
    table = tt.timetable(session.store)
    fields = interviews.interview_fields(session.store, table.interviews[0].id)
    card, card_text = team.my_card(session.store)
    exported = sharing.ExportReport(folder / "peerdesk-ab-2026-03-10.pdbundle", 412_000, ["Sam Okafor"], "2026-07-10")
    report = sharing.ImportReport(
        "Sam Okafor",
        "Sam Okafor: 12 new quotes, 3 themes changed",
        1,
        Changes(),
        folder / "Downloads" / "peerdesk-so-2026-03-11 (copy from the Tuesday email).pdbundle",
    )

    def import_log() -> QDialog:
        log = ImportLogDialog(lambda: None)
        log.add(report)
        return log

    return [
        lambda: NewReviewDialog(folder=folder),
        lambda: PassphraseDialog(folder / "eastmere-borough-council.peerdesk", message="That passphrase is not right."),
        lambda: JoinDialog(folder=folder, invitation=team.invitation(session.store)),
        lambda: MyCardDialog(card_text, card.fingerprint, "Alex Lead"),
        AddCardDialog,
        import_log,
        lambda: EmailDialog(exported),
        lambda: InterviewDialog(table, [], fields, title="Interview details"),
        lambda: SlotDialog("10:30"),
        lambda: TeamDialog("Team C"),
    ]


@pytest.mark.parametrize("window", SIZES[:1], indirect=True)
def test_the_start_screen_and_the_dialogs_of_sharing_and_the_timetable_have_nothing_cut(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    found = start_and_dialogs_checked(qtbot, sharing_and_timetable_dialogs(window.session, tmp_path), check_page)
    assert found == [], "\n".join(found)

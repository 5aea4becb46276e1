"""Tab follows the layout: in every dock, every tab of the work area and every dialog the app opens, Tab visits
the controls in reading order (row by row in a form, column by column in side-by-side panes), reaches every
visible control that takes the keyboard, and does not wander out of a panel and back into it."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

import pytest
from PySide6.QtWidgets import QGridLayout, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.shell.main_window import MainWindow
from tests.helpers.focus import focus_problems, order_problems, tab_chain
from tests.helpers.layout import every_tab, settle
from tests.helpers.ui_tour import every_menu_dialog, modal_dialogs_checked, shown_window, start_and_dialogs_checked
from tests.ui.shell.test_layout import DOCKS, WORK_TABS, sharing_and_timetable_dialogs


def test_the_check_names_tab_going_against_the_layout(qtbot: QtBot) -> None:
    form = QWidget()
    grid = QGridLayout(form)
    column = [QLineEdit(f"row {n}") for n in range(3)]  # three rows of one field each
    row = [QLineEdit(f"column {n}") for n in range(3)]  # then a row of three
    for n, field in enumerate(column):
        grid.addWidget(field, n, 0)
    for n, field in enumerate(row):
        grid.addWidget(field, 3, n)
    qtbot.addWidget(form)
    form.show()
    assert focus_problems(form) == []

    def tab_through(*widgets: QWidget) -> list[str]:
        for first, second in pairwise(widgets):
            QWidget.setTabOrder(first, second)
        return [p.split(":")[0] for p in order_problems(form)]

    assert tab_through(*column, *row) == []
    assert tab_through(column[0], column[2], column[1], *row) == ["Tab goes back up"]
    assert tab_through(*column, row[0], row[2], row[1]) == ["Tab goes back left on a row"]


@pytest.fixture
def window(qtbot: QtBot, demo_session: ReviewSession) -> Iterator[MainWindow]:
    w = shown_window(qtbot, demo_session, (1366, 768))
    yield w
    w.close()


def every_page(root: QWidget) -> list[str]:
    """``root`` with each page of each of its tab widgets shown in turn."""
    settle()
    found = focus_problems(root)
    for tabs, index in every_tab(root):
        if tabs.isVisible():
            tabs.setCurrentIndex(index)
            settle()
            found += [p for p in focus_problems(root) if p not in found]
    return found


@pytest.mark.parametrize("name", DOCKS)
def test_tab_follows_the_layout_in_every_dock(window: MainWindow, name: str) -> None:
    dock = window.docks[name]
    dock.show()
    dock.raise_()
    settle()
    assert tab_chain(dock), f"nothing in {name} takes the keyboard"
    found = every_page(dock)
    assert found == [], "\n".join(found)


@pytest.mark.parametrize("title", WORK_TABS)
def test_tab_follows_the_layout_in_every_tab_of_the_work_area(window: MainWindow, title: str) -> None:
    [index] = [i for i in range(window.work.count()) if window.work.tabText(i) == title]
    window.work.setCurrentIndex(index)
    settle()
    page = window.work.widget(index)
    assert tab_chain(page), f"nothing in {title} takes the keyboard"
    found = every_page(page)
    assert found == [], "\n".join(found)


@pytest.fixture
def looked_at(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Modal dialogs are shown, their Tab order checked and closed instead of waiting; file choosers cancel."""
    return modal_dialogs_checked(monkeypatch, every_page)


def test_tab_follows_the_layout_in_every_dialog_of_the_menus(window: MainWindow, looked_at: list[str]) -> None:
    opened = every_menu_dialog(window, every_page, looked_at)
    assert opened >= 12 and looked_at == [], "\n".join(looked_at)


def test_tab_follows_the_layout_on_the_start_screen_and_in_the_sharing_and_timetable_dialogs(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    found = start_and_dialogs_checked(qtbot, sharing_and_timetable_dialogs(window.session, tmp_path), every_page)
    assert found == [], "\n".join(found)

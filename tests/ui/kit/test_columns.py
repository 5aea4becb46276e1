"""The user hides and shows a table's columns from a menu; what is hidden stays hidden at the next start."""

from __future__ import annotations

from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QMenu, QTableView
from pytestqt.qtbot import QtBot

from peerdesk.ui.kit import settings as ui_settings
from peerdesk.ui.kit.columns import ColumnChooser

HEADINGS = ["★", "Kind", "Quote", "Group", "Interview"]
STAR, KIND, QUOTE, GROUP, INTERVIEW = range(len(HEADINGS))


def table(qtbot: QtBot) -> QTableView:
    model = QStandardItemModel(2, len(HEADINGS))
    model.setHorizontalHeaderLabels(HEADINGS)
    view = QTableView()
    view.setModel(model)
    model.setParent(view)
    qtbot.addWidget(view)
    return view


def chooser(view: QTableView) -> ColumnChooser:
    return ColumnChooser(view, "test-quotes", kept=(QUOTE,), labels={STAR: "Starred"})


def ticks(menu: QMenu) -> dict[str, tuple[bool, bool]]:
    """Each column's (ticked, can be changed) as the menu shows it."""
    return {a.text(): (a.isChecked(), a.isEnabled()) for a in menu.actions() if a.isCheckable()}


def test_the_menu_ticks_each_shown_column_and_a_symbols_heading_is_named_in_words(qtbot: QtBot) -> None:
    menu = chooser(table(qtbot)).fill(QMenu())
    assert ticks(menu) == {
        "Starred": (True, True),
        "Kind": (True, True),
        "Quote": (True, False),  # what a row is: never hidden
        "Group": (True, True),
        "Interview": (True, True),
    }
    assert not next(a for a in menu.actions() if a.text() == "Show all columns").isEnabled()


def test_unticking_hides_the_column_and_it_stays_hidden_at_the_next_start(qtbot: QtBot) -> None:
    view = table(qtbot)
    menu = chooser(view).fill(QMenu())
    next(a for a in menu.actions() if a.text() == "Interview").trigger()
    assert view.horizontalHeader().isSectionHidden(INTERVIEW)
    again = table(qtbot)  # the next start: a new table, its columns chosen as the user left them
    columns = chooser(again)
    assert again.horizontalHeader().isSectionHidden(INTERVIEW)
    assert not again.horizontalHeader().isSectionHidden(GROUP)
    assert ticks(columns.fill(QMenu()))["Interview"] == (False, True)


def test_show_all_brings_every_column_back_for_good(qtbot: QtBot) -> None:
    view = table(qtbot)
    columns = chooser(view)
    columns.show_column(STAR, False)
    columns.show_column(GROUP, False)
    menu = columns.fill(QMenu())
    show_all = next(a for a in menu.actions() if a.text() == "Show all columns")
    assert show_all.isEnabled()
    show_all.trigger()
    assert not any(view.horizontalHeader().isSectionHidden(c) for c in range(len(HEADINGS)))
    assert ui_settings.settings().value("columns/test-quotes/hidden") is None
    assert columns.hidden() == []


def test_the_kept_column_cannot_be_hidden_even_by_an_old_setting(qtbot: QtBot) -> None:
    ui_settings.settings().setValue("columns/test-quotes/hidden", ["Quote", "Kind"])
    view = table(qtbot)
    columns = chooser(view)
    assert not view.horizontalHeader().isSectionHidden(QUOTE)
    assert view.horizontalHeader().isSectionHidden(KIND)
    columns.show_column(QUOTE, False)
    assert not view.horizontalHeader().isSectionHidden(QUOTE)


def test_a_single_hidden_column_read_back_from_the_settings_file_is_still_hidden(qtbot: QtBot) -> None:
    # QSettings gives a one-item list back from its file as a plain string.
    ui_settings.settings().setValue("columns/test-quotes/hidden", "Group")
    view = table(qtbot)
    chooser(view)
    assert view.horizontalHeader().isSectionHidden(GROUP)

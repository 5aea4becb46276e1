"""A field shows its whole prompt; the column that matters keeps a readable width in a narrow table and fills
the room in a wide one."""

from __future__ import annotations

from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QLineEdit, QTableView
from pytestqt.qtbot import QtBot

from peerdesk.ui.kit.fitting import fit_placeholder, show_start, stretch_with_minimum


def table(qtbot: QtBot, width: int) -> QTableView:
    view = QTableView()
    qtbot.addWidget(view)
    model = QStandardItemModel(2, 4, view)
    view.setModel(model)
    for column in (0, 2, 3):
        view.setColumnWidth(column, 150)
    stretch_with_minimum(view, 1, 200)
    view.resize(width, 200)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_with_room_to_spare_the_column_takes_all_of_it(qtbot: QtBot) -> None:
    view = table(qtbot, 1000)
    header = view.horizontalHeader()
    assert header.sectionSize(1) == view.viewport().width() - 450
    assert header.sectionSize(1) > 200


def test_in_a_narrow_table_the_column_keeps_its_minimum_and_the_table_scrolls(qtbot: QtBot) -> None:
    view = table(qtbot, 400)
    assert view.horizontalHeader().sectionSize(1) == 200
    assert view.horizontalScrollBar().maximum() > 0


def test_widening_another_column_takes_the_width_from_the_stretching_one(qtbot: QtBot) -> None:
    view = table(qtbot, 1000)
    before = view.horizontalHeader().sectionSize(1)
    view.setColumnWidth(0, 250)
    assert view.horizontalHeader().sectionSize(1) == before - 100


def test_a_field_is_never_narrower_than_its_placeholder(qtbot: QtBot) -> None:
    edit = QLineEdit()
    qtbot.addWidget(edit)
    edit.setPlaceholderText("Search quotes, tags and the interview they came from")
    fit_placeholder(edit)
    edit.resize(50, 30)
    edit.show()
    assert edit.width() > edit.fontMetrics().horizontalAdvance(edit.placeholderText())


def test_a_line_longer_than_its_field_is_shown_from_its_start(qtbot: QtBot) -> None:
    edit = QLineEdit()
    qtbot.addWidget(edit)
    edit.resize(120, 30)
    show_start(edit, "Martin Oyelaran, Early Help Strategic Lead (documents, partner contacts)")
    assert edit.cursorPosition() == 0 and edit.text().startswith("Martin")
    edit.setCursorPosition(10)
    show_start(edit, edit.text())  # the same words again: where the user left the cursor stays
    assert edit.cursorPosition() == 10

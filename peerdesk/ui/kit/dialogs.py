"""The frame every dialog of ours starts from, and the table view the lists in them use: one place for both.

Each dialog sets a title, an object name (for the stylesheet and tests), a size and an introductory sentence;
each table selects whole rows, hides the row numbers and sizes its columns. Written once here, they read alike.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QDialog, QHeaderView, QLabel, QTableView, QVBoxLayout

STRETCH = QHeaderView.ResizeMode.Stretch
FIT = QHeaderView.ResizeMode.ResizeToContents
INTERACTIVE = QHeaderView.ResizeMode.Interactive


def dialog_layout(
    dialog: QDialog,
    title: str,
    name: str,
    *,
    size: tuple[int, int] | None = None,
    min_width: int = 0,
    intro: str = "",
    hint: bool = False,
) -> QVBoxLayout:
    """Title, object name and size the dialog; return its layout, holding ``intro`` first when there is one.

    ``hint`` shows the intro in the quieter hint style (a tip rather than an explanation).
    """
    dialog.setWindowTitle(title)
    dialog.setObjectName(name)
    if size is not None:
        dialog.resize(*size)
    if min_width:
        dialog.setMinimumWidth(min_width)
    layout = QVBoxLayout(dialog)
    if intro:
        label = QLabel(intro)
        label.setWordWrap(True)
        if hint:
            label.setObjectName("hintText")
        layout.addWidget(label)
    return layout


def table_view(
    name: str,
    model: QAbstractItemModel | None = None,
    *,
    default: QHeaderView.ResizeMode | None = None,
    columns: Mapping[int, QHeaderView.ResizeMode] | None = None,
    single: bool = False,
    wrap: bool = True,
    editable: bool = False,
    row_numbers: bool = False,
    left_headers: bool = False,
) -> QTableView:
    """A table of records: whole rows selected (``single``: one at a time), columns sized by ``default`` and then
    ``columns`` (column → mode); ``editable`` cells open with a double-click or F2."""
    view = QTableView()
    view.setObjectName(name)
    if model is not None:
        view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    if single:
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    if editable:
        view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed)
    view.setWordWrap(wrap)
    view.verticalHeader().setVisible(row_numbers)
    header = view.horizontalHeader()
    if default is not None:
        header.setSectionResizeMode(default)
    for column, mode in (columns or {}).items():
        header.setSectionResizeMode(column, mode)
    if left_headers:
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return view

"""The dialog frame and the table view every list of ours uses."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel
from PySide6.QtWidgets import QAbstractItemView, QDialog, QLabel
from pytestqt.qtbot import QtBot

from peerdesk.ui.kit.dialogs import FIT, STRETCH, dialog_layout, table_view


def test_the_frame_titles_names_sizes_and_opens_with_the_intro(qtbot: QtBot) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    layout = dialog_layout(dialog, "Stakeholder groups", "groupsDialog", size=(480, 500), intro="Why.", hint=True)
    assert (dialog.windowTitle(), dialog.objectName()) == ("Stakeholder groups", "groupsDialog")
    assert (dialog.width(), dialog.height()) == (480, 500)
    intro = layout.itemAt(0).widget()
    assert isinstance(intro, QLabel) and intro.text() == "Why." and intro.wordWrap()
    assert intro.objectName() == "hintText"


def test_without_an_intro_the_layout_starts_empty(qtbot: QtBot) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    layout = dialog_layout(dialog, "Restore", "restoreDialog", min_width=460)
    assert layout.count() == 0 and dialog.minimumWidth() == 460 and dialog.layout() is layout


def test_a_table_selects_whole_rows_and_sizes_its_columns(qtbot: QtBot) -> None:
    model = QStringListModel(["North", "South"])
    view = table_view("teams", model, default=FIT, columns={0: STRETCH}, single=True, editable=True)
    qtbot.addWidget(view)
    assert view.objectName() == "teams" and view.model() is model
    assert view.selectionBehavior() == QAbstractItemView.SelectionBehavior.SelectRows
    assert view.selectionMode() == QAbstractItemView.SelectionMode.SingleSelection
    assert view.editTriggers() & QAbstractItemView.EditTrigger.EditKeyPressed
    assert view.verticalHeader().isHidden() and view.wordWrap()
    assert view.horizontalHeader().sectionResizeMode(0) == STRETCH


def test_row_numbers_and_the_default_selection_can_stay(qtbot: QtBot) -> None:
    view = table_view("items", row_numbers=True)
    qtbot.addWidget(view)
    assert not view.verticalHeader().isHidden()
    assert view.selectionMode() == QAbstractItemView.SelectionMode.ExtendedSelection
    assert view.editTriggers() != QAbstractItemView.EditTrigger.NoEditTriggers  # Qt's own default is kept

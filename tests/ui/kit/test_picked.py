"""Buttons that act on what is picked are greyed out while nothing is, and say what to do first."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QListView, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from peerdesk.ui.kit.picked import PICK_FIRST, ActsOnPicked


def list_with(qtbot: QtBot, *views: QListView) -> QWidget:
    holder = QWidget()
    layout = QVBoxLayout(holder)
    for view in views:
        view.setModel(QStringListModel(["Front door", "Early help", "Schools"]))
        layout.addWidget(view)
    qtbot.addWidget(holder)
    holder.show()
    return holder


def click_row(qtbot: QtBot, view: QListView, row: int) -> None:
    index = view.model().index(row, 0)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())


def test_a_button_is_greyed_until_a_row_is_picked_and_its_tooltip_says_why(qtbot: QtBot) -> None:
    view = QListView()
    list_with(qtbot, view)
    remove = QPushButton("Remove")
    remove.setToolTip("Remove the picked groups")
    ActsOnPicked([remove], [view])
    assert not remove.isEnabled() and remove.toolTip() == f"Remove the picked groups\n{PICK_FIRST}"
    click_row(qtbot, view, 1)
    assert remove.isEnabled() and remove.toolTip() == "Remove the picked groups"  # its own tip again
    view.clearSelection()
    assert not remove.isEnabled()


def test_a_pick_in_any_of_several_lists_enables_the_buttons(qtbot: QtBot) -> None:
    quotes, postits = QListView(), QListView()
    list_with(qtbot, quotes, postits)
    delete = QPushButton("Delete selected")
    ActsOnPicked([delete], [quotes, postits], "Pick a quote or post-it first")
    assert not delete.isEnabled() and delete.toolTip() == "Pick a quote or post-it first"
    click_row(qtbot, postits, 0)
    assert delete.isEnabled()


def test_a_list_read_again_or_losing_its_picked_row_greys_the_button_again(qtbot: QtBot) -> None:
    view = QListView()
    list_with(qtbot, view)
    remove = QPushButton("Remove")
    ActsOnPicked([remove], [view])
    model = view.model()
    assert isinstance(model, QStringListModel)
    click_row(qtbot, view, 0)
    model.setStringList(["Front door"])  # read again from the review: nothing is picked in it
    assert not remove.isEnabled()
    click_row(qtbot, view, 0)
    assert remove.isEnabled()
    model.removeRows(0, 1)  # the last row gone, as by an undo or a colleague's merge
    assert not remove.isEnabled()


def test_a_view_given_another_model_is_followed(qtbot: QtBot) -> None:
    view = QListView()
    list_with(qtbot, view)
    remove = QPushButton("Remove")
    picked = ActsOnPicked([remove], [view])
    view.setModel(QStringListModel(["Staff", "Partners"]))  # another approach's question set
    picked.follow(view)
    click_row(qtbot, view, 1)
    assert remove.isEnabled()

"""A flow row keeps every control at the size its text needs and wraps the ones that do not fit."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QSizePolicy, QTableWidget, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from peerdesk.ui.kit.flow import FlowLayout


def row(qtbot: QtBot, *texts: str) -> tuple[QWidget, FlowLayout, list[QPushButton]]:
    box = QWidget()
    qtbot.addWidget(box)
    flow = FlowLayout(box, spacing=6)
    flow.setContentsMargins(0, 0, 0, 0)
    buttons = [QPushButton(t) for t in texts]
    flow.addWidgets(*buttons)
    return box, flow, buttons


def test_wide_enough_the_controls_sit_on_one_line_at_their_own_size(qtbot: QtBot) -> None:
    box, flow, buttons = row(qtbot, "Move up", "Move down", "Delete")
    box.resize(flow.sizeHint().width() + 40, 60)
    box.show()
    qtbot.waitExposed(box)
    assert len({b.y() for b in buttons}) == 1
    assert [b.width() for b in buttons] == [b.sizeHint().width() for b in buttons]
    assert buttons[0].x() < buttons[1].x() < buttons[2].x()


def test_narrow_the_last_controls_wrap_to_the_next_line_uncut(qtbot: QtBot) -> None:
    box, flow, buttons = row(qtbot, "Move up", "Move down", "Delete")
    width = buttons[0].sizeHint().width() + 6 + buttons[1].sizeHint().width() + 4
    box.resize(width, flow.heightForWidth(width))
    box.show()
    qtbot.waitExposed(box)
    assert buttons[0].y() == buttons[1].y() < buttons[2].y()
    assert buttons[2].x() == 0
    assert all(b.width() >= b.sizeHint().width() for b in buttons)
    assert flow.heightForWidth(width) > flow.heightForWidth(flow.sizeHint().width())


def test_the_minimum_width_is_the_widest_control_not_the_whole_row(qtbot: QtBot) -> None:
    _box, flow, buttons = row(qtbot, "A", "A much longer button text", "B")
    assert flow.minimumSize().width() == max(b.minimumSizeHint().width() for b in buttons)
    assert flow.sizeHint().width() == sum(b.sizeHint().width() for b in buttons) + 12


def test_a_growing_field_takes_the_rest_of_its_line_and_hidden_controls_take_no_room(qtbot: QtBot) -> None:
    box, flow, buttons = row(qtbot, "Find", "Clear")
    field = QLineEdit()
    field.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    flow.addWidget(field)
    buttons[1].hide()
    box.resize(600, 60)
    box.show()
    qtbot.waitExposed(box)
    assert field.geometry().right() == 599
    assert field.x() == buttons[0].width() + 6
    assert flow.count() == 3 and flow.itemAt(3) is None and flow.takeAt(5) is None


def test_a_wrapped_row_in_a_page_short_of_room_keeps_its_lines_clear_of_what_follows(qtbot: QtBot) -> None:
    """A laptop's work area: the page is shorter than it would like, and the box layout shrinks its rows towards
    their minimum. The wrapped row must keep both of its lines; the table under it starts below the second."""
    page = QWidget()
    qtbot.addWidget(page)
    outer = QVBoxLayout(page)
    flow = FlowLayout(spacing=6)
    buttons = [QPushButton(t) for t in ("Add item", "Remove item", "Import items…", "Import responses…")]
    flow.addWidgets(*buttons)
    outer.addLayout(flow)
    table = QTableWidget(30, 2)
    outer.addWidget(table, 1)
    page.resize(buttons[0].sizeHint().width() + buttons[1].sizeHint().width() + 40, 150)
    page.show()
    qtbot.waitExposed(page)
    for _ in range(3):
        QApplication.processEvents()
    assert buttons[2].y() > buttons[0].y()  # wrapped
    assert flow.sizeHint().height() >= flow.minimumSize().height()
    assert table.y() >= max(b.geometry().bottom() for b in buttons)

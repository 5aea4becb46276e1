"""The timetable grid as a Qt model: slots × teams, a card per interview, drag and drop asks for a move."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from peerdesk.services import timetable, timetable_grid
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.timetable.model import (
    APPROACH_COLOURS,
    INTERVIEW_ROLE,
    MIME,
    MINE_ROLE,
    CellDelegate,
    TimetableModel,
)
from tests.helpers.timetable import build_day


def test_rows_are_slots_columns_are_teams_and_a_cell_shows_its_interview(qtbot: QtBot, session: ReviewSession) -> None:
    day = build_day(session.store)
    model = TimetableModel(session)
    assert (model.rowCount(), model.columnCount()) == (3, 2)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Team A\nRoom 1"
    assert model.headerData(0, Qt.Orientation.Vertical) == "09:45\n10:30"
    first = model.index(0, 0)
    assert model.data(first) == "Foster carers\nAppreciative inquiry"
    assert model.data(first, INTERVIEW_ROLE).id == day.interviews[0] and model.data(first, MINE_ROLE)
    assert model.index_of(day.interviews[2]) == model.index(1, 0)
    empty = model.index(2, 1)
    assert model.interview_at(empty) is None and "double-click" in model.data(empty, Qt.ItemDataRole.ToolTipRole)


def test_only_a_cell_with_an_interview_can_be_dragged(qtbot: QtBot, session: ReviewSession) -> None:
    build_day(session.store)
    model = TimetableModel(session)
    assert model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsDragEnabled
    assert not model.flags(model.index(2, 1)) & Qt.ItemFlag.ItemIsDragEnabled
    assert model.flags(model.index(2, 1)) & Qt.ItemFlag.ItemIsDropEnabled


def test_a_drop_asks_to_move_the_interview_to_that_cell(qtbot: QtBot, session: ReviewSession) -> None:
    day = build_day(session.store)
    model = TimetableModel(session)
    data = model.mimeData([model.index(0, 0)])
    assert data.hasFormat(MIME) and model.canDropMimeData(data, Qt.DropAction.MoveAction, 2, 1, model.index(-1, -1))
    with qtbot.waitSignal(model.move_requested) as moved:
        assert model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, model.index(2, 1))
    assert moved.args == [day.interviews[0], day.slots[2], day.teams[1]]
    assert timetable.interview(session.store, day.interviews[0]).slot_id == day.slots[0]  # the model never moves


def test_a_drop_of_our_type_that_is_not_an_id_is_turned_down(qtbot: QtBot, session: ReviewSession) -> None:
    from PySide6.QtCore import QByteArray, QMimeData

    build_day(session.store)
    model = TimetableModel(session)
    data = QMimeData()
    data.setData(MIME, QByteArray("déjà vu".encode()))  # another program's bytes under our type
    moved: list[object] = []
    model.move_requested.connect(lambda *args: moved.append(args))
    assert not model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, model.index(2, 1))
    assert moved == []


def test_the_grid_follows_changes_to_the_timetable(qtbot: QtBot, session: ReviewSession) -> None:
    build_day(session.store)
    model = TimetableModel(session)
    _, changes = timetable_grid.add_team(session.store, "Team C")
    session.notify(changes)
    assert model.columnCount() == 3


def _painted(index: QModelIndex, *, selected: bool = False) -> QImage:
    image = QImage(220, 90, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    option = QStyleOptionViewItem()
    option.rect = QRect(0, 0, 220, 90)
    if selected:
        option.state |= QStyle.StateFlag.State_Selected
    painter = QPainter(image)
    CellDelegate().paint(painter, option, index)
    painter.end()
    return image


def test_an_interview_is_painted_as_a_card_in_its_approach_colours(qtbot: QtBot, session: ReviewSession) -> None:
    build_day(session.store)
    model = TimetableModel(session)
    card = _painted(model.index(0, 0))  # appreciative inquiry
    fill, accent = APPROACH_COLOURS["appreciative"]
    assert card.pixelColor(4, 45) == QColor(accent)  # the stripe down the card's left edge
    assert card.pixelColor(200, 80) == QColor(fill)


def test_an_empty_cell_is_blank_until_selected(qtbot: QtBot, session: ReviewSession) -> None:
    build_day(session.store)
    model = TimetableModel(session)
    assert _painted(model.index(2, 1)).pixelColor(110, 45) == QColor("white")
    assert _painted(model.index(2, 1), selected=True).pixelColor(110, 45) == QColor("#f1f7fd")

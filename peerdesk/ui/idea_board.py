"""A small board of one goal's ideas: post-its that can be dragged about, as on a table's flipchart.

Positions are the post-its' own x/y, so the post-it wall can show the same ideas later. A drag is reported once,
when the mouse is released, and becomes one undo step.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
    QGraphicsTextItem,
    QGraphicsView,
    QWidget,
)

from peerdesk.services.workshop import IDEA_H, IDEA_W, Idea

IDEA_COLOUR = "#fff3a8"


class IdeaItem(QGraphicsRectItem):
    def __init__(self, board: IdeaBoard, idea: Idea) -> None:
        super().__init__(0, 0, IDEA_W, IDEA_H)
        self.board, self.idea_id = board, idea.id
        self.setPos(idea.x, idea.y)
        self.setBrush(QBrush(QColor(IDEA_COLOUR)))
        self.setPen(QPen(QColor("#c9b458"), 1))
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable, True)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsFocusable, True)
        self.setToolTip(idea.text)
        text = QGraphicsTextItem(idea.text, self)
        font = QFont()
        font.setPointSizeF(10.5)
        text.setFont(font)
        text.setTextWidth(IDEA_W - 12)
        text.setPos(6, 6)
        self._text = text
        self._pressed_at = QPointF()

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self._pressed_at = self.pos()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if self.pos() != self._pressed_at:
            self.board.moved.emit(self.idea_id, self.pos().x(), self.pos().y())

    def paint(self, painter: QPainter, option: Any, widget: QWidget | None = None) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(0, 0, 0, 28))
        painter.drawRect(self.rect().translated(3, 3))  # a little shadow: it reads as paper
        super().paint(painter, option, widget)
        if self.isSelected():
            painter.setPen(QPen(QColor("#1d6fb8"), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self.rect())


class IdeaBoard(QGraphicsView):
    moved = Signal(str, float, float)  # idea id, x, y

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ideaBoard")
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setBackgroundBrush(QBrush(QColor("#fbfbf8")))
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.items_by_id: dict[str, IdeaItem] = {}

    def show_ideas(self, ideas: list[Idea]) -> None:
        selected = self.selected_idea_id()
        self.scene().clear()
        self.items_by_id = {}
        for idea in ideas:
            item = IdeaItem(self, idea)
            self.scene().addItem(item)
            self.items_by_id[idea.id] = item
            if idea.id == selected:
                item.setSelected(True)
        bounds = self.scene().itemsBoundingRect().adjusted(-20, -20, 40, 40)
        self.scene().setSceneRect(bounds.united(QRectF(-20, -20, 4 * (IDEA_W + 20) + 40, 2 * (IDEA_H + 20) + 40)))

    def selected_idea_id(self) -> str:
        if self.scene() is None:
            return ""
        chosen = [i for i in self.scene().selectedItems() if isinstance(i, IdeaItem)]
        return chosen[0].idea_id if chosen else ""

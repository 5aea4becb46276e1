"""The framed areas of the wall: a theme (its post-its are its children, so they move with it; a heading edited
in place; a resize grip) and an evening sheet (a coloured column headed Roses, Thorns or Buds, with its counts)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFocusEvent, QKeyEvent, QPainter, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsSceneMouseEvent,
    QGraphicsTextItem,
    QStyleOptionGraphicsItem,
    QWidget,
)

from peerdesk.services.plural import count as count_of
from peerdesk.services.wall import COLUMN_TITLES, POSTIT_W, THEME_HEADER, ThemeView
from peerdesk.ui.kit.plain import plain_tip
from peerdesk.ui.wall.items import (
    COLLAPSED_RESERVE,
    COLOURS,
    EDGES,
    GRIP,
    HEADING_FONT,
    HEADING_RESERVE,
    INK,
    SELECTED,
    SMALL_FONT,
    THEME_EDGE,
    THEME_FILL,
    THEME_TYPE,
    WallHost,
    WallItem,
    _font,
    app_font,
    wall_of,
)


class HeadingItem(QGraphicsTextItem):
    """A theme's heading, edited in place: double-click, type, Enter (or click away) to keep, Esc to cancel."""

    def __init__(self, theme: ThemeItem) -> None:
        super().__init__(theme)
        self.theme = theme
        self.setFont(app_font(HEADING_FONT))
        self.setDefaultTextColor(INK)
        self._before = ""

    def start_edit(self) -> None:
        self._before = self.toPlainText()
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextEditorInteraction)
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        cursor = self.textCursor()
        cursor.select(cursor.SelectionType.Document)
        self.setTextCursor(cursor)

    @property
    def editing(self) -> bool:
        return bool(self.textInteractionFlags() & Qt.TextInteractionFlag.TextEditorInteraction)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Done (Enter) or cancelled (Esc): the keyboard goes back to the theme, so the arrow keys go on from here
        # (with nothing focused they started again from the wall's top-left post-it).
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.theme.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if event.key() == Qt.Key.Key_Escape:
            self.setPlainText(self._before)
            self.theme.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if not self.editing:
            return
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        cursor = self.textCursor()
        cursor.clearSelection()
        self.setTextCursor(cursor)
        text = " ".join(self.toPlainText().split())
        if text != self._before:
            wall = wall_of(self)
            if wall is not None:
                wall.heading_edited(self.theme.theme_id, text)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self.editing:
            super().mousePressEvent(event)
        else:
            event.ignore()  # the theme under it is dragged instead

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self.editing:
            super().mouseDoubleClickEvent(event)
        else:
            self.start_edit()


class ThemeItem(WallItem):
    """A theme: a framed area whose post-its are its children (they move with it), a heading, a resize grip."""

    item_type = THEME_TYPE

    def __init__(self, view: ThemeView) -> None:
        super().__init__(0.0)
        self.view = view
        self.width, self.height = view.width, view.height
        self.count = 0
        self._resizing: QPointF | None = None
        self.heading = HeadingItem(self)
        self.heading.setPos(26, 4)
        self.set_view(view)

    @property
    def theme_id(self) -> str:
        return self.view.id

    @property
    def collapsed(self) -> bool:
        return self.view.collapsed

    def set_view(self, view: ThemeView) -> None:
        self.prepareGeometryChange()
        self.view = view
        self.width, self.height = view.width, view.height
        if not self.heading.editing and self.heading.toPlainText() != view.heading:
            self.heading.setPlainText(view.heading)
        self._fit_heading()
        for child in self.childItems():
            if child is not self.heading:
                child.setVisible(not view.collapsed)
        self.setToolTip(plain_tip(self.accessible_name()))
        self.update()

    def _fit_heading(self) -> None:
        reserve = COLLAPSED_RESERVE if self.view.collapsed else HEADING_RESERVE
        self.heading.setTextWidth(max(60.0, self.width - reserve))

    def set_count(self, count: int) -> None:
        if count != self.count:
            self.count = count
            self.setToolTip(plain_tip(self.accessible_name()))
            self.update()

    def accessible_name(self) -> str:
        heading = self.view.heading or "Theme without a heading"
        state = ", collapsed" if self.view.collapsed else ""
        return f"Theme: {heading} ({count_of(self.count, 'post-it')}{state})"

    def shown_height(self) -> float:
        if not self.view.collapsed:
            return self.height
        # Collapsed, the frame is the heading band, grown to a heading that wraps (narrower then: the count sits
        # beside it), or its second line would be drawn on the wall below the frame.
        words = self.heading.mapRectToParent(self.heading.boundingRect())
        return max(THEME_HEADER, words.bottom() + 4)

    def boundingRect(self) -> QRectF:
        return QRectF(-2, -2, self.width + 4, self.shown_height() + 4)

    def _toggle_rect(self) -> QRectF:
        return QRectF(6, 11, 16, 16)

    def _grip_rect(self) -> QRectF:
        return QRectF(self.width - GRIP, self.height - GRIP, GRIP, GRIP)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        frame = QRectF(0, 0, self.width, self.shown_height())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        edge = QPen(SELECTED if self.isSelected() else THEME_EDGE, 3.0 if self.isSelected() else 1.5)
        painter.setPen(edge)
        painter.setBrush(THEME_FILL)
        painter.drawRoundedRect(frame, 8, 8)
        band = QRectF(0, 0, self.width, frame.height() if self.view.collapsed else THEME_HEADER)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#ebe8dc"))
        painter.drawRoundedRect(band.adjusted(1.5, 1.5, -1.5, 0), 7, 7)
        # the collapse toggle: a triangle pointing right (collapsed) or down (open)
        t = self._toggle_rect()
        painter.setBrush(INK)
        if self.view.collapsed:
            points = [
                t.topLeft() + QPointF(4, 2),
                t.bottomLeft() + QPointF(4, -2),
                QPointF(t.right() - 2, t.center().y()),
            ]
        else:
            points = [
                t.topLeft() + QPointF(2, 4),
                t.topRight() + QPointF(-2, 4),
                QPointF(t.center().x(), t.bottom() - 3),
            ]
        painter.drawPolygon(points)
        if not self.view.heading and not self.heading.editing:
            painter.setPen(QColor("#6b737c"))
            painter.setFont(_font(10.5))
            painter.drawText(
                band.adjusted(30, 0, -8, 0), int(Qt.AlignmentFlag.AlignVCenter), "Double-click to name this theme"
            )
        painter.setPen(QColor("#4a525b"))
        painter.setFont(SMALL_FONT)
        count = count_of(self.count, "post-it")
        if self.view.collapsed:
            where, align = band.adjusted(0, 0, -12, 0), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        else:  # in the frame's bottom margin, leaving the band to the heading
            where = QRectF(12, self.height - 14, self.width - 40, 13)
            align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(where, int(align), count)
        if not self.view.collapsed:
            g = self._grip_rect()
            painter.setPen(QPen(THEME_EDGE, 1.5))
            for i in (4, 8, 12):
                painter.drawLine(QPointF(g.right() - i, g.bottom() - 2), QPointF(g.right() - 2, g.bottom() - i))

    def _wall(self) -> WallHost | None:
        return wall_of(self)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        pos = event.pos()
        if event.button() == Qt.MouseButton.LeftButton:
            if self._toggle_rect().contains(pos):
                wall = self._wall()
                if wall is not None:
                    wall.toggle_collapsed(self.theme_id)
                event.accept()
                return
            if not self.view.collapsed and self._grip_rect().adjusted(-4, -4, 2, 2).contains(pos):
                self._resizing = pos
                self._start_size = (self.width, self.height)
                event.accept()
                return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._resizing is not None:
            delta = event.pos() - self._resizing
            wall = self._wall()
            at = self.pos()
            min_w, min_h = (POSTIT_W, THEME_HEADER)
            if wall is not None:
                min_w, min_h = wall.min_theme_size(self.theme_id, at.x(), at.y())
            self.prepareGeometryChange()
            self.width = max(min_w, self._start_size[0] + delta.x())
            self.height = max(min_h, self._start_size[1] + delta.y())
            self._fit_heading()
            self.update()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._resizing is not None:
            self._resizing = None
            wall = self._wall()
            if wall is not None and (self.width, self.height) != self._start_size:
                wall.theme_resized(self.theme_id, self.width, self.height)
            return
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if event.pos().y() <= THEME_HEADER:
            self.heading.start_edit()
            return
        super().mouseDoubleClickEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        wall = self._wall()
        if wall is not None:
            wall.focused(self)


class SheetItem(QGraphicsItem):
    """An evening sheet: a coloured column headed Roses, Thorns or Buds, with its count."""

    def __init__(self, kind: str, width: float, height: float) -> None:
        super().__init__()
        self.kind, self.width, self.height = kind, width, height
        self.placed = 0
        self.waiting = 0
        self.waiting_top = -1.0
        self.setZValue(-1.0)

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, self.width, self.height)

    def set_size(self, height: float, placed: int, waiting: int, waiting_top: float) -> None:
        self.prepareGeometryChange()
        self.height, self.placed, self.waiting, self.waiting_top = height, placed, waiting, waiting_top
        self.update()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        frame = QRectF(0, 0, self.width, self.height)
        painter.setPen(QPen(EDGES[self.kind], 2.0))
        painter.setBrush(QBrush(COLOURS[self.kind].lighter(112)))
        painter.drawRoundedRect(frame, 10, 10)
        painter.setPen(EDGES[self.kind].darker(140))
        painter.setFont(_font(16.0, bold=True))
        painter.drawText(
            QRectF(16, 8, self.width - 32, 40), int(Qt.AlignmentFlag.AlignVCenter), COLUMN_TITLES[self.kind]
        )
        painter.setFont(_font(10.0))
        painter.drawText(
            QRectF(16, 8, self.width - 32, 40),
            int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight),
            f"{self.placed} on the sheet",
        )
        if self.waiting and self.waiting_top > 0:
            painter.setPen(QPen(EDGES[self.kind], 1.0, Qt.PenStyle.DashLine))
            line_y = self.waiting_top - 26
            painter.drawLine(QPointF(12, line_y), QPointF(self.width - 12, line_y))
            painter.setFont(_font(9.0, bold=True))
            painter.drawText(
                QRectF(16, line_y + 2, self.width - 32, 20),
                int(Qt.AlignmentFlag.AlignVCenter),
                f"{self.waiting} still to read out",
            )

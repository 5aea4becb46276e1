"""The window onto the wall: zoom (Ctrl+wheel, fit all), pan (middle button or Space+drag), lasso, arrow keys."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QGraphicsItem, QGraphicsView, QWidget

from peerdesk.ui.wall.frames import ThemeItem
from peerdesk.ui.wall.items import TEXT_FONT, PostItItem
from peerdesk.ui.wall.scene import EVENING, WallScene

MIN_ZOOM, MAX_ZOOM = 0.08, 3.0
ZOOM_STEP = 1.15
NAVIGATION_HINT = "Arrow keys or Tab move between post-its and themes; F2 edits; Ctrl+G groups."
MIN_TEXT_PX = 11.0  # a post-it's words are never fitted smaller than this


class WallView(QGraphicsView):
    def __init__(self, scene: WallScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.wall = scene
        self.setObjectName("wallView")
        self.setAccessibleName("Post-it wall")
        self.setAccessibleDescription(NAVIGATION_HINT)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        # Measured (tests/bench/bench_wall.py): one repaint of the region around everything that moved beats
        # Qt's per-item regions by about 4x when dozens of post-its are dragged over a thousand.
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.BoundingRectViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing, True)
        self.setBackgroundBrush(Qt.GlobalColor.white)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._pan_from: QPointF | None = None
        self._space = False
        self._sheets_fitted = False  # the evening sheets fill the width: kept so as the view changes size
        # The Day 2 wall as "Fit all" showed it, kept whole in view as the view changes size (the panels hidden or
        # brought back) until the user zooms. Its bounds are kept too: asked for at every resize, a 10,000-post-it
        # wall would be measured for each step of a dragged window edge.
        self._fitted_wall: QRectF | None = None
        scene.focus_changed.connect(self._say_focused)

    # --- zoom -------------------------------------------------------------------------------------------------
    def zoom(self) -> float:
        return self.transform().m11()

    def zoom_by(self, factor: float) -> None:
        self._sheets_fitted = False  # the user's own zoom: a resize leaves it be
        self._fitted_wall = None
        target = max(MIN_ZOOM, min(MAX_ZOOM, self.zoom() * factor))
        factor = target / self.zoom()
        if abs(factor - 1.0) > 1e-6:
            self.scale(factor, factor)

    def fit_all(self) -> None:
        """Show the whole wall; the evening sheets are fitted to their width instead, never below readable text."""
        rect = self.wall.content_rect()
        self._sheets_fitted = False
        self._fitted_wall = None
        if rect.isEmpty():
            return
        if self.wall.mode == EVENING:
            self._fit_sheets(rect)
            self._sheets_fitted = True
            return
        self._fit_whole(rect)
        self._fitted_wall = rect

    def _fit_whole(self, rect: QRectF) -> None:
        self.fitInView(rect.adjusted(-40, -40, 40, 40), Qt.AspectRatioMode.KeepAspectRatio)
        if self.zoom() > 1.0:  # a small wall is shown at its true size, not blown up
            self.resetTransform()
            self.centerOn(rect.center())

    def readable_zoom(self) -> float:
        """The smallest zoom at which a post-it's words are still MIN_TEXT_PX pixels high on this screen."""
        text_px = TEXT_FONT.pointSizeF() * self.logicalDpiY() / 72.0
        return min(1.0, MIN_TEXT_PX / text_px)

    def _fit_sheets(self, rect: QRectF) -> None:
        # The sheets are read top to bottom: fit their width and scroll down, rather than shrink the words to a
        # smudge to get every post-it in at once (#16: 7 px after "Fit all" on a full evening).
        width = max(1, self.viewport().width() - 20)
        zoom = max(self.readable_zoom(), min(1.0, width / (rect.width() + 40)))
        self.resetTransform()
        self.scale(zoom, zoom)
        self.ensureVisible(QRectF(rect.left() - 20, rect.top() - 20, 1, 1), 0, 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Fitted evening sheets stay fitted when the view narrows or widens (a dock opened beside the wall, the
        window's layout for the evening put in place): kept centred, the first sheet went off the left edge. The
        place read down to stays at the top."""
        top = self.mapToScene(0, 0).y()
        super().resizeEvent(event)
        if self._fitted_wall is not None and self.wall.mode != EVENING:
            self._fit_whole(self._fitted_wall)
            return
        if not (self._sheets_fitted and self.wall.mode == EVENING):  # before the wall's bounds: a Day 2 wall is big
            return
        rect = self.wall.content_rect()
        if rect.isEmpty():
            return
        self._fit_sheets(rect)  # from the first sheet's top-left corner; then down to where the reader was
        self.verticalScrollBar().setValue(self.verticalScrollBar().value() + int(self.mapFromScene(0, top).y()))

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120.0
            if steps:
                self.zoom_by(ZOOM_STEP**steps)
            event.accept()
            return
        super().wheelEvent(event)

    # --- pan --------------------------------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.MiddleButton or (
            self._space and event.button() == Qt.MouseButton.LeftButton
        ):
            self._pan_from = event.position()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            delta = event.position() - self._pan_from
            self._pan_from = event.position()
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - int(delta.x()))
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - int(delta.y()))
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            self._pan_from = None
            self.viewport().unsetCursor()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    # --- what a screen reader hears ---------------------------------------------------------------------------
    def _say_focused(self, label: str) -> None:
        # QGraphicsItems are not accessible objects: the view speaks for the focused one. Changing the name makes
        # Qt send a NameChanged event, which screen readers announce.
        self.setAccessibleName(f"Post-it wall: {label}")
        self.setAccessibleDescription(label)

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab and Shift+Tab go through the post-its and themes in reading order, then leave the wall."""
        if self._editing_text():
            return super().focusNextPrevChild(next)
        order = sorted(self.wall.navigable(), key=lambda i: (round(_centre(i).y() / 40), _centre(i).x()))
        current = self.wall.focusItem()
        index = order.index(current) if current in order else (-1 if next else len(order))
        index += 1 if next else -1
        if not 0 <= index < len(order):
            if current is not None:
                current.clearFocus()
            return QWidget.focusNextPrevChild(self, next)  # on to the next widget, not the scene's own tab order
        self._focus(order[index], extend=False)
        return True

    # --- keyboard ---------------------------------------------------------------------------------------------
    def _editing_text(self) -> bool:
        item = self.wall.focusItem()
        return item is not None and not isinstance(item, PostItItem | ThemeItem)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._editing_text():
            super().keyPressEvent(event)
            return
        key = event.key()
        directions: dict[object, tuple[float, float]] = {
            Qt.Key.Key_Left: (-1.0, 0.0),
            Qt.Key.Key_Right: (1.0, 0.0),
            Qt.Key.Key_Up: (0.0, -1.0),
            Qt.Key.Key_Down: (0.0, 1.0),
        }
        if key in directions and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.focus_next(*directions[key], extend=bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier))
            event.accept()
            return
        if key == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = True
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = False
        super().keyReleaseEvent(event)

    def focus_next(self, dx: float, dy: float, *, extend: bool = False) -> QGraphicsItem | None:
        """Move the focus to the nearest item in a direction (favouring items straight ahead)."""
        candidates = self.wall.navigable()
        if not candidates:
            return None
        current = self.wall.focusItem()
        if not isinstance(current, PostItItem | ThemeItem):
            chosen: QGraphicsItem = min(candidates, key=lambda i: (_centre(i).y(), _centre(i).x()))
        else:
            here = _centre(current)
            best: tuple[float, QGraphicsItem] | None = None
            for item in candidates:
                if item is current:
                    continue
                d = _centre(item) - here
                along = d.x() * dx + d.y() * dy
                if along <= 1.0:
                    continue
                across = abs(d.x() * dy) + abs(d.y() * dx)
                score = along + 2.0 * across
                if best is None or score < best[0]:
                    best = (score, item)
            if best is None:
                return None
            chosen = best[1]
        self._focus(chosen, extend=extend)
        return chosen

    def _focus(self, item: QGraphicsItem, *, extend: bool) -> None:
        if not extend:
            self.wall.clearSelection()
        item.setSelected(True)
        item.setFocus(Qt.FocusReason.OtherFocusReason)
        self.ensureVisible(item.sceneBoundingRect(), 40, 40)
        if isinstance(item, PostItItem | ThemeItem):  # said now: an inactive scene sends the item no focus event
            self.wall.focus_changed.emit(self.wall.spoken(item))


def _centre(item: QGraphicsItem) -> QPointF:
    rect: QRectF = item.sceneBoundingRect()
    if isinstance(item, ThemeItem):
        rect = QRectF(rect.topLeft(), rect.topLeft() + QPointF(item.width, 40))
    return rect.center()

"""The things on the wall: a post-it here; a theme (a framed area with a heading) and an evening sheet in frames.py.

Items paint from the plain values the scene read (``PostItView``, ``ThemeView``) and never touch the store:
a drag only moves items; the scene writes once, on the drop. Post-its are cached as pixmaps per zoom level, so
dragging a hundred of them across a thousand costs a blit each.
"""

from __future__ import annotations

from functools import cache
from types import MappingProxyType
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QGuiApplication,
    QPainter,
    QPen,
    QPixmap,
    QStaticText,
    QTransform,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsRectItem,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from peerdesk.services.wall import (
    POSTIT_H,
    POSTIT_W,
    PostItView,
)
from peerdesk.ui.kit import palette


@runtime_checkable
class WallHost(Protocol):
    """What the items ask of the scene they sit in (``WallScene``), named here so they need not import it."""

    def focused(self, item: QGraphicsItem) -> None: ...
    def edit_postit(self, postit_id: str) -> None: ...
    def heading_edited(self, theme_id: str, heading: str) -> None: ...
    def toggle_collapsed(self, theme_id: str) -> None: ...
    def min_theme_size(self, theme_id: str, x: float, y: float) -> tuple[float, float]: ...
    def theme_resized(self, theme_id: str, width: float, height: float) -> None: ...


def wall_of(item: QGraphicsItem) -> WallHost | None:
    """The wall scene ``item`` sits in (None while it is in no scene, or in a plain one for rendering)."""
    scene = item.scene()
    return scene if isinstance(scene, WallHost) else None


# The kit's one palette: the insight builder and the notes show a kind in the same colour as the wall.
COLOURS = MappingProxyType({kind: QColor(hex_) for kind, hex_ in palette.FILL_HEX.items()})
EDGES = MappingProxyType({kind: QColor(hex_) for kind, hex_ in palette.EDGE_HEX.items()})
INK = QColor(palette.INK_HEX)
SELECTED = QColor("#1d6fb8")
THEME_FILL = QColor("#fbfaf6")
THEME_EDGE = QColor("#9aa3ad")
GRIP = 16.0
HEADING_RESERVE = 40.0  # room in the heading band for the toggle
COLLAPSED_RESERVE = 110.0  # ... and, when collapsed, the count
TEXT_MARGIN = 9.0

# Below this scale a post-it's words are under 4 px high (9.5 pt is ~13 px): drawn as lines, not letters.
LEGIBLE_SCALE = 0.3
LINES = QColor(0, 0, 0, 55)
SHADOW = QColor(0, 0, 0, 40)
LINES_SHOWN = 5  # the lines a post-it's text box holds at its font
LINE_PITCH = 15.0
CHARS_PER_LINE = 22  # about what a line of the post-it holds

USER_TYPE = 65536  # QGraphicsItem.UserType, which the type stubs leave out
POSTIT_TYPE = USER_TYPE + 1
THEME_TYPE = USER_TYPE + 2


def _font(points: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


def app_font(font: QFont) -> QFont:
    """``font`` with what it leaves unset taken from the application's font, as a painter takes it. The fonts below
    are made when this module loads, which the command line does before it makes the application: they then name
    no family, and font metrics or a text item took that as a serif one (a picture's theme headings came out in a
    serif, and post-its were fitted with a font other than the one they were drawn in)."""
    return font.resolve(QGuiApplication.font())


TEXT_FONT = _font(9.5)
SMALL_FONT = _font(7.5, bold=True)
HEADING_FONT = _font(11.5, bold=True)


def laid_out(text: str, font: QFont, width: float) -> QStaticText:
    """``text`` as plain text (never markup: words come from colleagues' bundles) wrapped at ``width`` in ``font``,
    laid out once: the same layout measures it and draws it, painted again and again from the wall's pixels."""
    static = QStaticText(text)
    static.setTextFormat(Qt.TextFormat.PlainText)
    static.setTextWidth(width)
    static.prepare(QTransform(), font)
    return static


def fitted(text: str, font: QFont, width: float, height: float) -> QStaticText:
    """``text`` laid out in the box, shortened with an ellipsis at a word boundary if it would overflow it (a
    post-it's words mostly fit: then measuring them is laying them out)."""
    whole = laid_out(text, font, width)
    if whole.size().height() <= height:
        return whole
    words = text.split()
    best = laid_out("…", font, width)
    low, high = 0, len(words)
    while low < high:  # the longest prefix of words that fits with the ellipsis
        mid = (low + high + 1) // 2
        candidate = laid_out(" ".join(words[:mid]) + "…", font, width)
        if candidate.size().height() <= height:
            low, best = mid, candidate
        else:
            high = mid - 1
    return best


# Combined once: each ``|`` of Qt's flags is a Python call, and a wall makes thousands of items.
WALL_ITEM_FLAGS = (
    QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
    | QGraphicsItem.GraphicsItemFlag.ItemIsFocusable
    | QGraphicsItem.GraphicsItemFlag.ItemIsMovable
)
DEVICE_CACHE = QGraphicsItem.CacheMode.DeviceCoordinateCache
# Looked up once: each lookup of a Qt enum member goes through Python's enum machinery, and these are asked for by
# every post-it made or painted (thousands as a wall opens).
NO_PEN = Qt.PenStyle.NoPen
BOTTOM_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom)


def on_screen(painter: QPainter) -> bool:
    """Painting for the screen: the view itself, or a post-it's pixels cached for it. A picture of the wall (an
    image, an SVG to be zoomed into, a print) keeps its words however small it is drawn."""
    return isinstance(painter.device(), QPixmap | QWidget)


def on_the_wall(item: QGraphicsItem, z: float) -> None:
    """What a post-it and a theme share on the wall: picked, moved and focused by hand, stacked at ``z`` (themes
    under post-its). Each also tells itself apart from Qt's own items by its ``item_type``."""
    item.setFlags(WALL_ITEM_FLAGS)
    item.setZValue(z)


@cache
def shadow_pixmaps() -> tuple[QPixmap, QPixmap, QPixmap]:
    """A post-it's shadow: its right strip, its bottom strip and the whole of it (made once a GUI exists)."""

    def filled(width: float, height: float) -> QPixmap:
        pixmap = QPixmap(int(width), int(height))
        pixmap.fill(SHADOW)
        return pixmap

    return filled(3, POSTIT_H), filled(POSTIT_W - 3, 3), filled(POSTIT_W, POSTIT_H)


class WallItem(QGraphicsItem):
    """A wall item that paints within a ``boundingRect`` of its own making (a theme)."""

    item_type = USER_TYPE

    def __init__(self, z: float) -> None:
        super().__init__()
        on_the_wall(self, z)

    def type(self) -> int:
        return self.item_type


class PostItItem(QGraphicsRectItem):
    """One post-it: its colour says rose, thorn or bud; its author's initials sit in the corner.

    A rectangle item that paints itself: its bounds (the note, its shadow and its selection frame) are then
    Qt's own rectangle, so placing, indexing and hit-testing thousands of post-its never call back into Python
    (a ``boundingRect`` of ours was called four times per post-it on opening the wall).
    """

    item_type = POSTIT_TYPE

    def __init__(self, view: PostItView, theme: QGraphicsItem | None = None) -> None:
        """A post-it in its place: on the canvas, or inside ``theme`` (made its child before it joins a scene, so
        that it is not indexed on the canvas first and then moved: thousands of them as a wall opens)."""
        # The rectangle: the note, its shadow (+3) and its selection frame (-2.5).
        super().__init__(-3, -3, POSTIT_W + 6, POSTIT_H + 6, theme)
        self.setPen(NO_PEN)  # the rectangle is the bounds only; ``paint`` draws the post-it
        on_the_wall(self, 1.0)
        self.view = view
        self.dimmed = False  # evening: still to be read out
        self._words: QStaticText | None = None  # its words as fitted and laid out, worked out when first painted
        self.setCacheMode(DEVICE_CACHE)
        if theme is None:
            self.setPos(view.x, view.y)
        else:
            self.setPos(view.x - theme.x(), view.y - theme.y())

    @property
    def postit_id(self) -> str:
        return self.view.id

    def set_view(self, view: PostItView) -> None:
        if view.text != self.view.text:
            self._words = None  # fitted again when next painted: a wall of thousands fits only what it shows
        self.view = view
        self.update()  # its tooltip is worked out when asked for (``WallScene.helpEvent``)

    def words(self) -> QStaticText:
        """Its words as they fit on the post-it, laid out (worked out the first time they are needed)."""
        if self._words is None:
            width, height = POSTIT_W - 2 * TEXT_MARGIN, POSTIT_H - 2 * TEXT_MARGIN - 12
            self._words = fitted(self.view.text, app_font(TEXT_FONT), width, height)
        return self._words

    def shown_text(self) -> str:
        """The text as it fits on the post-it."""
        return self.words().text()

    def laid_out_yet(self) -> bool:
        return self._words is not None

    def set_dimmed(self, dimmed: bool) -> None:
        if dimmed != self.dimmed:
            self.dimmed = dimmed
            self.update()

    def accessible_name(self) -> str:
        waiting = " (not read out yet)" if self.dimmed else ""
        return f"{self.view.label}{waiting}"

    def type(self) -> int:
        return self.item_type

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        kind = self.view.kind
        body = QRectF(0, 0, POSTIT_W, POSTIT_H)
        legible = option.levelOfDetailFromTransform(painter.worldTransform()) >= LEGIBLE_SCALE or not on_screen(painter)
        painter.setOpacity(0.55 if self.dimmed else 1.0)
        if legible:  # under a pixel wide otherwise
            self._paint_shadow(painter)
        painter.setBrush(COLOURS.get(kind, QColor("#eeeeee")))
        edge = QPen(EDGES.get(kind, THEME_EDGE), 1.0)
        if self.dimmed:
            edge.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(edge)
        painter.drawRect(body)
        text_box = body.adjusted(TEXT_MARGIN, TEXT_MARGIN, -TEXT_MARGIN, -TEXT_MARGIN - 12)
        if legible:
            self._paint_words(painter, body, text_box)
        else:
            self._paint_lines(painter, text_box)
        if self.isSelected():
            painter.setOpacity(1.0)
            painter.setPen(QPen(SELECTED, 3.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(body.adjusted(-1, -1, 1, 1))
        if self.hasFocus():
            painter.setOpacity(1.0)
            painter.setPen(QPen(INK, 1.5, Qt.PenStyle.DotLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(body.adjusted(3, 3, -3, -3))

    def _paint_shadow(self, painter: QPainter) -> None:
        """The shadow 3 pixels down and right. An opaque post-it hides all of it but the two strips at its edges.
        They are copied from pixmaps made once: Qt's raster engine fills a translucent colour one scanline at a
        time at ~0.5 µs a line, so two filled strips cost ~50 µs a post-it, most of a wall's first paint, where
        copying the same pixels costs ~5. A dimmed post-it is see-through, so its shadow is drawn whole. A picture
        of the wall (an SVG above all) gets rectangles: pixmaps would be images in it."""
        if not on_screen(painter):
            painter.setPen(NO_PEN)
            painter.setBrush(SHADOW)
            painter.drawRect(QRectF(3, 3, POSTIT_W, POSTIT_H))
            return
        right, bottom, whole = shadow_pixmaps()
        if self.dimmed:
            painter.drawPixmap(QPointF(3, 3), whole)
        else:
            painter.drawPixmap(QPointF(POSTIT_W, 3), right)
            painter.drawPixmap(QPointF(3, POSTIT_H), bottom)

    def _paint_words(self, painter: QPainter, body: QRectF, text_box: QRectF) -> None:
        painter.setPen(INK)
        painter.setFont(TEXT_FONT)
        painter.drawStaticText(text_box.topLeft(), self.words())
        painter.setFont(SMALL_FONT)
        painter.setPen(EDGES.get(self.view.kind, INK).darker(130))
        painter.drawText(
            body.adjusted(TEXT_MARGIN, 0, -TEXT_MARGIN, -5),
            BOTTOM_RIGHT,
            self.view.initials or "?",
        )

    def _paint_lines(self, painter: QPainter, text_box: QRectF) -> None:
        """Words too small to read (a whole wall in view) are drawn as the grey lines they would make: laying
        out and drawing text no one can read cost most of each paint, and the wall repaints at every zoom step."""
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(LINES)
        length = len(self.view.text)
        for n in range(min(LINES_SHOWN, -(-length // CHARS_PER_LINE))):
            share = min(1.0, (length - n * CHARS_PER_LINE) / CHARS_PER_LINE)
            width = text_box.width() * max(0.25, share)
            painter.drawRect(QRectF(text_box.left(), text_box.top() + n * LINE_PITCH, width, LINE_PITCH / 2))

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()
        wall = wall_of(self)
        if wall is not None:
            wall.focused(self)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        wall = wall_of(self)
        if wall is not None:
            wall.edit_postit(self.postit_id)

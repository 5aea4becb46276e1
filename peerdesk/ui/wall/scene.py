"""The wall's scene: one item per post-it and theme, kept in step with the review file.

The scene reads the wall once and again only after a write (a ``changed`` signal naming post-its, themes or
members); it then updates the items whose values changed. A drag moves items only; on the drop the scene makes
one undoable edit for everything that moved (a drag of thirty post-its is one undo step).

Two modes share the items: ``evening`` lays post-its out on three sheets (Roses, Thorns, Buds) in their order;
``day2`` puts them where people left them on one big canvas, inside their themes. A scene shows one wall: the
Day 2 wall (``goal_id`` ""), or a workshop goal's idea wall, always on the canvas; ``None`` shows no wall at all.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable
from functools import partial
from typing import Any, TypeVar

from PySide6.QtCore import QPointF, QRectF, Signal
from PySide6.QtGui import QTransform
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsSceneHelpEvent,
    QGraphicsSceneMouseEvent,
    QGraphicsView,
    QToolTip,
    QWidget,
)

from peerdesk.services import wall, wall_themes
from peerdesk.services.changes import Changes
from peerdesk.services.edits import Edit
from peerdesk.services.wall import GAP, KINDS, POSTIT_H, POSTIT_W, PostItView, ThemeView, WallState
from peerdesk.store.engine import Store
from peerdesk.ui.kit import ops
from peerdesk.ui.kit.memory import collector_paused
from peerdesk.ui.kit.plain import plain_tip
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.wall.frames import SheetItem, ThemeItem
from peerdesk.ui.wall.items import PostItItem

_Item = TypeVar("_Item", ThemeItem, PostItItem)

EVENING, DAY2 = "evening", "day2"
SHEET_COLUMNS = 2  # post-its side by side on an evening sheet
SHEET_W = SHEET_COLUMNS * POSTIT_W + (SHEET_COLUMNS + 1) * GAP
SHEET_GAP = 40.0
SHEET_TOP = 60.0  # below the sheet's title
WAITING_GAP = 44.0  # between the placed post-its and those still to read out
WATCHED = ("postits", "themes", "members")


class WallScene(QGraphicsScene):
    request_edit = Signal(str)  # a post-it was double-clicked
    focus_changed = Signal(str)  # what a screen reader should say about the focused item
    busy_changed = Signal()

    def __init__(
        self, session: ReviewSession, mode: str = DAY2, parent: QWidget | None = None, goal_id: str | None = ""
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.mode = mode
        self.goal_id = goal_id
        self.state = WallState((), ())
        self.postits: dict[str, PostItItem] = {}
        self.themes: dict[str, ThemeItem] = {}
        self.sheets: dict[str, SheetItem] = {}
        self._press: dict[QGraphicsItem, QPointF] | None = None
        self.dialog_parent: QWidget | None = None
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        session.changed.connect(self._on_changed)
        self.reload()

    # --- keeping in step with the file ------------------------------------------------------------------------
    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(*WATCHED):
            self.reload()

    def reload(self) -> None:
        goal_id = self.goal_id
        with collector_paused():  # thousands of views and items, none of them garbage
            if goal_id is None:
                self.state = WallState((), ())
            else:
                self.state = self.session.call(lambda s: wall.load_wall(s, goal_id))
            self._sync()

    def show_wall(self, goal_id: str | None) -> None:
        """Show another wall (a goal's ideas): a fresh start, nothing selected."""
        if goal_id != self.goal_id:
            self.goal_id = goal_id
            self.clearSelection()
            self.reload()

    @property
    def is_idea_wall(self) -> bool:
        return self.goal_id != wall.DAY2_WALL

    def set_mode(self, mode: str) -> None:
        if mode != self.mode:
            self.mode = mode
            self.clearSelection()
            self._sync()

    def _sync(self) -> None:
        views = {p.id: p for p in self.state.postits}
        for pid in [pid for pid in self.postits if pid not in views]:
            self.removeItem(self.postits.pop(pid))
        themes = {t.id: t for t in self.state.themes} if self.mode == DAY2 else {}
        for t in themes.values():
            theme = self._item_showing(self.themes, t.id, t, ThemeItem)
            if theme.pos() != QPointF(t.x, t.y):
                theme.setPos(t.x, t.y)
        for p in views.values():
            # Only a theme shown after this sync (``themes``): one on its way out would take its children with it.
            inside = self.themes[p.theme_id] if p.theme_id in themes else None
            self._item_showing(self.postits, p.id, p, partial(PostItItem, theme=inside))
        if self.mode == DAY2:
            self._place_on_canvas(views, themes)
        else:
            self._place_on_sheets()
        for tid in [tid for tid in self.themes if tid not in themes]:
            self.removeItem(self.themes.pop(tid))
        counts = Counter(p.theme_id for p in views.values())  # one pass, not one per theme
        for tid, item in self.themes.items():
            item.set_count(counts[tid])
        self.busy_changed.emit()

    def _item_showing(self, items: dict[str, _Item], view_id: str, view: Any, make: Callable[[Any], _Item]) -> _Item:
        """The item for ``view_id``, made and added if new, brought up to date with ``view`` if it changed. A new item
        made inside another (a post-it in its theme: made in its place, not indexed on the canvas and then moved)
        joins the scene with it."""
        item = items.get(view_id)
        if item is None:
            item = items[view_id] = make(view)
            if item.parentItem() is None:
                self.addItem(item)
        elif item.view != view:
            item.set_view(view)
        return item

    def _place_on_canvas(self, views: dict[str, PostItView], themes: dict[str, ThemeView]) -> None:
        for sheet in self.sheets.values():
            self.removeItem(sheet)
        self.sheets.clear()
        # Plain numbers, not points: this runs for every post-it whenever the wall changes.
        for p in views.values():
            item = self.postits[p.id]
            item.set_dimmed(False)
            parent = self.themes.get(p.theme_id)
            if item.parentItem() is not parent:
                item.setParentItem(parent)  # type: ignore[arg-type]  # None: back on the canvas itself
            left, top = (parent.x(), parent.y()) if parent is not None else (0.0, 0.0)
            x, y = p.x - left, p.y - top
            if item.x() != x or item.y() != y:
                item.setPos(x, y)
            item.setVisible(parent is None or not parent.collapsed)

    def _place_on_sheets(self) -> None:
        for i, kind in enumerate(KINDS):
            left = i * (SHEET_W + SHEET_GAP)
            column = self.state.column(kind)
            placed = [p for p in column if p.placed]
            waiting = [p for p in column if not p.placed]
            y = SHEET_TOP
            bottom = y
            waiting_top = -1.0
            for block, rows in ((placed, False), (waiting, True)):
                if rows and block:
                    y = bottom + WAITING_GAP
                    waiting_top = y
                for k, p in enumerate(block):
                    row, col = divmod(k, SHEET_COLUMNS)
                    item = self.postits[p.id]
                    if item.parentItem() is not None:
                        item.setParentItem(None)  # type: ignore[arg-type]  # the stubs forget None
                    item.setVisible(True)
                    item.set_dimmed(not p.placed)
                    target = QPointF(left + GAP + col * (POSTIT_W + GAP), y + row * (POSTIT_H + GAP))
                    if item.pos() != target:
                        item.setPos(target)
                    bottom = max(bottom, target.y() + POSTIT_H + GAP)
            sheet = self.sheets.get(kind)
            if sheet is None:
                sheet = self.sheets[kind] = SheetItem(kind, SHEET_W, bottom)
                sheet.setPos(left, 0)
                self.addItem(sheet)
            sheet.set_size(max(bottom, SHEET_TOP + POSTIT_H + GAP), len(placed), len(waiting), waiting_top)

    # --- looking things up --------------------------------------------------------------------------------------
    def selected_postits(self) -> list[str]:
        return [i.postit_id for i in self.selectedItems() if isinstance(i, PostItItem)]

    def selected_themes(self) -> list[str]:
        return [i.theme_id for i in self.selectedItems() if isinstance(i, ThemeItem)]

    def content_rect(self) -> QRectF:
        return self.itemsBoundingRect()

    def min_theme_size(self, theme_id: str, x: float, y: float) -> tuple[float, float]:
        return wall_themes.min_theme_size(self.state, theme_id, x, y)

    def focused(self, item: QGraphicsItem) -> None:
        if isinstance(item, PostItItem | ThemeItem):
            self.focus_changed.emit(self.spoken(item))

    def helpEvent(self, event: QGraphicsSceneHelpEvent) -> None:
        """A post-it's tooltip is its accessible name, worked out when the pointer rests on it: a wall of thousands
        would otherwise build and hand Qt a sentence for every post-it at each opening, and one set beforehand
        missed a post-it being dimmed on the evening sheets."""
        view = event.widget().parentWidget() if event.widget() is not None else None
        transform = view.transform() if isinstance(view, QGraphicsView) else QTransform()
        item = self.itemAt(event.scenePos(), transform)
        if isinstance(item, PostItItem):
            QToolTip.showText(event.screenPos(), plain_tip(item.accessible_name()), event.widget())
            event.accept()
            return
        super().helpEvent(event)

    def spoken(self, item: PostItItem | ThemeItem) -> str:
        """What a screen reader says for an item: a post-it's kind, author and words, and on Day 2 its theme."""
        said = item.accessible_name()
        if isinstance(item, ThemeItem) or self.mode != DAY2:
            return said
        theme = self.themes.get(item.view.theme_id)
        if theme is None:
            return f"{said} (in no theme)"
        return f"{said} (in the theme “{theme.view.heading or 'without a heading'}”)"

    def navigable(self) -> list[QGraphicsItem]:
        """What the arrow keys move between: visible post-its, and themes (a collapsed one hides its own)."""
        out: list[QGraphicsItem] = [i for i in self.postits.values() if i.isVisible()]
        out.extend(self.themes.values())
        return out

    # --- edits ------------------------------------------------------------------------------------------------
    def run(self, label: str, operation: Callable[[Store], Edit]) -> Edit | None:
        edit = ops.run_edit(self.dialog_parent, self.session, label, operation)
        if edit is None or not edit.tables:
            self.reload()  # refused or no-op: put dragged items back where the file says they are
        return edit

    def edit_postit(self, postit_id: str) -> None:
        self.request_edit.emit(postit_id)

    def heading_edited(self, theme_id: str, heading: str) -> None:
        self.run("Rename theme", lambda s: wall_themes.set_heading(s, theme_id, heading))

    def toggle_collapsed(self, theme_id: str) -> None:
        item = self.themes[theme_id]
        label = "Expand theme" if item.collapsed else "Collapse theme"
        self.run(label, lambda s: wall_themes.set_collapsed(s, theme_id, not item.collapsed))

    def theme_resized(self, theme_id: str, width: float, height: float) -> None:
        self.run("Resize theme", lambda s: wall_themes.resize_theme(s, theme_id, width, height))

    # --- dragging ---------------------------------------------------------------------------------------------
    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mousePressEvent(event)
        self._press = {item: item.pos() for item in self.selectedItems() if isinstance(item, PostItItem | ThemeItem)}

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        press, self._press = self._press, None
        if not press:
            return
        moved = [item for item, pos in press.items() if item.scene() is self and item.pos() != pos]
        if moved:
            self.drop(moved, event.scenePos())

    def drop(self, moved: list[QGraphicsItem], at: QPointF) -> None:
        postits = [i for i in moved if isinstance(i, PostItItem)]
        themes = [i for i in moved if isinstance(i, ThemeItem)]
        if self.mode == EVENING:
            if postits:
                kind, index = self.sheet_slot(at, {p.postit_id for p in postits})
                ids = [p.postit_id for p in sorted(postits, key=lambda i: (i.pos().y(), i.pos().x()))]
                self.run("Move post-its", lambda s: wall.move_in_evening(s, ids, kind, index))
            return
        stack = self.session.undo_stack
        macro = len(themes) + (1 if postits else 0) > 1
        if macro:
            stack.beginMacro("Move")
        try:
            if postits:
                self._drop_postits(postits, at)
            for theme in themes:
                tid, x, y = theme.theme_id, theme.pos().x(), theme.pos().y()
                self.run("Move theme", lambda s, tid=tid, x=x, y=y: wall_themes.move_theme(s, tid, x, y))  # type: ignore[misc]
        finally:
            if macro:
                stack.endMacro()

    def _drop_postits(self, postits: list[PostItItem], at: QPointF) -> None:
        ids = [p.postit_id for p in postits]
        target = self.postit_at(at, exclude=set(ids))
        if target is not None:
            noun = "post-it" if len(ids) == 1 else "post-its"
            label = f"Group {noun} with “{_short(target.view.text)}”"
            target_id = target.postit_id
            self.run(label, lambda s: wall_themes.drop_on(s, ids, target_id))
            return
        positions = {p.postit_id: (p.scenePos().x(), p.scenePos().y()) for p in postits}
        label = "Move post-it" if len(ids) == 1 else f"Move {len(ids)} post-its"
        self.run(label, lambda s: wall_themes.move_postits(s, positions))

    def postit_at(self, at: QPointF, exclude: set[str]) -> PostItItem | None:
        for item in self.items(at):
            if isinstance(item, PostItItem) and item.isVisible() and item.postit_id not in exclude:
                return item
        return None

    def sheet_slot(self, at: QPointF, exclude: set[str]) -> tuple[str, int]:
        """Which evening sheet a drop point is on, and where among that sheet's post-its."""
        column = max(0, min(len(KINDS) - 1, int(at.x() // (SHEET_W + SHEET_GAP))))
        kind = KINDS[column]
        left = column * (SHEET_W + SHEET_GAP) + GAP
        col = max(0, min(SHEET_COLUMNS - 1, int((at.x() - left) // (POSTIT_W + GAP))))
        row = max(0, math.floor((at.y() - SHEET_TOP) / (POSTIT_H + GAP)))
        others = [p for p in self.state.column(kind) if p.id not in exclude]
        return kind, max(0, min(len(others), row * SHEET_COLUMNS + col))


def _short(text: str, limit: int = 30) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"

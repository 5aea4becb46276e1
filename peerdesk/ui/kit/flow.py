"""A row of controls that wraps onto the next line when the panel is narrow, instead of cutting them.

Qt has no flow layout of its own (only an example); this is that example, typed. A row of buttons or filter
fields in a dock is as wide as all of them side by side; on a laptop the dock is narrower, and a plain
``QHBoxLayout`` would squeeze each control below the size its text needs. In a ``FlowLayout`` the panel's
minimum width is its widest control, and the controls that do not fit go to the next line.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QSizePolicy, QStyle, QWidget


class FlowLayout(QLayout):
    """Items left to right at their size hints, wrapping as needed; an item that grows takes the rest of its line."""

    def __init__(self, parent: QWidget | None = None, *, spacing: int = -1) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self._wrapped_height = 0  # at the width last given
        if parent is None:  # nested: the enclosing layout gives the margins
            self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def addWidgets(self, *widgets: QWidget) -> None:
        for widget in widgets:
            self.addWidget(widget)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        """No: a scroll area would take the height for width as the panel's minimum, a table's preferred height
        and all. The wrapped height becomes the minimum height instead, once the width is known (``setGeometry``)."""
        return False

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        height = self._arrange(rect, move=True)
        if height != self._wrapped_height:  # one line more or less: the enclosing layouts make room (next pass)
            self._wrapped_height = height
            self.invalidate()

    def sizeHint(self) -> QSize:
        """All the items on one line; as tall as the lines they take once wrapped (a hint below the minimum makes
        an enclosing box layout that is short of room give the row less than its minimum: lines overlap)."""
        width = sum(self._visible_hints(lambda i: i.sizeHint().width()))
        width += self._gap(Qt.Orientation.Horizontal) * max(0, len(self._visible()) - 1)
        height = max(self._visible_hints(lambda i: i.sizeHint().height()), default=0)
        return QSize(width, height).grownBy(self.contentsMargins()).expandedTo(QSize(0, self._wrapped_height))

    def minimumSize(self) -> QSize:
        """The widest item alone: narrower than that, something would be cut."""
        width = max(self._visible_hints(lambda i: i.minimumSize().width()), default=0)
        height = max(self._visible_hints(lambda i: i.minimumSize().height()), default=0)
        return QSize(width, height).grownBy(self.contentsMargins()).expandedTo(QSize(0, self._wrapped_height))

    # --- placing --------------------------------------------------------------------------------------------------
    def _visible(self) -> list[QLayoutItem]:
        return [i for i in self._items if not i.isEmpty()]

    def _visible_hints(self, measure: Callable[[QLayoutItem], int]) -> list[int]:
        return [measure(i) for i in self._visible()]

    def _gap(self, orientation: Qt.Orientation) -> int:
        if self._spacing >= 0:
            return self._spacing
        parent = self.parentWidget()  # the widget whose style sets the gaps, also for a nested layout
        style = parent.style() if parent is not None else None
        if style is None:
            return 6
        metric = (
            QStyle.PixelMetric.PM_LayoutHorizontalSpacing
            if orientation == Qt.Orientation.Horizontal
            else QStyle.PixelMetric.PM_LayoutVerticalSpacing
        )
        gap = style.pixelMetric(metric, None, parent)
        return gap if gap >= 0 else 6

    def _lines(self, width: int) -> list[list[QLayoutItem]]:
        lines: list[list[QLayoutItem]] = [[]]
        used = 0
        for item in self._visible():
            need = item.sizeHint().width()
            if lines[-1] and used + self._gap(Qt.Orientation.Horizontal) + need > width:
                lines.append([])
                used = 0
            used += (self._gap(Qt.Orientation.Horizontal) if lines[-1] else 0) + need
            lines[-1].append(item)
        return [line for line in lines if line]

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        """Place the items in ``rect`` (when ``move``) and return the height they take."""
        margins = self.contentsMargins()
        area = rect.marginsRemoved(margins)
        y = area.y()
        h_gap, v_gap = self._gap(Qt.Orientation.Horizontal), self._gap(Qt.Orientation.Vertical)
        lines = self._lines(area.width())
        for line in lines:
            height = max(i.sizeHint().height() for i in line)
            spare = area.width() - sum(i.sizeHint().width() for i in line) - h_gap * (len(line) - 1)
            growing = [i for i in line if _grows(i)]
            x = area.x()
            for item in line:
                width = item.sizeHint().width() + (max(0, spare) // len(growing) if item in growing else 0)
                width = min(width, area.width())  # a lone item wider than the line is squeezed, not overflowing
                if move:
                    item.setGeometry(QRect(QPoint(x, y), QSize(width, height)))
                x += width + h_gap
            y += height + v_gap
        return y - area.y() - (v_gap if lines else 0) + margins.top() + margins.bottom()


def _grows(item: QLayoutItem) -> bool:
    widget = item.widget()
    if widget is None:
        return False
    return widget.sizePolicy().horizontalPolicy() in (QSizePolicy.Policy.Expanding, QSizePolicy.Policy.MinimumExpanding)

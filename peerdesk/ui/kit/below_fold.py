"""Content below the fold of a scroll area, built the first time any of it comes into view.

A long form (the overview: the review, then the lead-in checklist, the planning answers, the documents) shows only
its top when a window opens; building, styling and laying out the rest cost as much as the part in view. The rest
waits, in a stand-in of the height it last had, so the scroll bar is the same before and after, until a scroll, a
taller window or Tab reaches it; then it is built at once, before it is painted. ``build()`` builds it on demand
(anything that needs a widget in it: a search result, a test).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QScrollArea, QVBoxLayout, QWidget

from peerdesk.ui.kit import settings as ui_settings

if TYPE_CHECKING:  # Qt makes a class's enums when it is first taken from its module: not at start for these
    from PySide6.QtGui import QFocusEvent, QHideEvent, QPaintEvent

HEIGHT_KEY = "below-fold/{}"  # per stand-in: the height its content had last time, in pixels (not review content)


class BuiltWhenSeen(QWidget):
    """Stands in for ``factory()``'s widget inside ``area`` until part of it would show, then holds it."""

    built = Signal(QWidget)

    def __init__(self, name: str, factory: Callable[[], QWidget], area: QScrollArea, guess: int) -> None:
        super().__init__()
        self.setObjectName(f"belowFold-{name}")
        self._name, self._factory, self._area = name, factory, area
        self.content: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._remembered = _remembered_height(name, guess)
        self.setMinimumHeight(self._remembered)
        # Tab from the last field above reaches the stand-in, which builds and passes the keyboard on.
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setAccessibleName("More of this form")
        area.verticalScrollBar().valueChanged.connect(self._build_if_seen)
        area.viewport().installEventFilter(self)

    def build(self) -> QWidget:
        if self.content is None:
            content = self.content = self._factory()
            layout = self.layout()
            assert layout is not None
            layout.addWidget(content)
            content.show()  # now, not at the layout's next turn: Tab can go into it at once
            self._take_place_in_tab_order(content)
            self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a stop for Tab only while it stands in
            self.setMinimumHeight(0)
            self._area.verticalScrollBar().valueChanged.disconnect(self._build_if_seen)
            self._area.viewport().removeEventFilter(self)
            self.built.emit(content)
        return self.content

    def _take_place_in_tab_order(self, content: QWidget) -> None:
        """Made after the rest of the window, the content's fields would come last when Tab moves on: put them
        right after the stand-in, in their own order, as if they had been built with the form."""
        fields: list[QWidget] = []
        widget = content.nextInFocusChain()
        while widget is not None and content.isAncestorOf(widget):
            if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.focusProxy() is None:
                fields.append(widget)
            widget = widget.nextInFocusChain()
        before: QWidget = self
        for field in fields:
            QWidget.setTabOrder(before, field)
            before = field

    def _build_if_seen(self) -> None:
        if self.content is None and self.isVisible() and not self.visibleRegion().isEmpty():
            self.build()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:  # a taller window shows more of the form
            QTimer.singleShot(0, self, self._build_if_seen)  # once the layout has placed the stand-in
        return False

    def paintEvent(self, event: QPaintEvent) -> None:
        # A way into view the two above do not see (a layout change above the stand-in, say) ends here: the blank
        # stand-in shows for one frame, and its content the next.
        if self.content is None:
            QTimer.singleShot(0, self, self.build)
        super().paintEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if self.content is None:
            self.build()
            self.focusNextChild()  # the first field of what was just built

    def hideEvent(self, event: QHideEvent) -> None:
        # Its height now (laid out at the window's last width) is what the stand-in should be next time. Kept as
        # the window closes, once, rather than at every step of a resize: each write touches the settings file.
        super().hideEvent(event)
        height = self.height()
        if self.content is not None and height > 0 and height != self._remembered:
            self._remembered = height
            ui_settings.settings().setValue(HEIGHT_KEY.format(self._name), height)


def _remembered_height(name: str, guess: int) -> int:
    value = ui_settings.settings().value(HEIGHT_KEY.format(name), guess)
    try:
        height = int(str(value))
    except ValueError:  # a settings file edited by hand
        return guess
    return height if 0 < height < 100_000 else guess

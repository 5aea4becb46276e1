"""What a person would see as cut off: a control whose text does not fit, a dock too small for its panel.

``clipped_controls`` looks at every visible label, button, check box, line edit placeholder and tab of a widget
tree and names those smaller than the size their text needs (a label's or button's size hint: Qt cuts the text
of anything smaller, or elides it). ``cramped_scroll_area`` names a dock or tab whose panel needs more room than
its scroll area has, so the user would have to scroll or drag a splitter before using it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QTabBar,
    QTabWidget,
    QToolButton,
    QWidget,
)

SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
SLACK = 2  # pixels: rounding in styles and fonts, not a cut letter
W = TypeVar("W", bound=QWidget)


def on_screen(qtbot: object, widget: W, width: int, height: int) -> W:
    """``widget`` shown (offscreen) at ``width``×``height``, closed by pytest-qt after the test."""
    qtbot.addWidget(widget)  # type: ignore[attr-defined]
    widget.resize(width, height)
    widget.show()
    return widget


def describe(widget: QWidget) -> str:
    text = getattr(widget, "text", lambda: "")()
    name = widget.objectName() or type(widget).__name__
    parents = []
    parent = widget.parentWidget()
    while parent is not None and len(parents) < 3:
        if parent.objectName():
            parents.append(parent.objectName())
        parent = parent.parentWidget()
    where = "/".join(reversed(parents))
    return f"{where}/{name} {text[:40]!r}"


def _needs(widget: QWidget) -> tuple[int, int] | None:
    """The width and height the widget's text needs, or None when it has no text that could be cut."""
    if isinstance(widget, QLabel):
        if not widget.text() or not widget.pixmap().isNull():
            return None
        if widget.wordWrap():  # as tall as its lines at the width it has
            return 0, widget.heightForWidth(widget.width())
        hint = widget.minimumSizeHint()
        return hint.width(), hint.height()
    if isinstance(widget, QGroupBox) and widget.title():
        return widget.minimumSizeHint().width(), 0
    if isinstance(widget, QPushButton | QToolButton | QCheckBox | QRadioButton):
        assert isinstance(widget, QAbstractButton)
        if not widget.text():
            return None
        hint = widget.sizeHint()
        return hint.width(), hint.height()
    if isinstance(widget, QLineEdit) and widget.placeholderText() and not widget.text():
        width = widget.fontMetrics().horizontalAdvance(widget.placeholderText())
        return width + 8, 0  # the frame and text margins of a line edit
    return None


def _narrow_sections(header: QHeaderView) -> list[str]:
    """Columns of a table whose heading does not fit (the user sees "uot" for "Quote")."""
    model = header.model()
    if model is None or header.orientation() != Qt.Orientation.Horizontal:
        return []
    found = []
    for section in range(header.count()):
        text = str(model.headerData(section, Qt.Orientation.Horizontal) or "").split("\n")[0]
        if not text or header.isSectionHidden(section):
            continue
        need = header.fontMetrics().horizontalAdvance(text) + 8  # the heading's own margins
        if header.sectionSize(section) + SLACK < need:
            found.append(f"{describe(header)} column {text!r} is {header.sectionSize(section)} px, needs {need}")
    return found


def clipped_controls(root: QWidget) -> list[str]:
    found: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        if isinstance(widget, QTabBar):
            found += [
                f"{describe(widget)} tab {widget.tabText(i)!r} elided"
                for i in range(widget.count())
                if widget.isTabVisible(i) and widget.tabRect(i).width() + SLACK < widget.tabSizeHint(i).width()
            ]
            continue
        if isinstance(widget, QHeaderView):
            found += _narrow_sections(widget)
            continue
        needs = _needs(widget)
        if needs is None:
            continue
        width, height = needs
        if widget.width() + SLACK < width or widget.height() + SLACK < height:
            found.append(f"{describe(widget)} is {widget.width()}×{widget.height()}, needs {width}×{height}")
    return found


def cramped_scroll_area(area: QScrollArea, *, vertical: bool = True) -> list[str]:
    """The panel in ``area`` needs more than the area shows (its minimum size hint does not fit)."""
    content = area.widget()
    if content is None or not area.isVisible():
        return []
    settle()
    wide = area.horizontalScrollBar().maximum() > SLACK  # the user would have to scroll to see it all
    tall = vertical and area.verticalScrollBar().maximum() > SLACK
    if not (wide or tall):
        return []
    need, have = content.size(), area.viewport().size()
    return [f"{describe(area)}: the panel needs {need.width()}×{need.height()}, it has {have.width()}×{have.height()}"]


def sideways_scrolling(root: QWidget) -> list[str]:
    """Every visible scroll area inside ``root`` that would have to be scrolled sideways to be read."""
    return [p for area in root.findChildren(QScrollArea) for p in cramped_scroll_area(area, vertical=False)]


def every_tab(root: QWidget) -> list[tuple[QTabWidget, int]]:
    """Each page of each tab widget inside ``root`` (to be shown in turn)."""
    return [(tabs, i) for tabs in root.findChildren(QTabWidget) for i in range(tabs.count())]


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def screenshot(widget: QWidget, name: str) -> None:
    """``docs/screenshots/<name>.png`` when PEERDESK_SCREENSHOTS is set (README); a normal run writes nothing."""
    if os.environ.get("PEERDESK_SCREENSHOTS"):
        from peerdesk.ui.shell.app import make_app  # only here: a normal run never loads the shell for this

        make_app()  # the app's own style and style sheet, as users see it (``tests/ui/conftest.py`` takes it off)
        SHOTS.mkdir(parents=True, exist_ok=True)
        settle()
        widget.grab().save(str(SHOTS / f"{name}.png"))


def tooltip_shown(tip: str) -> str:
    """What Qt's tooltip shows of ``tip``: it takes a text that looks like HTML for HTML (``kit/plain.py``)."""
    if not GuiQt.mightBeRichText(tip):
        return tip
    document = QTextDocument()
    document.setHtml(tip)
    return document.toPlainText()

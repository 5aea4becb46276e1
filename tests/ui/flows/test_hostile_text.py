"""A colleague's words are shown as typed: markup in a name, a theme, a quote or a goal that came in a bundle is
never drawn as HTML by a label or a tooltip, anywhere in the main window.

Qt draws a label's text, and a tooltip, as HTML whenever it looks like HTML (a tag in its first line). Every free
text of the demo review is prefixed with ``MARKUP`` as a merge would write it (the same columns, through the ORM),
then every dock, tab and sub-tab is shown, an interview opened and an insight picked, and every label and tooltip
with the mark in it is read back as the user would see it.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QGraphicsView, QLabel, QTabWidget, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import Text, select

from peerdesk.store import models
from peerdesk.store.engine import Store
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.shell import layouts
from peerdesk.ui.shell.main_window import MainWindow
from tests.helpers.layout import tooltip_shown

MARKUP = "<i>MARK</i>"


def mark_every_text(store: Store) -> int:
    """Prefix every non-empty free text of every shared record with ``MARKUP``; how many were changed."""
    changed = 0
    with store.session() as s:
        for cls in models.Base.__subclasses__():
            if not issubclass(cls, models.Shared):
                continue
            columns = [c.name for c in cls.__table__.columns if isinstance(c.type, Text) and "key" not in c.name]
            for row in s.scalars(select(cls)):
                for name in columns:
                    value = getattr(row, name)
                    if isinstance(value, str) and value and value[0] not in "[{":  # JSON kept as it is
                        setattr(row, name, f"{MARKUP} {value}")
                        changed += 1
        s.commit()
    store.wrote()  # what the store kept of the review's facts is read again
    return changed


def as_seen(text: str, text_format: Qt.TextFormat = Qt.TextFormat.AutoText) -> str:
    """What a label shows of ``text`` (a tooltip: in Qt's automatic format)."""
    if text_format == Qt.TextFormat.PlainText:
        return text
    return tooltip_shown(f"<p>{text}</p>" if text_format == Qt.TextFormat.RichText else text)


def drawn_as_html(root: QWidget) -> list[str]:
    """Each label or tooltip under ``root`` that shows the mark's text without its tags."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        name = f"{type(widget).__name__} {widget.objectName()!r}"
        label = widget if isinstance(widget, QLabel) else None
        if label is not None and "MARK" in label.text() and MARKUP not in as_seen(label.text(), label.textFormat()):
            found.append(f"label {name}: {label.text()[:80]}")
        tips = [widget.toolTip()]
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            tips += item_tooltips(widget.model())
        if isinstance(widget, QGraphicsView) and widget.scene() is not None:  # the wall's themes, among others
            tips += [item.toolTip() for item in widget.scene().items()]
        found += [f"tooltip in {name}: {tip[:80]}" for tip in tips if "MARK" in tip and MARKUP not in as_seen(tip)]
    return found


def item_tooltips(model: QAbstractItemModel, rows: int = 100) -> list[str]:
    """The tooltips a list, table or tree shows over its first ``rows`` rows and over its column headers."""
    try:
        columns = model.columnCount(QModelIndex())
    except TypeError:  # a list model keeps its one column to itself
        columns = 1
    tips = [
        model.index(row, column).data(Qt.ItemDataRole.ToolTipRole)
        for row in range(min(model.rowCount(QModelIndex()), rows))
        for column in range(columns)
    ]
    tips += [model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) for c in range(columns)]
    return [tip for tip in tips if isinstance(tip, str)]


@pytest.fixture
def marked(demo_store: Store) -> Iterator[Store]:
    assert mark_every_text(demo_store) > 200
    yield demo_store


def show_everything(window: MainWindow) -> Iterator[str]:
    """Each dock, work tab and sub-tab brought to the front in turn (yielding where it is)."""
    for name, dock in window.docks.items():
        dock.show()
        dock.raise_()
        QApplication.processEvents()
        yield name
    for index in range(window.work.count()):
        window.work.setCurrentIndex(index)
        QApplication.processEvents()
        yield window.work.tabText(index)
        for tabs in window.work.widget(index).findChildren(QTabWidget):
            for sub in range(tabs.count()):
                tabs.setCurrentIndex(sub)
                QApplication.processEvents()
                yield f"{window.work.tabText(index)} ▸ {tabs.tabText(sub)}"


def test_no_label_or_tooltip_in_the_window_draws_a_colleagues_markup(qtbot: QtBot, marked: Store) -> None:
    window = MainWindow(ReviewSession(marked), layouts.DAY1)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    found: dict[str, str] = {}
    for where in show_everything(window):
        found.update({problem: where for problem in drawn_as_html(window)})
    with marked.session() as s:
        interview = s.scalars(select(models.Interview.id)).first()
    assert interview is not None
    window.open_interview(interview)  # its header and its plan name people
    insights = window.panels["dock-insights"]
    insights.view.setCurrentIndex(insights.model.index(0))  # its heading names the insight's themes
    QApplication.processEvents()
    found.update({problem: "an interview and an insight open" for problem in drawn_as_html(window)})
    assert found == {}, "\n".join(f"{where}: {problem}" for problem, where in found.items())

"""Find in notes and quotes: results as you type, matched words in bold, Enter jumps to the place."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QAbstractTextDocumentLayout, QKeyEvent, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from peerdesk.services import search
from peerdesk.ui.kit.dialogs import dialog_layout
from peerdesk.ui.kit.list_model import RowListModel
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.kit.typing_pause import TypingPause

Index = QModelIndex | QPersistentModelIndex
HIT_ROLE = Qt.ItemDataRole.UserRole + 1
TYPING_PAUSE_MS = 120


class HitsModel(RowListModel[search.Hit]):
    def row_data(self, hit: search.Hit, role: int) -> Any:
        if role == HIT_ROLE:
            return hit
        if role == Qt.ItemDataRole.DisplayRole:
            return hit.snippet_marked("", "")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{hit.kind} from {hit.group}, {hit.interview}: {hit.snippet_marked('', '')}"
        return None


def hit_html(hit: search.Hit) -> str:
    kind = "Quote" if hit.kind == "quote" else "Note"
    colour = "#9a6410" if hit.kind == "quote" else "#1d6fb8"
    where = " · ".join(html.escape(p) for p in (hit.group, hit.interview) if p)
    body = hit.snippet_html().replace("<b>", "<b style='background:#fff0a6'>")
    return (
        f"<div><span style='color:{colour};font-weight:600'>{kind}</span>"
        f"<span style='color:#5b6570'> · {where}</span></div><div>{body}</div>"
    )


class HitDelegate(QStyledItemDelegate):
    """Rich text for a hit: where it comes from, then the snippet with the matched words highlighted."""

    def _document(self, option: QStyleOptionViewItem, index: Index) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setHtml(hit_html(index.data(HIT_ROLE)))
        doc.setTextWidth(max(option.rect.width() - 12, 100))
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        painter.save()
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(option.rect, option.palette.color(QPalette.ColorRole.Highlight).lighter(160))
        doc = self._document(option, index)
        painter.translate(option.rect.left() + 6, option.rect.top() + 4)
        context = QAbstractTextDocumentLayout.PaintContext()
        doc.documentLayout().draw(painter, context)
        painter.restore()
        painter.setPen(option.palette.color(QPalette.ColorRole.Mid))
        painter.drawLine(option.rect.bottomLeft(), option.rect.bottomRight())

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        doc = self._document(option, index)
        size = doc.size()
        return QSize(int(QRectF(0, 0, size.width(), size.height()).width()), int(size.height()) + 10)


class SearchBox(QDialog):
    """A window of its own, so the results stay beside the notes while the user jumps from hit to hit."""

    jump = Signal(object)  # search.Hit

    def __init__(self, session: ReviewSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        layout = dialog_layout(self, "Find in notes and quotes", "searchBox", size=(560, 520))
        self.pause = TypingPause(TYPING_PAUSE_MS, parent=self)  # tests drive its clock
        self.pause.due.connect(self.run)
        self.edit = QLineEdit()
        self.edit.setObjectName("searchEdit")
        self.edit.setPlaceholderText('Words to find ("quotes" for an exact phrase)')
        self.edit.setClearButtonEnabled(True)
        self.edit.textChanged.connect(lambda _t: self.pause.typed())
        self.edit.returnPressed.connect(self._enter)
        self.edit.installEventFilter(self)
        layout.addWidget(self.edit)
        self.count = QLabel("")
        self.count.setObjectName("hintText")
        layout.addWidget(self.count)
        self.model = HitsModel(self)
        self.view = QListView()
        self.view.setObjectName("searchHits")
        self.view.setModel(self.model)
        self.view.setItemDelegate(HitDelegate(self.view))
        self.view.setWordWrap(True)
        self.view.setUniformItemSizes(False)
        self.view.activated.connect(self._activated)
        self.view.doubleClicked.connect(self._activated)
        layout.addWidget(self.view, 1)

    def run(self) -> None:
        self.pause.stop()
        text = self.edit.text()
        hits = search.search(self.session.store, text, labels=self.session.search_labels)
        self.model.set_rows(hits)
        if not text.strip():
            self.count.setText("")
        elif not hits:
            self.count.setText("Nothing found.")
        else:
            more = "+" if len(hits) >= search.DEFAULT_LIMIT else ""
            self.count.setText(f"{len(hits)}{more} found, best first. Enter or double-click to go there.")
        if hits:
            self.view.setCurrentIndex(self.model.index(0))

    def _enter(self) -> None:
        if self.pause.pending:
            self.run()
        index = self.view.currentIndex()
        if index.isValid():
            self._activated(index)

    def _activated(self, index: QModelIndex) -> None:
        hit = index.data(HIT_ROLE)
        if hit is not None:
            self.jump.emit(hit)

    def eventFilter(self, watched: Any, event: Any) -> bool:
        # Up and Down move through the results without leaving the search field.
        arrow = (
            watched is self.edit
            and isinstance(event, QKeyEvent)
            and event.type() == QKeyEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up)
        )
        if arrow and self.model.rowCount():
            row = self.view.currentIndex().row() + (1 if event.key() == Qt.Key.Key_Down else -1)
            self.view.setCurrentIndex(self.model.index(max(0, min(row, self.model.rowCount() - 1))))
            return True
        return super().eventFilter(watched, event)

    def open_with(self, text: str = "") -> None:
        if text:
            self.edit.setText(text)
        self.show()
        self.raise_()
        self.activateWindow()
        self.edit.setFocus()
        self.edit.selectAll()

"""The notes panel's Quotes tab: the interview's quotes, the roses, thorns and buds of these notes, and Delete."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from peerdesk.services import notes, records
from peerdesk.ui.kit import ops, palette
from peerdesk.ui.kit.dialogs import list_view
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.kit.widgets import wrapped_label

QUOTE_ROLE = Qt.ItemDataRole.UserRole + 1  # ("quote" or "postit", record id)


class CapturesTab(QWidget):
    """``quote_chosen`` carries the id of a quote clicked in the list (the panel finds it in the notes)."""

    quote_chosen = Signal(str)

    def __init__(self, session: ReviewSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        layout = QVBoxLayout(self)
        self.quotes_model = QStandardItemModel(self)
        self.quotes_view = list_view("quotesView", self.quotes_model, spacing=3, read_only=True)
        self.quotes_view.clicked.connect(self._quote_clicked)
        layout.addWidget(wrapped_label("Quotes from this interview (linked to the group, never to a person)"))
        layout.addWidget(self.quotes_view, 2)
        self.postits_model = QStandardItemModel(self)
        self.postits_view = list_view("postitsView", self.postits_model, read_only=True)
        layout.addWidget(wrapped_label("Roses, thorns and buds from these notes"))
        layout.addWidget(self.postits_view, 1)
        delete = QPushButton("Delete selected")
        delete.clicked.connect(self.delete_selected)
        layout.addWidget(delete, alignment=Qt.AlignmentFlag.AlignRight)

    def clear(self) -> None:
        self.quotes_model.clear()
        self.postits_model.clear()

    def load(self, interview_id: str, note_id: str) -> None:
        """The interview's quotes (every note taker's), and the post-its made from this note."""
        self.clear()
        store = self.session.store
        for quote in notes.quotes_of_interview(store, interview_id):
            item = QStandardItem(f"“{quote.text}”")
            item.setData(("quote", quote.id), QUOTE_ROLE)
            item.setToolTip("Click to find it in the notes" if quote.anchored else "Typed word for word")
            self.quotes_model.appendRow(item)
        for postit in notes.postits_of_note(store, note_id):
            item = QStandardItem(f"{postit.kind.capitalize()}: {postit.text}")
            item.setBackground(palette.fill(postit.kind))  # the kit's palette: a thorn is the wall's blue here too
            item.setForeground(palette.ink())
            item.setData(("postit", postit.id), QUOTE_ROLE)
            self.postits_model.appendRow(item)

    def _quote_clicked(self, index: QModelIndex) -> None:
        kind, record_id = index.data(QUOTE_ROLE) or ("", "")
        if kind == "quote":
            self.quote_chosen.emit(record_id)

    def delete_selected(self) -> None:
        """Delete the quote or post-it selected in the lists (the one with the focus, else the quote)."""
        views = sorted((self.quotes_view, self.postits_view), key=lambda v: not v.hasFocus())
        for view in views:
            index = view.currentIndex()
            if not index.isValid():
                continue
            kind, record_id = index.data(QUOTE_ROLE)
            self._delete(kind, record_id)
            return

    def _delete(self, kind: str, record_id: str) -> None:
        table, label = ("quotes", "Delete quote") if kind == "quote" else ("postits", "Delete post-it")
        remove = notes.delete_quote if kind == "quote" else notes.delete_postit
        ops.run(
            self,
            self.session,
            label,
            lambda s: remove(s, record_id),
            lambda s: records.restore(s, table, record_id),
        )

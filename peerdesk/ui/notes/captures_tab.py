"""The notes panel's Quotes tab: the interview's quotes, the roses, thorns and buds of these notes, and Delete.

The tab sits behind the Questions tab: opening a note whose interview holds hundreds of quotes does not list them
for a tab nobody sees. ``load`` lists them at once when the tab is on screen, else when it is first shown (or its
lists are read).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from peerdesk.services import notes, records
from peerdesk.ui.kit import ops, palette
from peerdesk.ui.kit.dialogs import list_view
from peerdesk.ui.kit.picked import ActsOnPicked
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.kit.widgets import wrapped_label

QUOTE_ROLE = Qt.ItemDataRole.UserRole + 1  # ("quote" or "postit", record id)


class CapturesTab(QWidget):
    """``quote_chosen`` carries the id of a quote clicked in the list (the panel finds it in the notes)."""

    quote_chosen = Signal(str)

    def __init__(self, session: ReviewSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._wanted: tuple[str, str] | None = None  # (interview, note) to list when the tab is shown
        layout = QVBoxLayout(self)
        self._quotes = QStandardItemModel(self)
        self.quotes_view = list_view("quotesView", self._quotes, spacing=3, read_only=True)
        self.quotes_view.clicked.connect(self._quote_clicked)
        layout.addWidget(wrapped_label("Quotes from this interview (linked to the group, never to a person)"))
        layout.addWidget(self.quotes_view, 2)
        self._postits = QStandardItemModel(self)
        self.postits_view = list_view("postitsView", self._postits, read_only=True)
        layout.addWidget(wrapped_label("Roses, thorns and buds from these notes"))
        layout.addWidget(self.postits_view, 1)
        delete = QPushButton("Delete selected")
        delete.setToolTip("Delete the quote or post-it selected in the lists (Del)")
        delete.clicked.connect(self.delete_selected)
        ActsOnPicked([delete], [self.quotes_view, self.postits_view], "Pick a quote or post-it in the lists first")
        layout.addWidget(delete, alignment=Qt.AlignmentFlag.AlignRight)
        # The Delete key in either list, as everywhere else: the button under them is often scrolled out of sight.
        for view in (self.quotes_view, self.postits_view):
            key = QAction("Delete selected", view)
            key.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
            key.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            key.triggered.connect(self.delete_selected)
            view.addAction(key)

    @property
    def quotes_model(self) -> QStandardItemModel:
        self._fill()
        return self._quotes

    @property
    def postits_model(self) -> QStandardItemModel:
        self._fill()
        return self._postits

    def clear(self) -> None:
        self._wanted = None
        self._quotes.clear()
        self._postits.clear()

    def load(self, interview_id: str, note_id: str) -> None:
        """The interview's quotes (every note taker's), and the post-its made from this note: now if the tab is
        on screen, else when it is shown. Until then the lists are empty: nothing of another note stays selected."""
        self.clear()
        self._wanted = (interview_id, note_id)
        if self.isVisible():
            self._fill()

    def showEvent(self, event: QShowEvent) -> None:
        self._fill()
        super().showEvent(event)

    def _fill(self) -> None:
        if self._wanted is None:
            return
        (interview_id, note_id), self._wanted = self._wanted, None
        store = self.session.store
        for quote in notes.quotes_of_interview(store, interview_id):
            item = QStandardItem(f"“{quote.text}”")
            item.setData(("quote", quote.id), QUOTE_ROLE)
            item.setToolTip("Click to find it in the notes" if quote.anchored else "Typed word for word")
            self._quotes.appendRow(item)
        for postit in notes.postits_of_note(store, note_id):
            item = QStandardItem(f"{postit.kind.capitalize()}: {postit.text}")
            item.setBackground(palette.fill(postit.kind))  # the kit's palette: a thorn is the wall's blue here too
            item.setForeground(palette.ink())
            item.setData(("postit", postit.id), QUOTE_ROLE)
            self._postits.appendRow(item)

    def _quote_clicked(self, index: QModelIndex) -> None:
        kind, record_id = index.data(QUOTE_ROLE) or ("", "")
        if kind == "quote":
            self.quote_chosen.emit(record_id)

    def delete_selected(self) -> None:
        """Delete the quote or post-it selected in the lists (the one with the focus, else the quote)."""
        self._fill()  # lists not shown yet: nothing is selected in them
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

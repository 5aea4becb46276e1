"""What backs the selected insight: its themes' post-its and their quotes, from which illustrations are picked.

Picking works by keyboard as well as by dragging: Enter (or Space) on a quote in the list puts it on the insight,
as does the "Use quote" button (Alt+U); Alt+Q widens the list to every quote of the review.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QCheckBox, QLabel, QPushButton, QVBoxLayout, QWidget

from peerdesk.services import insight_evidence
from peerdesk.ui.insights.editor import key_hint
from peerdesk.ui.insights.models import ID_ROLE, PostItListModel, QuoteListModel, add_quotes
from peerdesk.ui.kit.dialogs import list_view
from peerdesk.ui.kit.flow import FlowLayout
from peerdesk.ui.kit.plain import plain_tip
from peerdesk.ui.kit.session import ReviewSession


class EvidencePane(QWidget):
    def __init__(self, session: ReviewSession) -> None:
        super().__init__()
        self.session = session
        self.insight_id: str | None = None
        self.setObjectName("evidencePane")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel("Evidence")
        self.title.setObjectName("sectionTitle")
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        quotes_label = QLabel("Their quotes — Enter puts the selected one on the insight, or drag it")
        quotes_label.setWordWrap(True)
        layout.addWidget(quotes_label)
        self.quote_model = QuoteListModel(session)
        self.quote_view = list_view("evidenceQuotes", self.quote_model, spacing=2)
        self.quote_view.setDragEnabled(True)
        self.quote_view.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.quote_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.quote_view.setAccessibleName("Quotes behind this insight; Enter puts the selected ones on the insight")
        self.quote_view.doubleClicked.connect(lambda _i: self.use_selected())
        layout.addWidget(self.quote_view, 3)
        row = FlowLayout()  # the check box goes under the button when the pane is narrow (a laptop)
        self.use_button = QPushButton("&Use quote")
        self.use_button.setObjectName("useQuote")
        self.use_button.setToolTip(key_hint("Put the selected quotes on the insight", "Enter in the list, Alt+U"))
        self.use_button.clicked.connect(self.use_selected)
        self.all_quotes = QCheckBox("Show every &quote")
        self.all_quotes.setToolTip(key_hint("Pick from all the review's quotes, not only this theme's", "Alt+Q"))
        self.all_quotes.toggled.connect(lambda _on: self.load(self.insight_id, self.quote_model.used))
        row.addWidgets(self.use_button, self.all_quotes)
        layout.addLayout(row)
        # The post-its come second: the quotes are what gets picked; the post-its are there to read.
        layout.addWidget(QLabel("Post-its in the theme"))
        self.postit_model = PostItListModel(self)
        self.postit_view = list_view("evidencePostits", self.postit_model, spacing=2)
        self.postit_view.setAccessibleName("Post-its behind this insight")
        layout.addWidget(self.postit_view, 2)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            shortcut = QShortcut(QKeySequence(key), self.quote_view)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.use_selected)

    def load(self, insight_id: str | None, used: set[str]) -> None:
        """Show the evidence of ``insight_id``; ``used`` are the quotes already on it (ticked in the list)."""
        self.insight_id = insight_id
        self.setEnabled(insight_id is not None)
        if insight_id is None:
            self.postit_model.set_rows([])
            self.quote_model.set_rows([])
            return
        found = self.session.call(lambda s: insight_evidence.evidence(s, insight_id))
        # The themes are named in the editor's heading beside; here a long heading in the title font would take
        # the height of the lists in a low dock, so the title stays short and names them on hover.
        themes = ", ".join(f"“{h}”" for h in found.theme_headings)
        self.title.setText("Evidence" if themes else "Evidence (no theme)")
        self.title.setToolTip(
            plain_tip(f"The post-its and quotes of {themes}" if themes else "This insight has no theme")
        )
        self.postit_model.set_rows(list(found.postits))
        quotes = self.session.call(insight_evidence.all_quotes) if self.all_quotes.isChecked() else found.quotes
        row = self.quote_view.currentIndex().row()
        self.quote_model.set_rows(list(quotes), used)
        if self.quote_view.hasFocus() and quotes:  # a keyboard user carries on from where they were
            self.quote_view.setCurrentIndex(self.quote_model.index(max(0, min(row, len(quotes) - 1))))

    def use_selected(self) -> None:
        """Put the selected quotes (or the current one) on the insight, as one undo step."""
        if self.insight_id is None:
            return
        indexes = self.quote_view.selectionModel().selectedIndexes() or [self.quote_view.currentIndex()]
        ids = [str(i.data(ID_ROLE)) for i in indexes if i.isValid()]
        ids = [i for i in ids if i not in self.quote_model.used]
        if ids:
            add_quotes(self.session, self.insight_id, ids)

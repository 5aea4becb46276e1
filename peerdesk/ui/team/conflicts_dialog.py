"""Conflicts: text that lost a merge, side by side with what won; restore it or dismiss it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QLabel, QWidget

from peerdesk.exchange.display import clip
from peerdesk.services import records, sharing
from peerdesk.services.changes import Changes
from peerdesk.store.engine import Store
from peerdesk.store.labels import label
from peerdesk.ui.kit import ops
from peerdesk.ui.kit.dialogs import FIT, STRETCH, SessionDialog, selected_row, table_view
from peerdesk.ui.kit.list_model import SessionTableModel
from peerdesk.ui.kit.plain import plain_tip
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.kit.widgets import push_button

Index = QModelIndex | QPersistentModelIndex
# The author is the lost text's: "Written by", last and beside "Text now", read as the author of the text that stood.
HEADERS = ("Where", "Text that lost", "Text now", "Lost text by")
INTRO = (
    "When two people changed the same text before exchanging bundles, the most recent edit is kept and the "
    "other is listed here; so is an edit to something a colleague deleted meanwhile. Restore it if it was "
    "the better one."
)


def where(c: sharing.ConflictView) -> str:
    """Which record and field the conflict is about: "Quote · text"."""
    return f"{label(c.table, 1).capitalize()} · {c.field.replace('_', ' ')}"


def where_in_full(c: sharing.ConflictView) -> str:
    """``where``, and under it what the text belongs to: "Quote · text" / "09:45 Team A — Foster carers"."""
    return f"{where(c)}\n{c.context}" if c.context else where(c)


def _named(c: sharing.ConflictView) -> str:
    return f"{where(c)} ({c.context})" if c.context else where(c)


class ConflictsModel(SessionTableModel[sharing.ConflictView]):
    headers = HEADERS

    def fetch(self) -> list[sharing.ConflictView]:
        return sharing.conflicts(self.session.store)

    def cell(self, c: sharing.ConflictView, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            now = "(deleted meanwhile: restoring brings it back)" if c.record_deleted else c.current_text
            shown = (where_in_full(c), c.lost_text, now, clip(c.author))[column]
            return shown if role == Qt.ItemDataRole.DisplayRole else plain_tip(shown)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft  # a tall row is read from its top line
        return None


class ConflictsDialog(SessionDialog):
    def __init__(self, session: ReviewSession, parent: QWidget | None = None) -> None:
        super().__init__(session, "Conflicts", "conflictsDialog", size=(860, 420), intro=INTRO, parent=parent)
        layout = self.body
        self.model = ConflictsModel(session)
        columns = {0: FIT, 1: STRETCH, 2: STRETCH, 3: FIT}
        self.view = table_view("conflictsTable", self.model, columns=columns, single=True, tab_out=True)
        # A long text (an aim, a theme's story) makes a row taller than the list: scrolled row by row, its end
        # could never be brought into view.
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        layout.addWidget(self.view, 1)
        self.empty = QLabel("No conflicts: every edit so far merged cleanly.")
        self.empty.setObjectName("emptyHint")
        layout.addWidget(self.empty)
        # What the last Restore or Dismiss did: the row leaves the list, and the text it chose is said here.
        self.outcome = QLabel("")
        self.outcome.setObjectName("conflictResult")
        self.outcome.setTextFormat(Qt.TextFormat.PlainText)  # a colleague's words
        self.outcome.setWordWrap(True)
        layout.addWidget(self.outcome)
        row = QHBoxLayout()
        self.restore_button = push_button("&Restore the text that lost", self.restore_selected)
        # Says what it does: "Dismiss" left a reviewer unsure which of the two texts would stay.
        self.dismiss_button = push_button("&Keep the text now", self.dismiss_selected)
        self.dismiss_button.setToolTip("The text now stays as it is; the text that lost leaves this list")
        close = push_button("Close", self.accept)
        close.setDefault(True)  # Enter in the list must not restore (Qt's pick: the next button)
        row.addWidget(self.restore_button)
        row.addWidget(self.dismiss_button)
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update())
        self.model.modelReset.connect(self._update)
        self._update()

    def selected(self) -> sharing.ConflictView | None:
        return selected_row(self.view, self.model.rows)

    def _update(self) -> None:
        if self.selected() is None and self.model.rows:
            # The keyboard starts on a conflict (the next one once one is settled): Restore and Dismiss work at
            # once. With the table's focus on row 0 and nothing picked, Down on a lone conflict picked nothing.
            self.view.selectRow(0)  # back here through selectionChanged
            return
        has = self.selected() is not None
        self.restore_button.setEnabled(has)
        self.dismiss_button.setEnabled(has)
        self.empty.setVisible(not self.model.rows)
        self.view.resizeRowsToContents()

    def restore_selected(self) -> None:
        c = self.selected()
        if c is None:
            return
        previous = c.current_text

        def undo(store: Store) -> Changes:
            back = records.set_fields(store, c.table, c.row_id, **{c.field: previous})
            if c.record_deleted:  # the restore brought the record back: undoing it deletes it again
                back = back | records.delete(store, c.table, c.row_id)
            return back | sharing.set_conflict_resolved(store, c.id, False)

        if ops.run(self, self.session, "Restore text", lambda s: sharing.restore_conflict(s, c.id), undo):
            self._settled(f"Restored: {_named(c)} now reads “{clip(c.lost_text, 200)}”.")

    def dismiss_selected(self) -> None:
        c = self.selected()
        if c is None:
            return
        if ops.run_swap(
            self, self.session, "Dismiss conflict", lambda s, v: sharing.set_conflict_resolved(s, c.id, v), True, False
        ):
            kept = "stays deleted" if c.record_deleted else f"keeps “{clip(c.current_text, 200)}”"
            self._settled(f"Kept: {_named(c)} {kept}.")

    def _settled(self, what: str) -> None:
        self.outcome.setText(what)
        if not self.model.rows:
            self.empty.setText("No conflicts left to look at.")  # not "merged cleanly": one was just settled

"""The guard's two dialogs: the names to guard, and the quotes that mention someone, each awaiting a decision."""

from __future__ import annotations

from types import MappingProxyType
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from peerdesk.services import guard
from peerdesk.services.plural import count
from peerdesk.ui.kit import ops
from peerdesk.ui.kit.dialogs import FIT, INTERACTIVE, STRETCH, SessionDialog, close_buttons, table_view
from peerdesk.ui.kit.list_model import SessionTableModel
from peerdesk.ui.kit.picked import ActsOnPicked
from peerdesk.ui.kit.plain import plain_tip
from peerdesk.ui.kit.record_model import Column, RecordTableModel
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.kit.widgets import push_button

Index = QModelIndex | QPersistentModelIndex


class KindDelegate(QStyledItemDelegate):
    """Edits a guarded name's kind with a list, and shows it in words."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        for kind in guard.KINDS:
            combo.addItem(guard.KIND_LABELS[kind], kind)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(editor.findData(index.data(Qt.ItemDataRole.EditRole)), 0))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)

    def displayText(self, value: Any, locale: Any) -> str:
        return guard.KIND_LABELS.get(str(value), str(value))


NAMES_INTRO = (
    "Add everyone whose name might turn up in notes or quotes: the people interviewed, staff mentioned, "
    "anyone else. Quotes that mention them, or give an email address or phone number, are flagged so the "
    "team can decide whether they may be shown."
)


class NamesDialog(SessionDialog):
    """The names the guard looks for. Adding, editing and removing are undo steps of the review."""

    def __init__(self, session: ReviewSession, parent: QWidget | None = None) -> None:
        super().__init__(session, "Names to guard", "namesDialog", size=(560, 460), intro=NAMES_INTRO, parent=parent)
        layout = self.body
        row = QHBoxLayout()
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText("First name and surname")
        self.name_edit.setAccessibleName("Name to guard")
        self.name_edit.returnPressed.connect(self.add)
        self.kind = QComboBox()
        for kind in guard.KINDS:
            self.kind.addItem(guard.KIND_LABELS[kind], kind)
        self.kind.setAccessibleName("Who they are")
        add = push_button("Add", self.add)
        row.addWidget(self.name_edit, 1)
        row.addWidget(self.kind)
        row.addWidget(add)
        layout.addLayout(row)
        self.model = RecordTableModel(
            session,
            "guarded_names",
            [Column("name", "Name"), Column("kind", "Who")],
            order_by="name",
            noun="guarded name",
        )
        self.view = table_view("namesTable", self.model, columns={0: STRETCH, 1: FIT})
        self.view.setItemDelegateForColumn(1, KindDelegate(self.view))
        layout.addWidget(self.view, 1)
        self.remove_button = push_button("Remove", self.remove_selected)
        ActsOnPicked([self.remove_button], [self.view], "Pick the names to remove in the list first")
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.view, self.remove_selected)
        layout.addWidget(close_buttons(self, self.remove_button))

    def add(self) -> None:
        name = " ".join(self.name_edit.text().split())
        if not name:
            return
        fields = {"name": name, "kind": self.kind.currentData()}
        ops.create_record(self, self.session, "guarded_names", fields, "Add a name to guard")
        self.name_edit.clear()

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()}, reverse=True)
        if not rows:
            return
        ids = [self.model.record_id(r) for r in rows]
        self.session.undo_stack.beginMacro("Remove guarded names")
        for record_id in ids:
            ops.delete_record(self, self.session, "guarded_names", record_id, "Remove a name")
        self.session.undo_stack.endMacro()


DECISION_LABELS = MappingProxyType({"keep": "Keep: may be shown", "exclude": "Leave out", guard.UNDECIDED: "To decide"})


class FlaggedQuotesModel(SessionTableModel[guard.FlaggedQuote]):
    headers = ("Quote", "Why it is flagged", "Decision")
    watched = ("quotes", "guarded_names")

    def fetch(self) -> list[guard.FlaggedQuote]:
        return guard.flagged_quotes(self.session.store)

    def cell(self, item: guard.FlaggedQuote, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip(self.cell(item, column, Qt.ItemDataRole.DisplayRole))
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return item.text
            if column == 1:
                return "; ".join(sorted({f.label for f in item.findings}))
            return DECISION_LABELS[item.decision]
        if role == Qt.ItemDataRole.ForegroundRole and column == 2:
            colours = {"keep": "#2d6a4f", "exclude": "#a4161a", guard.UNDECIDED: "#6b4f00"}
            return QColor(colours[item.decision])
        return None


class FlaggedQuotesDialog(SessionDialog):
    """Quotes that may identify someone; the team decides, one by one, to keep each or leave it out."""

    def __init__(self, session: ReviewSession, parent: QWidget | None = None) -> None:
        title = "Quotes that may identify someone"
        super().__init__(session, title, "flaggedQuotesDialog", size=(860, 480), parent=parent)
        layout = self.body
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.model = FlaggedQuotesModel(session)
        self.model.modelReset.connect(self._update_summary)
        columns = {0: STRETCH, 1: INTERACTIVE, 2: FIT}
        self.view = table_view("flaggedTable", self.model, columns=columns, tab_out=True)  # Tab: on to Keep…
        self.view.setColumnWidth(1, 240)
        layout.addWidget(self.view, 1)
        row = QHBoxLayout()
        decisions = []
        for decision, text in (("keep", "Keep"), ("exclude", "Leave out"), ("", "Undecided")):
            button = QPushButton(text)
            button.setObjectName(f"decide-{decision or 'undecided'}")
            button.clicked.connect(lambda _c=False, d=decision: self.decide(d))
            row.addWidget(button)
            decisions.append(button)
        ActsOnPicked(decisions, [self.view], "Pick the quotes to decide on in the list first")
        row.addStretch(1)
        close = push_button("Close", self.accept)
        row.addWidget(close)
        layout.addLayout(row)
        self._update_summary()

    def _update_summary(self) -> None:
        items = self.model.rows
        waiting = sum(1 for i in items if i.decision == guard.UNDECIDED)
        if not items:
            self.summary.setText("No quote mentions a guarded name or gives away who someone is.")
        else:
            self.summary.setText(
                f"{count(len(items), 'quote')} may identify someone; {waiting} still to decide. "
                "Kept quotes may appear in the presentation and bundles; quotes left out never leave the team."
            )
        self.view.resizeRowsToContents()

    def selected_ids(self) -> list[str]:
        return [self.model.rows[i.row()].quote_id for i in self.view.selectionModel().selectedRows()]

    def decide(self, decision: str) -> None:
        chosen = self.selected_ids()
        if not chosen:
            return
        before = {i.quote_id: i.decision for i in self.model.rows}
        label = {"keep": "Keep flagged quote", "exclude": "Leave out flagged quote"}.get(decision, "Undo decision")
        self.session.undo_stack.beginMacro(label)
        try:
            for quote_id in chosen:
                if not self._decide_one(label, quote_id, decision, before[quote_id]):
                    break
        finally:
            self.session.undo_stack.endMacro()

    def _decide_one(self, label: str, quote_id: str, new: str, old: str) -> bool:
        return ops.run_swap(self, self.session, label, lambda s, d: guard.set_decision(s, quote_id, d), new, old)

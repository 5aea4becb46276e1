"""Qt models for the insight builder: the ordered insights (drag to reorder), quotes (drag onto an insight), post-its.

Drops never change the model directly: they push an undo command, and the model reloads when the session says
what changed, so a drop, its undo and its redo all take the same path.
"""

from __future__ import annotations

import uuid
from types import MappingProxyType
from typing import Any

from PySide6.QtCore import QByteArray, QMimeData, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from peerdesk.services import insights as insight_service
from peerdesk.services.insight_evidence import PostItView, QuoteView
from peerdesk.services.insights import InsightSummary
from peerdesk.services.plural import count
from peerdesk.ui.kit import ops, palette
from peerdesk.ui.kit.list_model import RowListModel
from peerdesk.ui.kit.plain import plain_tip
from peerdesk.ui.kit.session import ReviewSession

Index = QModelIndex | QPersistentModelIndex
INSIGHT_MIME = "application/x-peerdesk-insight-id"
QUOTES_MIME = "application/x-peerdesk-quote-ids"
ID_ROLE = Qt.ItemDataRole.UserRole + 1

KIND_LABELS = MappingProxyType({"rose": "Rose", "thorn": "Thorn", "bud": "Bud", "idea": "Idea"})


def encode_ids(ids: list[str]) -> QByteArray:
    return QByteArray("\n".join(ids).encode("ascii"))


def decode_ids(data: QMimeData, mime: str) -> list[str]:
    raw = bytes(data.data(mime).data()).decode("ascii", errors="replace")
    ids = []
    for part in raw.split("\n"):
        try:
            ids.append(str(uuid.UUID(part.strip())))
        except ValueError:
            continue  # anything that is not one of our ids is ignored, not trusted
    return ids


def status_line(summary: InsightSummary) -> str:
    n = summary.quote_count
    parts = ["⚠ no quote yet" if n == 0 else count(n, "quote")]
    if summary.evidence_checked:
        parts.append("✓ evidence checked")
    if summary.goal_hint:
        parts.append("reads like a goal")
    return " · ".join(p for p in parts if p)


class InsightListModel(RowListModel[InsightSummary]):
    """The insights in presentation order; dragging one to another place is an undoable move."""

    def __init__(self, session: ReviewSession) -> None:
        super().__init__(session)
        self.session = session
        self.reload()

    def reload(self) -> None:
        self.set_rows(self.session.call(insight_service.list_insights))

    def ids(self) -> list[str]:
        return [r.id for r in self.rows]

    def row_of(self, insight_id: str) -> int:
        ids = self.ids()
        return ids.index(insight_id) if insight_id in ids else -1

    def row_data(self, row: InsightSummary, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            statement = row.statement.strip() or "(no statement yet)"
            return f"{row.number}. {statement}\n{status_line(row)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip(row.description or row.statement)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"Insight {row.number}: {row.statement}. {status_line(row)}"
        if role == Qt.ItemDataRole.ForegroundRole and row.quote_count == 0:
            return QColor("#7a4b00")
        if role == ID_ROLE:
            return row.id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [INSIGHT_MIME]

    def mimeData(self, indexes: Any) -> QMimeData:
        data = QMimeData()
        ids = [self.rows[i.row()].id for i in indexes if i.isValid()]
        data.setData(INSIGHT_MIME, encode_ids(ids[:1]))
        return data

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index) -> bool:
        return data.hasFormat(INSIGHT_MIME)

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index) -> bool:
        ids = decode_ids(data, INSIGHT_MIME)
        if not ids or ids[0] not in self.ids():
            return False
        if row < 0:
            row = parent.row() if parent.isValid() else len(self.rows)
        self.move(ids[0], row)
        return False  # the command reloads the model; nothing for the view to remove

    def move(self, insight_id: str, before_row: int) -> None:
        """Move an insight so it sits before ``before_row`` (a row of the current list; len() for last)."""
        old = self.ids()
        position = old.index(insight_id)
        to_index = before_row - 1 if position < before_row else before_row
        new = insight_service.moved(old, insight_id, to_index)
        if new == old:
            return
        ops.run(
            None,
            self.session,
            "Move insight",
            lambda s: insight_service.set_order(s, new),
            lambda s: insight_service.set_order(s, old),
        )


class QuoteListModel(RowListModel[QuoteView]):
    """Quotes as "text" — group. As an insight's illustrations it accepts drops; as evidence it only gives them."""

    def __init__(self, session: ReviewSession, *, accepts_drops: bool = False) -> None:
        super().__init__(session)
        self.session = session
        self.used: set[str] = set()  # quotes already illustrating the current insight (marked in the evidence)
        self.insight_id: str | None = None
        self.accepts_drops = accepts_drops

    def set_rows(self, rows: list[QuoteView], used: set[str] | None = None) -> None:
        self.used = set(used or ())
        super().set_rows(rows)

    def row_data(self, q: QuoteView, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            mark = "✓ " if q.id in self.used else ("★ " if q.starred else "")
            return f"{mark}“{q.text}”" + (f"\n— {q.group}" if q.group else "")
        if role == Qt.ItemDataRole.ToolTipRole:
            return "Already illustrates this insight" if q.id in self.used else "Drag onto the insight to use it"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"Quote from {q.group or 'an interview'}: {q.text}"
        if role == ID_ROLE:
            return q.id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled if self.accepts_drops else Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction | Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction | Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [QUOTES_MIME]

    def mimeData(self, indexes: Any) -> QMimeData:
        data = QMimeData()
        data.setData(QUOTES_MIME, encode_ids([self.rows[i.row()].id for i in indexes if i.isValid()]))
        return data

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index) -> bool:
        return self.accepts_drops and self.insight_id is not None and data.hasFormat(QUOTES_MIME)

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        if row < 0:
            row = parent.row() if parent.isValid() else len(self.rows)
        add_quotes(self.session, self.insight_id or "", decode_ids(data, QUOTES_MIME), row)
        return False


def add_quotes(session: ReviewSession, insight_id: str, quote_ids: list[str], index: int | None = None) -> None:
    """Put quotes on an insight (or move them within it) as one undo step."""
    current = [q.id for q in session.call(lambda s: insight_service.quotes_of(s, insight_id))]
    if not quote_ids:
        return
    new_order = [q for q in current if q not in quote_ids]
    at = (
        len(new_order)
        if index is None
        else max(0, min(index - sum(1 for q in current[:index] if q in quote_ids), len(new_order)))
    )
    new_order[at:at] = quote_ids
    if new_order == current:
        return
    added = [q for q in quote_ids if q not in current]

    def do(store: Any) -> Any:
        changes = None
        for n, qid in enumerate(new_order):
            c = insight_service.add_quote(store, insight_id, qid, n)
            changes = c if changes is None else changes | c
        return changes

    def undo(store: Any) -> Any:
        changes = None
        for qid in added:
            c = insight_service.remove_quote(store, insight_id, qid)
            changes = c if changes is None else changes | c
        for n, qid in enumerate(current):
            c = insight_service.add_quote(store, insight_id, qid, n)
            changes = c if changes is None else changes | c
        return changes

    label = "Add quote to insight" if added else "Reorder the insight's quotes"
    ops.run(None, session, label, do, undo)


class PostItListModel(RowListModel[PostItView]):
    def row_data(self, p: PostItView, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{KIND_LABELS.get(p.kind, p.kind.title())}: {p.text}"
        if role == Qt.ItemDataRole.BackgroundRole:
            return palette.fill(p.kind)  # the wall's colours: a thorn is the same blue here as there
        if role == Qt.ItemDataRole.ForegroundRole:
            return palette.ink()
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{KIND_LABELS.get(p.kind, p.kind.title())}: {p.text}"
        if role == ID_ROLE:
            return p.id
        return None

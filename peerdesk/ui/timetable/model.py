"""The timetable as a Qt table: rows are time slots, columns are teams, each cell an interview (or empty).

Dragging an interview onto another cell asks for a move (``move_requested``); the panel turns it into an undo
step. The model never writes by itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from peerdesk.services import questions
from peerdesk.services import timetable as tt
from peerdesk.services.changes import Changes
from peerdesk.ui.kit.session import ReviewSession

Index = QModelIndex | QPersistentModelIndex
MIME = "application/x-peerdesk-interview"
INTERVIEW_ROLE = Qt.ItemDataRole.UserRole + 1
MINE_ROLE = Qt.ItemDataRole.UserRole + 2
PLANNED_ROLE = Qt.ItemDataRole.UserRole + 3

# (fill, accent) per approach: calm colours that stay readable on a projector.
APPROACH_COLOURS: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "transformational": ("#ece6f6", "#6b4fa0"),
        "ethnographic": ("#fbf0d9", "#9a6410"),
        "appreciative": ("#e2f3ea", "#2d6a4f"),
        "solution-focused": ("#dfecf8", "#1d6fb8"),
        "other": ("#eef1f4", "#5b6570"),
        "": ("#eef1f4", "#5b6570"),
    }
)
WATCHED = ("interviews", "slots", "teams", "stakeholder_groups", "members", "interview_questions")


def short_name(name: str) -> str:
    """ "Samir Okafor" → "Samir O." : enough to tell the team apart in a small cell."""
    parts = name.split()
    if len(parts) < 2:
        return name
    return f"{parts[0]} {parts[-1][0]}."


class TimetableModel(QAbstractTableModel):
    move_requested = Signal(str, str, str)  # interview id, slot id, team id

    def __init__(self, session: ReviewSession) -> None:
        super().__init__(session)
        self.session = session
        self.table = tt.Timetable([], [], [], [])
        self.planned: dict[str, int] = {}
        session.changed.connect(self._on_changed)
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self.table = tt.timetable(self.session.store)
        self.planned = dict(questions.plan_sizes(self.session.store))
        self.endResetModel()

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(*WATCHED):
            self.reload()

    # --- lookups ------------------------------------------------------------------------------------------------
    def interview_at(self, index: Index) -> tt.InterviewInfo | None:
        if not index.isValid():
            return None
        return self.table.at(self.table.slots[index.row()].id, self.table.teams[index.column()].id)

    def index_of(self, interview_id: str) -> QModelIndex:
        for row, slot in enumerate(self.table.slots):
            for column, team in enumerate(self.table.teams):
                found = self.table.at(slot.id, team.id)
                if found is not None and found.id == interview_id:
                    return self.index(row, column)
        return QModelIndex()

    def cell(self, index: Index) -> tuple[str, str]:
        return self.table.slots[index.row()].id, self.table.teams[index.column()].id

    # --- Qt model -------------------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.table.slots)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.table.teams)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Horizontal:
                team = self.table.teams[section]
                return f"{team.name}\n{team.room}" if team.room else team.name
            slot = self.table.slots[section]
            day = "" if slot.day == 1 else f"Day {slot.day}\n"
            return f"{day}{slot.starts}\n{slot.ends}" if slot.ends else f"{day}{slot.starts}"
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal:
            return self.table.teams[section].label
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        info = self.interview_at(index)
        if info is None:
            if role == Qt.ItemDataRole.ToolTipRole:
                return "Empty: double-click to plan an interview here"
            return None
        if role == INTERVIEW_ROLE:
            return info
        if role == MINE_ROLE:
            return self.session.member_id in (info.interviewer_id, info.note_taker_id)
        if role == PLANNED_ROLE:
            return self.planned.get(info.id, 0)
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{info.group}\n{info.approach_label}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{info.label}. {info.approach_label}. Asks {info.interviewer}; notes {info.note_taker}."
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [
                f"<b>{_esc(info.group or 'No stakeholder group yet')}</b>",
                _esc(info.title) if info.title else "",
                f"{_esc(info.approach_label)} · {info.attendees} attending",
                f"Asks: {_esc(info.interviewer or '—')}<br>Notes: {_esc(info.note_taker or '—')}",
                f"{self.planned.get(info.id, 0)} questions planned",
            ]
            return "<br>".join(line for line in lines if line)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDropEnabled
        if self.interview_at(index) is not None:
            base |= Qt.ItemFlag.ItemIsDragEnabled
        return base

    # --- drag and drop ------------------------------------------------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]
        data = QMimeData()
        for index in indexes:
            info = self.interview_at(index)
            if info is not None:
                data.setData(MIME, QByteArray(info.id.encode("ascii")))
                break
        return data

    def _target(self, row: int, column: int, parent: Index) -> QModelIndex | None:
        target = self.index(parent.row(), parent.column()) if parent.isValid() else self.index(row, column)
        return target if target.isValid() else None

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index) -> bool:
        return data.hasFormat(MIME) and self._target(row, column, parent) is not None

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index) -> bool:
        target = self._target(row, column, parent)
        if target is None or not data.hasFormat(MIME):
            return False
        interview_id = bytes(data.data(MIME).data()).decode("ascii")
        slot_id, team_id = self.cell(target)
        self.move_requested.emit(interview_id, slot_id, team_id)
        return True


def _esc(text: str) -> str:
    import html

    return html.escape(text)


class CellDelegate(QStyledItemDelegate):
    """Paints an interview as a card: group in bold, the approach in its colour, who asks and who takes notes."""

    PAD = 6

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        metrics = QFontMetrics(option.font)
        return QSize(220, metrics.lineSpacing() * 4 + self.PAD * 3)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        rect: QRect = option.rect
        state = option.state
        selected = bool(state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        info: tt.InterviewInfo | None = index.data(INTERVIEW_ROLE)
        card = rect.adjusted(3, 3, -3, -3)
        if info is None:
            if selected:
                painter.setPen(QPen(QColor("#1d6fb8"), 1.5, Qt.PenStyle.DashLine))
                painter.setBrush(QColor("#f1f7fd"))
                painter.drawRoundedRect(card, 6, 6)
            painter.restore()
            return
        fill, accent = APPROACH_COLOURS.get(info.approach, APPROACH_COLOURS[""])
        painter.setPen(QPen(QColor("#1d3557"), 2.5) if selected else QPen(QColor(accent).lighter(150), 1))
        painter.setBrush(QColor(fill))
        painter.drawRoundedRect(card, 6, 6)
        painter.fillRect(QRect(card.left(), card.top() + 3, 4, card.height() - 6), QColor(accent))
        text_rect = card.adjusted(self.PAD + 6, self.PAD - 2, -self.PAD, -self.PAD + 2)
        font = QFont(option.font)
        base_size = font.pointSizeF()
        line = QFontMetrics(font).lineSpacing()
        bold = QFont(font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(option.palette.color(QPalette.ColorRole.Text))
        y = text_rect.top()
        group = info.group or "No stakeholder group yet"
        painter.drawText(
            QRect(text_rect.left(), y, text_rect.width(), line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            QFontMetrics(bold).elidedText(group, Qt.TextElideMode.ElideRight, text_rect.width()),
        )
        small = QFont(font)
        small.setPointSizeF(max(base_size - 1, 7))
        painter.setFont(small)
        small_metrics = QFontMetrics(small)
        y += line
        painter.setPen(QColor(accent))
        painter.drawText(
            QRect(text_rect.left(), y, text_rect.width(), line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            small_metrics.elidedText(info.approach_label, Qt.TextElideMode.ElideRight, text_rect.width()),
        )
        y += line
        painter.setPen(QColor("#3d4650"))
        people = f"Asks {short_name(info.interviewer) or '—'} · Notes {short_name(info.note_taker) or '—'}"
        painter.drawText(
            QRect(text_rect.left(), y, text_rect.width(), line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            small_metrics.elidedText(people, Qt.TextElideMode.ElideRight, text_rect.width()),
        )
        y += line
        planned = int(index.data(PLANNED_ROLE) or 0)
        facts = f"{info.attendees} attending" + (f" · {planned} questions" if planned else "")
        mine = bool(index.data(MINE_ROLE))
        you = QFont(small)
        you.setBold(True)
        you_width = QFontMetrics(you).horizontalAdvance("★ You") + 8 if mine else 0
        painter.setPen(QColor("#5b6570"))
        painter.drawText(
            QRect(text_rect.left(), y, text_rect.width() - you_width, line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            small_metrics.elidedText(facts, Qt.TextElideMode.ElideRight, text_rect.width() - you_width),
        )
        if mine:
            painter.setFont(you)
            painter.setPen(QColor("#1d3557"))
            painter.drawText(
                QRect(text_rect.left(), y, text_rect.width(), line),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                "★ You",
            )
        painter.restore()

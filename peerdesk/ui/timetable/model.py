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
from peerdesk.services.plural import count
from peerdesk.ui.kit.plain import plain_tip
from peerdesk.ui.kit.session import ReviewSession

Index = QModelIndex | QPersistentModelIndex
MIME = "application/x-peerdesk-interview"
INTERVIEW_ROLE = Qt.ItemDataRole.UserRole + 1
MINE_ROLE = Qt.ItemDataRole.UserRole + 2
PLANNED_ROLE = Qt.ItemDataRole.UserRole + 3
CLASH_COLOUR = "#b3261e"
CLASH_ROLE = Qt.ItemDataRole.UserRole + 4  # how many interviews share the cell (more than one only after a merge)
ACTIVITY_ROLE = Qt.ItemDataRole.UserRole + 5  # the name of a row for everyone (lunch, a break…)

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
        # A local edit never puts two interviews in one cell, but a merge can (two members planned the same cell
        # apart). Both are kept: the cell shows one card with a "2 interviews" badge, and which one the card (and
        # so Edit, Delete and dragging) stands for is remembered here, per cell.
        self.shown: dict[tuple[str, str], str] = {}
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
    def interviews_at(self, index: Index) -> list[tt.InterviewInfo]:
        if not index.isValid():
            return []
        return self.table.cells.get(self.cell(index), [])

    def interview_at(self, index: Index) -> tt.InterviewInfo | None:
        found = self.interviews_at(index)
        if not found:
            return None
        shown = self.shown.get(self.cell(index))
        return next((i for i in found if i.id == shown), found[0])

    def index_of(self, interview_id: str) -> QModelIndex:
        """The cell of an interview, which then shows it (if it shares the cell with others)."""
        for row, slot in enumerate(self.table.slots):
            for column, team in enumerate(self.table.teams):
                if any(i.id == interview_id for i in self.table.cells.get((slot.id, team.id), [])):
                    index = self.index(row, column)
                    self.show(index, interview_id)
                    return index
        return QModelIndex()

    def show(self, index: Index, interview_id: str) -> None:
        """Make a shared cell's card stand for ``interview_id``."""
        if len(self.interviews_at(index)) > 1 and self.shown.get(self.cell(index)) != interview_id:
            self.shown[self.cell(index)] = interview_id
            self.dataChanged.emit(index, index)

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
            return plain_tip(self.table.teams[section].label)
        return None

    def activity_at(self, index: Index) -> str:
        return self.table.slots[index.row()].activity if index.isValid() else ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        activity = self.activity_at(index)
        if activity:
            if role in (ACTIVITY_ROLE, Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return activity
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{_esc(activity)}: every team (F2 on the time changes it)"
            return None
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
        sharing = self.interviews_at(index)
        if role == CLASH_ROLE:
            return len(sharing)
        if len(sharing) > 1 and role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return _clash_text(sharing, info, html=role == Qt.ItemDataRole.ToolTipRole)
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
        if self.activity_at(index):
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
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
        try:  # what our own drag carries: an id, in ASCII; another program may put anything under our type
            interview_id = bytes(data.data(MIME).data()).decode("ascii")
        except UnicodeDecodeError:
            return False
        slot_id, team_id = self.cell(target)
        self.move_requested.emit(interview_id, slot_id, team_id)
        return True


def _clash_text(sharing: list[tt.InterviewInfo], shown: tt.InterviewInfo, *, html: bool) -> str:
    """What a cell that several interviews share says: how many, and which (none may be hidden)."""
    names = [f"{i.group or 'No stakeholder group yet'}" + (f" ({i.title})" if i.title else "") for i in sharing]
    head = f"{count(len(sharing), 'interview')} in this cell"
    if not html:
        return f"{head}: {'; '.join(names)}. Showing {shown.group or 'the first'}."
    items = "".join(f"<li>{_esc(n)}</li>" for n in names)
    return (
        f"<b>{head}</b> (planned apart by two colleagues)<ul>{items}</ul>"
        "Double-click to open one, then move it to a free cell."
    )


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
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        card = option.rect.adjusted(3, 3, -3, -3)
        info: tt.InterviewInfo | None = index.data(INTERVIEW_ROLE)
        activity = index.data(ACTIVITY_ROLE)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if activity:
            self._paint_activity(painter, option, card, str(activity), selected)
        elif info is None:
            if selected:  # an empty cell shows where a dragged or new interview would go
                painter.setPen(QPen(QColor("#1d6fb8"), 1.5, Qt.PenStyle.DashLine))
                painter.setBrush(QColor("#f1f7fd"))
                painter.drawRoundedRect(card, 6, 6)
        else:
            self._paint_interview(painter, option, index, card, info, selected)
        painter.restore()

    @staticmethod
    def _paint_activity(
        painter: QPainter, option: QStyleOptionViewItem, card: QRect, activity: str, selected: bool
    ) -> None:
        """A row for everyone (lunch, a break…): a grey card with its name in italics."""
        painter.setPen(QPen(QColor("#1d3557"), 2) if selected else QPen(QColor("#b9c2cc"), 1))
        painter.setBrush(QColor("#eef1f4"))
        painter.drawRoundedRect(card, 6, 6)
        font = QFont(option.font)
        font.setItalic(True)
        painter.setFont(font)
        painter.setPen(QColor("#3d4650"))
        painter.drawText(card, Qt.AlignmentFlag.AlignCenter, activity)

    def _paint_interview(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: Index,
        card: QRect,
        info: tt.InterviewInfo,
        selected: bool,
    ) -> None:
        """The card's frame in the approach's colour (red and dashed on a clash), then its four lines of text."""
        fill, accent = APPROACH_COLOURS.get(info.approach, APPROACH_COLOURS[""])
        sharing = int(index.data(CLASH_ROLE) or 1)
        if sharing > 1:  # a clash a merge left: a red frame, never one card quietly hiding another
            painter.setPen(QPen(QColor(CLASH_COLOUR), 3 if selected else 2, Qt.PenStyle.DashLine))
        else:
            painter.setPen(QPen(QColor("#1d3557"), 2.5) if selected else QPen(QColor(accent).lighter(150), 1))
        painter.setBrush(QColor(fill))
        painter.drawRoundedRect(card, 6, 6)
        painter.fillRect(QRect(card.left(), card.top() + 3, 4, card.height() - 6), QColor(accent))
        text_rect = card.adjusted(self.PAD + 6, self.PAD - 2, -self.PAD, -self.PAD + 2)
        font = QFont(option.font)
        line = QFontMetrics(font).lineSpacing()
        group = info.group or "No stakeholder group yet"
        badge = f"{sharing} interviews" if sharing > 1 else ""
        bold = QFont(font)
        bold.setBold(True)
        painter.setPen(option.palette.color(QPalette.ColorRole.Text))
        _draw_row(painter, QRect(text_rect.left(), text_rect.top(), text_rect.width(), line), bold, group, badge)
        small = QFont(font)
        small.setPointSizeF(max(font.pointSizeF() - 1, 7))
        people = f"Asks {short_name(info.interviewer) or '—'} · Notes {short_name(info.note_taker) or '—'}"
        planned = int(index.data(PLANNED_ROLE) or 0)
        facts = f"{info.attendees} attending" + (f" · {planned} questions" if planned else "")
        mine = bool(index.data(MINE_ROLE))
        for n, (text, colour) in enumerate(((info.approach_label, accent), (people, "#3d4650"), (facts, "#5b6570")), 1):
            painter.setPen(QColor(colour))
            row = QRect(text_rect.left(), text_rect.top() + n * line, text_rect.width(), line)
            _draw_row(painter, row, small, text, "★ You" if n == 3 and mine else "", "#1d3557")


def _draw_row(painter: QPainter, row: QRect, font: QFont, text: str, tag: str, tag_colour: str = CLASH_COLOUR) -> None:
    """One line of a card: ``text`` elided on the left in the painter's pen, and an optional bold ``tag`` on the
    right (the clash badge, "★ You") that the text never runs under."""
    painter.setFont(font)
    tag_font = QFont(font)
    tag_font.setBold(True)
    tag_width = QFontMetrics(tag_font).horizontalAdvance(tag) + 8 if tag else 0
    left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    elided = QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight, row.width() - tag_width)
    painter.drawText(QRect(row.left(), row.top(), row.width() - tag_width, row.height()), left, elided)
    if tag:
        painter.setFont(tag_font)
        painter.setPen(QColor(tag_colour))
        painter.drawText(row, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, tag)

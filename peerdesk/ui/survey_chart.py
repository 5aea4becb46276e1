"""The survey's per-team results drawn with QPainter (QtCharts is not in PySide6-Essentials).

Each item is a line between its two opposite statements, with one dot per team at that team's mean: where a
team sits between the two, and how far apart the teams are, is what the host wants to see. The same drawing
renders to a PNG (in memory) for the slide.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from peerdesk.services.survey import HIGH, LOW, Results

PALETTE = ("#1d6fb8", "#e07a1f", "#2d936c", "#b5179e", "#6c757d", "#c9184a", "#3a0ca3", "#8a5a00")
ROW_H = 34.0
HEADER_H = 46.0
TEXT_W_SHARE = 0.3  # of the width, for each side's statement


def colour(n: int) -> QColor:
    return QColor(PALETTE[n % len(PALETTE)])


def paint(painter: QPainter, rect: QRectF, results: Results) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillRect(rect, QColor("#ffffff"))
    font = QFont()
    font.setPointSizeF(9.5)
    painter.setFont(font)
    metrics = QFontMetricsF(font)
    if not results.items or not results.teams:
        painter.setPen(QColor("#5b6570"))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, "Import the survey's responses to see results by team.")
        painter.restore()
        return
    # Legend: one swatch per team, with its number of respondents.
    x = rect.left() + 12
    for n, team in enumerate(results.teams):
        label = f"{team} ({results.counts[team]})"
        painter.setBrush(colour(n))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(QPointF(x + 6, rect.top() + 16), 6, 6)
        painter.setPen(QColor("#1b1f24"))
        painter.drawText(QPointF(x + 16, rect.top() + 16 + metrics.ascent() / 2 - 1), label)
        x += 34 + metrics.horizontalAdvance(label)
    text_w = rect.width() * TEXT_W_SHARE
    line_left, line_right = rect.left() + text_w + 12, rect.right() - text_w - 12
    top = rect.top() + HEADER_H
    row_h = min(ROW_H, (rect.height() - HEADER_H - 24) / max(1, len(results.items)))
    # Scale ticks above the first row.
    painter.setPen(QColor("#5b6570"))
    steps = int(HIGH - LOW)
    for k in range(steps + 1):
        tx = line_left + (line_right - line_left) * k / steps
        painter.drawText(QRectF(tx - 15, top - 18, 30, 16), Qt.AlignmentFlag.AlignCenter, f"{LOW + k:g}")
    for i, item in enumerate(results.items):
        y = top + i * row_h + row_h / 2
        if i % 2 == 0:
            painter.fillRect(QRectF(rect.left(), y - row_h / 2, rect.width(), row_h), QColor("#f4f6f8"))
        painter.setPen(QColor("#1b1f24"))
        left_box = QRectF(rect.left() + 8, y - row_h / 2, text_w - 4, row_h)
        right_box = QRectF(rect.right() - text_w + 4, y - row_h / 2, text_w - 12, row_h)
        flags = Qt.TextFlag.TextWordWrap
        painter.drawText(
            left_box,
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter) | flags,
            _elide(metrics, f"{item.number}. {item.left}", left_box, row_h),
        )
        painter.drawText(
            right_box,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter) | flags,
            _elide(metrics, item.right, right_box, row_h),
        )
        painter.setPen(QPen(QColor("#b8c0c8"), 1.5))
        painter.drawLine(QPointF(line_left, y), QPointF(line_right, y))
        for n, team in enumerate(results.teams):
            mean = results.means[team][i]
            if mean is None:
                continue
            px = line_left + (line_right - line_left) * (mean - LOW) / (HIGH - LOW)
            painter.setPen(QPen(QColor("#ffffff"), 1.5))
            painter.setBrush(colour(n))
            painter.drawEllipse(QPointF(px, y), 6.5, 6.5)
    painter.restore()


def _elide(metrics: QFontMetricsF, text: str, box: QRectF, row_h: float) -> str:
    lines = max(1, int(row_h // metrics.lineSpacing()))
    return metrics.elidedText(text, Qt.TextElideMode.ElideRight, box.width() * lines - 8)


def preferred_height(results: Results) -> int:
    return int(HEADER_H + max(1, len(results.items)) * ROW_H + 24)


def chart_png(results: Results, width: int = 1600) -> bytes:
    """The chart as PNG bytes, in memory only (no temporary file), sized for a 16:9 slide's body."""
    height = max(360, min(preferred_height(results), 900))
    image = QImage(QSize(width, height), QImage.Format.Format_ARGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    paint(painter, QRectF(0, 0, width, height), results)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stub says bytes; PySide6 wants str
    buffer.close()
    return bytes(data.data())


class SurveyChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("surveyChart")
        self.results: Results | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(200)

    def set_results(self, results: Results) -> None:
        self.results = results
        self.setMinimumHeight(min(preferred_height(results), 1400))
        self.setAccessibleName(f"Survey results: {len(results.teams)} teams, {len(results.items)} items")
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.results is None:
            return
        painter = QPainter(self)
        paint(painter, QRectF(self.rect()), self.results)
        painter.end()

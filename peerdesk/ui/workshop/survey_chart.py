"""The survey's per-team results drawn with QPainter (QtCharts is not in PySide6-Essentials).

Each item is a line between its two opposite statements, with one dot per team at that team's mean: where a
team sits between the two, and how far apart the teams are, is what the host wants to see. The same drawing
renders to a PNG (in memory) for the slide.

Each dot is placed by its own item's scale, so items scored 1–5 and 0–10 share one line length. When every item
shares a scale the ticks are that scale's scores, which is what respondents saw. When items differ there is no
score that means the same on every line, so the ticks read 0–100 % of the way from the left statement to the
right, and each line is labelled at its ends with its own item's scores: the reader can still say "7 of 10".
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from peerdesk.services.survey import Item, Results, Scale

PALETTE = ("#1d6fb8", "#e07a1f", "#2d936c", "#b5179e", "#6c757d", "#c9184a", "#3a0ca3", "#8a5a00")
ROW_H = 34.0
HEADER_H = 46.0
TEXT_W_SHARE = 0.3  # of the width, for each side's statement
END_W = 34.0  # beside each line, for its own end scores when items differ


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
    x = _legend(painter, rect, results, metrics)
    text_w = rect.width() * TEXT_W_SHARE
    common = results.scale
    # Items on different scales get their own end scores beside each line ("1 ——— 7"), in a gap kept for them.
    ends_w = END_W if common is None else 0.0
    line_left, line_right = rect.left() + text_w + 12 + ends_w, rect.right() - text_w - 12 - ends_w
    top = rect.top() + HEADER_H
    row_h = min(ROW_H, (rect.height() - HEADER_H - 24) / max(1, len(results.items)))
    # Scale ticks above the first row, and what they mean at the header's right.
    painter.setPen(QColor("#5b6570"))
    for share, label in ticks(common):
        tx = line_left + (line_right - line_left) * share
        painter.drawText(QRectF(tx - 20, top - 18, 40, 16), Qt.AlignmentFlag.AlignCenter, label)
    key = scale_key(common)
    key_w = min(metrics.horizontalAdvance(key) + 4, max(0.0, rect.right() - 12 - x))
    painter.drawText(
        QRectF(rect.right() - 12 - key_w, rect.top() + 6, key_w, 20),
        int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
        metrics.elidedText(key, Qt.TextElideMode.ElideRight, key_w),
    )
    small = QFont(font)
    small.setPointSizeF(8.5)
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
        if common is None:
            painter.setFont(small)
            _ends(painter, item, y, line_left - ends_w, line_right + 9, ends_w - 9)
            painter.setFont(font)
        for n, team in enumerate(results.teams):
            mean = results.means[team][i]
            if mean is None:
                continue
            px = line_left + (line_right - line_left) * min(1.0, max(0.0, item.share(mean)))
            painter.setPen(QPen(QColor("#ffffff"), 1.5))
            painter.setBrush(colour(n))
            painter.drawEllipse(QPointF(px, y), 6.5, 6.5)
    painter.restore()


def _legend(painter: QPainter, rect: QRectF, results: Results, metrics: QFontMetricsF) -> float:
    """One swatch per team, with its number of respondents, along the top; returns where the legend ends."""
    x = rect.left() + 12
    for n, team in enumerate(results.teams):
        label = f"{team} ({results.counts[team]})"
        painter.setBrush(colour(n))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(QPointF(x + 6, rect.top() + 16), 6, 6)
        painter.setPen(QColor("#1b1f24"))
        painter.drawText(QPointF(x + 16, rect.top() + 16 + metrics.ascent() / 2 - 1), label)
        x += 34 + metrics.horizontalAdvance(label)
    return x


def _ends(painter: QPainter, item: Item, y: float, left: float, right: float, width: float) -> None:
    """An item's own end scores either side of its line (when the items' scales differ)."""
    painter.setPen(QColor("#5b6570"))
    middle = Qt.AlignmentFlag.AlignVCenter
    painter.drawText(QRectF(left, y - 8, width, 16), int(Qt.AlignmentFlag.AlignRight | middle), str(item.low))
    painter.drawText(QRectF(right, y - 8, width, 16), int(Qt.AlignmentFlag.AlignLeft | middle), str(item.high))


def ticks(common: Scale | None) -> list[tuple[float, str]]:
    """The axis labels as (share of the line, text): the shared scale's scores, else percentages."""
    if common is None:
        return [(k / 4, f"{25 * k} %") for k in range(5)]
    low, high = common
    steps = high - low
    step = next(s for s in (1, 2, 5, 10, 20, 25, 50, 100) if steps / s <= 10)
    # Label round scores (0, 5, 10…) on a wide scale, always including both ends.
    scores = [
        low,
        *(v for v in range(low + 1, high) if v % step == 0 and high - v >= step / 2 and v - low >= step / 2),
        high,
    ]
    return [((v - low) / steps, str(v)) for v in scores]


def scale_key(common: Scale | None) -> str:
    if common is None:
        return "Items use different scales: % of the way from the left statement to the right"
    low, high = common
    return f"{low} = the left statement · {high} = the right"


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

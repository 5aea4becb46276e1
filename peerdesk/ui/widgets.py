"""Small widgets shared by the panels."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget


class EmptyState(QWidget):
    """What a panel shows when it has nothing yet: a title and a one-line hint of what to do."""

    def __init__(self, title: str, hint: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        self.title = QLabel(title)
        self.title.setObjectName("emptyTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint = QLabel(hint)
        self.hint.setObjectName("emptyHint")
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addStretch(2)
        self.setAccessibleName(f"{title}. {hint}")


def scrolling(widget: QWidget) -> QScrollArea:
    """``widget`` in a frameless scroll area, so a dock or tab can be narrower than the widget's minimum.

    Without it the window's minimum width is the sum of every panel's, wider than a laptop screen.
    """
    area = QScrollArea()
    area.setObjectName(f"scroll-{widget.objectName() or type(widget).__name__}")
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(widget)
    return area

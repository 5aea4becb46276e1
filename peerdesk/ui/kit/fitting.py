"""Text kept whole in a narrow panel: a field as wide as its prompt, a table column that keeps its minimum.

``show_start``: a line longer than its field shows its first words, not its last.

``stretch_with_minimum``: a column that takes the spare width, like ``QHeaderView.Stretch``, but never less than a
minimum. Qt's stretching column shrinks to the header's minimum section size (30 px) when the fixed columns fill a
narrow dock, so the column that matters most (a quote's text) is the one cut. Here it keeps its minimum and the
table scrolls sideways instead; with room to spare it grows as a stretching column would.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QHeaderView, QLineEdit, QTableView


def show_start(edit: QLineEdit, text: str) -> None:
    """``text`` in ``edit`` from its start: Qt puts the cursor at the end, and a line longer than the field then
    showed its end ("rtin Oyelaran, Early Help Strategic Lead…"), its first words cut."""
    if edit.text() != text:
        edit.setText(text)
        edit.setCursorPosition(0)


def fit_placeholder(edit: QLineEdit) -> None:
    """``edit`` never narrower than its placeholder (and clear button): a cut prompt no longer says what to type."""
    edit.ensurePolished()
    edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance(edit.placeholderText()) + 36)


class _StretchWithMinimum(QObject):
    def __init__(self, view: QTableView, column: int, minimum: int) -> None:
        super().__init__(view)
        self.view, self.column, self.minimum = view, column, minimum
        header = view.horizontalHeader()
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.sectionResized.connect(lambda index, _old, _new: self.fit() if index != column else None)
        view.viewport().installEventFilter(self)
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def fit(self) -> None:
        header = self.view.horizontalHeader()
        others = sum(
            header.sectionSize(i) for i in range(header.count()) if i != self.column and not header.isSectionHidden(i)
        )
        header.resizeSection(self.column, max(self.minimum, self.view.viewport().width() - others))


def stretch_with_minimum(view: QTableView, column: int, minimum: int) -> None:
    """``column`` of ``view`` (model set) fills the width the other columns leave, never below ``minimum``."""
    _StretchWithMinimum(view, column, minimum)

"""Choosing one of the wall's themes by its heading, from the keyboard: type a few letters, arrows, Enter.

Move to theme… (post-its into a theme) and Merge themes with a single theme selected (which theme to merge it
with) ask here: on a wall of thirty themes, dragging across the canvas is the slow way and needs a mouse.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QSortFilterProxyModel, Qt
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QLineEdit, QWidget

from peerdesk.ui.kit.dialogs import dialog_layout, list_view
from peerdesk.ui.kit.plain import plain_tip
from peerdesk.ui.kit.widgets import accept_buttons

UNTITLED = "(theme without a heading)"
ID_ROLE = Qt.ItemDataRole.UserRole + 1
_PASSED_ON = frozenset({Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown})


class ThemePicker(QDialog):
    """The themes by heading (``themes``: id and heading, in the wall's reading order), narrowed as one types."""

    def __init__(self, parent: QWidget | None, title: str, verb: str, themes: Sequence[tuple[str, str]]) -> None:
        super().__init__(parent)
        layout = dialog_layout(self, title, "themePicker", size=(460, 380))
        self.model = QStandardItemModel(self)
        for theme_id, heading in themes:
            item = QStandardItem(heading or UNTITLED)
            item.setData(theme_id, ID_ROLE)
            item.setToolTip(plain_tip(heading or UNTITLED))
            item.setEditable(False)
            self.model.appendRow(item)
        self.shown = QSortFilterProxyModel(self)
        self.shown.setSourceModel(self.model)
        self.shown.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.search = QLineEdit()
        self.search.setObjectName("themePickerSearch")
        self.search.setPlaceholderText("Type part of the heading")
        self.search.setClearButtonEnabled(True)
        label = QLabel("&Find a theme:")
        label.setBuddy(self.search)
        self.list = list_view("themePickerList", self.shown, read_only=True, single=True)
        self.list.setAccessibleName("Themes")
        self.list.doubleClicked.connect(self._accept_current)
        self.buttons = accept_buttons(self, verb, self._accept_current)
        layout.addWidget(label)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.buttons)
        self.search.textChanged.connect(self._narrow)
        self.search.installEventFilter(self)  # arrows in the search box move in the list, as in a browser's bar
        self._narrow("")
        self.search.setFocus()

    def chosen(self) -> str | None:
        """The id of the theme under the cursor (None when typing has left no theme on the list)."""
        index = self.list.currentIndex()
        return str(index.data(ID_ROLE)) if index.isValid() else None

    def _narrow(self, text: str) -> None:
        self.shown.setFilterFixedString(text.strip())
        if self.shown.rowCount() and not self.list.currentIndex().isValid():
            self.list.setCurrentIndex(self.shown.index(0, 0))
        self.buttons.primary.setEnabled(self.list.currentIndex().isValid())

    def _accept_current(self) -> None:
        if self.chosen() is not None:
            self.accept()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # installed on the search box only
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress and event.key() in _PASSED_ON:
            QApplication.sendEvent(self.list, event)
            return True
        return super().eventFilter(watched, event)


def pick_theme(parent: QWidget | None, title: str, verb: str, themes: Sequence[tuple[str, str]]) -> str | None:
    """Ask which theme; its id, or None when the user cancels."""
    picker = ThemePicker(parent, title, verb, themes)
    return picker.chosen() if picker.exec() == QDialog.DialogCode.Accepted else None

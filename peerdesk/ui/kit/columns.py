"""A table's columns, shown or hidden as the user chooses: ticked in a menu on the header (right-click) or in a menu
of the panel's own, for the keyboard. A docked table on a laptop has room for its main column (a quote's words) only
once the columns someone does not use are out of the way. Hidden ones are remembered for the next start, by their
names: a column added in a later version shows.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtWidgets import QMenu, QTableView

from peerdesk.ui.kit import settings as ui_settings


class ColumnChooser(QObject):
    """Lets the user hide and show ``view``'s columns, except the ``kept`` ones (the column that says what a row
    is); ``labels`` names a column whose heading is a symbol. Remembered under ``key``."""

    def __init__(
        self, view: QTableView, key: str, *, kept: Collection[int] = (), labels: Mapping[int, str] | None = None
    ) -> None:
        super().__init__(view)
        self.view, self.key, self.kept, self.labels = view, key, set(kept), dict(labels or {})
        header = view.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._menu_requested)
        header.setToolTip("Right-click to choose the columns shown")
        self.restore()

    def names(self) -> list[str]:
        model = self.view.model()
        return [
            self.labels.get(col) or str(model.headerData(col, Qt.Orientation.Horizontal) or "")
            for col in range(model.columnCount())
        ]

    def hidden(self) -> list[str]:
        header = self.view.horizontalHeader()
        return [name for col, name in enumerate(self.names()) if header.isSectionHidden(col)]

    def fill(self, menu: QMenu) -> QMenu:
        """``menu`` emptied, then a tick for each column and "Show all columns"."""
        menu.clear()
        header = self.view.horizontalHeader()
        for col, name in enumerate(self.names()):
            action = menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(col))
            action.setEnabled(col not in self.kept)
            action.toggled.connect(lambda shown, c=col: self.show_column(c, shown))
        menu.addSeparator()
        show_all = menu.addAction("Show all columns")
        show_all.setEnabled(bool(self.hidden()))
        show_all.triggered.connect(self.show_all)
        return menu

    def show_column(self, col: int, shown: bool) -> None:
        if col in self.kept:
            return
        self.view.horizontalHeader().setSectionHidden(col, not shown)
        ui_settings.settings().setValue(self._setting(), self.hidden())

    def show_all(self) -> None:
        for col in range(self.view.model().columnCount()):
            self.view.horizontalHeader().setSectionHidden(col, False)
        ui_settings.settings().remove(self._setting())

    def restore(self) -> None:
        raw = ui_settings.settings().value(self._setting(), [])
        # QSettings gives a one-item list back as a plain string (and an empty one as None, on some platforms).
        hidden = {raw} if isinstance(raw, str) else {str(n) for n in raw} if isinstance(raw, list) else set()
        header = self.view.horizontalHeader()
        for col, name in enumerate(self.names()):
            header.setSectionHidden(col, name in hidden and col not in self.kept)

    def _setting(self) -> str:
        return f"columns/{self.key}/hidden"

    def _menu_requested(self, pos: QPoint) -> None:
        menu = self.fill(QMenu(self.view))
        menu.exec(self.view.horizontalHeader().mapToGlobal(pos))
        menu.deleteLater()

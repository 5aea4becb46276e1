"""Rename and merge the quote tags; the list shows how many quotes carry each."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from peerdesk.services.quotes import TagRow
from peerdesk.ui.kit.dialogs import close_buttons


class TagOwner(Protocol):
    """What the dialog needs of the quotes panel: the tags with their counts, and the two edits."""

    tags: list[TagRow]

    def rename_tag(self, tag_id: str, name: str) -> None: ...

    def merge_tags(self, source_ids: list[str], into_id: str) -> None: ...


class TagsDialog(QDialog):
    """Rename and merge tags: the list shows how many quotes carry each."""

    def __init__(self, panel: TagOwner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.panel = panel
        self.setWindowTitle("Tags")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Select a tag to rename it, or several to merge them into one."))
        self.list = QListWidget()
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setAccessibleName("Tags")
        layout.addWidget(self.list)
        row = QHBoxLayout()
        self.rename = QPushButton("Rename…")
        self.merge = QPushButton("Merge…")
        row.addWidget(self.rename)
        row.addWidget(self.merge)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(close_buttons(self))
        self.rename.clicked.connect(self._rename)
        self.merge.clicked.connect(self._merge)
        self.list.itemSelectionChanged.connect(self._update)
        self.fill()

    def fill(self) -> None:
        self.list.clear()
        for tag in self.panel.tags:
            item = QListWidgetItem(f"{tag.name}  ({tag.count})")
            item.setData(Qt.ItemDataRole.UserRole, tag.id)
            self.list.addItem(item)
        self._update()

    def _selected(self) -> list[str]:
        return [str(i.data(Qt.ItemDataRole.UserRole)) for i in self.list.selectedItems()]

    def _update(self) -> None:
        n = len(self._selected())
        self.rename.setEnabled(n == 1)
        self.merge.setEnabled(n >= 2)

    def _rename(self) -> None:
        (tag_id,) = self._selected()
        old = next(t.name for t in self.panel.tags if t.id == tag_id)
        name, ok = QInputDialog.getText(self, "Rename tag", "New name:", QLineEdit.EchoMode.Normal, old)
        if ok:
            self.panel.rename_tag(tag_id, name)
            self.fill()

    def _merge(self) -> None:
        ids = self._selected()
        names = {t.id: t.name for t in self.panel.tags}
        choices = [names[i] for i in ids]
        into, ok = QInputDialog.getItem(self, "Merge tags", "Keep which name?", choices, 0, False)
        if ok:
            into_id = ids[choices.index(into)]
            self.panel.merge_tags([i for i in ids if i != into_id], into_id)
            self.fill()

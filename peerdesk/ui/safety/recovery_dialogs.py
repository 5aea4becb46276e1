"""Dialogs for changing the passphrase and for choosing a backup to restore."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from peerdesk.services.backups import COUNTED, BackupInfo
from peerdesk.store.handle import MIN_PASSPHRASE
from peerdesk.ui.kit.dates import show_datetime
from peerdesk.ui.kit.dialogs import FIT, STRETCH, dialog_layout, selected_row, table_view
from peerdesk.ui.kit.list_model import ListTableModel
from peerdesk.ui.kit.plain import plain_tip
from peerdesk.ui.kit.widgets import accept_buttons, error_label, passphrase_rows, password_edit, push_button

Index = QModelIndex | QPersistentModelIndex


class ChangePassphraseDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, check: Callable[[str], bool] | None = None) -> None:
        super().__init__(parent)
        self._check = check  # whether a passphrase opens the review: a wrong one is said here, the dialog stays
        intro = (
            "The review and its backups will open with the new passphrase only. Tell the team only if they need "
            "it: each member's copy has its own passphrase."
        )
        layout = dialog_layout(self, "Change passphrase", "changePassphraseDialog", min_width=460, intro=intro)
        form = QFormLayout()
        self.current = password_edit("Current passphrase")
        form.addRow("Current passphrase", self.current)
        self.new, self.strength, self.again = passphrase_rows(form, "New passphrase")
        layout.addLayout(form)
        self.error = error_label()
        layout.addWidget(self.error)
        layout.addWidget(accept_buttons(self, "Change passphrase", self._validate))

    def fail(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def _validate(self) -> None:
        if len(self.new.text()) < MIN_PASSPHRASE:
            return self.fail(f"The new passphrase must be at least {MIN_PASSPHRASE} characters long.")
        if self.new.text() != self.again.text():
            return self.fail("The two new passphrases differ.")
        if self.new.text() == self.current.text():
            return self.fail("The new passphrase is the same as the current one.")
        if self._check is not None and not self._check(self.current.text()):
            # Said after the dialog had closed, the two new passphrases typed had to be typed again.
            self.current.setFocus()
            self.current.selectAll()
            return self.fail("The current passphrase is not right.")
        self.accept()


class BackupsModel(ListTableModel[BackupInfo]):
    headers = ("Made", "Kind", *(c.capitalize().replace("Postits", "Post-its") for c in COUNTED))

    def __init__(self, items: list[BackupInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows = list(items)  # already opened and counted by the caller (in the background)

    def cell(self, item: BackupInfo, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip(item.problem or str(item.path.name))
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == 0:
            return show_datetime(item.made, seconds=True)
        if column == 1:
            return item.label
        if item.problem:
            return "—" if column > 2 else "cannot be opened"
        return item.counts.get(COUNTED[column - 2], 0)


class RestoreDialog(QDialog):
    """Lists the review's backups (already opened and counted) and returns the one chosen."""

    def __init__(self, items: list[BackupInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        intro = (
            "Choose the backup to go back to. The review as it is now is backed up first, so a restore can be "
            "undone by restoring that backup."
        )
        layout = dialog_layout(self, "Restore from backup", "restoreDialog", size=(860, 400), intro=intro)
        self.model = BackupsModel(items, self)
        columns = {1: STRETCH}
        self.view = table_view("backupsTable", self.model, default=FIT, columns=columns, single=True, tab_out=True)
        self.view.doubleClicked.connect(lambda _i: self.accept())
        layout.addWidget(self.view, 1)
        empty = QLabel("There are no backups of this review yet.")
        empty.setObjectName("hintText")
        empty.setVisible(not items)
        layout.addWidget(empty)
        row = QHBoxLayout()
        row.addStretch(1)
        self.restore_button = QPushButton("Restore")
        self.restore_button.setObjectName("primaryButton")
        self.restore_button.setEnabled(False)
        self.restore_button.setDefault(True)  # Enter on a chosen backup: otherwise Qt's default was Cancel, first
        self.restore_button.clicked.connect(self.accept)
        cancel = push_button("Cancel", self.reject)
        row.addWidget(cancel)
        row.addWidget(self.restore_button)
        layout.addLayout(row)
        self.view.selectionModel().selectionChanged.connect(self._selection)
        if items:
            self.view.selectRow(0)

    def _selection(self, *_args: object) -> None:
        chosen = self.chosen()
        self.restore_button.setEnabled(chosen is not None and not chosen.problem)

    def chosen(self) -> BackupInfo | None:
        return selected_row(self.view, self.model.rows)

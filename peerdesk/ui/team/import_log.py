"""What the last imported bundles brought, without a modal box: a status-bar button and a list the user can open."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from peerdesk.services.sharing import ImportReport
from peerdesk.ui.kit.dialogs import close_buttons, dialog_layout, wrapping
from peerdesk.ui.kit.plain import plain_tip
from peerdesk.ui.kit.widgets import push_button


def changed_lines(report: ImportReport) -> list[str]:
    """The summary "Sam: 2 new quotes, 1 theme changed" as one line per kind of change."""
    prefix = f"{report.sender}: "
    body = report.summary[len(prefix) :] if report.summary.startswith(prefix) else report.summary
    return [part for part in body.split(", ") if part]


class ImportLogDialog(QDialog):
    """Every bundle imported since the review was opened, newest first: its file, who sent it, what it changed."""

    def __init__(self, show_conflicts: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        intro = "Bundles imported since you opened this review, newest first."
        layout = dialog_layout(self, "What came in", "importLog", intro=intro)
        self.setMinimumSize(420, 320)
        self.list = QListWidget()
        self.list.setObjectName("importLogList")
        self.list.setAccessibleName("What came in")
        wrapping(self.list)  # a long file name wraps within the list instead of scrolling it sideways
        layout.addWidget(self.list, 1)
        self.conflicts_button = push_button("Show conflicts…", lambda: show_conflicts())
        layout.addWidget(close_buttons(self, self.conflicts_button))
        self.conflicts_button.setVisible(False)

    def add(self, report: ImportReport) -> None:
        when = dt.datetime.now().strftime("%H:%M")
        lines = changed_lines(report)
        # Which file it was, by name (its folder is in the tooltip): two bundles of one sender are told apart,
        # and the one not imported yet is found in Downloads.
        named = f"{report.path.name} " if report.path is not None else ""
        heading = QListWidgetItem(f"{when} — {named}from {report.sender}")
        if report.path is not None:
            heading.setToolTip(plain_tip(str(report.path)))
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
        rows = [heading] + [QListWidgetItem(f"    {line}") for line in lines]
        if report.conflicts:
            rows.append(QListWidgetItem("    The version that lost each conflict is kept in Conflicts."))
            self.conflicts_button.setVisible(True)
        for offset, item in enumerate(rows):
            self.list.insertItem(offset, item)

    def lines(self) -> list[str]:
        return [self.list.item(i).text().strip() for i in range(self.list.count())]

"""The start screen: recent reviews, a new one, open one, or the demo."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QPaintEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from peerdesk import __version__
from peerdesk.ui.kit import drops
from peerdesk.ui.kit import settings as ui_settings
from peerdesk.ui.kit.dates import show_datetime
from peerdesk.ui.kit.plain import plain_tip
from peerdesk.ui.kit.widgets import push_button


class StartScreen(drops.OpensDroppedFiles, QWidget):
    open_path = Signal(object)  # Path
    new_review = Signal()
    open_other = Signal()
    open_demo = Signal()
    join_review = Signal()
    painted = Signal()  # once, after the first paint: the app loads what a review needs then (ui.shell.app)
    files_dropped = Signal(list)  # reviews and bundles dropped on the screen, once the drop has ended (``drops``)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._painted = False
        self.setObjectName("startScreen")
        self.setWindowTitle("peerdesk")
        self.resize(760, 520)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(32, 32, 32, 32)
        outer.setSpacing(32)

        left = QVBoxLayout()
        title = QLabel("peerdesk")
        title.setObjectName("appTitle")
        left.addWidget(title)
        tagline = QLabel("Notes, quotes, post-its and insights for a peer challenge team — encrypted, on your laptop.")
        tagline.setWordWrap(True)
        tagline.setObjectName("tagline")
        left.addWidget(tagline)
        left.addSpacing(24)
        # The same keys as the main window's File menu, shown on the buttons so they can be learnt here.
        new_key, open_key = QKeySequence(QKeySequence.StandardKey.New), QKeySequence(QKeySequence.StandardKey.Open)
        native = QKeySequence.SequenceFormat.NativeText
        self.new_button = QPushButton(f"New review…   {new_key.toString(native)}")
        self.new_button.setObjectName("primaryButton")
        self.new_button.clicked.connect(lambda: self.new_review.emit())
        self.join_button = QPushButton("Join a review from an invitation…")
        self.join_button.setToolTip("You were sent an invitation by the lead: make your own file of their review")
        self.join_button.clicked.connect(lambda: self.join_review.emit())
        self.open_button = QPushButton(f"Open…   {open_key.toString(native)}")
        self.open_button.clicked.connect(lambda: self.open_other.emit())
        self.demo_button = push_button("Open the demo review", lambda: self.open_demo.emit())
        for b in (self.new_button, self.join_button, self.open_button, self.demo_button):
            b.setMinimumHeight(36)
            left.addWidget(b)
        for key, signal in ((new_key, self.new_review), (open_key, self.open_other)):
            action = QAction(self)
            action.setShortcut(key)
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _checked=False, s=signal: s.emit())
            self.addAction(action)
        left.addStretch(1)
        version = QLabel(f"Version {__version__}")
        version.setObjectName("hintText")
        left.addWidget(version)
        outer.addLayout(left, 2)

        right = QVBoxLayout()
        heading = QLabel("Recent reviews")
        heading.setObjectName("sectionTitle")
        right.addWidget(heading)
        self.recent = QListWidget()
        self.recent.setObjectName("recentList")
        self.recent.setAccessibleName("Recent reviews")
        self.recent.itemActivated.connect(self._activate)
        # A council laptop's folders are long (OneDrive - Council Name/Documents/…): each line is shortened in
        # its middle to the list's width, not scrolled sideways with the date out of sight. The tooltip has it all.
        self.recent.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.recent.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        right.addWidget(self.recent, 1)
        self.empty = QLabel(
            "Reviews you open will be listed here. A review or a bundle dropped on this window opens too."
        )
        self.empty.setObjectName("hintText")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        right.addWidget(self.empty)
        outer.addLayout(right, 3)
        self.refresh()
        self.setMinimumSize(self.sizeHint())  # the title, tagline and buttons whole, whatever the font
        self.setAcceptDrops(True)  # a review or a bundle dropped here opens as on a double-click

    def open_dropped(self, paths: list[Path]) -> None:
        self.files_dropped.emit(paths)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.painted.emit()

    def refresh(self) -> None:
        self.recent.clear()
        for path in ui_settings.recent_files():
            try:
                changed = path.stat().st_mtime
            except (OSError, ValueError):  # gone, or not to be looked at (a folder now closed, a drive gone)
                continue
            when = show_datetime(dt.datetime.fromtimestamp(changed))
            item = QListWidgetItem(f"{path.stem}\nchanged {when}\n{path.parent}")
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(plain_tip(str(path)))
            self.recent.addItem(item)
        self.empty.setVisible(self.recent.count() == 0)
        if self.recent.count():
            self.recent.setCurrentRow(0)

    def _activate(self, item: QListWidgetItem) -> None:
        self.open_path.emit(Path(item.data(Qt.ItemDataRole.UserRole)))

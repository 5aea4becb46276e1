"""Writing a post-it, and the read-out card shown on Day 1 evening."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from peerdesk.services.wall import COLUMN_TITLES, IDEA, KIND_LABELS, KINDS, PostItView
from peerdesk.ui.kit.plain import plain_label
from peerdesk.ui.kit.widgets import confirm_discard, ok_cancel
from peerdesk.ui.wall.items import COLOURS, EDGES


class PostItDialog(QDialog):
    """New or edited post-it: its colour (rose, thorn, bud) and its words. An idea has its words only."""

    def __init__(self, parent: QWidget | None, title: str, kind: str = "rose", text: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("postItDialog")
        form = QFormLayout(self)
        self.kind = QComboBox()
        for k in KINDS:
            self.kind.addItem(KIND_LABELS[k], k)
        self.kind.setCurrentIndex(KINDS.index(kind) if kind in KINDS else 0)
        self.kind.setAccessibleName("Kind of post-it")
        self.text = QPlainTextEdit(text)
        self.text.setTabChangesFocus(True)
        self.text.setAccessibleName("Words on the post-it")
        self.text.setPlaceholderText("Short and in your own words: one idea per post-it. Ctrl+Enter keeps it.")
        self.text.setMinimumSize(360, 120)
        if kind == IDEA:
            self.kind.addItem(KIND_LABELS[IDEA], IDEA)
            self.kind.setCurrentIndex(self.kind.count() - 1)
            self.kind.hide()
            form.addRow("Idea", self.text)
        else:
            form.addRow("Kind", self.kind)
            form.addRow("Post-it", self.text)
        form.addRow(ok_cancel(self))
        for keys in ("Ctrl+Return", "Ctrl+Enter"):  # Enter is a new line in the words: Ctrl+Enter keeps the post-it
            QShortcut(QKeySequence(keys), self, self.accept)
        self.text.setFocus()
        self._opened_with = text
        self._what = "this idea" if kind == IDEA else "this post-it"

    def values(self) -> tuple[str, str]:
        return str(self.kind.currentData()), self.text.toPlainText()

    def reject(self) -> None:
        """Esc or Cancel on words typed (or changed) here asks before throwing them away."""
        typed = self.text.toPlainText()
        if typed.strip() and typed != self._opened_with and not confirm_discard(self, self._what):
            return
        super().reject()


class ReadOutPanel(QFrame):
    """One post-it at a time, large, for the person reading them out; Place puts it on its sheet."""

    place = Signal(str)
    finished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readOutPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumWidth(380)
        self.queue: list[PostItView] = []
        self.index = 0
        layout = QVBoxLayout(self)
        title = QLabel("Read out")
        title.setObjectName("sectionTitle")
        layout.addWidget(title)
        self.progress = QLabel("")
        self.progress.setObjectName("hintText")
        layout.addWidget(self.progress)
        self.card = QLabel("")
        self.card.setObjectName("readOutCard")
        self.card.setWordWrap(True)
        self.card.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.card.setMinimumHeight(220)
        self.card.setMaximumHeight(340)
        self.card.setTextFormat(Qt.TextFormat.PlainText)
        font = self.card.font()
        font.setPointSizeF(20.0)
        self.card.setFont(font)
        layout.addWidget(self.card)
        self.author = plain_label()  # the initials came with the post-it, maybe in a colleague's bundle
        self.author.setAlignment(Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.author)
        layout.addStretch(1)
        row = QHBoxLayout()
        self.back = QPushButton("Back")
        self.back.setToolTip("The previous post-it (Left arrow)")
        self.skip = QPushButton("Skip")
        self.skip.setToolTip("Leave this one for later (Right arrow)")
        self.place_button = QPushButton("Place")
        self.place_button.setObjectName("primaryButton")
        self.place_button.setToolTip("Put it on its sheet and show the next (Enter)")
        row.addWidget(self.back)
        row.addWidget(self.skip)
        row.addStretch(1)
        row.addWidget(self.place_button)
        layout.addLayout(row)
        self.done = QPushButton("Finish reading out")
        self.done.clicked.connect(self.finished.emit)
        layout.addWidget(self.done)
        self.back.clicked.connect(lambda: self.go(self.index - 1))
        self.skip.clicked.connect(lambda: self.go(self.index + 1))
        self.place_button.clicked.connect(self.place_current)
        for key, slot in (
            (QKeySequence(Qt.Key.Key_Return), self._enter),
            (QKeySequence(Qt.Key.Key_Enter), self._enter),
            (QKeySequence(Qt.Key.Key_Right), lambda: self.go(self.index + 1)),
            (QKeySequence(Qt.Key.Key_Left), lambda: self.go(self.index - 1)),
            (QKeySequence(Qt.Key.Key_Escape), self.finished.emit),
        ):
            shortcut = QShortcut(key, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    def set_queue(self, queue: list[PostItView], keep: str | None = None) -> None:
        """A fresh queue (after a change); stay on ``keep`` if it is still waiting, else at the same place."""
        self.queue = queue
        ids = [p.id for p in queue]
        if keep in ids:
            self.index = ids.index(keep)
        self.index = max(0, min(self.index, len(queue) - 1))
        self._show()

    def current(self) -> PostItView | None:
        return self.queue[self.index] if 0 <= self.index < len(self.queue) else None

    def go(self, index: int) -> None:
        if self.queue:
            self.index = index % len(self.queue)
            self._show()

    def _enter(self) -> None:
        """Enter places the post-it on show, unless the keyboard is on another of the card's buttons: Tab to
        "Finish reading out" (or Back, or Skip) and Enter does what that button says, not place one more."""
        focused = QApplication.focusWidget()
        if isinstance(focused, QPushButton) and focused is not self.place_button and self.isAncestorOf(focused):
            focused.click()
        else:
            self.place_current()

    def place_current(self) -> None:
        current = self.current()
        if current is not None:
            self.place.emit(current.id)

    def _show(self) -> None:
        current = self.current()
        has = current is not None
        for button in (self.back, self.skip, self.place_button):
            button.setEnabled(has)
        if current is None:
            self.progress.setText("Every post-it has been read out and placed.")
            self.card.setText("All done")
            self.card.setStyleSheet("QLabel#readOutCard { background: #f1f3f5; border-radius: 8px; }")
            self.author.setText("")
            self.setAccessibleDescription("Every post-it has been read out.")
            return
        self.progress.setText(f"{self.index + 1} of {len(self.queue)} still to read out")
        self.card.setText(current.text)
        bg, edge = COLOURS[current.kind].name(), EDGES[current.kind].name()
        self.card.setStyleSheet(
            f"QLabel#readOutCard {{ background: {bg}; border: 2px solid {edge}; border-radius: 4px; "
            "padding: 18px; color: #1f232a; font-size: 20pt; }"
        )
        self.author.setText(f"{KIND_LABELS[current.kind]} · written by {current.initials or 'unknown'}")
        self.place_button.setText(f"Place on {COLUMN_TITLES[current.kind]}")
        self.setAccessibleDescription(current.label)

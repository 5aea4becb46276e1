"""Capturing from the note's text: Ctrl+Q makes a quote, Ctrl+1/2/3 a rose, thorn or bud; each is one undo step.

A quote is written together with the text it points into (through the saver's turn, so a queued autosave cannot
overwrite it with older text), and a selection that cuts a word quotes it whole: the editor then selects exactly
what was quoted.
"""

from __future__ import annotations

from collections.abc import Callable
from types import MappingProxyType
from typing import Protocol

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from peerdesk.services import guard, notes, word_bounds
from peerdesk.services.changes import Changes
from peerdesk.store.engine import Store
from peerdesk.ui.kit import ops
from peerdesk.ui.kit.notice_bar import NoticeBar
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.notes.editor import NoteEditor, Offsets, to_py

KIND_KEYS = MappingProxyType({"rose": "Ctrl+1", "thorn": "Ctrl+2", "bud": "Ctrl+3"})
TYPING_A_QUOTE = "Type the quote word for word, then press Ctrl+Q to end it (Esc to stop)."


class NoteHost(Protocol):
    """What capturing needs of the notes panel (named here so that this module need not import the panel)."""

    session: ReviewSession
    editor: NoteEditor
    note: notes.NoteInfo | None
    notices: NoticeBar

    def flush(self) -> None: ...

    def write_now(self, store: Store, note: str, text: str, start: int, end: int) -> tuple[str, Changes]: ...

    def set_status(self, text: str) -> None: ...


class NoteCapture(QObject):
    """The capture shortcuts of one notes panel (``widget``, which is also the ``host``)."""

    def __init__(self, host: NoteHost, widget: QWidget) -> None:
        super().__init__(widget)
        self.host = host
        self.widget = widget
        self.action_quote = QAction("Capture quote", widget)
        self.action_quote.setShortcut(QKeySequence("Ctrl+Q"))
        self.action_quote.triggered.connect(self.quote_key)
        self.postit_actions: dict[str, QAction] = {}
        for kind, key in KIND_KEYS.items():
            action = QAction(f"Make a {kind} post-it", widget)
            action.setShortcut(QKeySequence(key))
            action.triggered.connect(lambda _checked=False, k=kind: self.make_postit(k))
            self.postit_actions[kind] = action
        for action in (self.action_quote, *self.postit_actions.values()):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            widget.addAction(action)

    # --- quotes -------------------------------------------------------------------------------------------------------
    def quote_key(self) -> None:
        """Ctrl+Q: the selection becomes a quote; with none, start a quote typed word for word (again to end it)."""
        editor = self.host.editor
        if self.host.note is None:
            return
        if editor.pending is not None:
            span = editor.finish_verbatim()
            if span is None:
                self.host.set_status("Empty quote: nothing captured.")
                return
            self.capture(*span)
            return
        cursor = editor.textCursor()
        if cursor.hasSelection():
            quote_id = self.capture(cursor.selectionStart(), cursor.selectionEnd())
            span = editor.quote_range(quote_id) if quote_id is not None else None
            if span is not None:  # marked (a word cut by the selection was quoted whole): on with the typing
                editor.back_to_typing(*span)
        elif not editor.isReadOnly():
            editor.start_verbatim()
            self.host.set_status(TYPING_A_QUOTE)

    def while_quoting(self, autosave_status: str) -> str:
        """What to show for the autosave's ``autosave_status`` ("Typing…", "Saved"): while a quote is typed word for
        word, the instruction stays (the autosave replaced it within a third of a second, unread)."""
        return TYPING_A_QUOTE if self.host.editor.pending is not None else autosave_status

    def capture(self, qt_start: int, qt_end: int) -> str | None:
        """Capture the words between two editor positions as a quote: one undo step."""
        note, editor = self.host.note, self.host.editor
        if note is None:
            return None
        text = editor.toPlainText()
        offsets = Offsets(text)
        # The service quotes whole words; the mark must cover the same span as the stored quote.
        start, end = word_bounds.quote_span(text, offsets.to_py(qt_start), offsets.to_py(qt_end))
        quote_id = ops.run_create(
            self.widget,
            self.host.session,
            "Capture quote",
            "quotes",
            lambda store: self.host.write_now(store, note.id, text, start, end),
            remove=notes.delete_quote,
        )
        if quote_id is None:
            return None
        editor.mark(quote_id, offsets.to_qt(start), offsets.to_qt(end))
        editor.commands_since_typing += 1
        self.host.set_status("Quote captured.")
        self._warn_if_identifying(text[start:end])
        return quote_id

    def _warn_if_identifying(self, quoted: str) -> None:
        """A quote naming someone on the names to guard (or giving an email address, a phone number…) is said as
        it is captured, in the panel's notice bar (the keyboard stays in the notes): the red underline under the
        name is easy to miss while typing."""
        findings = guard.check_text(quoted, self.host.session.guarded_names.names())
        if findings:
            what = ", ".join(dict.fromkeys(f.name or guard.REASON_LABELS[f.reason] for f in findings))
            self.host.notices.show_notice(
                f"This quote may identify someone ({what}): quotes name groups, never people. Reword it in the "
                "Quotes panel, or the team decides whether it can be shown (Edit ▸ Quotes that may identify someone).",
                kind="warning",
            )

    def undo_last(self) -> bool:
        """Ctrl+Z right after a capture: take it back, and say so (a post-it taken off the wall is not in sight)."""
        stack = self.host.session.undo_stack
        return self._step("Undone", stack.canUndo(), stack.undoText(), stack.undo)

    def redo_last(self) -> bool:
        """Redo right after that undo: the capture comes back, and that is said too."""
        stack = self.host.session.undo_stack
        return self._step("Redone", stack.canRedo(), stack.redoText(), stack.redo)

    def _step(self, done: str, can: bool, text: str, step: Callable[[], None]) -> bool:
        if can:
            self.host.set_status(f"{done}: {text}.")
            step()
        return can

    # --- post-its -----------------------------------------------------------------------------------------------------
    def make_postit(self, kind: str) -> str | None:
        """Ctrl+1/2/3: a rose, thorn or bud from the selection, or from the current line."""
        note, editor = self.host.note, self.host.editor
        if note is None:
            return None
        self.host.flush()  # the quotes' saved offsets must match the text the post-it is cut from
        text = editor.toPlainText()
        cursor = editor.textCursor()
        if cursor.hasSelection():
            start, end = to_py(text, cursor.selectionStart()), to_py(text, cursor.selectionEnd())
        else:
            start, end = notes.line_at(text, to_py(text, cursor.position()))
        postit_id = ops.run_create(
            self.widget,
            self.host.session,
            f"Make a {kind}",
            "postits",
            lambda s: notes.make_postit(s, note.id, kind, start, end, text),
            remove=notes.delete_postit,
        )
        if postit_id is not None:
            if cursor.hasSelection():  # the words stay in the notes: the next key must not replace them
                editor.back_to_typing(cursor.selectionStart(), cursor.selectionEnd())
            editor.commands_since_typing += 1
            self.host.set_status(f"{kind.capitalize()} added to the wall.")
        return postit_id

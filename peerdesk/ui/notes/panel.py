"""The note taker: one interview's header, the notes editor, and beside it the questions, quotes and scales.

The Questions and Scales tabs are their own widgets (``note_plan``, ``note_scales``); this panel opens notes,
autosaves typing (through ``NoteSaver``), and captures quotes and post-its from the text.

Typing autosaves: a save is queued 300 ms after the last keystroke, and at least once a second during a long
burst, and written by ``NoteSaver`` off the UI thread. Quote capture (Ctrl+Q), post-its (Ctrl+1/2/3), ticks,
plan changes and scale answers are undo steps on the window's stack; typing uses the editor's own undo.
"""

from __future__ import annotations

import html
from types import MappingProxyType
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QStandardItem, QStandardItemModel, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from peerdesk.errors import PeerdeskError
from peerdesk.services import notes, records, word_bounds
from peerdesk.services import timetable as tt
from peerdesk.services.changes import EVERYTHING_TABLES, Changes
from peerdesk.ui.kit import messages, ops, palette
from peerdesk.ui.kit.panel import Panel
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.kit.widgets import EmptyState, scrolling, wrapped_label
from peerdesk.ui.notes.editor import NoteEditor, Offsets, to_py, to_qt
from peerdesk.ui.notes.guard_highlighter import GuardHighlighter
from peerdesk.ui.notes.plan import QuestionPlanTab
from peerdesk.ui.notes.saver import NoteSaver
from peerdesk.ui.notes.scales import ScalesTab

QUIET_MS = 300  # a pause this long in typing saves
MAX_WAIT_MS = 1000  # and a long burst saves at least this often
KIND_KEYS = MappingProxyType({"rose": "Ctrl+1", "thorn": "Ctrl+2", "bud": "Ctrl+3"})
QUOTE_ROLE = Qt.ItemDataRole.UserRole + 1
SIDE_WIDTH = 330  # the plan's checklist titles ("… (10 of 10)") and a scroll bar: the side never scrolls sideways


class NotesPanel(Panel):
    watches = (
        "guarded_names",
        "notes",
        "quotes",
        "postits",
        "interviews",
        "interview_questions",
        "questions",
        "scale_answers",
        "review",
        "stakeholder_groups",
        "slots",
        "teams",
        "members",
    )
    status_changed = Signal(str)

    def __init__(self, session: ReviewSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("notesPanel")
        self.interview: tt.InterviewInfo | None = None
        self.note: notes.NoteInfo | None = None
        self.saver: NoteSaver | None = None
        self._last_saved_text = ""

        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)
        self.stack = QStackedWidget()
        outer.addWidget(self.stack)
        self.empty = EmptyState(
            "No interview open",
            "Open an interview from the timetable (double-click it), or press Ctrl+J for your next one.",
        )
        self.stack.addWidget(self.empty)
        self.page = QWidget()
        self.stack.addWidget(self.page)
        page = QVBoxLayout(self.page)
        page.setContentsMargins(0, 0, 0, 0)

        top = QHBoxLayout()
        self.interview_combo = QComboBox()
        self.interview_combo.setObjectName("interviewChooser")
        self.interview_combo.setAccessibleName("Interview")
        self.interview_combo.setMinimumContentsLength(28)
        self.interview_combo.activated.connect(self._combo_chosen)
        self.author_combo = QComboBox()
        self.author_combo.setObjectName("noteAuthor")
        self.author_combo.setAccessibleName("Whose notes")
        self.author_combo.activated.connect(self._author_chosen)
        top.addWidget(self.interview_combo, 2)
        top.addWidget(self.author_combo, 1)
        page.addLayout(top)
        self.header = QLabel()
        self.header.setObjectName("interviewHeader")
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        page.addWidget(self.header)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.editor = NoteEditor()
        self.guard = GuardHighlighter(self.editor.document())
        self.guard.set_names(self.session.guarded_names.names())
        self.editor.undo_command = self._undo_last_command
        self.editor.document().contentsChange.connect(self._on_typing)
        self.splitter.addWidget(self.editor)
        self.side = QTabWidget()
        self.side.setObjectName("noteSideTabs")
        self.plan = QuestionPlanTab(session)
        # The side tabs scroll on their own: however long the plan or the answers, the notes keep the height.
        self.side.addTab(scrolling(self.plan), "Questions")
        self.side.addTab(scrolling(self._build_quotes_tab()), "Quotes")
        self.scales = ScalesTab(session)
        self.side.addTab(scrolling(self.scales), "Scales")
        self.splitter.addWidget(self.side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([640, 380])
        self.side.setMinimumWidth(SIDE_WIDTH)
        self.editor.setMinimumWidth(280)
        page.addWidget(self.splitter, 1)

        self.status = QLabel("")
        self.status.setObjectName("noteStatus")
        hint = QLabel("Ctrl+Q quote · Ctrl+1 rose · Ctrl+2 thorn · Ctrl+3 bud")
        hint.setObjectName("hintText")
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(hint)
        page.addLayout(bottom)

        self.quiet = QTimer(self, singleShot=True, interval=QUIET_MS)
        self.quiet.timeout.connect(self.save_soon)
        self.max_wait = QTimer(self, singleShot=True, interval=MAX_WAIT_MS)
        self.max_wait.timeout.connect(self.save_soon)
        self._build_actions()

    # --- building ---------------------------------------------------------------------------------------------------
    def _build_actions(self) -> None:
        self.action_quote = QAction("Capture quote", self)
        self.action_quote.setShortcut(QKeySequence("Ctrl+Q"))
        self.action_quote.triggered.connect(self.quote_key)
        self.postit_actions: dict[str, QAction] = {}
        for kind, key in KIND_KEYS.items():
            action = QAction(f"Make a {kind} post-it", self)
            action.setShortcut(QKeySequence(key))
            action.triggered.connect(lambda _checked=False, k=kind: self.make_postit(k))
            self.postit_actions[kind] = action
        for action in (self.action_quote, *self.postit_actions.values()):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)

    def _build_quotes_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.quotes_model = QStandardItemModel(self)
        self.quotes_view = QListView()
        self.quotes_view.setObjectName("quotesView")
        self.quotes_view.setModel(self.quotes_model)
        self.quotes_view.setWordWrap(True)
        self.quotes_view.setSpacing(3)
        self.quotes_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.quotes_view.clicked.connect(self._quote_clicked)
        layout.addWidget(wrapped_label("Quotes from this interview (linked to the group, never to a person)"))
        layout.addWidget(self.quotes_view, 2)
        self.postits_model = QStandardItemModel(self)
        self.postits_view = QListView()
        self.postits_view.setObjectName("postitsView")
        self.postits_view.setModel(self.postits_model)
        self.postits_view.setWordWrap(True)
        self.postits_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        layout.addWidget(wrapped_label("Roses, thorns and buds from these notes"))
        layout.addWidget(self.postits_view, 1)
        delete = QPushButton("Delete selected")
        delete.clicked.connect(self.delete_selected_capture)
        layout.addWidget(delete, alignment=Qt.AlignmentFlag.AlignRight)
        return tab

    # --- opening ----------------------------------------------------------------------------------------------------
    def open_interview(self, interview_id: str) -> None:
        """Show my notes of this interview (made the first time), and its plan, quotes and scales."""
        try:
            note_id, changes = notes.open_note(self.session.store, interview_id)
        except PeerdeskError as exc:
            messages.error(self, "Could not open the interview", exc)
            return
        self.open_note(note_id)
        if changes:
            self.session.notify(changes)

    def open_note(self, note_id: str) -> None:
        self.flush()
        info = notes.note_info(self.session.store, note_id)
        self._close_saver()
        self.note = info
        self.interview = tt.interview(self.session.store, info.interview_id)
        mine = info.author_id == self.session.member_id
        self.editor.load(info.body)
        self.editor.setReadOnly(not mine)
        self._last_saved_text = info.body
        if mine:
            self.saver = NoteSaver(self.session.store, note_id, self)
            self.saver.saved.connect(self._saved)
            self.saver.failed.connect(self._save_failed)
        self.stack.setCurrentWidget(self.page)
        self._show_header()
        self._fill_interviews()
        self._fill_authors()
        self._load_quotes()
        self.plan.load(self.interview)
        self.scales.load(self.interview)
        self._set_status("" if mine else f"These are {info.author or 'a colleague'}’s notes: read only.")

    def _drop_note(self) -> None:
        saver, self.saver = self.saver, None
        if saver is not None:
            saver.discard()
            saver.deleteLater()
        self._close_saver()
        self.editor.load("")
        self.note = self.interview = None
        self.stack.setCurrentWidget(self.empty)

    def _close_saver(self) -> None:
        self.quiet.stop()
        self.max_wait.stop()
        if self.saver is not None:
            self.saver.close()
            self.saver.deleteLater()
            self.saver = None

    def _combo_chosen(self, row: int) -> None:
        interview_id = self.interview_combo.itemData(row)
        if interview_id and (self.interview is None or interview_id != self.interview.id):
            self.open_interview(interview_id)

    def _author_chosen(self, row: int) -> None:
        note_id = self.author_combo.itemData(row)
        if note_id and (self.note is None or note_id != self.note.id):
            self.open_note(note_id)

    def go_to(self, position: int, length: int = 0) -> None:
        """Put the cursor at ``position`` (Python offset in the note) and select the word found there."""
        text = self.editor.toPlainText()
        cursor = self.editor.textCursor()
        cursor.setPosition(min(to_qt(text, max(position, 0)), len(self.editor.document().toPlainText())))
        if length:
            cursor.setPosition(to_qt(text, position + length), QTextCursor.MoveMode.KeepAnchor)
        else:
            cursor.movePosition(QTextCursor.MoveOperation.EndOfWord, QTextCursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(cursor)
        self.editor.centerCursor()
        self.editor.setFocus()

    # --- showing ------------------------------------------------------------------------------------------------------
    def _show_header(self) -> None:
        info = self.interview
        if info is None:
            return
        when = info.slot.label if info.slot else "no time yet"
        where = info.team.label if info.team else "no team yet"
        self.header.setText(
            f"<span style='font-size:14pt;font-weight:600;color:#1d3557'>{html.escape(info.group or 'No group')}</span>"
            f"&nbsp;&nbsp;<span style='color:#3d4650'>{html.escape(info.approach_label)} · {html.escape(when)} · "
            f"{html.escape(where)}</span><br>"
            f"Asks: <b>{html.escape(info.interviewer or '—')}</b> &nbsp;·&nbsp; "
            f"Notes: <b>{html.escape(info.note_taker or '—')}</b> &nbsp;·&nbsp; {info.attendees} attending"
            + (f" &nbsp;·&nbsp; <i>{html.escape(info.title)}</i>" if info.title else "")
        )

    def _fill_interviews(self) -> None:
        self.interview_combo.clear()
        for info in tt.timetable(self.session.store).interviews:
            self.interview_combo.addItem(info.label, info.id)
        if self.interview is not None:
            self.interview_combo.setCurrentIndex(self.interview_combo.findData(self.interview.id))

    def _fill_authors(self) -> None:
        self.author_combo.clear()
        if self.interview is None:
            return
        for info in notes.notes_of_interview(self.session.store, self.interview.id):
            mine = info.author_id == self.session.member_id
            self.author_combo.addItem("My notes" if mine else f"Notes by {info.author or 'a colleague'}", info.id)
        if self.note is not None:
            self.author_combo.setCurrentIndex(self.author_combo.findData(self.note.id))
        self.author_combo.setVisible(self.author_combo.count() > 1)

    def _load_quotes(self) -> None:
        self.quotes_model.clear()
        self.postits_model.clear()
        if self.interview is None or self.note is None:
            return
        for quote in notes.quotes_of_interview(self.session.store, self.interview.id):
            item = QStandardItem(f"“{quote.text}”")
            item.setData(("quote", quote.id), QUOTE_ROLE)
            item.setToolTip("Click to find it in the notes" if quote.anchored else "Typed word for word")
            self.quotes_model.appendRow(item)
        self.editor.set_quotes(notes.quotes_of_note(self.session.store, self.note.id))
        for postit in notes.postits_of_note(self.session.store, self.note.id):
            item = QStandardItem(f"{postit.kind.capitalize()}: {postit.text}")
            item.setBackground(palette.fill(postit.kind))  # the kit's palette: a thorn is the wall's blue here too
            item.setForeground(palette.ink())
            item.setData(("postit", postit.id), QUOTE_ROLE)
            self.postits_model.appendRow(item)

    def refresh(self, changes: Changes) -> None:
        if changes.touches("guarded_names"):
            self.guard.set_names(self.session.guarded_names.names())
        if self.note is None or self.interview is None:
            return
        store = self.session.store
        everything = EVERYTHING_TABLES in changes.tables
        if (everything or changes.touches("notes")) and not notes.exists(store, self.note.id):
            self._drop_note()  # purged: show none of its text, write none of it back
            return
        if everything or changes.touches("interviews", "stakeholder_groups", "slots", "teams", "members"):
            try:
                self.interview = tt.interview(store, self.interview.id)
            except PeerdeskError:
                self._close_saver()
                self.note = self.interview = None
                self.stack.setCurrentWidget(self.empty)
                return
            self._show_header()
            self._fill_interviews()
            self.plan.load(self.interview)
        if everything or changes.touches("notes"):
            self._fill_authors()
            self._reload_if_changed_elsewhere()
        if everything or changes.touches("quotes", "postits"):
            self._load_quotes()
        if everything or changes.touches("interview_questions", "questions", "review"):
            self.plan.load(self.interview)
        if everything or changes.touches("scale_answers"):
            self.scales.load(self.interview)

    def _reload_if_changed_elsewhere(self) -> None:
        """A bundle from a colleague may change a note; never replace text that is waiting to be saved."""
        if self.note is None or self.has_unsaved():
            return
        stored = notes.body(self.session.store, self.note.id)
        if stored != self._last_saved_text and stored != self.editor.toPlainText():
            self.editor.load(stored)
            self._last_saved_text = stored
            self._load_quotes()

    # --- autosave ---------------------------------------------------------------------------------------------------
    def _on_typing(self, _pos: int, removed: int, added: int) -> None:
        if self.editor.loading or self.saver is None or not (removed or added):
            return
        self.quiet.start()
        if not self.max_wait.isActive():
            self.max_wait.start()
        self._set_status("Typing…")

    def has_unsaved(self) -> bool:
        """True while typed text waits for its autosave to commit."""
        if self.saver is None:
            return False
        return self.quiet.isActive() or self.max_wait.isActive() or self.saver.committed < self.saver.latest

    def save_soon(self) -> None:
        """Hand the current text to the saver; the write happens on its thread."""
        self.quiet.stop()
        self.max_wait.stop()
        if self.saver is not None:
            self.saver.schedule(self.editor.toPlainText(), self.editor.anchors())

    def flush(self) -> None:
        """Save now, on this thread (before closing, locking or switching notes)."""
        if self.saver is None:
            return
        if self.quiet.isActive() or self.max_wait.isActive():
            self.save_soon()
        self.saver.flush()

    def _saved(self, seq: int, changes: Changes) -> None:
        if self.saver is not None and seq == self.saver.latest:
            self._set_status("Saved")
        self.session.notify(changes)

    def _save_failed(self, exc: BaseException) -> None:
        self._set_status("Not saved yet — will try again as you type")
        messages.error(self, "Could not save the notes", exc)

    def _set_status(self, text: str) -> None:
        self.status.setText(text)
        self.status_changed.emit(text)

    # --- quotes -------------------------------------------------------------------------------------------------------
    def quote_key(self) -> None:
        """Ctrl+Q: the selection becomes a quote; with none, start a quote typed word for word (again to end it)."""
        if self.note is None:
            return
        if self.editor.pending is not None:
            span = self.editor.finish_verbatim()
            if span is None:
                self._set_status("Empty quote: nothing captured.")
                return
            self.capture(*span)
            return
        cursor = self.editor.textCursor()
        if cursor.hasSelection():
            quote_id = self.capture(cursor.selectionStart(), cursor.selectionEnd())
            span = self.editor.quote_range(quote_id) if quote_id is not None else None
            if span is not None:  # a word cut by the selection was quoted whole: show what was quoted
                cursor.setPosition(span[0])
                cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
                self.editor.setTextCursor(cursor)
        elif not self.editor.isReadOnly():
            self.editor.start_verbatim()
            self._set_status("Type the quote word for word, then press Ctrl+Q to end it (Esc to stop).")

    def capture(self, qt_start: int, qt_end: int) -> str | None:
        """Capture the words between two editor positions as a quote: one undo step."""
        note = self.note
        if note is None:
            return None
        text = self.editor.toPlainText()
        offsets = Offsets(text)
        # The service quotes whole words; the mark must cover the same span as the stored quote.
        start, end = word_bounds.quote_span(text, offsets.to_py(qt_start), offsets.to_py(qt_end))
        anchors = self.editor.anchors()

        def create(store: Any) -> tuple[str, Changes]:
            self.quiet.stop()
            self.max_wait.stop()

            def write() -> tuple[str, Changes]:
                return notes.capture_quote(store, note.id, start, end, text, anchors=anchors)

            return self.saver.exclusive(write) if self.saver is not None else write()

        quote_id = ops.run_create(self, self.session, "Capture quote", "quotes", create, remove=notes.delete_quote)
        if quote_id is None:
            return None
        self._last_saved_text = text
        self.editor.mark(quote_id, offsets.to_qt(start), offsets.to_qt(end))
        self.editor.commands_since_typing += 1
        self._set_status("Quote captured.")
        return quote_id

    def _quote_clicked(self, index: QModelIndex) -> None:
        kind, record_id = index.data(QUOTE_ROLE) or ("", "")
        if kind != "quote":
            return
        span = self.editor.quote_range(record_id)
        if span is None:
            return
        cursor = self.editor.textCursor()
        cursor.setPosition(span[0])
        cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(cursor)
        self.editor.centerCursor()

    def delete_selected_capture(self) -> None:
        """Delete the quote or post-it selected in the lists (the one with the focus, else the quote)."""
        views = sorted((self.quotes_view, self.postits_view), key=lambda v: not v.hasFocus())
        for view in views:
            index = view.currentIndex()
            if not index.isValid():
                continue
            kind, record_id = index.data(QUOTE_ROLE)
            self._delete_capture(kind, record_id)
            return

    def _delete_capture(self, kind: str, record_id: str) -> None:
        table, label = ("quotes", "Delete quote") if kind == "quote" else ("postits", "Delete post-it")
        remove = notes.delete_quote if kind == "quote" else notes.delete_postit
        ops.run(
            self,
            self.session,
            label,
            lambda s: remove(s, record_id),
            lambda s: records.restore(s, table, record_id),
        )

    # --- post-its -----------------------------------------------------------------------------------------------------
    def make_postit(self, kind: str) -> str | None:
        """Ctrl+1/2/3: a rose, thorn or bud from the selection, or from the current line."""
        note = self.note
        if note is None:
            return None
        self.flush()  # the quotes' saved offsets must match the text the post-it is cut from
        text = self.editor.toPlainText()
        cursor = self.editor.textCursor()
        if cursor.hasSelection():
            start, end = to_py(text, cursor.selectionStart()), to_py(text, cursor.selectionEnd())
        else:
            start, end = notes.line_at(text, to_py(text, cursor.position()))
        postit_id = ops.run_create(
            self,
            self.session,
            f"Make a {kind}",
            "postits",
            lambda s: notes.make_postit(s, note.id, kind, start, end, text),
            remove=notes.delete_postit,
        )
        if postit_id is not None:
            self.editor.commands_since_typing += 1
            self._set_status(f"{kind.capitalize()} added to the wall.")
        return postit_id

    def _undo_last_command(self) -> bool:
        stack = self.session.undo_stack
        if not stack.canUndo():
            return False
        stack.undo()
        return True

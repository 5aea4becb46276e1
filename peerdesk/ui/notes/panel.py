"""The note taker: one interview's header, the notes editor, and beside it the questions, quotes and scales.

The side tabs are their own widgets (``plan``, ``captures_tab``, ``scales``), the capture shortcuts live in
``capture``. Typing autosaves: 300 ms after the last keystroke, at least once a second during a long burst, written
by ``NoteSaver`` off the UI thread. Captures, ticks, plan changes and scale answers are undo steps on the window's
stack; typing uses the editor's own undo. No box opens while typing: a failed save or a refused capture is said in
the panel's notice bar, and the keyboard stays in the editor.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from peerdesk.errors import PeerdeskError
from peerdesk.services import notes
from peerdesk.services import timetable as tt
from peerdesk.services.changes import EVERYTHING_TABLES, Changes
from peerdesk.store.engine import Store
from peerdesk.ui.kit import messages
from peerdesk.ui.kit.notice_bar import NoticeBar
from peerdesk.ui.kit.panel import Panel
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.kit.typing_pause import TypingPause
from peerdesk.ui.kit.widgets import EmptyState, StatusLine, scrolling
from peerdesk.ui.notes.capture import NoteCapture
from peerdesk.ui.notes.captures_tab import CapturesTab
from peerdesk.ui.notes.editor import NoteEditor, to_qt
from peerdesk.ui.notes.guard_highlighter import GuardHighlighter
from peerdesk.ui.notes.plan import QuestionPlanTab
from peerdesk.ui.notes.saver import NoteSaver
from peerdesk.ui.notes.scales import ScalesTab

QUIET_MS = 300  # a pause this long in typing saves
MAX_WAIT_MS = 1000  # and a long burst saves at least this often
SAVE_FAILED = "Could not save the notes (peerdesk tries again as you type)"
SIDE_WIDTH = 330  # the plan's checklist titles ("… (10 of 10)") and a scroll bar: the side never scrolls sideways


class NotesPanel(Panel):
    watches = (
        "guarded_names", "notes", "quotes", "postits", "interviews", "interview_questions", "questions",
        "scale_answers", "review", "stakeholder_groups", "slots", "teams", "members",
    )  # fmt: skip
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

        page.addLayout(self._choosers())
        self.header = QLabel()
        self.header.setObjectName("interviewHeader")
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        page.addWidget(self.header)
        self.notices = NoticeBar(messages.TYPING_NOTICES, dismiss="Dis&miss")
        page.addWidget(self.notices)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.editor = NoteEditor()
        self.guard = GuardHighlighter(self.editor.document(), self.editor)
        self.guard.set_names(self.session.guarded_names.names())
        self.editor.document().contentsChange.connect(self._on_typing)
        self.splitter.addWidget(self.editor)
        self.side = self._side_tabs(session)
        self.splitter.addWidget(self.side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([640, 380])
        self.side.setMinimumWidth(SIDE_WIDTH)
        self.editor.setMinimumWidth(280)
        page.addWidget(self.splitter, 1)

        self.status = StatusLine("noteStatus")  # said at every autosave: it must not re-lay out the window
        hint = QLabel("Ctrl+Q quote · Ctrl+1 rose · Ctrl+2 thorn · Ctrl+3 bud")
        hint.setObjectName("hintText")
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(hint)
        self.status.give_way(hint)  # "…then press Ctrl+Q to end it" is said whole on a laptop
        page.addLayout(bottom)

        self.pause = TypingPause(QUIET_MS, MAX_WAIT_MS, self)  # tests drive its clock
        self.pause.due.connect(self.save_soon)
        self.capturing = NoteCapture(self, self)
        self.editor.undo_command, self.editor.redo_command = self.capturing.undo_last, self.capturing.redo_last

    def set_side_shown(self, shown: bool) -> None:
        """Show or hide the questions, quotes and scales beside the editor: hidden, the editor has the whole width
        (on a laptop, twice what it has beside them)."""
        self.side.setVisible(shown)

    def _choosers(self) -> QHBoxLayout:
        """The interview and whose notes: the row above the editor."""
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
        return top

    def _side_tabs(self, session: ReviewSession) -> QTabWidget:
        """The plan, the captures and the scale answers beside the editor."""
        side = QTabWidget()
        side.setObjectName("noteSideTabs")
        self.plan = QuestionPlanTab(session)
        # The side tabs scroll on their own: however long the plan or the answers, the notes keep the height.
        side.addTab(scrolling(self.plan), "Questions")
        self.captures = CapturesTab(session)
        self.captures.quote_chosen.connect(self._quote_chosen)
        side.addTab(scrolling(self.captures), "Quotes")
        self.scales = ScalesTab(session)
        side.addTab(scrolling(self.scales), "Scales")
        return side

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
        left = self.interview.group if self.saver and self.interview and self.note and self.note.id != note_id else ""
        self.flush()  # the notes left, then said saved once they are written (a failed write is said instead)
        saved = f"Your notes of {left} are saved." if left and not self.has_unsaved() else ""
        info = notes.note_info(self.session.store, note_id)
        self._close_saver()
        self.note = info
        self.interview = tt.interview(self.session.store, info.interview_id)
        mine = info.author_id == self.session.member_id
        with self.guard.replacing_text():  # the names guard checks only what is on screen
            self.editor.load(info.body)
        self.editor.setReadOnly(not mine)
        self._last_saved_text = info.body
        if mine:  # typing goes on after the last words (at the start, it went in before the first line)
            self.editor.moveCursor(QTextCursor.MoveOperation.End)
            self.saver = NoteSaver(self.session.store, note_id, self)
            self.saver.saved.connect(self._saved)
            self.saver.failed.connect(self._save_failed)
        self.stack.setCurrentWidget(self.page)
        self._show_header()
        self._fill_interviews()
        self._fill_authors()
        self._load_quotes(info.body)
        self.plan.load(self.interview)
        self.scales.load(self.interview)
        self.set_status(saved if mine else f"{info.author or 'A colleague'}’s notes: read only.")

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
        self.pause.stop()
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

    def _load_quotes(self, text: str | None = None) -> None:
        """``text``: the note's text as just loaded into the editor, if the caller holds it."""
        if self.interview is None or self.note is None:
            self.captures.clear()
            return
        self.captures.load(self.interview.id, self.note.id)
        self.editor.set_quotes(notes.quotes_of_note(self.session.store, self.note.id), text)

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
            with self.guard.replacing_text():
                self.editor.load(stored)
            self._last_saved_text = stored
            self._load_quotes()

    # --- autosave ---------------------------------------------------------------------------------------------------
    def _on_typing(self, _pos: int, removed: int, added: int) -> None:
        if self.editor.loading or self.saver is None or not (removed or added):
            return
        self.pause.typed()
        self.set_status(self.capturing.while_quoting("Typing…"))

    def has_unsaved(self) -> bool:
        """True while typed text waits for its autosave to commit."""
        if self.saver is None:
            return False
        return self.pause.pending or self.saver.committed < self.saver.latest

    def save_soon(self) -> None:
        """Hand the current text to the saver; the write happens on its thread."""
        self.pause.stop()
        if self.saver is not None:
            self.saver.schedule(*self.editor.snapshot())

    def flush(self) -> None:
        """Save now, on this thread (before closing, locking or switching notes)."""
        if self.saver is None:
            return
        if self.pause.pending:
            self.save_soon()
        self.saver.flush()

    def _saved(self, seq: int, changes: Changes) -> None:
        if self.saver is not None and seq == self.saver.latest:
            self.set_status(self.capturing.while_quoting("Saved"))
            self.notices.dismiss_if(SAVE_FAILED)  # saved after all
        self.session.notify(changes)

    def _save_failed(self, exc: BaseException) -> None:
        self.set_status("Not saved yet — will try again as you type")
        messages.inline_error(self.notices, SAVE_FAILED, exc)

    def set_status(self, text: str) -> None:
        self.status.setText(text)
        self.status_changed.emit(text)

    # --- capturing (capture.py) ----------------------------------------------------------------------------------
    def quote_key(self) -> None:
        self.capturing.quote_key()

    def capture(self, qt_start: int, qt_end: int) -> str | None:
        return self.capturing.capture(qt_start, qt_end)

    def make_postit(self, kind: str) -> str | None:
        return self.capturing.make_postit(kind)

    def delete_selected_capture(self) -> None:
        self.captures.delete_selected()

    def write_now(self, store: Store, note: str, text: str, start: int, end: int) -> tuple[str, Changes]:
        """Capture a quote with the text it points into, ahead of any autosave still queued (older text)."""
        self.pause.stop()
        anchors = self.editor.anchors(text)  # the editor's text: the capture has just read it

        def write() -> tuple[str, Changes]:
            return notes.capture_quote(store, note, start, end, text, anchors=anchors)

        result = self.saver.exclusive(write) if self.saver is not None else write()
        self._last_saved_text = text
        return result

    def _quote_chosen(self, quote_id: str) -> None:
        span = self.editor.quote_range(quote_id)
        if span is not None:
            self.editor.select(*span)
            self.editor.centerCursor()

    def show_quote(self, quote_id: str) -> None:
        """The Quotes dock's "Show in notes": the quote's note, the cursor just after the quote."""
        try:
            note_id = notes.note_of_quote(self.session.store, quote_id)
        except PeerdeskError as exc:
            messages.error(self, "Could not show the quote", exc)
            return
        if self.note is None or self.note.id != note_id:
            self.open_note(note_id)
        self.editor.after_quote(quote_id)

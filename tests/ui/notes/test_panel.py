"""The note taker: typing autosaves, Ctrl+Q captures quotes, Ctrl+1/2/3 make roses, thorns and buds."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from peerdesk.services import notes, questions
from peerdesk.store.engine import Store
from peerdesk.ui.kit import palette
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.notes.panel import MAX_WAIT_MS, QUIET_MS, NotesPanel
from tests.helpers.clock import Clock
from tests.helpers.timetable import Day, build_day

CTRL = Qt.KeyboardModifier.ControlModifier


def type_lines(qtbot: QtBot, panel: NotesPanel, *lines: str) -> None:
    for n, line in enumerate(lines):
        if n:
            qtbot.keyClick(panel.editor, Qt.Key.Key_Return)
        qtbot.keyClicks(panel.editor, line)


def wait_saved(qtbot: QtBot, panel: NotesPanel, clock: Clock) -> None:
    """The typist pauses: the save falls due at once on the pause's clock; then its write commits off the UI thread
    (waited for as long as the disk takes, which is no part of what is tested here)."""
    assert panel.saver is not None
    clock.advance(QUIET_MS)
    assert panel.pause.check() or not panel.pause.pending
    qtbot.waitUntil(lambda: not panel.has_unsaved(), timeout=30_000)


def select(panel: NotesPanel, words: str) -> None:
    text = panel.editor.toPlainText()
    cursor = panel.editor.textCursor()
    cursor.setPosition(text.index(words))
    cursor.setPosition(text.index(words) + len(words), QTextCursor.MoveMode.KeepAnchor)
    panel.editor.setTextCursor(cursor)


def test_the_header_says_who_asks_and_who_takes_notes(panel: NotesPanel) -> None:
    from peerdesk.ui.shell.app import make_app

    make_app()  # the app's style sheet, as people see it: the generous note font must survive it
    text = panel.header.text()
    for part in (
        "Foster carers",
        "Appreciative inquiry",
        "09:45–10:30",
        "Team A (Room 1)",
        "Sam Okafor",
        "Alex Reviewer",
    ):
        assert part in text
    assert panel.editor.font().pointSize() >= 13
    assert not panel.editor.isReadOnly()


def test_typing_is_saved_once_it_pauses_and_at_least_once_a_second(
    qtbot: QtBot, panel: NotesPanel, clock: Clock
) -> None:
    assert panel.note is not None and panel.saver is not None
    queued = panel.saver.latest
    type_lines(qtbot, panel, "Carers feel valued.", "Respite is hard to find.")
    assert panel.status.text() == "Typing…"
    clock.advance(QUIET_MS - 1)
    assert not panel.pause.check() and panel.saver.latest == queued, "still typing: nothing handed over yet"
    clock.advance(1)
    with qtbot.waitSignal(panel.saver.saved, timeout=30_000):  # the write itself, off the UI thread
        assert panel.pause.check()
    wait_saved(qtbot, panel, clock)
    assert notes.body(panel.session.store, panel.note.id) == "Carers feel valued.\nRespite is hard to find."
    assert panel.status.text() == "Saved"
    # A burst with no pause as long as QUIET_MS is still handed over MAX_WAIT_MS after its first key.
    queued = panel.saver.latest
    qtbot.keyClicks(panel.editor, " More")
    for _ in range(MAX_WAIT_MS // (QUIET_MS - 1)):
        clock.advance(QUIET_MS - 1)
        qtbot.keyClicks(panel.editor, ".")
        assert not panel.pause.check()
    clock.advance(MAX_WAIT_MS - (MAX_WAIT_MS // (QUIET_MS - 1)) * (QUIET_MS - 1))
    assert panel.pause.check() and panel.saver.latest == queued + 1


def test_ctrl_q_on_a_selection_captures_a_highlighted_quote(qtbot: QtBot, panel: NotesPanel) -> None:
    type_lines(qtbot, panel, "Intro.", "She said we are listened to at last.")
    select(panel, "we are listened to at last")
    qtbot.keyClick(panel.editor, Qt.Key.Key_Q, CTRL)
    assert panel.note is not None
    [quote] = notes.quotes_of_note(panel.session.store, panel.note.id)
    assert quote.text == "we are listened to at last"
    assert notes.body(panel.session.store, panel.note.id) == panel.editor.toPlainText()  # saved with the quote
    assert len(panel.editor.extraSelections()) == 1
    assert panel.captures.quotes_model.rowCount() == 1
    assert panel.session.undo_stack.undoText() == "Capture quote"


def test_the_highlight_follows_the_words_as_typing_goes_on_above_them(qtbot: QtBot, panel: NotesPanel) -> None:
    type_lines(qtbot, panel, "Middle.", "We never hear back.")
    select(panel, "We never hear back")
    qtbot.keyClick(panel.editor, Qt.Key.Key_Q, CTRL)
    cursor = panel.editor.textCursor()
    cursor.setPosition(0)
    panel.editor.setTextCursor(cursor)
    qtbot.keyClicks(panel.editor, "Top line added later. ")
    panel.flush()
    assert panel.note is not None
    [quote] = notes.quotes_of_note(panel.session.store, panel.note.id)
    body = notes.body(panel.session.store, panel.note.id)
    assert body[quote.anchor_start : quote.anchor_end] == "We never hear back"


def test_ctrl_q_without_a_selection_starts_a_verbatim_quote_and_ends_it(qtbot: QtBot, panel: NotesPanel) -> None:
    qtbot.keyClicks(panel.editor, "Asked about supervision: ")
    qtbot.keyClick(panel.editor, Qt.Key.Key_Q, CTRL)
    assert panel.editor.pending is not None
    qtbot.keyClicks(panel.editor, "it happens every fortnight")
    qtbot.keyClick(panel.editor, Qt.Key.Key_Q, CTRL)
    assert panel.editor.pending is None
    assert panel.editor.toPlainText() == "Asked about supervision: “it happens every fortnight”"
    assert panel.note is not None
    [quote] = notes.quotes_of_note(panel.session.store, panel.note.id)
    assert quote.text == "it happens every fortnight"


def test_undo_right_after_a_capture_takes_back_the_quote_not_the_typing(qtbot: QtBot, panel: NotesPanel) -> None:
    type_lines(qtbot, panel, "Workload is heavy.")
    select(panel, "Workload is heavy")
    qtbot.keyClick(panel.editor, Qt.Key.Key_Q, CTRL)
    qtbot.keyClick(panel.editor, Qt.Key.Key_Z, CTRL)
    assert panel.note is not None
    assert notes.quotes_of_note(panel.session.store, panel.note.id) == []
    assert panel.editor.toPlainText() == "Workload is heavy."
    assert panel.editor.extraSelections() == []
    panel.session.undo_stack.redo()
    assert len(notes.quotes_of_note(panel.session.store, panel.note.id)) == 1
    assert len(panel.editor.extraSelections()) == 1
    qtbot.keyClick(panel.editor, Qt.Key.Key_End)
    qtbot.keyClicks(panel.editor, "!")
    qtbot.keyClick(panel.editor, Qt.Key.Key_Z, CTRL)  # now typing: the editor's own undo
    assert "!" not in panel.editor.toPlainText()
    assert len(notes.quotes_of_note(panel.session.store, panel.note.id)) == 1


def test_ctrl_1_2_3_make_a_rose_thorn_and_bud_from_the_line_or_selection(qtbot: QtBot, panel: NotesPanel) -> None:
    type_lines(qtbot, panel, "Managers visit every week.", "Caseloads are far too high.", "A buddy scheme could help.")
    cursor = panel.editor.textCursor()
    cursor.setPosition(3)
    panel.editor.setTextCursor(cursor)
    qtbot.keyClick(panel.editor, Qt.Key.Key_1, CTRL)
    text = panel.editor.toPlainText()
    cursor.setPosition(text.index("far too"))
    panel.editor.setTextCursor(cursor)
    qtbot.keyClick(panel.editor, Qt.Key.Key_2, CTRL)
    select(panel, "buddy scheme")
    qtbot.keyClick(panel.editor, Qt.Key.Key_3, CTRL)
    assert panel.note is not None
    made = [(p.kind, p.text) for p in notes.postits_of_note(panel.session.store, panel.note.id)]
    assert sorted(made) == [
        ("bud", "buddy scheme"),
        ("rose", "Managers visit every week."),
        ("thorn", "Caseloads are far too high."),
    ]
    assert panel.captures.postits_model.rowCount() == 3
    for row in range(3):  # each in the wall's colour for its kind (the kit's one palette)
        item = panel.captures.postits_model.item(row)
        kind = item.text().split(":")[0].lower()
        assert item.background().color() == palette.fill(kind), kind
        assert item.foreground().color() == palette.ink()
    panel.session.undo_stack.undo()
    assert len(notes.postits_of_note(panel.session.store, panel.note.id)) == 2


def test_ticking_planned_questions_is_undoable_and_the_closing_question_stays_last(
    qtbot: QtBot, panel: NotesPanel, day: Day
) -> None:
    first = panel.plan.add_question("What is a good week like?")
    panel.plan.add_question("What would you change first?")
    model = panel.plan.plan_model
    assert [model.item(n).text for n in range(model.rowCount())] == [  # type: ignore[union-attr]
        "What is a good week like?",
        "What would you change first?",
        questions.CLOSING_TEXT,
    ]
    model.setData(model.index(0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert questions.plan(panel.session.store, day.interviews[0])[0].asked
    assert model.data(model.index(0), Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    panel.session.undo_stack.undo()
    assert not questions.plan(panel.session.store, day.interviews[0])[0].asked
    panel.plan.plan_view.setCurrentIndex(model.index(0))
    panel.plan.move_selected_question(+1)
    assert model.item(1).id == first  # type: ignore[union-attr]
    assert model.item(2).closing  # type: ignore[union-attr]


def test_scale_answers_are_recorded_and_summarised(qtbot: QtBot, panel: NotesPanel) -> None:
    panel.scales.add_scale("The service overall", 7, "Good support, slow replies")
    panel.scales.add_scale("The service overall", 5)
    assert panel.scales.scales_model.rowCount() == 2
    assert panel.scales.summary_model.rowCount() == 1
    assert panel.scales.summary_model.item(0, 0).text() == "Foster carers"
    assert panel.scales.summary_model.item(0, 2).text() == "6"


def test_a_scale_answer_is_corrected_in_place_and_each_correction_is_one_undo_step(
    qtbot: QtBot, panel: NotesPanel, shown: list[str]
) -> None:
    first = panel.scales.add_scale("The service overall", 7, "Good support")
    panel.scales.add_scale("Support from managers", 5)
    model = panel.scales.scales_model
    assert [model.index(0, c).data() for c in range(3)] == ["7/10", "The service overall", "Good support"]
    assert model.setData(model.index(0, 0), 4)
    qtbot.waitUntil(lambda: model.index(0, 0).data() == "4/10")
    assert model.setData(model.index(0, 2), "Good support, slow replies ")
    qtbot.waitUntil(lambda: model.index(0, 2).data() == "Good support, slow replies")
    assert model.answer_at(model.index(0, 0)).id == first  # type: ignore[union-attr]  # an edit keeps its row
    assert panel.scales.summary_model.item(0, 2).text() == "4.5"
    stack = panel.session.undo_stack
    assert stack.undoText() == "Edit scale answer"
    stack.undo()
    assert model.index(0, 2).data() == "Good support" and model.index(0, 0).data() == "4/10"
    stack.undo()
    assert model.index(0, 0).data() == "7/10"
    stack.redo()
    assert model.index(0, 0).data() == "4/10"
    assert model.setData(model.index(0, 1), "  ")
    qtbot.waitUntil(lambda: bool(shown))
    assert shown == ["Edit scale answer: Say what was rated (for example “the service overall”)."]
    assert model.index(0, 1).data() == "The service overall"


def test_the_rating_is_edited_with_a_spin_box_from_0_to_10(qtbot: QtBot, panel: NotesPanel) -> None:
    from PySide6.QtWidgets import QAbstractItemDelegate, QSpinBox

    panel.side.setCurrentIndex(panel.side.indexOf(panel.scales.scales_view.parentWidget()))
    panel.scales.add_scale("The service overall", 7)
    index = panel.scales.scales_model.index(0, 0)
    panel.scales.scales_view.setCurrentIndex(index)
    panel.scales.scales_view.edit(index)
    spin = panel.scales.scales_view.findChild(QSpinBox)
    assert isinstance(spin, QSpinBox)
    assert (spin.minimum(), spin.maximum(), spin.value()) == (0, 10, 7)
    spin.setValue(9)
    panel.scales.scales_view.commitData(spin)
    panel.scales.scales_view.closeEditor(spin, QAbstractItemDelegate.EndEditHint.NoHint)
    qtbot.waitUntil(lambda: panel.scales.scales_model.index(0, 0).data() == "9/10")


def test_a_colleagues_notes_open_read_only(qtbot: QtBot, panel: NotesPanel, day: Day) -> None:
    panel.open_interview(day.interviews[1])  # the colleague takes these notes; mine start empty
    assert not panel.editor.isReadOnly()
    colleague_note = notes.note_id(day.interviews[1], day.colleague)
    from peerdesk.store.models import Note
    from peerdesk.store.uow import UnitOfWork

    with UnitOfWork(panel.session.store) as uow:
        row = uow.add(Note, colleague_note, interview_id=day.interviews[1], body="Their notes")
        row.author_id = day.colleague
        uow.commit()
    panel.open_note(colleague_note)
    assert panel.editor.isReadOnly() and panel.editor.toPlainText() == "Their notes"
    assert "read only" in panel.status.text()
    assert panel.author_combo.count() == 2


def test_typing_before_a_quote_saves_its_place_and_reloads_no_quote_list(
    qtbot: QtBot, session: ReviewSession, panel: NotesPanel, clock: Clock
) -> None:
    from peerdesk.services.changes import NOTE_TEXT, QUOTE_PLACES
    from peerdesk.ui.quotes.panel import QuotesPanel

    quotes_panel = QuotesPanel(session)
    qtbot.addWidget(quotes_panel)
    type_lines(qtbot, panel, "Carers said the duty line is slow.")
    select(panel, "duty line")
    selection = panel.editor.textCursor()
    quote_id = panel.capture(selection.selectionStart(), selection.selectionEnd())
    assert quote_id is not None
    heard: list[frozenset[str]] = []
    session.changed.connect(lambda changes: heard.append(changes.tables))
    reloads: list[bool] = []
    quotes_panel.reload = lambda *a, **k: reloads.append(True)  # type: ignore[method-assign]
    cursor = panel.editor.textCursor()
    cursor.setPosition(0)
    panel.editor.setTextCursor(cursor)
    qtbot.keyClicks(panel.editor, "Day 1: ")
    wait_saved(qtbot, panel, clock)
    qtbot.waitUntil(lambda: bool(heard), timeout=10_000)  # the save is announced once its commit is back
    assert set().union(*heard) == {NOTE_TEXT, QUOTE_PLACES}  # only what typing changed
    assert reloads == []  # the quotes list shows neither: it reloads nothing
    [quote] = notes.quotes_of_note(session.store, panel.note.id if panel.note else "")
    assert panel.editor.toPlainText()[quote.anchor_start : quote.anchor_end] == "duty line"


# --- a crash mid-interview loses nothing the autosave had committed -------------------------------------------

CHILD = """
import json, sys, time
from PySide6.QtWidgets import QApplication
from PySide6.QtTest import QTest
from peerdesk.store.engine import Store
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.notes.panel import NotesPanel

app = QApplication([])
session = ReviewSession(Store.open({path!r}, {passphrase!r}))
panel = NotesPanel(session)
now = 0.0
panel.pause.clock = lambda: now  # the typing pause falls due when this script says, not when the timer fires
panel.show()
panel.open_interview({interview!r})
for i in range(50):
    QTest.keyClicks(panel.editor, "Line %d: carers said the duty line is slow. " % i)
    now += 1000
    assert panel.pause.check()  # the autosave's own path: due, handed to the saver's thread, no flush
    hang = time.monotonic() + 300  # only so that a broken saver ends the test instead of hanging it
    while panel.has_unsaved() and time.monotonic() < hang:  # the write, for as long as the disk takes
        app.processEvents()
        time.sleep(0.002)
    print(json.dumps(panel.editor.toPlainText()), flush=True)
time.sleep(600)  # killed by the test long before
"""


def test_every_committed_character_survives_a_sigkill_mid_interview(store: Store, passphrase: str) -> None:
    day = build_day(store)
    path = store.path
    store.close()
    child = textwrap.dedent(CHILD).format(path=str(path), passphrase=passphrase, interview=day.interviews[0])
    with subprocess.Popen([sys.executable, "-c", child], stdout=subprocess.PIPE, text=True, cwd=os.getcwd()) as proc:
        assert proc.stdout is not None
        acknowledged = [json.loads(proc.stdout.readline()) for _ in range(3)]
        proc.send_signal(signal.SIGKILL)  # right after the third commit returned; typing goes on meanwhile
        proc.wait()
    assert acknowledged[-1].startswith("Line 0:") and "Line 2:" in acknowledged[-1]
    with Store.open(path, passphrase) as reopened:
        note_id, _ = notes.open_note(reopened, day.interviews[0])
        body = notes.body(reopened, note_id)
    assert body.startswith(acknowledged[-1])


def test_show_quote_puts_the_cursor_after_the_quote_and_typing_on_keeps_the_quoted_words(
    qtbot: QtBot, panel: NotesPanel
) -> None:
    type_lines(qtbot, panel, "Intro.", "They never call back.", "More notes.")
    select(panel, "They never call back")
    qtbot.keyClick(panel.editor, Qt.Key.Key_Q, CTRL)
    assert panel.note is not None
    [quote] = notes.quotes_of_note(panel.session.store, panel.note.id)
    panel.show_quote(quote.id)
    assert not panel.editor.textCursor().hasSelection()
    qtbot.keyClicks(panel.editor, " (twice)")
    assert "They never call back (twice)." in panel.editor.toPlainText()


def test_a_colleagues_notes_say_read_only_in_full_beside_the_key_hint(
    qtbot: QtBot, panel: NotesPanel, day: Day
) -> None:
    # Seen under Xvfb after a colleague's bundle: the status was cut to "These are Sam Okafor’s notes: read".
    from peerdesk.store.models import Note
    from peerdesk.store.uow import UnitOfWork
    from peerdesk.ui.shell.app import make_app

    make_app()  # the app's style sheet: its fonts decide what fits
    colleague_note = notes.note_id(day.interviews[1], day.colleague)
    with UnitOfWork(panel.session.store) as uow:
        row = uow.add(Note, colleague_note, interview_id=day.interviews[1], body="Their notes")
        row.author_id = day.colleague
        uow.commit()
    panel.resize(630, 640)  # the notes dock at 1366×768
    panel.show()
    qtbot.waitExposed(panel)
    panel.open_note(colleague_note)
    assert "read only" in panel.status.text()
    assert panel.status.label.sizeHint().width() <= panel.status.width()


def test_on_a_laptop_the_typed_quote_instruction_is_said_whole(qtbot: QtBot, panel: NotesPanel) -> None:
    panel.resize(628, 700)  # the notes dock at 1366×768
    qtbot.waitUntil(lambda: panel.width() == 628)
    qtbot.keyClick(panel.editor, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)  # nothing selected: a typed quote
    assert "Ctrl+Q to end it" in panel.status.text()
    qtbot.waitUntil(lambda: panel.status.label.sizeHint().width() <= panel.status.width())
    qtbot.keyClicks(panel.editor, "we are heard")
    qtbot.keyClick(panel.editor, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert panel.status.text() == "Quote captured." and panel.status.label.sizeHint().width() <= panel.status.width()


def test_switching_interviews_mid_sentence_keeps_the_words_and_says_they_are_saved(
    qtbot: QtBot, panel: NotesPanel, day: Day
) -> None:
    first = panel.note
    assert first is not None
    qtbot.keyClicks(panel.editor, "Carers said the duty line never answers")  # no pause: the autosave not yet due
    combo = panel.interview_combo
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # the next interview, from the chooser above the notes
    assert panel.interview is not None and panel.interview.id == day.interviews[1]
    assert notes.body(panel.session.store, first.id) == "Carers said the duty line never answers"
    assert panel.status.text().startswith("Your notes of ") and panel.status.text().endswith(" are saved.")


def test_back_in_an_interview_typing_goes_on_at_the_end_of_its_notes(qtbot: QtBot, panel: NotesPanel, day: Day) -> None:
    """The cursor was put at the very start: the next words went in before the first line ("toldFront door")."""
    qtbot.keyClicks(panel.editor, "Front door: six attending.")
    panel.open_interview(day.interviews[1])
    panel.open_interview(day.interviews[0])
    qtbot.keyClicks(panel.editor, " Then the manager came in.")
    assert panel.editor.toPlainText() == "Front door: six attending. Then the manager came in."

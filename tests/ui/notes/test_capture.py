"""Capturing from the notes: Ctrl+Q quotes whole words (the editor marks them and goes back to where the note taker
was typing), Ctrl+1/2/3 make post-its."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from peerdesk.services import guard, notes
from peerdesk.ui.notes.capture import KIND_KEYS
from peerdesk.ui.notes.panel import QUIET_MS, NotesPanel
from tests.helpers.clock import Clock

CTRL = Qt.KeyboardModifier.ControlModifier


def select_span(panel: NotesPanel, start: int, end: int) -> None:
    cursor = panel.editor.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    panel.editor.setTextCursor(cursor)


def painted(panel: NotesPanel) -> set[str]:
    """The words the editor shows marked as quotes."""
    return {selection.cursor.selectedText() for selection in panel.editor.extraSelections()}


def stored_quotes(panel: NotesPanel) -> list[notes.QuoteInfo]:
    assert panel.note is not None
    return notes.quotes_of_note(panel.session.store, panel.note.id)


def test_the_shortcuts_belong_to_the_panel_and_its_editor(panel: NotesPanel) -> None:
    assert panel.capturing.action_quote.shortcut() == QKeySequence("Ctrl+Q")
    assert {kind: a.shortcut().toString() for kind, a in panel.capturing.postit_actions.items()} == dict(KIND_KEYS)
    for action in (panel.capturing.action_quote, *panel.capturing.postit_actions.values()):
        assert action in panel.actions()
        assert action.shortcutContext() == Qt.ShortcutContext.WidgetWithChildrenShortcut


def test_ctrl_q_on_part_of_a_word_quotes_the_whole_words_and_marks_them(qtbot: QtBot, panel: NotesPanel) -> None:
    qtbot.keyClicks(panel.editor, "Carers said: the manager visits, weekly.")
    text = panel.editor.toPlainText()
    select_span(panel, text.index("nager"), text.index("its,"))  # "nager vis": cut at both ends
    qtbot.keyClick(panel.editor, Qt.Key.Key_Q, CTRL)
    [quote] = stored_quotes(panel)
    assert quote.text == "manager visits"  # the comma after it stays out
    assert text[quote.anchor_start : quote.anchor_end] == "manager visits"
    assert painted(panel) == {"manager visits"}  # the editor shows what was quoted
    assert panel.editor.quote_range(quote.id) == (text.index("manager"), text.index(","))
    assert panel.status.text() == "Quote captured."


def test_a_quote_cut_inside_an_emoji_takes_the_emoji_whole(qtbot: QtBot, panel: NotesPanel) -> None:
    panel.editor.insertPlainText("So good 👍🏽 really")  # 👍 and its skin tone: two surrogate pairs in Qt
    text = panel.editor.toPlainText()
    qt_thumb_end = len("So good 👍".encode("utf-16-le")) // 2
    select_span(panel, text.index("ood"), qt_thumb_end)  # up to the thumb, without its skin tone
    qtbot.keyClick(panel.editor, Qt.Key.Key_Q, CTRL)
    [quote] = stored_quotes(panel)
    assert quote.text == "good 👍🏽"
    assert text[quote.anchor_start : quote.anchor_end] == "good 👍🏽"  # Python offsets in the stored note
    assert painted(panel) == {"good 👍🏽"}


def test_after_a_capture_typing_goes_on_where_the_note_taker_was_and_the_quoted_words_stay(
    qtbot: QtBot, panel: NotesPanel
) -> None:
    qtbot.keyClicks(panel.editor, "Parents said the duty line is slow. Then")
    text = panel.editor.toPlainText()
    select_span(panel, text.index("duty"), text.index(" is slow"))  # the note taker goes back to mark a phrase
    qtbot.keyClick(panel.editor, Qt.Key.Key_Q, CTRL)
    assert not panel.editor.textCursor().hasSelection()  # the next key cannot replace the words just quoted
    qtbot.keyClicks(panel.editor, " they left.")
    assert panel.editor.toPlainText() == "Parents said the duty line is slow. Then they left."
    [quote] = stored_quotes(panel)
    assert panel.editor.quote_range(quote.id) == (text.index("duty"), text.index(" is slow"))
    assert painted(panel) == {"duty line"}


def test_with_nowhere_typed_yet_the_cursor_lands_just_after_the_quote(qtbot: QtBot, panel: NotesPanel) -> None:
    panel.editor.insertPlainText("Carers value the hubs a lot.")  # text put there, not typed
    text = panel.editor.toPlainText()
    select_span(panel, text.index("the hubs"), text.index(" a lot"))
    qtbot.keyClick(panel.editor, Qt.Key.Key_Q, CTRL)
    cursor = panel.editor.textCursor()
    assert not cursor.hasSelection() and cursor.position() == text.index(" a lot")


def test_a_post_it_from_a_selection_leaves_nothing_selected(qtbot: QtBot, panel: NotesPanel) -> None:
    qtbot.keyClicks(panel.editor, "Staff feel heard. More")
    text = panel.editor.toPlainText()
    select_span(panel, 0, text.index(" More"))
    qtbot.keyClick(panel.editor, Qt.Key.Key_1, CTRL)
    assert not panel.editor.textCursor().hasSelection()
    qtbot.keyClicks(panel.editor, " to say.")
    assert panel.editor.toPlainText() == "Staff feel heard. More to say."


def test_a_colleagues_notes_cannot_start_a_typed_quote(qtbot: QtBot, panel: NotesPanel) -> None:
    panel.editor.setReadOnly(True)  # as when showing a colleague's notes
    qtbot.keyClick(panel.editor, Qt.Key.Key_Q, CTRL)
    assert panel.editor.pending is None and panel.editor.toPlainText() == ""


def test_ctrl_2_makes_a_thorn_from_the_current_line(qtbot: QtBot, panel: NotesPanel) -> None:
    qtbot.keyClicks(panel.editor, "Caseloads are far too high.")
    qtbot.keyClick(panel.editor, Qt.Key.Key_2, CTRL)
    assert panel.note is not None
    [postit] = notes.postits_of_note(panel.session.store, panel.note.id)
    assert (postit.kind, postit.text) == ("thorn", "Caseloads are far too high.")
    assert panel.status.text() == "Thorn added to the wall."


def test_clicking_a_quote_in_the_list_selects_it_in_the_notes(qtbot: QtBot, panel: NotesPanel) -> None:
    qtbot.keyClicks(panel.editor, "They said respite is hard to find.")
    text = panel.editor.toPlainText()
    select_span(panel, text.index("respite"), text.index(" to find"))
    qtbot.keyClick(panel.editor, Qt.Key.Key_Q, CTRL)
    select_span(panel, 0, 0)
    panel.captures.quotes_view.clicked.emit(panel.captures.quotes_model.index(0, 0))
    assert panel.editor.textCursor().selectedText() == "respite is hard"


def test_ctrl_z_right_after_a_post_it_takes_it_back_and_says_so(qtbot: QtBot, panel: NotesPanel) -> None:
    qtbot.keyClicks(panel.editor, "The duty line is slow.")
    qtbot.keyClick(panel.editor, Qt.Key.Key_3, CTRL)
    assert panel.status.text() == "Bud added to the wall."
    qtbot.keyClick(panel.editor, Qt.Key.Key_Z, CTRL)
    assert panel.note is not None
    assert notes.postits_of_note(panel.session.store, panel.note.id) == []
    assert panel.status.text() == "Undone: Make a bud."
    assert panel.editor.toPlainText() == "The duty line is slow."


def test_redo_right_after_undoing_a_capture_brings_the_quote_back(qtbot: QtBot, panel: NotesPanel) -> None:
    qtbot.keyClicks(panel.editor, "We feel heard now.")
    select_span(panel, 0, 7)
    qtbot.keyClick(panel.editor, Qt.Key.Key_Q, CTRL)
    qtbot.keyClick(panel.editor, Qt.Key.Key_Z, CTRL)
    assert stored_quotes(panel) == []
    qtbot.keyClick(panel.editor, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert [q.text for q in stored_quotes(panel)] == ["We feel"]
    assert painted(panel) == {"We feel"}
    assert panel.status.text() == "Redone: Capture quote."
    assert panel.editor.toPlainText() == "We feel heard now."


def test_a_quote_naming_someone_on_the_names_to_guard_says_so_as_it_is_captured(
    qtbot: QtBot, panel: NotesPanel
) -> None:
    """The red underline alone is easy to miss while typing: capturing the name into a quote is said, without a box
    (the keyboard stays in the notes), with where the team decides."""
    _name, changes = guard.add_name(panel.session.store, "Kez Morgan", "interviewee")
    panel.session.notify(changes)
    qtbot.keyClicks(panel.editor, "Kez agreed with the others. Waiting lists are long.")
    text = panel.editor.toPlainText()
    select_span(panel, 0, len("Kez agreed"))
    qtbot.keyClick(panel.editor, Qt.Key.Key_Q, CTRL)
    assert panel.notices.isVisible() and panel.editor.hasFocus()
    said = panel.notices.text()
    assert "may identify someone" in said and "Kez" in said and "Quotes that may identify someone" in said
    panel.notices.dismiss()
    select_span(panel, text.index("Waiting"), text.index("long") + 4)
    qtbot.keyClick(panel.editor, Qt.Key.Key_Q, CTRL)
    assert not panel.notices.isVisible() and panel.status.text() == "Quote captured."


def wait_saved(qtbot: QtBot, panel: NotesPanel, clock: Clock) -> None:
    """The typist pauses: the autosave falls due on the pause's clock and commits off the UI thread."""
    clock.advance(QUIET_MS)
    panel.pause.check()
    qtbot.waitUntil(lambda: not panel.has_unsaved(), timeout=30_000)


def test_while_a_quote_is_typed_word_for_word_the_autosave_leaves_its_instruction_shown(
    qtbot: QtBot, panel: NotesPanel, clock: Clock
) -> None:
    """Ctrl+Q with nothing selected says how to end the quote; the autosave's "Typing…" and "Saved" replaced that
    within a third of a second, before anyone could read it."""
    qtbot.keyClick(panel.editor, Qt.Key.Key_Q, CTRL)
    qtbot.keyClicks(panel.editor, "we are heard")
    wait_saved(qtbot, panel, clock)
    QApplication.processEvents()  # the saved signal, queued from the saver's thread
    assert "press Ctrl+Q to end it" in panel.status.text()
    qtbot.keyClick(panel.editor, Qt.Key.Key_Q, CTRL)
    assert panel.status.text() == "Quote captured."
    qtbot.keyClicks(panel.editor, " said the carers")
    wait_saved(qtbot, panel, clock)
    qtbot.waitUntil(lambda: panel.status.text() == "Saved")

"""The note taker's editor: quote marks that follow the words as text is typed around them."""

from __future__ import annotations

import random

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from peerdesk.services.notes import QuoteInfo
from peerdesk.ui.notes.editor import NoteEditor, Offsets, to_py, to_qt

TEXT = "The duty line never answers."


def test_positions_convert_between_qt_and_python_past_an_emoji() -> None:
    assert to_qt("abc", 2) == to_py("abc", 2) == 2
    text = "😀 hello"
    assert to_qt(text, 2) == 3  # the emoji is two UTF-16 units
    assert to_py(text, 3) == 2
    assert to_py(text, to_qt(text, 5)) == 5


def test_a_quote_mark_follows_its_words_when_text_is_typed_before_it(qtbot: QtBot) -> None:
    editor = NoteEditor()
    qtbot.addWidget(editor)
    editor.load(TEXT)
    start = TEXT.index("never")
    editor.mark("q1", start, start + len("never answers"))
    cursor = editor.textCursor()
    cursor.setPosition(0)
    cursor.insertText("Sam: ")
    a, b = editor.anchors()["q1"]
    assert editor.toPlainText()[a:b] == "never answers"
    assert editor.quote_range("q1") == (a, b) and editor.quote_range("q2") is None


def test_select_selects_between_two_qt_positions(qtbot: QtBot) -> None:
    editor = NoteEditor()
    qtbot.addWidget(editor)
    editor.load("😀 " + TEXT)
    editor.select(3, 3 + len("The duty"))  # the emoji takes two Qt positions
    assert editor.textCursor().selectedText() == "The duty"


def test_loading_another_note_clears_every_mark(qtbot: QtBot) -> None:
    editor = NoteEditor()
    qtbot.addWidget(editor)
    editor.load(TEXT)
    editor.mark("q1", 0, 3)
    editor.load("A different note.")
    assert editor.anchors() == {} and editor.toPlainText() == "A different note."


def verbatim_under_way(qtbot: QtBot) -> NoteEditor:
    """An editor holding "Notes: " with a quote typed word for word just started at its end."""
    editor = NoteEditor()
    qtbot.addWidget(editor)
    editor.load("Notes: ")
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    editor.start_verbatim()
    return editor


def test_a_verbatim_quote_is_what_was_typed_between_start_and_finish(qtbot: QtBot) -> None:
    editor = verbatim_under_way(qtbot)
    qtbot.keyClicks(editor, "we are heard")
    span = editor.finish_verbatim()
    assert span is not None and editor.toPlainText()[span[0] : span[1]] == "we are heard"
    assert editor.finish_verbatim() is None  # nothing under way any more


def test_esc_stops_a_verbatim_quote_keeping_the_words_and_dropping_its_opening_mark(qtbot: QtBot) -> None:
    editor = verbatim_under_way(qtbot)
    qtbot.keyClicks(editor, "we are heard")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert editor.pending is None and editor.toPlainText() == "Notes: we are heard"  # typing is never lost


def test_an_empty_verbatim_quote_leaves_no_mark_behind(qtbot: QtBot) -> None:
    editor = verbatim_under_way(qtbot)
    assert editor.toPlainText() == "Notes: “"
    assert editor.finish_verbatim() is None and editor.toPlainText() == "Notes: "


def slow_to_py(text: str, qt_pos: int) -> int:
    if all(ord(ch) <= 0xFFFF for ch in text):
        return qt_pos  # the same count: nothing to convert (a position past the end stays as given)
    units = 0
    for n, ch in enumerate(text):
        if units >= qt_pos:
            return n
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(text)


def slow_to_qt(text: str, py_pos: int) -> int:
    if all(ord(ch) <= 0xFFFF for ch in text):
        return py_pos
    return len(text[:py_pos].encode("utf-16-le")) // 2


def test_plain_text_positions_are_the_same_in_both_counts() -> None:
    offsets = Offsets("Carers said “the phones” ring out.")
    assert offsets.to_py(12) == 12
    assert offsets.to_qt(12) == 12


def test_an_emoji_counts_twice_for_qt_and_once_for_python() -> None:
    text = "ok 🙂 then 😀 done"
    offsets = Offsets(text)
    after_first = text.index("then")
    assert offsets.to_qt(after_first) == after_first + 1
    assert offsets.to_py(after_first + 1) == after_first
    assert offsets.to_qt(len(text)) == len(text) + 2
    assert offsets.to_py(len(text) + 2) == len(text)


def test_the_conversions_agree_with_counting_character_by_character() -> None:
    rng = random.Random(22)
    alphabet = ["a", " ", "é", "“", "\n", "🙂", "𝒳"]
    for _ in range(200):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        units = len(text.encode("utf-16-le")) // 2
        for qt_pos in range(units + 3):
            assert to_py(text, qt_pos) == slow_to_py(text, qt_pos), (text, qt_pos)
        for py_pos in range(len(text) + 3):
            assert to_qt(text, py_pos) == slow_to_qt(text, py_pos), (text, py_pos)


def test_in_a_long_note_only_the_quotes_on_screen_are_painted_and_the_rest_as_they_scroll_into_view(
    qtbot: QtBot,
) -> None:
    editor = NoteEditor()
    qtbot.addWidget(editor)
    editor.resize(600, 400)
    editor.show()
    qtbot.waitExposed(editor)
    text = "\n".join(f"Paragraph {n}: the duty line never answers." for n in range(3000))
    editor.load(text)
    quotes = []
    for n in (0, 1500, 2999):
        start = text.index(f"Paragraph {n}:")
        quotes.append(QuoteInfo(f"q{n}", "Paragraph", start, start + len("Paragraph"), ""))
    editor.set_quotes(quotes)
    painted = {sel.cursor.selectedText() for sel in editor.extraSelections()}
    assert len(editor.extraSelections()) == 1 and painted == {"Paragraph"}  # the first one, at the top
    assert set(editor.anchors()) == {"q0", "q1500", "q2999"}  # every quote is still marked and saved
    editor.moveCursor(QTextCursor.MoveOperation.End)
    last_end = editor.marks["q2999"][1].position()
    qtbot.waitUntil(lambda: [s.cursor.position() for s in editor.extraSelections()] == [last_end])


def test_a_snapshot_is_the_text_and_the_places_of_its_quotes(qtbot: QtBot) -> None:
    editor = NoteEditor()
    qtbot.addWidget(editor)
    editor.load("😀 " + TEXT)
    editor.mark("q1", 3 + TEXT.index("duty"), 3 + TEXT.index("duty") + len("duty line"))  # Qt positions
    text, anchors = editor.snapshot()
    assert text == "😀 " + TEXT and text[slice(*anchors["q1"])] == "duty line"
    assert editor.anchors(text) == anchors == editor.anchors()


def test_quotes_are_marked_from_the_text_just_loaded_and_from_qt_s_own_when_qt_changed_it(qtbot: QtBot) -> None:
    editor = NoteEditor()
    qtbot.addWidget(editor)
    # Qt keeps the first as it is, and makes one line break of each CR LF: the emoji then stands 3 places earlier.
    for loaded in ("😀" + TEXT, "a\r\nb\r\nc\r\n😀" + TEXT):
        editor.load(loaded)
        shown = editor.toPlainText()
        start = shown.index("he duty")
        editor.set_quotes([QuoteInfo("q1", "he duty", start, start + len("he duty"), "")], loaded)
        assert shown[slice(*editor.anchors()["q1"])] == "he duty"


class CountingEditor(NoteEditor):
    """Counts the copies of its text taken out of Qt."""

    copies = 0

    def toPlainText(self) -> str:
        self.copies += 1
        return super().toPlainText()


def test_marking_quotes_already_marked_reads_no_text(qtbot: QtBot) -> None:
    editor = CountingEditor()
    qtbot.addWidget(editor)
    editor.load(TEXT)
    duty = QuoteInfo("q1", "duty", TEXT.index("duty"), TEXT.index("duty") + 4, "")
    editor.set_quotes([duty], TEXT)  # opening: the text just loaded
    assert editor.copies == 0
    editor.mark("q2", TEXT.index("never"), TEXT.index("never") + 5)  # a capture marks its own quote
    never = QuoteInfo("q2", "never", TEXT.index("never"), TEXT.index("never") + 5, "")
    editor.set_quotes([duty, never])  # the refresh after it: both already marked
    assert editor.copies == 0 and set(editor.anchors(TEXT)) == {"q1", "q2"}
    editor.set_quotes([never, QuoteInfo("q3", "line", TEXT.index("line"), TEXT.index("line") + 4, "")])
    assert editor.copies == 1 and set(editor.anchors(TEXT)) == {"q2", "q3"}  # a new one: the text, once


def typed_with_a_quote(qtbot: QtBot) -> NoteEditor:
    """An editor in which "they never call back" was just typed after "Notes: ", "never call" marked as a quote."""
    editor = NoteEditor()
    qtbot.addWidget(editor)
    editor.load("Notes: ")
    editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor, "they never call back")
    start = editor.toPlainText().index("never call")
    editor.mark("q1", start, start + len("never call"))
    return editor


def test_a_quote_mark_comes_back_with_its_words_when_redo_brings_them_back(qtbot: QtBot) -> None:
    editor = typed_with_a_quote(qtbot)
    for _ in range(3):  # word by word, the typing taken back, quote and all
        qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == "Notes: they " and editor.quote_range("q1") is None  # nothing to select meanwhile
    for _ in range(3):
        qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    text = editor.toPlainText()
    assert text == "Notes: they never call back"
    assert text[slice(*editor.anchors()["q1"])] == "never call"  # saved in its place, not left unplaced
    span = editor.quote_range("q1")
    assert span is not None and text[span[0] : span[1]] == "never call"


def test_a_quote_mark_comes_back_when_undo_brings_back_words_deleted_around_it(qtbot: QtBot) -> None:
    editor = typed_with_a_quote(qtbot)
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    assert editor.toPlainText() == "" and editor.anchors()["q1"][0] >= editor.anchors()["q1"][1]
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    text = editor.toPlainText()
    assert text == "Notes: they never call back" and text[slice(*editor.anchors()["q1"])] == "never call"


def test_words_typed_where_a_deleted_quote_stood_do_not_become_the_quote(qtbot: QtBot) -> None:
    editor = typed_with_a_quote(qtbot)
    for _ in range(len("never call back")):
        qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    qtbot.keyClicks(editor, "always call")
    assert editor.quote_range("q1") is None
    start, end = editor.anchors()["q1"]
    assert start >= end  # unplaced when saved: the words quoted are gone


def test_undo_takes_back_the_last_word_typed_not_the_whole_paragraph(qtbot: QtBot) -> None:
    editor = NoteEditor()
    qtbot.addWidget(editor)
    editor.load("")
    qtbot.keyClicks(editor, "the duty line never answers on Friday")
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == "the duty line never answers on "
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == "the duty line never answers "
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert editor.toPlainText() == "the duty line never answers on "

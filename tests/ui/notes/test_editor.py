"""The note taker's editor: quote marks that follow the words as text is typed around them."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from peerdesk.ui.notes.editor import NoteEditor, to_py, to_qt

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


def test_loading_another_note_clears_every_mark(qtbot: QtBot) -> None:
    editor = NoteEditor()
    qtbot.addWidget(editor)
    editor.load(TEXT)
    editor.mark("q1", 0, 3)
    editor.load("A different note.")
    assert editor.anchors() == {} and editor.toPlainText() == "A different note."


def test_a_verbatim_quote_is_what_was_typed_between_start_and_finish(qtbot: QtBot) -> None:
    editor = NoteEditor()
    qtbot.addWidget(editor)
    editor.load("Notes: ")
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    editor.start_verbatim()
    qtbot.keyClicks(editor, "we are heard")
    span = editor.finish_verbatim()
    assert span is not None and editor.toPlainText()[span[0] : span[1]] == "we are heard"
    assert editor.finish_verbatim() is None  # nothing under way any more

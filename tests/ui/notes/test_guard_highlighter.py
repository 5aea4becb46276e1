"""Notes are checked as they are written: names the team guards, and obvious identifiers, are underlined."""

from __future__ import annotations

from PySide6.QtGui import QTextBlock, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QPlainTextEdit
from pytestqt.qtbot import QtBot

from peerdesk.ui.notes.guard_highlighter import CHECKED, UNCHECKED, GuardHighlighter


def underlined(editor: QPlainTextEdit) -> list[str]:
    block = editor.document().firstBlock()
    text = block.text()
    return [
        text[r.start : r.start + r.length]
        for r in block.layout().formats()
        if r.format.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
    ]


def test_guarded_names_and_identifiers_are_underlined_as_they_are_typed(qtbot: QtBot) -> None:
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    highlighter = GuardHighlighter(editor.document())
    highlighter.set_names(("Dana Whitlow",))
    qtbot.keyClicks(editor, "Dana said to email dana@example.org about it")
    assert underlined(editor) == ["Dana", "dana@example.org"]


def test_a_new_name_rechecks_what_is_already_written(qtbot: QtBot) -> None:
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    highlighter = GuardHighlighter(editor.document())
    editor.setPlainText("Ask Priya on the duty desk")
    assert underlined(editor) == []
    highlighter.set_names(("Priya Shah",))
    assert underlined(editor) == ["Priya"]


def underlined_in(block: QTextBlock) -> list[str]:
    text = block.text()
    return [
        text[r.start : r.start + r.length]
        for r in block.layout().formats()
        if r.format.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
    ]


LONG_NOTE = "\n".join(f"Paragraph {n}: ask Priya on the duty desk." for n in range(2000))


def shown_editor(qtbot: QtBot) -> QPlainTextEdit:
    """An editor on screen, a short screen's worth of paragraphs high."""
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    editor.resize(500, 300)
    editor.show()
    qtbot.waitExposed(editor)
    return editor


def test_in_a_long_note_only_the_paragraphs_near_the_view_are_checked_until_scrolled_to(qtbot: QtBot) -> None:
    editor = shown_editor(qtbot)
    highlighter = GuardHighlighter(editor.document(), editor)
    highlighter.set_names(("Priya Shah",))
    editor.setPlainText(LONG_NOTE)
    qtbot.waitUntil(lambda: underlined_in(editor.document().firstBlock()) == ["Priya"])
    last = editor.document().lastBlock()
    assert last.userState() == UNCHECKED and underlined_in(last) == []  # far below: not checked yet
    editor.moveCursor(QTextCursor.MoveOperation.End)  # scrolls there
    qtbot.waitUntil(lambda: underlined_in(editor.document().lastBlock()) == ["Priya"])
    checked = sum(b.userState() == CHECKED for b in blocks(editor.document()))
    assert checked < 200  # the top and the bottom screens, not the 2,000 paragraphs


def test_a_paragraph_typed_in_is_checked_at_once(qtbot: QtBot) -> None:
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    highlighter = GuardHighlighter(editor.document(), editor)
    highlighter.set_names(("Dana Whitlow",))
    qtbot.keyClicks(editor, "Dana said so")
    assert underlined(editor) == ["Dana"]


def blocks(document: QTextDocument) -> list[QTextBlock]:
    found, block = [], document.firstBlock()
    while block.isValid():
        found.append(block)
        block = block.next()
    return found


class CountingHighlighter(GuardHighlighter):
    """Counts the paragraphs Qt hands to the check."""

    visits = 0

    def highlightBlock(self, text: str) -> None:
        self.visits += 1
        super().highlightBlock(text)


def test_a_text_put_in_whole_is_checked_only_near_the_view_and_typing_then_checks_one_paragraph(
    qtbot: QtBot,
) -> None:
    editor = shown_editor(qtbot)
    highlighter = CountingHighlighter(editor.document(), editor)
    highlighter.set_names(("Priya Shah",))
    with highlighter.replacing_text():
        editor.setPlainText(LONG_NOTE)
    assert underlined_in(editor.document().firstBlock()) == ["Priya"]  # at once, not on the next turn
    assert 0 < highlighter.visits < 100  # the paragraphs near the view, not the 2,000
    assert editor.document().lastBlock().userState() == UNCHECKED
    highlighter.visits = 0
    editor.moveCursor(QTextCursor.MoveOperation.EndOfBlock)
    qtbot.keyClicks(editor, " and Priya again")
    assert underlined(editor) == ["Priya", "Priya"]
    assert highlighter.visits == len(" and Priya again")  # one paragraph per key: no run on through the rest


def test_without_a_view_a_text_put_in_whole_is_checked_throughout(qtbot: QtBot) -> None:
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    highlighter = GuardHighlighter(editor.document())
    highlighter.set_names(("Priya Shah",))
    with highlighter.replacing_text():
        editor.setPlainText("\n".join(f"Paragraph {n}: ask Priya on the duty desk." for n in range(300)))
    assert underlined_in(editor.document().lastBlock()) == ["Priya"]

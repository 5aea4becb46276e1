"""Notes are checked as they are written: names the team guards, and obvious identifiers, are underlined."""

from __future__ import annotations

from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import QPlainTextEdit
from pytestqt.qtbot import QtBot

from peerdesk.ui.notes.guard_highlighter import GuardHighlighter


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

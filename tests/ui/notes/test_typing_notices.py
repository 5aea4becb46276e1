"""Nothing takes the keyboard away from the note taker: a refused capture or a failed autosave is said in the
panel's notice bar while the keystrokes go on into the notes, and no modal box opens."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from peerdesk.services import notes
from peerdesk.store import sqlcipher
from peerdesk.ui.notes.panel import NotesPanel
from tests.helpers.modals import no_box_may_open

CTRL = Qt.KeyboardModifier.ControlModifier


def test_a_refused_post_it_is_said_inline_and_typing_goes_on_into_the_notes(qtbot: QtBot, panel: NotesPanel) -> None:
    with no_box_may_open() as boxes:
        qtbot.keyClicks(panel.editor, "Carers feel valued.")
        qtbot.keyClick(panel.editor, Qt.Key.Key_Return)
        qtbot.keyClick(panel.editor, Qt.Key.Key_2, CTRL)  # a thorn from an empty line: refused
        qtbot.keyClicks(panel.editor, "Respite is hard to find.")
    assert boxes == []
    assert panel.editor.toPlainText() == "Carers feel valued.\nRespite is hard to find."
    assert QApplication.focusWidget() is panel.editor and QApplication.activeModalWidget() is None
    assert panel.notices.isVisible() and panel.notices.kind == "error"
    assert "Put the cursor on a line with words on it" in panel.notices.text()


def test_a_refused_quote_is_said_inline_and_the_notice_can_be_dismissed(qtbot: QtBot, panel: NotesPanel) -> None:
    with no_box_may_open() as boxes:
        qtbot.keyClicks(panel.editor, "Short")
        panel.editor.selectAll()
        panel.capture(0, 0)  # an empty selection reaches the service: refused
        qtbot.keyClick(panel.editor, Qt.Key.Key_End)
        qtbot.keyClicks(panel.editor, " and sweet")
    assert boxes == [] and panel.editor.toPlainText() == "Short and sweet"
    assert "Select the words to quote first" in panel.notices.text()
    qtbot.keyClick(panel.editor, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)  # Dis&miss, from the editor
    qtbot.waitUntil(panel.notices.isHidden, timeout=2000)
    assert QApplication.focusWidget() is panel.editor


def test_an_autosave_that_fails_while_typing_is_said_inline_and_saved_once_it_can_be(
    qtbot: QtBot, panel: NotesPanel, review_path: Path, passphrase: str
) -> None:
    assert panel.note is not None and panel.saver is not None
    other = sqlcipher.connect(review_path, passphrase)  # another program holds the file's write lock
    other.execute("BEGIN IMMEDIATE")
    try:
        with no_box_may_open() as boxes:
            qtbot.keyClicks(panel.editor, "The front door ")
            panel.save_soon()  # the typing pause falls due
            qtbot.waitUntil(lambda: panel.notices.isVisible(), timeout=20000)  # the save gave up waiting
            qtbot.keyClicks(panel.editor, "is confusing.")
        assert boxes == [] and QApplication.activeModalWidget() is None
        assert panel.editor.toPlainText() == "The front door is confusing."
        assert QApplication.focusWidget() is panel.editor
        assert panel.notices.text().startswith("Could not save the notes") and panel.notices.kind == "error"
        assert panel.status.text() in ("Not saved yet — will try again as you type", "Typing…")
    finally:
        other.execute("ROLLBACK")
        other.close()
    qtbot.keyClicks(panel.editor, " Really.")
    panel.save_soon()
    qtbot.waitUntil(lambda: panel.status.text() == "Saved", timeout=20000)
    assert notes.body(panel.session.store, panel.note.id) == "The front door is confusing. Really."
    assert panel.notices.isHidden()  # what it said is no longer true

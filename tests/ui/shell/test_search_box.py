"""Find in notes and quotes: hits as you type, highlighted, and a jump to the place in the notes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from peerdesk.services import notes
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.shell.main_window import MainWindow
from peerdesk.ui.shell.search_box import HIT_ROLE, TYPING_PAUSE_MS, hit_html
from tests.helpers.clock import Clock
from tests.helpers.timetable import build_day

BODY = "Opening.\nThe duty team answers the phone quickly.\nRespite is hard to find for carers.\n"


def test_find_shows_highlighted_hits_and_jumps_to_the_word(qtbot: QtBot, session: ReviewSession) -> None:
    day = build_day(session.store)
    note, _ = notes.open_note(session.store, day.interviews[0])
    notes.save_body(session.store, note, BODY)
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    assert window.action_find.shortcut() == QKeySequence(QKeySequence.StandardKey.Find)
    window.action_find.trigger()
    box = window.search_box
    assert box is not None and box.isVisible()
    clock = Clock()
    box.pause.clock = clock
    qtbot.keyClicks(box.edit, "respi")
    assert box.model.rowCount() == 0, "still typing: no search yet"
    clock.advance(TYPING_PAUSE_MS)
    assert box.pause.check()  # typing paused: the search runs
    assert box.model.rowCount() == 1
    hit = box.model.index(0).data(HIT_ROLE)
    assert "<b style='background:#fff0a6'>Respite</b>" in hit_html(hit)
    assert "Foster carers" in hit_html(hit)
    qtbot.keyClick(box.edit, Qt.Key.Key_Return)
    panel = window.notes_panel
    assert panel is not None and panel.note is not None and panel.note.id == note
    assert panel.editor.textCursor().selectedText() == "Respite"
    window.close()


def test_nothing_found_says_so(qtbot: QtBot, session: ReviewSession) -> None:
    build_day(session.store)
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show_search()
    box = window.search_box
    assert box is not None
    box.edit.setText('"(unbalanced AND')
    box.run()
    assert box.count.text() == "Nothing found."
    window.close()

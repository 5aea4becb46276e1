"""Day 1, in an interview, as the note taker works in the real window: open the interview from the timetable, type
what is said, keep a sentence as a quote by keyboard, type a quote word for word, and make a post-it of a line.
Every click, key and typed sentence is counted."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from peerdesk.services import quotes, wall
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.notes.panel import NotesPanel
from peerdesk.ui.timetable.panel import TimetablePanel
from tests.helpers.user_actions import Counted, main_window

SAID = "Phones went quiet"
VERBATIM = "nobody rang back about the respite request"
CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def test_notes_two_quotes_and_a_rose_within_thirteen_actions(qtbot: QtBot, demo_session: ReviewSession) -> None:
    window = main_window(qtbot, demo_session)
    user = Counted(qtbot)
    timetable = window.panels["dock-timetable"]
    assert isinstance(timetable, TimetablePanel)
    interview = next(i for i in timetable.model.table.interviews if i.slot is not None)
    index = timetable.model.index_of(interview.id)
    timetable.view.scrollTo(index)
    card = timetable.view.visualRect(index).center()
    qtbot.mouseClick(timetable.view.viewport(), Qt.MouseButton.LeftButton, pos=card)  # a double-click is a press,
    qtbot.mouseDClick(timetable.view.viewport(), Qt.MouseButton.LeftButton, pos=card)  # then the second press
    user.log.append("double-click the interview in the timetable")
    panel = window.panels["dock-notes"]
    assert isinstance(panel, NotesPanel)
    qtbot.waitUntil(panel.editor.hasFocus)
    before = len(quotes.list_quotes(demo_session.store))
    postits_before = len(wall.load_wall(demo_session.store).postits)

    user.key(Qt.Key.Key_End, CTRL)  # after what is there already
    user.key(Qt.Key.Key_Return)
    user.type(SAID, "what was said")
    for _word in SAID.split():  # the words just typed, word by word (the notes dock is narrow at 1366 px:
        user.key(Qt.Key.Key_Left, CTRL | SHIFT)  # Shift+Home would select only the last wrapped line)
    user.key(Qt.Key.Key_Q, CTRL)  # is a quote
    user.key(Qt.Key.Key_End)
    user.key(Qt.Key.Key_Q, CTRL)  # a quote typed word for word: open…
    user.type(" " + VERBATIM, "the words as said")
    user.key(Qt.Key.Key_Q, CTRL)  # …and close it
    user.key(Qt.Key.Key_1, CTRL)  # the line, a rose post-it

    texts = [q.text for q in quotes.list_quotes(demo_session.store)]
    assert len(texts) == before + 2
    assert SAID in texts and VERBATIM in texts
    made = wall.load_wall(demo_session.store).postits
    assert len(made) == postits_before + 1
    assert any(p.kind == "rose" and SAID[:20] in p.text for p in made)
    print(f"Day 1 capture: {user.count} actions", *user.log, sep="\n  ")
    assert user.count <= 13

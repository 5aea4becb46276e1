"""The Quotes tab of the notes: the interview's quotes, this note's post-its in the wall's colours, and Delete."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from peerdesk.services import notes
from peerdesk.ui.kit import palette
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.notes.captures_tab import QUOTE_ROLE, CapturesTab
from tests.helpers.timetable import Day

TEXT = "Managers visit every week.\nCaseloads are far too high.\nA buddy scheme would help."


def filled_tab(qtbot: QtBot, session: ReviewSession, day: Day) -> tuple[CapturesTab, str, str]:
    store = session.store
    note, _ = notes.open_note(store, day.interviews[0])
    quote, _ = notes.capture_quote(store, note, 0, len("Managers visit"), TEXT)
    for kind, line in zip(("rose", "thorn", "bud"), TEXT.split("\n"), strict=True):
        start = TEXT.index(line)
        notes.make_postit(store, note, kind, start, start + len(line), TEXT)
    tab = CapturesTab(session)
    qtbot.addWidget(tab)
    tab.load(day.interviews[0], note)
    return tab, note, quote


def shown_tab(qtbot: QtBot, session: ReviewSession, day: Day) -> tuple[CapturesTab, str, str]:
    tab, note, quote = filled_tab(qtbot, session, day)
    tab.show()
    qtbot.waitExposed(tab)
    return tab, note, quote


def test_it_lists_the_quotes_and_the_post_its_in_the_palette_colours(
    qtbot: QtBot, session: ReviewSession, day: Day
) -> None:
    tab, _note, quote = filled_tab(qtbot, session, day)
    assert tab.quotes_model.rowCount() == 1
    assert tab.quotes_model.item(0).text() == "“Managers visit”"
    assert tab.quotes_model.item(0).data(QUOTE_ROLE) == ("quote", quote)
    rows = [tab.postits_model.item(n) for n in range(tab.postits_model.rowCount())]
    assert [r.text() for r in rows] == [
        "Rose: Managers visit every week.",
        "Thorn: Caseloads are far too high.",
        "Bud: A buddy scheme would help.",
    ]
    for row, kind in zip(rows, ("rose", "thorn", "bud"), strict=True):
        assert row.background().color() == palette.fill(kind)  # the same colours as the wall
        assert row.foreground().color() == palette.ink()


def test_clicking_a_quote_names_it_and_clear_empties_both_lists(qtbot: QtBot, session: ReviewSession, day: Day) -> None:
    tab, _note, quote = filled_tab(qtbot, session, day)
    with qtbot.waitSignal(tab.quote_chosen) as chosen:
        tab.quotes_view.clicked.emit(tab.quotes_model.index(0, 0))
    assert chosen.args == [quote]
    tab.clear()
    assert tab.quotes_model.rowCount() == tab.postits_model.rowCount() == 0


def test_delete_selected_removes_the_post_it_with_the_focus_as_one_undo_step(
    qtbot: QtBot, session: ReviewSession, day: Day
) -> None:
    tab, note, _quote = shown_tab(qtbot, session, day)
    tab.quotes_view.setCurrentIndex(tab.quotes_model.index(0, 0))
    tab.postits_view.setCurrentIndex(tab.postits_model.index(1, 0))
    tab.postits_view.setFocus()
    qtbot.waitUntil(tab.postits_view.hasFocus)
    tab.delete_selected()
    assert [p.kind for p in notes.postits_of_note(session.store, note)] == ["rose", "bud"]
    assert len(notes.quotes_of_note(session.store, note)) == 1  # the quote, not focused, stays
    session.undo_stack.undo()
    assert len(notes.postits_of_note(session.store, note)) == 3


def test_a_hidden_tab_lists_the_quotes_only_when_it_is_shown(qtbot: QtBot, session: ReviewSession, day: Day) -> None:
    tab, note, _quote = filled_tab(qtbot, session, day)  # loaded while hidden
    shown_rows = tab.quotes_view.model().rowCount
    assert shown_rows() == 0 and tab.postits_view.model().rowCount() == 0  # nothing read for a tab not seen
    tab.show()
    qtbot.waitExposed(tab)
    assert shown_rows() == 1 and tab.postits_view.model().rowCount() == 3
    tab.load(day.interviews[0], note)  # on screen: listed at once
    assert shown_rows() == 1


def test_a_note_opened_while_the_tab_is_hidden_leaves_nothing_of_the_last_one_selected(
    qtbot: QtBot, session: ReviewSession, day: Day
) -> None:
    tab, note, _quote = shown_tab(qtbot, session, day)
    tab.postits_view.setCurrentIndex(tab.postits_model.index(1, 0))
    tab.hide()
    other, _ = notes.open_note(session.store, day.interviews[1])
    tab.load(day.interviews[1], other)
    tab.delete_selected()
    assert len(notes.postits_of_note(session.store, note)) == 3  # the thorn selected before stays


def test_the_delete_key_deletes_the_quote_clicked_in_the_list(qtbot: QtBot, session: ReviewSession, day: Day) -> None:
    """A quote clicked, then Delete, as in every list: the button under the lists is often scrolled out of sight."""
    tab, note, _quote = shown_tab(qtbot, session, day)
    tab.activateWindow()
    qtbot.mouseClick(
        tab.quotes_view.viewport(),
        Qt.MouseButton.LeftButton,
        pos=tab.quotes_view.visualRect(tab.quotes_model.index(0, 0)).center(),
    )
    qtbot.waitUntil(tab.quotes_view.hasFocus)
    qtbot.keyClick(tab.quotes_view, Qt.Key.Key_Delete)
    assert notes.quotes_of_note(session.store, note) == []
    session.undo_stack.undo()
    assert len(notes.quotes_of_note(session.store, note)) == 1

"""Autosave of the note being typed: newest text wins, nothing is written after a discard."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from peerdesk.services import notes
from peerdesk.store.engine import Store
from peerdesk.ui.notes.saver import NoteSaver
from tests.helpers.timetable import build_day


def _note(store: Store) -> str:
    return notes.open_note(store, build_day(store).interviews[0])[0]


def test_the_newest_text_is_what_the_file_holds_after_a_flush(qtbot: QtBot, store: Store) -> None:
    note = _note(store)
    saver = NoteSaver(store, note)
    for text in ("The", "The duty", "The duty line"):
        saver.schedule(text, {})
    saver.close()
    assert notes.body(store, note) == "The duty line"
    assert saver.committed == saver.latest == 3


def test_a_saved_signal_carries_the_number_of_what_was_written(qtbot: QtBot, store: Store) -> None:
    note = _note(store)
    saver = NoteSaver(store, note)
    with qtbot.waitSignal(saver.saved, timeout=5000) as saved:
        saver.schedule("respite", {})
    assert saved.args[0] == 1 and "note_text" in saved.args[1]  # names only the text: no quote reload
    saver.close()


def test_an_exclusive_write_supersedes_what_was_queued(qtbot: QtBot, store: Store) -> None:
    note = _note(store)
    saver = NoteSaver(store, note)
    saver.exclusive(lambda: notes.save_body(store, note, "captured with a quote"))
    saver.flush()
    assert notes.body(store, note) == "captured with a quote"
    saver.close()


def test_after_a_discard_what_was_waiting_is_dropped(qtbot: QtBot, store: Store) -> None:
    note = _note(store)
    saver = NoteSaver(store, note)
    saver.exclusive(lambda: notes.save_body(store, note, "kept"))
    saver.discard()  # the note was purged: nothing may be written back
    saver.flush()
    assert notes.body(store, note) == "kept"

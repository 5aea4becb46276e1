"""Autosave of the note being typed: newest text wins, nothing is written after a discard."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
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


def test_a_write_seen_committed_has_its_news_already_on_the_way(qtbot: QtBot, store: Store) -> None:
    note = _note(store)
    saver = NoteSaver(store, note)
    told: list[int] = []
    saver.saved.connect(lambda seq, _changes: told.append(seq))
    for n in range(1, 21):
        saver.schedule(f"respite {n}", {})
        assert saver.wait_committed(timeout=30)  # the write, on the saver's thread (no events handled meanwhile)
        QApplication.processEvents()  # one turn of the event loop: the views hear of it
        assert told[-1] == n
    saver.close()


def test_a_flush_on_the_ui_thread_tells_the_views_at_once(qtbot: QtBot, store: Store) -> None:
    note = _note(store)
    saver = NoteSaver(store, note)
    told: list[tuple[int, bool]] = []
    # What a view may do when told: look whether anything is still to be written (it must not hang).
    saver.saved.connect(lambda seq, _changes: told.append((seq, saver.committed < saver.latest)))
    saver.exclusive(lambda: notes.save_body(store, note, "captured"))
    with saver._state:  # queued, not yet handed to the saver's thread: the flush writes it here
        saver._seq += 1
        saver._pending = (saver._seq, "typed after", {})
    saver.flush()
    assert told == [(2, True)] and saver.committed == saver.latest == 2  # told, then counted committed
    assert notes.body(store, note) == "typed after"
    saver.close()


def test_waiting_for_the_commit_returns_once_it_is_on_disk(qtbot: QtBot, store: Store) -> None:
    note = _note(store)
    saver = NoteSaver(store, note)
    saver.schedule("front door", {})
    assert saver.wait_committed(timeout=30)
    assert saver.committed == saver.latest and notes.body(store, note) == "front door"
    saver.close()


def test_waiting_for_a_write_that_fails_gives_up_after_its_timeout(qtbot: QtBot, store: Store) -> None:
    saver = NoteSaver(store, "no-such-note")  # every write of it is refused
    failed: list[object] = []
    saver.failed.connect(failed.append)
    saver.schedule("lost", {})
    assert not saver.wait_committed(timeout=0.5)
    qtbot.waitUntil(lambda: bool(failed))
    assert saver.committed < saver.latest  # still waiting to be written: nothing pretends it was
    saver.discard()

"""The review session's one change signal: every source of change — an edit, a merged bundle, a purge — reaches
the views and the session's own caches (the names guard's list of names included)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from peerdesk.exchange import transfer
from peerdesk.services import guard, notes, search, timetable, timetable_grid
from peerdesk.services.changes import Changes, everything
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.shell.main_window import MainWindow
from tests.helpers.exchange import Team
from tests.helpers.timetable import build_day

QUOTE = "Lindiwe on the duty desk rang us back within the hour."


def test_a_guarded_name_that_arrives_in_a_bundle_flags_quotes_at_once(qtbot: QtBot, duo: Team) -> None:
    lead, sam = duo.stores
    session = ReviewSession(sam)
    window = MainWindow(session)
    qtbot.addWidget(window)
    assert session.guarded_names.check(QUOTE) == []  # the list is read, and kept
    guard.add_name(lead, "Lindiwe Dube", "staff")
    path = duo.folder / "from-alex.pdbundle"
    path.write_bytes(transfer.export_bundle(lead).data)

    with qtbot.waitSignal(session.changed, timeout=15000) as blocker:
        window.exchange.import_(path)
    assert "guarded_names" in blocker.args[0]
    assert [f.name for f in session.guarded_names.check(QUOTE)] == ["Lindiwe Dube"]
    assert window.notes_panel is not None and window.notes_panel.guard.names == ("Lindiwe Dube",)
    box = window.exchange.last_dialog
    if isinstance(box, QMessageBox):
        box.close()


def test_every_announced_change_to_the_names_reaches_the_cache(session: ReviewSession) -> None:
    assert session.guarded_names.names() == ()
    guard.add_name(session.store, "Priya Patel", "interviewee")  # written behind the session's back...
    assert session.guarded_names.names() == ()  # ...so the kept list has not heard of it yet
    session.notify(Changes.of("quotes"))
    assert session.guarded_names.names() == ()
    session.notify(everything())  # a purge or a restore announces everything
    assert session.guarded_names.names() == ("Priya Patel",)
    name_id, _ = guard.add_name(session.store, "Sam Okafor", "staff")
    session.notify(Changes.of("guarded_names", ids=[name_id]))
    assert session.guarded_names.names() == ("Priya Patel", "Sam Okafor")


def test_the_labels_kept_for_search_hits_are_forgotten_when_a_group_is_renamed(session: ReviewSession) -> None:
    store = session.store
    day = build_day(store)
    note, _ = notes.open_note(store, day.interviews[0])
    notes.save_body(store, note, "The duty line rings out.")
    group_id = {g.name: g.id for g in timetable.timetable(store).groups}["Foster carers"]

    def found_group() -> str:
        return search.search(store, "duty", labels=session.search_labels)[0].group

    assert found_group() == "Foster carers"
    timetable_grid.rename_group(store, group_id, "Kinship carers")  # behind the session's back...
    session.notify(Changes.of("quotes"))
    assert found_group() == "Foster carers"  # ...so the kept label has not heard of it
    session.apply(lambda s: timetable_grid.rename_group(s, group_id, "Family carers"))
    assert found_group() == "Family carers"

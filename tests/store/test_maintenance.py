"""Whole-file maintenance: checkpoint and vacuum keep the content and the search index; finishing a purge."""

from __future__ import annotations

from pathlib import Path

from peerdesk.services import backups, notes, search
from peerdesk.store import backup, maintenance
from peerdesk.store.engine import Store
from peerdesk.store.tables import PURGE_UNFINISHED_META
from peerdesk.store.uow import UnitOfWork
from tests.helpers.timetable import build_day


def _wal(store: Store) -> Path:
    return Path(f"{store.path}-wal")


def test_checkpoint_empties_the_write_ahead_log(store: Store) -> None:
    day = build_day(store)
    note, _ = notes.open_note(store, day.interviews[0])
    notes.save_body(store, note, "the front door is busy")
    assert _wal(store).stat().st_size > 0
    maintenance.checkpoint(store)
    assert _wal(store).stat().st_size == 0


def test_vacuum_keeps_every_record_findable(store: Store) -> None:
    day = build_day(store)
    note, _ = notes.open_note(store, day.interviews[0])
    notes.save_body(store, note, "respite is hard to find")
    maintenance.vacuum(store)
    assert [h.kind for h in search.search(store, "respite")] == ["note"]


def test_finishing_a_purge_removes_the_backups_and_clears_the_marker(store: Store) -> None:
    backups.make_backup(store, "manual")
    with UnitOfWork(store) as uow:  # what a purge leaves when it is killed before its second half
        uow.set_meta(PURGE_UNFINISHED_META, "1")
        uow.commit()
    assert maintenance.purge_unfinished(store)
    assert maintenance.finish_purge(store) == 1
    assert not maintenance.purge_unfinished(store)
    assert backup.list_snapshots(store.path) == []

"""Backups: rotating encrypted snapshots beside the review, listed with their counts, and restored safely."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from peerdesk.errors import UserError
from peerdesk.services import backups, records
from peerdesk.services import review as review_service
from peerdesk.store import backup
from peerdesk.store.engine import Store
from tests.conftest import PASSPHRASE
from tests.helpers.seed import seed


def test_a_backup_opens_with_the_review_passphrase_and_holds_its_records(store: Store) -> None:
    seed(store)
    made = backups.make_backup(store, "manual")
    assert made.parent == backup.folder_for(store.path)
    assert backups.count_records(made, PASSPHRASE) == {
        "interviews": 1,
        "notes": 2,
        "quotes": 2,
        "postits": 2,
        "insights": 1,
    }
    assert b"quillfeather" not in made.read_bytes().lower()  # encrypted on disk


def test_only_the_newest_routine_backups_are_kept(store: Store) -> None:
    for _ in range(5):
        backups.make_backup(store, "hourly", keep=3)
    special = backups.make_backup(store, "before-restore", keep=3)
    kept = backups.snapshots(store.path)
    assert [reason for _, _, reason in kept].count("hourly") == 3
    assert special in [p for p, _, _ in kept]


def test_hourly_backups_happen_on_visit_days_only(store: Store) -> None:
    on_day_1 = dt.datetime(2026, 3, 10, 9, 0)
    assert backups.hourly_due(store.path, "2026-03-10", "2026-03-11", on_day_1)
    assert not backups.hourly_due(store.path, "2026-03-10", "2026-03-11", dt.datetime(2026, 3, 12, 9, 0))
    assert not backups.hourly_due(store.path, "", "", on_day_1)
    backups.make_backup(store, "hourly")
    _, made, _ = backups.snapshots(store.path)[0]
    # The visit spans the backup's day and the next, so the hour after a backup made late in the evening (the
    # next day) is a visit day too: the test holds at any time of day.
    first, last = made.date().isoformat(), (made + dt.timedelta(days=1)).date().isoformat()
    assert not backups.hourly_due(store.path, first, last, made + dt.timedelta(minutes=59))
    assert backups.hourly_due(store.path, first, last, made + dt.timedelta(minutes=61))


def test_describe_lists_times_reasons_and_counts_newest_first(store: Store) -> None:
    backups.make_backup(store, "manual")
    seed(store)
    backups.make_backup(store, "hourly")
    listed = backups.describe(store.path, PASSPHRASE)
    assert [b.reason for b in listed] == ["hourly", "manual"]
    assert listed[0].counts["notes"] == 2 and listed[1].counts["notes"] == 0
    assert listed[0].made >= listed[1].made and listed[0].label == "Hourly backup"


def test_describe_with_the_wrong_passphrase_says_why_for_each(store: Store) -> None:
    backups.make_backup(store, "manual")
    (listed,) = backups.describe(store.path, "not the passphrase")
    assert "passphrase is not right" in listed.problem and listed.counts == {}


def test_restore_brings_back_the_backup_and_keeps_the_current_state_as_a_backup(store: Store) -> None:
    chosen = backups.make_backup(store, "manual")
    seed(store)
    path = store.path
    store.close()
    saved = backups.restore(path, chosen, PASSPHRASE)
    with Store.open(path, PASSPHRASE) as restored:
        assert review_service.info(restored)["notes"] == 0
    assert backups.count_records(saved, PASSPHRASE)["notes"] == 2  # and the restore itself can be undone
    backups.restore(path, saved, PASSPHRASE)
    with Store.open(path, PASSPHRASE) as again:
        assert review_service.info(again)["notes"] == 2


def test_restore_refuses_a_file_that_is_not_this_reviews_backup(store: Store, tmp_path: Path) -> None:
    path = store.path
    records.create(store, "notes", body="kept")
    store.close()
    other = tmp_path / "elsewhere.peerdesk"
    other.write_bytes(path.read_bytes())
    with pytest.raises(UserError, match="another review"):
        backups.restore(path, other, PASSPHRASE)
    with Store.open(path, PASSPHRASE) as s:
        assert review_service.info(s)["notes"] == 1


def test_a_review_damaged_in_page_1_is_restored_from_the_backup_its_passphrase_opens(store: Store) -> None:
    from peerdesk.errors import DamagedWithBackup

    backups.make_backup(store, "manual")
    path = store.path
    store.close()
    data = bytearray(path.read_bytes())
    data[1000] ^= 0x04
    path.write_bytes(bytes(data))
    with pytest.raises(DamagedWithBackup) as refused:
        Store.open(path, PASSPHRASE)
    backups.restore(path, Path(refused.value.backup), PASSPHRASE)
    Store.open(path, PASSPHRASE).close()
    kept = list(backup.folder_for(path).glob("*.damaged"))
    assert len(kept) == 1 and kept[0].read_bytes() == bytes(data)


def test_looking_at_a_backup_an_older_peerdesk_made_leaves_it_as_it_was(tmp_path: Path) -> None:
    """Listing the backups opened each one, and upgraded an old one in place: a faulty upgrade could no longer be
    undone from the backup made before it. It is counted on a private copy now."""
    from peerdesk.errors import OlderSchema
    from peerdesk.store import sqlcipher
    from tests.helpers.files import digest
    from tests.helpers.migrations import make_review_at

    path = tmp_path / "old.peerdesk"
    make_review_at(path, PASSPHRASE, "0001")
    Store.open(path, PASSPHRASE).close()  # upgraded, after a backup of the file as it was
    [snapshot] = backup.list_snapshots(path)
    before = digest(snapshot)
    [listed] = backups.describe(path, PASSPHRASE)
    # Counted on its upgraded copy (this made-up old file has notes and quotes but no review record, which the
    # counting asks for: it says so, as it would of the file itself), never refused as "older".
    assert "older version" not in listed.problem and "no review record" in listed.problem
    assert digest(snapshot) == before
    conn = sqlcipher.connect(snapshot, PASSPHRASE)
    try:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
    finally:
        conn.close()
    with pytest.raises(OlderSchema, match="has not been changed"):
        Store.open(snapshot, PASSPHRASE, make_backup=False, upgrade=False)
    assert digest(snapshot) == before and sorted(p.name for p in snapshot.parent.iterdir()) == [snapshot.name]

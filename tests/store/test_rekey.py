"""Changing the passphrase: the file and its backups move to the new one; the old one opens nothing."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from peerdesk.errors import UserError, WrongPassphrase
from peerdesk.services import backups, records
from peerdesk.services import review as review_service
from peerdesk.store import backup, rekey, sqlcipher
from peerdesk.store.engine import Store
from tests.conftest import PASSPHRASE
from tests.helpers.seed import seed

NEW = "a brand new passphrase for the review"


def test_the_file_opens_with_the_new_passphrase_only_and_stays_usable(store: Store) -> None:
    seed(store)
    rekey.change_passphrase(store, PASSPHRASE, NEW)
    records.create(store, "notes", body="written after the change")  # the open store carries on
    path = store.path
    store.close()
    with pytest.raises(WrongPassphrase):
        Store.open(path, PASSPHRASE)
    with Store.open(path, NEW) as s:
        assert review_service.info(s)["notes"] == 3


def test_backups_are_rekeyed_too_including_the_one_taken_first(store: Store) -> None:
    backups.make_backup(store, "hourly")
    taken_first = rekey.change_passphrase(store, PASSPHRASE, NEW)
    assert taken_first.exists()
    for path, _, _ in backups.snapshots(store.path):
        assert sqlcipher.opens_with(path, NEW) and not sqlcipher.opens_with(path, PASSPHRASE)


def test_a_wrong_current_passphrase_or_a_weak_new_one_changes_nothing(store: Store) -> None:
    with pytest.raises(WrongPassphrase):
        rekey.change_passphrase(store, "not the current passphrase", NEW)
    with pytest.raises(UserError, match="at least"):
        rekey.change_passphrase(store, PASSPHRASE, "short")
    with pytest.raises(UserError, match="same"):
        rekey.change_passphrase(store, PASSPHRASE, PASSPHRASE)
    assert sqlcipher.opens_with(store.path, PASSPHRASE)


CHILD = """
import sys
from peerdesk.store import sqlcipher, rekey
conn = sqlcipher.connect(sys.argv[1], sys.argv[2])
sqlcipher.configure(conn)
print("ready", flush=True)
rekey.rekey_file(conn, sys.argv[3])
print("done", flush=True)
"""


def test_a_rekey_killed_at_any_moment_leaves_a_file_that_one_of_the_passphrases_opens(
    store: Store, review_path: Path
) -> None:
    seed(store, notes=600)  # a few hundred pages, so the kill lands inside the rewrite
    store.close()
    rng = random.Random(7)
    passphrases = [PASSPHRASE, NEW]
    outcomes = set()
    for attempt in range(6):
        old, new = passphrases
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(review_path), old, new],
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": str(Path.cwd())},
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.25) if attempt else 0.0)
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
        opening = [p for p in passphrases if sqlcipher.opens_with(review_path, p)]
        assert len(opening) == 1, "exactly one of the passphrases must open the file"
        with Store.open(review_path, opening[0], make_backup=False) as s:
            conn = s.raw()
            try:
                assert conn.driver_connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            finally:
                conn.close()
            assert review_service.info(s)["notes"] == 600
        outcomes.add(opening[0])
        if opening[0] == new:
            passphrases.reverse()
    assert outcomes  # (which one depends on timing; both are fine)


def test_a_backup_the_old_passphrase_does_not_open_is_removed_not_left_on_a_retired_key(store: Store) -> None:
    backups.make_backup(store, "manual")
    older = backups.snapshots(store.path)[0][0]
    rekey.change_passphrase(store, PASSPHRASE, "an intermediate passphrase")
    rekey.change_passphrase(store, "an intermediate passphrase", NEW)
    assert all(sqlcipher.opens_with(p, NEW) for p, _, _ in backups.snapshots(store.path))
    assert older.exists() and not sqlcipher.opens_with(older, PASSPHRASE)


def test_an_open_after_an_interrupted_change_removes_backups_on_the_retired_passphrase(store: Store) -> None:
    backups.make_backup(store, "manual")
    path = store.path
    conn = sqlcipher.connect(path, PASSPHRASE)  # the review re-keyed, then the process died: marker still there
    rekey.marker_for(path).touch()
    store.close()
    rekey.rekey_file(conn, NEW)
    conn.close()
    with Store.open(path, NEW, make_backup=False):
        pass
    assert backups.snapshots(path) == [] and not rekey.marker_for(path).exists()


def test_byte_copies_beside_the_backups_go_with_the_retired_passphrase(store: Store) -> None:
    folder = backup.folder_for(store.path)
    folder.mkdir()
    for name in ("review-20260101-000000-000000-unclean-exit.wal", "review-20260101-000000-000000-damaged.damaged"):
        (folder / name).write_bytes(store.path.read_bytes()[:4096])
    rekey.change_passphrase(store, PASSPHRASE, NEW)
    assert not list(folder.glob("*.wal")) and not list(folder.glob("*.damaged"))

"""Reviews, their sidecars, backups and logs are the owner's only (0600, folders 0700), whatever the umask."""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from peerdesk import logs
from peerdesk.services import backups, records
from peerdesk.store import rekey
from peerdesk.store.engine import Store
from tests.conftest import PASSPHRASE


@pytest.fixture(autouse=True)
def _generous_umask() -> Iterator[None]:
    old = os.umask(0o022)  # the usual default, which makes world-readable files
    yield
    os.umask(old)


def mode(path: Path | str) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_a_new_review_and_its_wal_and_shm_are_the_owners_only(store: Store) -> None:
    records.create(store, "notes", body="in the WAL")
    for suffix in ("", "-wal", "-shm"):
        assert mode(f"{store.path}{suffix}") == 0o600, suffix


def test_backups_their_folder_and_a_restored_review_are_the_owners_only(store: Store) -> None:
    made = backups.make_backup(store, "manual")
    assert mode(made) == 0o600 and mode(made.parent) == 0o700
    path = store.path
    store.close()
    backups.restore(path, made, PASSPHRASE)
    assert mode(path) == 0o600
    assert all(mode(p) == 0o600 for p, _, _ in backups.snapshots(path))


def test_backups_rekeyed_under_a_new_passphrase_stay_the_owners_only(store: Store) -> None:
    backups.make_backup(store, "manual")
    rekey.change_passphrase(store, PASSPHRASE, "a brand new passphrase 2026")
    assert all(mode(p) == 0o600 for p, _, _ in backups.snapshots(store.path))


def test_the_log_and_its_folder_are_the_owners_only(tmp_path: Path) -> None:
    folder = tmp_path / "logs"
    path = logs.setup_logging(folder=folder)
    logging.getLogger("peerdesk.test").info("hello")
    assert mode(folder) == 0o700 and mode(path) == 0o600


def test_a_bundle_is_the_owners_only(tmp_path: Path) -> None:
    from peerdesk.services import sharing
    from tests.helpers.exchange import make_team

    team = make_team(tmp_path / "team", size=2)
    try:
        out = tmp_path / "mine.pdbundle"
        sharing.export_to(team.stores[0], out)
        assert mode(out) == 0o600
    finally:
        team.close()


def test_a_review_an_older_version_left_world_readable_is_made_the_owners_on_open(store: Store) -> None:
    backups.make_backup(store, "manual")
    path = store.path
    store.close()
    path.chmod(0o644)
    path.with_name(path.name + ".backups").chmod(0o755)
    with Store.open(path, PASSPHRASE) as reopened:
        records.create(reopened, "notes", body="in the WAL")
        assert mode(path) == 0o600 and mode(f"{path}-wal") == 0o600
    assert mode(path.with_name(path.name + ".backups")) == 0o700

"""The parent side of the statement-level kill harness (child: ``tests/helpers/kill_at.py``).

A pristine folder (a seeded review and one backup) is copied for each run; the child is killed before statement N
of one operation; then the folder is checked as the next open would find it. The checks decrypt pages themselves
(``tests/helpers/pages.py``), so they do not trust peerdesk's own reading of its files.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from sqlalchemy import text

from peerdesk.services import backups, retention, timetable
from peerdesk.store import migrate, sqlcipher
from peerdesk.store.engine import Store
from peerdesk.store.models import Note
from tests.conftest import PASSPHRASE
from tests.helpers.kill_at import IMPORTED, NEW_PASSPHRASE
from tests.helpers.pages import file_and_wal_plaintext
from tests.helpers.seed import SECRET_WORDS

ROOT = Path(__file__).resolve().parents[2]
REVIEW = "review.peerdesk"
# Words that only interview records carry (the insight's and summary's words are meant to stay).
CANARIES = tuple(w.encode() for w in SECRET_WORDS if w != "wrenfield")


def run_child(operation: str, folder: Path, kill_at: int) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tests.helpers.kill_at", operation, str(folder / REVIEW), PASSPHRASE, str(kill_at)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=120,
    )


def count_statements(operation: str, pristine: Path, scratch: Path) -> int:
    folder = fresh_copy(pristine, scratch / f"count-{operation}")
    done = run_child(operation, folder, 0)
    assert done.returncode == 0, done.stderr
    return int(done.stdout.split()[-1])


def fresh_copy(pristine: Path, folder: Path) -> Path:
    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(pristine, folder)
    return folder


def kill_and_check(operation: str, pristine: Path, folder: Path, kill_at: int, notes: int) -> None:
    fresh_copy(pristine, folder)
    result = run_child(operation, folder, kill_at)
    assert result.returncode in (0, -9), result.stderr
    CHECKS[operation](folder / REVIEW, notes)


def check_purge(path: Path, notes: int) -> None:
    with Store.open(path, PASSPHRASE, make_backup=False) as store:
        purged = bool(retention.status(store).purged_on)
        with store.session() as s:
            left = s.query(Note).count()
        if purged:  # the open finished it: look at the file and the WAL as they are now, while open
            _assert_no_canary(file_and_wal_plaintext(path, PASSPHRASE), "an open review after an interrupted purge")
    if not purged:
        assert left == notes, "a purge that has not happened must not have deleted anything"
        return
    assert left == 0
    _assert_no_canary(file_and_wal_plaintext(path, PASSPHRASE), "the closed review")
    assert not backups.snapshots(path), "the backups hold the purged records"
    assert not path.with_name(path.name + ".restoring").exists()


def check_rekey(path: Path, notes: int) -> None:
    current = NEW_PASSPHRASE if sqlcipher.opens_with(path, NEW_PASSPHRASE) else PASSPHRASE
    with Store.open(path, current, make_backup=False) as store, store.session() as s:
        assert s.query(Note).count() == notes
    every_file = [p for p in path.parent.rglob("*") if p.is_file() and not p.name.endswith(("-shm", ".lock"))]
    if current == NEW_PASSPHRASE:
        retired = [p.name for p in every_file if _opens(p, PASSPHRASE)]
        assert not retired, f"files still open with the retired passphrase: {retired}"
    else:  # nothing happened: every backup is still there on the one passphrase
        assert backups.snapshots(path), "a rekey that did not happen lost the backups"


def check_restore(path: Path, notes: int) -> None:
    with Store.open(path, PASSPHRASE, make_backup=False) as store, store.session() as s:
        assert s.query(Note).count() in (notes, notes - 1)  # the current file, or the backup (one note fewer)
    assert not path.with_name(path.name + ".restoring").exists(), "the restore's copy outlived the open"
    retention.delete_review(path)
    assert not [p.name for p in path.parent.iterdir()], "files of a deleted review remain"


def _opens(path: Path, passphrase: str) -> bool:
    if path.name.endswith("-wal"):
        return False  # a WAL is never opened alone; its frames belong to the file beside it
    return sqlcipher.opens_with(path, passphrase)


def _assert_no_canary(data: bytes, where: str) -> None:
    found = [w.decode() for w in CANARIES if w in data]
    assert not found, f"deleted text {found} is still readable in {where}"


def check_import(path: Path, notes: int) -> None:
    with Store.open(path, PASSPHRASE, make_backup=False) as store:
        imported = [i for i in timetable.timetable(store).interviews if i.group == "Kill group"]
    assert len(imported) in (0, IMPORTED), "an import is there in part"


def check_migrate(path: Path, _notes: int) -> None:
    with Store.open(path, PASSPHRASE) as store, store.session() as s:
        assert migrate.current(s.connection()) == migrate.head()
        assert s.execute(text("SELECT body FROM notes WHERE id='n1'")).scalar() == "They said the panel meets weekly"
        assert s.execute(text("SELECT count(*) FROM note_chunks_fts WHERE note_chunks_fts MATCH 'panel'")).scalar() == 1
    assert not list(path.parent.rglob("*.partial"))


CHECKS = {
    "purge": check_purge,
    "rekey": check_rekey,
    "restore": check_restore,
    "import": check_import,
    "migrate": check_migrate,
}


def make_old_pristine(folder: Path) -> int:
    """A review at the first schema revision (what ``migrate`` upgrades); returns its number of notes."""
    from tests.helpers.migrations import make_review_at

    folder.mkdir()
    make_review_at(folder / REVIEW, PASSPHRASE, "0001")
    return 1


def make_pristine(store: Store, folder: Path) -> int:
    """Seed the review, back it up, add one more note (so a restore is visible); returns the number of notes."""
    from peerdesk.services import records
    from tests.helpers.seed import seed

    seed(store, notes=6)
    backups.make_backup(store, "manual")
    records.create(store, "notes", body="one more quillfeather note after the backup")
    with store.session() as s:
        notes = s.query(Note).count()
    store.close()
    folder.mkdir()
    shutil.copy(store.path, folder / REVIEW)
    shutil.copytree(store.path.with_name(store.path.name + ".backups"), folder / f"{REVIEW}.backups")
    return notes


def sample(count: int, how_many: int) -> list[int]:
    """``how_many`` kill points spread evenly over 1..count, first and last included."""
    if how_many >= count:
        return list(range(1, count + 1))
    step = (count - 1) / (how_many - 1)
    return sorted({1 + round(i * step) for i in range(how_many)})

"""Each file problem has its own message (and exit code 2): no permission, read-only, a damaged first page, a
damaged write-ahead log, a review already open elsewhere."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from peerdesk.cli import app as cli
from peerdesk.cli.common import PASSPHRASE_ENV
from peerdesk.errors import DamagedFile, DamagedWithBackup, OpenElsewhere, WrongPassphrase
from peerdesk.services import backups, records
from peerdesk.store import maintenance, wal
from peerdesk.store.engine import Store
from peerdesk.store.models import Note
from tests.conftest import PASSPHRASE
from tests.helpers.files import digest

ROOT = Path(__file__).resolve().parents[2]
NOBODY = 65534


def flip_bit(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x04
    path.write_bytes(bytes(data))


def test_a_flipped_bit_in_page_1_is_called_damage_when_the_passphrase_opens_a_backup(store: Store) -> None:
    backups.make_backup(store, "manual")
    path = store.path
    store.close()
    flip_bit(path, 1000)
    before = digest(path)
    with pytest.raises(DamagedWithBackup, match="is damaged") as refused:
        Store.open(path, PASSPHRASE)
    assert refused.value.backup == str(backups.snapshots(path)[0][0])
    assert digest(path) == before
    with pytest.raises(WrongPassphrase):  # with a passphrase nothing opens, it is still the passphrase
        Store.open(path, "not the passphrase at all")


def test_the_cli_says_damaged_with_exit_2(
    store: Store, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    backups.make_backup(store, "manual")
    store.close()
    flip_bit(store.path, 1000)
    monkeypatch.setenv(PASSPHRASE_ENV, PASSPHRASE)
    assert cli.main(["info", str(store.path)]) == 2
    assert "damaged" in capsys.readouterr().err


def test_a_review_open_in_one_window_is_refused_in_another_until_closed(
    store: Store, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(OpenElsewhere, match="open elsewhere"):
        Store.open(store.path, PASSPHRASE)
    monkeypatch.setenv(PASSPHRASE_ENV, PASSPHRASE)
    assert cli.main(["info", str(store.path)]) == 2
    assert "open elsewhere" in capsys.readouterr().err
    child = subprocess.run(
        [sys.executable, "-c", f"from peerdesk.cli.app import main; raise SystemExit(main(['info', '{store.path}']))"],
        cwd=ROOT, capture_output=True, text=True, env={**os.environ, PASSPHRASE_ENV: PASSPHRASE},
    )  # fmt: skip
    assert child.returncode == 2 and "open elsewhere" in child.stderr
    store.close()
    Store.open(store.path, PASSPHRASE).close()


def _unclean_copy(store: Store, folder: Path) -> Path:
    """The review as a kill would leave it: the file and its WAL, holding one more committed note."""
    maintenance.checkpoint(store)  # the schema is in the file; the WAL holds only the note
    records.create(store, "notes", body="committed just before the power cut")
    folder.mkdir()
    copy = folder / store.path.name
    shutil.copy(store.path, copy)
    shutil.copy(f"{store.path}-wal", f"{copy}-wal")
    return copy


def test_a_leftover_wal_is_kept_and_a_damaged_one_is_reported(store: Store, tmp_path: Path) -> None:
    healthy = _unclean_copy(store, tmp_path / "healthy")
    damaged = tmp_path / "damaged"
    shutil.copytree(healthy.parent, damaged)
    damaged_review = damaged / healthy.name
    flip_bit(Path(f"{damaged_review}-wal"), wal.HEADER + wal.FRAME_HEADER + 200)
    with Store.open(healthy, PASSPHRASE) as opened, opened.session() as s:
        assert s.query(Note).count() == 1 and opened.recovery_notes == []
    with Store.open(damaged_review, PASSPHRASE) as opened, opened.session() as s:
        assert s.query(Note).count() == 0  # SQLite could not apply it...
        assert opened.recovery_notes and "could not be applied" in opened.recovery_notes[0]  # ...and we say so
    kept = list((damaged / f"{healthy.name}.backups").glob("*.wal"))
    assert len(kept) == 1 and kept[0].stat().st_mode & 0o777 == 0o600
    assert b"committed just before" not in kept[0].read_bytes()  # the copy's pages are encrypted


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="peerdesk-perm-"))
    folder.chmod(0o777)
    yield folder
    shutil.rmtree(folder)


def _cli_as_another_user(path: Path) -> subprocess.CompletedProcess[str]:
    """Run ``peerdesk info`` as a user who does not own the file (root ignores permissions, so drop to nobody)."""
    code = f"from peerdesk.cli import app as cli; raise SystemExit(cli.main(['info', {str(path)!r}]))"
    if os.geteuid() == 0:  # import first (nobody may not read the interpreter's own files), then drop
        code = (
            "import os, peerdesk.cli.app, peerdesk.logs, peerdesk.services.review, peerdesk.store.maintenance, "
            "peerdesk.store.rekey, peerdesk.store.uow, peerdesk.exchange.digest; "  # the opening itself needs neither
            f"os.setgid({NOBODY}); os.setuid({NOBODY}); " + code
        )
    env = {**os.environ, PASSPHRASE_ENV: PASSPHRASE, "HOME": str(path.parent)}
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, env=env)


@pytest.mark.parametrize(("mode", "says"), [(0o000, "no permission"), (0o444, "read-only")])
def test_no_permission_and_read_only_each_have_their_message_and_exit_2(
    store: Store, shared_folder: Path, mode: int, says: str
) -> None:
    store.close()
    path = shared_folder / store.path.name
    shutil.copy(store.path, path)
    path.chmod(mode)
    result = _cli_as_another_user(path)
    assert result.returncode == 2, result.stderr
    assert says in result.stderr and "Traceback" not in result.stderr


def test_the_cli_maps_a_file_the_system_refuses_to_one_line_and_exit_2(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    store.close()
    monkeypatch.setenv(PASSPHRASE_ENV, PASSPHRASE)
    out = tmp_path / "no-such-folder" / "me.card"
    assert cli.main(["card", str(store.path), str(out)]) == 2
    err = capsys.readouterr().err
    assert "no-such-folder" in err and "unexpected" not in err


def test_a_flipped_bit_in_page_1_without_backups_is_still_called_damage(store: Store) -> None:
    records.create(store, "notes", body="something to fill a few pages")
    path = store.path
    store.close()
    flip_bit(path, 1000)
    with pytest.raises(DamagedFile, match="first page"):
        Store.open(path, PASSPHRASE)
    with pytest.raises(WrongPassphrase):
        Store.open(path, "not the passphrase at all")


def test_retrying_after_a_mistyped_passphrase_keeps_one_copy_of_the_wal(store: Store, tmp_path: Path) -> None:
    crashed = _unclean_copy(store, tmp_path / "crashed")
    with pytest.raises(WrongPassphrase):
        Store.open(crashed, "not the passphrase at all")
    Store.open(crashed, PASSPHRASE).close()
    assert len(list((crashed.parent / f"{crashed.name}.backups").glob("*.wal"))) == 1


def test_a_flipped_bit_in_the_salt_is_told_by_the_newest_backup(store: Store) -> None:
    backups.make_backup(store, "manual")
    path = store.path
    store.close()
    flip_bit(path, 3)  # the key derivation's salt: no page authenticates any more
    with pytest.raises(DamagedWithBackup):
        Store.open(path, PASSPHRASE)

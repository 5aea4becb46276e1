"""Autosave is durable: a commit that returned survives a SIGKILL, and no note text is ever on disk in the clear."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from peerdesk.store.engine import Store
from peerdesk.store.models import Note
from peerdesk.store.uow import UnitOfWork
from tests.helpers.files import all_bytes

SECRET = "the foster carer in Bramble Road said the duty line never answers"


def test_a_process_killed_right_after_a_commit_loses_nothing(store: Store, passphrase: str) -> None:
    path = store.path
    store.close()
    child = textwrap.dedent(
        f"""
        import os, sys, time
        from peerdesk.store.engine import Store
        from peerdesk.store.models import Note
        from peerdesk.store.uow import UnitOfWork
        store = Store.open({str(path)!r}, {passphrase!r})
        for i in range(20):
            with UnitOfWork(store) as uow:
                uow.add(Note, "note-%02d" % i, body="edit number %d" % i)
                uow.commit()
            print(i, flush=True)
        time.sleep(60)
        """
    )
    with subprocess.Popen([sys.executable, "-c", child], stdout=subprocess.PIPE, text=True, cwd=os.getcwd()) as proc:
        assert proc.stdout is not None
        acknowledged = [proc.stdout.readline().strip() for _ in range(20)]
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    assert acknowledged[-1] == "19"
    with Store.open(path, passphrase) as reopened, UnitOfWork(reopened) as uow:
        bodies = {n.id: n.body for n in uow.query(Note)}
    assert bodies == {f"note-{i:02d}": f"edit number {i}" for i in range(20)}


def test_no_note_text_in_the_file_or_its_wal(store: Store) -> None:
    with UnitOfWork(store) as uow:
        uow.add(Note, body=SECRET)
        uow.commit()
    # While the review is open the text sits in the WAL; it must be encrypted there too.
    raw = all_bytes(store.path)
    assert Path(f"{store.path}-wal").exists()
    for needle in (SECRET, "Bramble", "foster carer"):
        assert needle.encode() not in raw
        assert needle.encode("utf-16-le") not in raw
    store.close()
    assert b"Bramble" not in all_bytes(store.path)


def test_nothing_is_written_beside_the_file_but_sqlite_sidecars(store: Store) -> None:
    with UnitOfWork(store) as uow:
        uow.add(Note, body=SECRET)
        uow.commit()
    names = {p.name for p in store.path.parent.iterdir()}
    assert names <= {store.path.name, f"{store.path.name}-wal", f"{store.path.name}-shm", f"{store.path.name}.lock"}
    assert Path(f"{store.path}.lock").stat().st_size == 0  # the one-writer lock holds nothing

"""Crash safety: kill the app at random moments of a long session; every acknowledged commit must survive.

A child process (tests/helpers/crash_child.py) edits the review and prints each commit after it returns. The
parent SIGKILLs it at a random moment, reopens the file, runs ``PRAGMA integrity_check`` and checks that every
acknowledged commit is there, and that no imported batch is there in part. The normal run kills 15 times; the
``slow`` run 120 times.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from peerdesk.store.engine import Store
from peerdesk.store.models import Note, PostIt, Quote
from tests.conftest import PASSPHRASE
from tests.helpers.crash_child import BATCH

ROOT = Path(__file__).resolve().parents[2]


class Acknowledged:
    """Everything the children said they had committed, across every run."""

    def __init__(self) -> None:
        self.notes: dict[str, int] = {}
        self.moves: dict[str, int] = {}
        self.batches: set[str] = set()

    def take(self, line: str) -> None:
        kind, key, value = line.split()
        if kind == "note":
            self.notes[key] = max(self.notes.get(key, 0), int(value))
        elif kind == "move":
            self.moves[key] = max(self.moves.get(key, 0), int(value))
        elif kind == "batch":
            self.batches.add(key)


def run_child(path: Path, run: int, kill_after: float, acked: Acknowledged, *, after_batch: bool = False) -> None:
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.helpers.crash_child", str(path), PASSPHRASE, str(run)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert child.stdout is not None
    lines: list[str] = []
    ready = threading.Event()
    batched = threading.Event()

    def read() -> None:
        assert child.stdout is not None
        for line in child.stdout:  # only whole lines: one cut by the kill has no newline and no meaning
            if line.endswith("\n"):
                lines.append(line.strip())
                if line.startswith("ready"):
                    ready.set()
                elif line.startswith("batch"):
                    batched.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    assert ready.wait(60), "the child never got going"
    if after_batch:  # however slow the machine, at least one import lies among the acknowledged commits
        assert batched.wait(60), "the child never finished an import"
    time.sleep(kill_after)
    child.send_signal(signal.SIGKILL)
    child.wait()
    reader.join(10)
    child.stdout.close()
    for line in lines:
        if not line.startswith("ready"):
            acked.take(line)


def check_file(path: Path, acked: Acknowledged) -> None:
    with Store.open(path, PASSPHRASE, make_backup=False) as store:
        conn = store.raw()
        try:
            assert conn.driver_connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        finally:
            conn.close()
        with store.session() as s:
            bodies = dict(s.execute(select(Note.id, Note.body)).all())
            xs = dict(s.execute(select(PostIt.id, PostIt.x)).all())
            batches = dict(s.execute(select(Quote.note_id, func.count()).group_by(Quote.note_id)).all())
    for note_id, length in acked.notes.items():
        assert len(bodies[note_id]) >= length, "an acknowledged keystroke was lost"
    for postit_id, x in acked.moves.items():
        assert xs[postit_id] >= x, "an acknowledged move was lost"
    for tag in acked.batches:
        assert batches.get(tag) == BATCH, "an acknowledged import is missing"
    assert all(count == BATCH for count in batches.values()), "an import is there in part"


def kill_repeatedly(store: Store, kills: int, seed: int) -> Acknowledged:
    path = store.path
    store.close()
    rng = random.Random(seed)
    acked = Acknowledged()
    for run in range(kills):
        run_child(path, run, rng.uniform(0.0, 0.6), acked, after_batch=run == 0)
        check_file(path, acked)
    return acked


def test_every_acknowledged_commit_survives_15_kills(store: Store) -> None:
    acked = kill_repeatedly(store, 15, seed=15)
    assert acked.notes and acked.moves and acked.batches, "the kills came too early to test anything"


@pytest.mark.slow
def test_every_acknowledged_commit_survives_120_kills(store: Store, request: pytest.FixtureRequest) -> None:
    if "slow" not in (request.config.option.markexpr or ""):
        pytest.skip("about five minutes: run with -m slow")
    acked = kill_repeatedly(store, 120, seed=120)
    assert acked.notes and acked.moves and acked.batches, "the kills came too early to test anything"

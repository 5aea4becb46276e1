"""The kill harness in full: a SIGKILL before every SQL statement of a purge, a passphrase change, a restore, a
timetable import and a schema migration.

Each operation's statements are counted once, then the child is killed before statement 1, 2, … up to the last,
over and over (each round on a fresh copy), until at least 1,000 kills have been made in all. After each kill the
folder is checked as ``tests/helpers/kill_harness.py`` says: no deleted word in any decrypted page of the file or
its WAL, no file on a retired passphrase, no restore copy left behind. Figure written: kills per operation and the
statements each has. Takes about half an hour on two cores.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from peerdesk.store.engine import Store
from tests.helpers import kill_harness

pytestmark = pytest.mark.bench
RESULTS = Path(__file__).parent / "results" / "kills.json"
TOTAL = 1_000
OPERATIONS = ("purge", "rekey", "restore", "import", "migrate")


def test_bench_a_thousand_kills_before_every_statement(store: Store, tmp_path: Path) -> None:
    pristine, old = tmp_path / "pristine", tmp_path / "old"
    notes = kill_harness.make_pristine(store, pristine)
    old_notes = kill_harness.make_old_pristine(old)
    source = {op: (old, old_notes) if op == "migrate" else (pristine, notes) for op in OPERATIONS}
    counts = {op: kill_harness.count_statements(op, source[op][0], tmp_path) for op in OPERATIONS}
    kills = dict.fromkeys(OPERATIONS, 0)
    started = time.perf_counter()
    while sum(kills.values()) < TOTAL:
        for op in OPERATIONS:
            folder, before = source[op]
            for kill_at in range(1, counts[op] + 1):
                kill_harness.kill_and_check(op, folder, tmp_path / "run", kill_at, before)
                kills[op] += 1
    seconds = time.perf_counter() - started
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps({"statements": counts, "kills": kills, "seconds": round(seconds)}, indent=2))
    print(f"kills: {kills} over statements {counts} in {seconds:.0f} s")
    assert sum(kills.values()) >= TOTAL

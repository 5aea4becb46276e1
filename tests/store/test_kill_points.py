"""Kill before a statement of a purge, a passphrase change, a restore, an import or a migration: the next open finds
the operation undone or finished, never half-done, and no deleted text or retired passphrase behind.

A fast sample of kill points; ``tests/bench/bench_kills.py`` (marker ``bench``) kills before every statement,
over a thousand times in all. See ``tests/helpers/kill_harness.py`` for what each check asserts.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from peerdesk.store.engine import Store
from tests.helpers import kill_harness


@pytest.mark.parametrize(
    ("operation", "kills"), [("purge", 8), ("rekey", 6), ("restore", 4), ("import", 4), ("migrate", 4)]
)
def test_a_kill_before_any_statement_leaves_the_operation_undone_or_finished(
    store: Store, tmp_path: Path, operation: str, kills: int
) -> None:
    pristine = tmp_path / "pristine"
    if operation == "migrate":
        store.close()
        notes = kill_harness.make_old_pristine(pristine)
    else:
        notes = kill_harness.make_pristine(store, pristine)
    count = kill_harness.count_statements(operation, pristine, tmp_path)
    assert count > kills
    for kill_at in kill_harness.sample(count, kills):
        kill_harness.kill_and_check(operation, pristine, tmp_path / "run", kill_at, notes)

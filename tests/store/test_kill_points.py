"""Kill before a statement of a purge, a passphrase change or a restore; the next open must leave no trace behind.

A fast sample of kill points; ``tests/bench/bench_kills.py`` (marker ``bench``) kills before every statement,
over a thousand times in all. See ``tests/helpers/kill_harness.py`` for what each check asserts.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from peerdesk.store.engine import Store
from tests.helpers import kill_harness


@pytest.mark.parametrize(("operation", "kills"), [("purge", 8), ("rekey", 6), ("restore", 4)])
def test_a_kill_before_any_statement_leaves_the_operation_undone_or_finished(
    store: Store, tmp_path: Path, operation: str, kills: int
) -> None:
    pristine = tmp_path / "pristine"
    notes = kill_harness.make_pristine(store, pristine)
    count = kill_harness.count_statements(operation, pristine, tmp_path)
    assert count > kills
    for kill_at in kill_harness.sample(count, kills):
        kill_harness.kill_and_check(operation, pristine, tmp_path / "run", kill_at, notes)

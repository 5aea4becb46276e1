"""Creating a review: the encrypted file against the same creation on a plain (unkeyed) SQLite file.

Figure: median wall time of ``review.create_review`` (file, schema, my identity and keys, the question bank),
keyed with a passphrase as the app always does. Floor, alternating in the same run: the very same call with the
encryption taken out, so the only difference is the key derivation and page encryption: the derivation returns at
once (``keys.derive``), the draft is sealed into an unkeyed file (``sqlcipher.key_literal``: ``''``) and the file's
connections are not keyed (``sqlcipher.connect_key``). Everything else (the derivation's thread, the in-memory
draft, the schema, the export into the file) is the same code. Goal (issue #22): ≤ 1.3×.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3

from peerdesk.services import review
from peerdesk.store import keys, sqlcipher
from tests.bench.report import report
from tests.conftest import PASSPHRASE

pytestmark = pytest.mark.bench

RUNS = 9
ESSENTIALS = review.Essentials("Bench Council", "Front door", "Bench Person")


def plain_connect(path: Path, _key: object) -> Any:
    return sqlcipher3.connect(str(path), check_same_thread=False, isolation_level=None)


def no_derivation(_passphrase: str, salt: bytes) -> keys.FileKey:
    return keys.FileKey(b"", salt)


def encrypted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.undo()


def plain(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keys, "derive", no_derivation)
    monkeypatch.setattr(sqlcipher, "key_literal", lambda _key: "''")  # ATTACH … KEY '': an unencrypted file
    monkeypatch.setattr(sqlcipher, "connect_key", plain_connect)


def create_ms(path: Path) -> float:
    start = time.perf_counter()
    review.create_review(path, PASSPHRASE, ESSENTIALS).close()
    return (time.perf_counter() - start) * 1000


def test_creating_a_review_encrypted_vs_plain(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    create_ms(tmp_path / "warm.peerdesk")  # migrations loaded, statements compiled
    plain(monkeypatch)
    create_ms(tmp_path / "warm-plain.peerdesk")
    ours: list[float] = []
    floor: list[float] = []
    for n in range(RUNS):
        encrypted(monkeypatch)
        ours.append(create_ms(tmp_path / f"keyed-{n}.peerdesk"))
        plain(monkeypatch)
        floor.append(create_ms(tmp_path / f"plain-{n}.peerdesk"))
    encrypted(monkeypatch)
    assert (tmp_path / "plain-0.peerdesk").read_bytes()[:16] == sqlcipher.SQLITE_HEADER  # the floor is plain
    assert (tmp_path / "keyed-0.peerdesk").read_bytes()[:16] != sqlcipher.SQLITE_HEADER
    report(
        "review_create",
        statistics.median(ours),
        statistics.median(floor),
        "ms",
        runs=RUNS,
        encrypted_min_max_ms=[round(min(ours)), round(max(ours))],
        plain_min_max_ms=[round(min(floor)), round(max(floor))],
        goal="≤ 1.3× plain",
    )

"""Helpers for looking at review files from the outside, as an attacker with the disk would."""

from __future__ import annotations

import hashlib
from pathlib import Path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def all_bytes(path: Path) -> bytes:
    """The file and every sidecar SQLite may have left beside it (WAL, shared memory, journal)."""
    data = b""
    for suffix in ("", "-wal", "-shm", "-journal"):
        p = Path(f"{path}{suffix}")
        if p.exists():
            data += p.read_bytes()
    return data

"""Encrypted snapshots of a review file, kept in a folder beside it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from peerdesk.store.sqlcipher import quote_literal


def folder_for(path: Path) -> Path:
    return path.with_name(path.name + ".backups")


def snapshot(conn: Any, path: Path, *, reason: str, passphrase: str) -> Path:
    """Write an encrypted copy (same passphrase) of the database behind ``conn``; returns its path.

    ``sqlcipher_export`` copies the logical content, WAL included, into a new keyed file: the copy is never
    in the clear, and a crash half-way leaves only an incomplete copy, never a damaged original.
    """
    folder = folder_for(path)
    folder.mkdir(exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{path.stem}-{stamp}-{reason}.peerdesk"
    partial = target.with_suffix(".partial")
    conn.execute(f"ATTACH DATABASE {quote_literal(str(partial))} AS snapshot KEY {quote_literal(passphrase)}")
    try:
        conn.execute("SELECT sqlcipher_export('snapshot')")
        app_id = conn.execute("PRAGMA main.application_id").fetchone()[0]
        conn.execute(f"PRAGMA snapshot.application_id = {int(app_id)}")
    finally:
        conn.execute("DETACH DATABASE snapshot")
    partial.rename(target)
    return target


def list_snapshots(path: Path) -> list[Path]:
    folder = folder_for(path)
    if not folder.exists():
        return []
    return sorted(folder.glob("*.peerdesk"))

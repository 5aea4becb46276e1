"""Encrypted snapshots of a review file, kept in a folder beside it."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
from pathlib import Path
from typing import Any

from peerdesk.files import narrow, new_private_file, private_folder
from peerdesk.store.sqlcipher import export_into


def folder_for(path: Path) -> Path:
    return path.with_name(path.name + ".backups")


def restoring_copy(path: Path) -> Path:
    """Where a restore stages the chosen backup before it takes the review's place."""
    return path.with_name(path.name + ".restoring")


def tighten(path: Path) -> None:
    """Make a review an older peerdesk left world-readable (0644) the owner's only, with its backups folder."""
    for target in (path, folder_for(path)):
        with contextlib.suppress(OSError):  # not ours to change (another owner, a read-only disk): leave it
            narrow(target)


def new_snapshot_path(path: Path, reason: str) -> Path:
    folder = private_folder(folder_for(path))
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    return folder / f"{path.stem}-{stamp}-{reason}.peerdesk"


def snapshot(conn: Any, path: Path, *, reason: str, passphrase: str) -> Path:
    """Write an encrypted copy (same passphrase) of the database behind ``conn``; returns its path.

    ``sqlcipher_export`` copies the logical content, WAL included, into a new keyed file: the copy is never
    in the clear, and a crash half-way leaves only an incomplete copy, never a damaged original.
    """
    target = new_snapshot_path(path, reason)
    partial = target.with_suffix(".partial")
    new_private_file(partial)
    export_into(conn, partial, passphrase)
    partial.rename(target)
    return target


def list_snapshots(path: Path) -> list[Path]:
    folder = folder_for(path)
    if not folder.exists():
        return []
    return sorted(folder.glob("*.peerdesk"))


def clear_leftovers(path: Path) -> None:
    """Remove what an interrupted backup or restore left: a half-written copy holds the review's text for nothing."""
    with contextlib.suppress(FileNotFoundError):
        os.remove(restoring_copy(path))
    folder = folder_for(path)
    if folder.exists():
        for partial in folder.glob("*.partial"):
            with contextlib.suppress(FileNotFoundError):
                partial.unlink()


def remove_all(path: Path) -> int:
    """Remove every copy of the review beside it (backups folder, restore staging); returns how many were removed."""
    with contextlib.suppress(FileNotFoundError):
        os.remove(restoring_copy(path))
    folder = folder_for(path)
    if not folder.exists():
        return 0
    count = len(list(folder.iterdir()))
    shutil.rmtree(folder)
    return count

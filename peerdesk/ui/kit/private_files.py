"""Opening a document's file with the system's viewer, without leaving it on disk.

PySide6-Essentials has no Qt PDF module, so a file is opened by the desktop's own viewer from a private folder: made
with ``mkdtemp`` (only this user can enter it), in ``$XDG_RUNTIME_DIR`` when there is one (a memory-backed folder on
most Linux desktops, so the file never reaches the disk, and which the system empties at logout), and removed
with everything in it when the review's window closes or the app quits. A peerdesk that was killed, or a computer
that lost power, leaves its folder behind: the next start removes those (``remove_stale``).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path

from peerdesk import files

PREFIX = "peerdesk-open-"


def _base() -> str | None:
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    return runtime if runtime and Path(runtime).is_dir() else None


def remove_stale() -> int:
    """Remove the folders a peerdesk of this user left behind (killed before it could): how many. Called as the app
    starts, when no other peerdesk of this user runs (``single_instance``), so none of them is in use."""
    owner = getattr(os, "getuid", None)  # Windows: the temporary folder is the user's own
    removed = 0
    for base in {_base(), tempfile.gettempdir()} - {None}:
        try:
            found = [p for p in Path(str(base)).glob(f"{PREFIX}*") if p.is_dir() and not p.is_symlink()]
        except OSError:
            continue
        for folder in found:
            with contextlib.suppress(OSError):
                if owner is None or folder.stat().st_uid == owner():
                    shutil.rmtree(folder)
                    removed += 1
    return removed


class PrivateFolder:
    def __init__(self) -> None:
        self.path: Path | None = None

    def write(self, name: str, data: bytes) -> Path:
        if self.path is None:
            self.path = Path(tempfile.mkdtemp(prefix=PREFIX, dir=_base()))  # mode 0700
        safe = Path(name).name or "document"
        target = self.path / safe
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, files.PRIVATE_FILE)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        return target

    def remove(self) -> None:
        if self.path is not None:
            shutil.rmtree(self.path, ignore_errors=True)
            self.path = None

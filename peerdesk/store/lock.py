"""One writer per review file: an exclusive lock held from open to close, in a lock file beside the review.

SQLite's own locks last a transaction; ours lasts the whole session, so a second window or process (even in the
same process: ``flock`` locks belong to one open file, not to the process) is told the review is open elsewhere
instead of sharing the WAL. The lock file holds nothing and is removed on close.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

from peerdesk import files
from peerdesk.errors import OpenElsewhere, ReadOnlyReview

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True


def lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


class ReviewLock:
    """Held while a review is open. ``acquire`` raises ``OpenElsewhere`` if another holder has it."""

    def __init__(self, path: Path, fd: int) -> None:
        self.path = path
        self._fd: int | None = fd

    @classmethod
    def acquire(cls, review: Path) -> ReviewLock:
        path = lock_path(review)
        for _ in range(5):  # the file may be removed by its last holder between our open and our lock: retry
            try:
                fd = os.open(path, os.O_RDWR | os.O_CREAT, files.PRIVATE_FILE)
            except PermissionError:
                raise ReadOnlyReview(str(review), "folder") from None
            if not _try_lock(fd):
                os.close(fd)
                raise OpenElsewhere(str(review))
            try:
                same = os.path.samestat(os.fstat(fd), os.stat(path))
            except FileNotFoundError:
                same = False
            if same:
                return cls(path, fd)
            os.close(fd)
        raise OpenElsewhere(str(review))

    def release(self) -> None:
        if self._fd is None:
            return
        with contextlib.suppress(OSError):  # Windows refuses to remove an open file: it then simply stays
            os.remove(self.path)  # while still held, so no one locks a file that is about to vanish
        os.close(self._fd)
        self._fd = None

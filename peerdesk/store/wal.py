"""A write-ahead log left by an unclean exit: keep a copy before SQLite replays (or drops) it, and tell what was lost.

SQLite replays a leftover WAL up to its first frame that fails its checksum and silently drops the rest, committed
transactions included, then deletes the WAL on close. So before a review with a leftover WAL is opened, the WAL is
copied beside the backups (its pages are SQLCipher-encrypted already; the copy is the owner's only), and its frames
are checked the way SQLite checks them (the WAL format's cumulative checksum and salts): a commit frame after the
first bad frame is committed work the open will not apply.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

from peerdesk.files import new_private_file
from peerdesk.store import backup

HEADER = 32
FRAME_HEADER = 24
MAGIC = (0x377F0682, 0x377F0683)
KEEP = 5
SUFFIX = ".wal"


@dataclass(frozen=True)
class LeftoverWal:
    copy: Path
    lost_commits: int  # committed transactions the open will not apply

    @property
    def message(self) -> str:
        return (
            f"peerdesk was not closed properly last time, and {self.lost_commits} saved change(s) could not be "
            f"applied: the file's write-ahead log is damaged. A copy of it is kept as {self.copy.name} in "
            f"{self.copy.parent.name}; the review opened as it was before those changes."
        )


def keep_leftover(path: Path) -> LeftoverWal | None:
    """Copy ``path``'s leftover WAL (if any) beside its backups and count the commits SQLite would drop."""
    wal = Path(f"{path}-wal")
    try:
        data = wal.read_bytes()
    except FileNotFoundError:
        return None
    if not data:
        return None
    folder = backup.folder_for(path)
    earlier = sorted(folder.glob(f"*{SUFFIX}")) if folder.exists() else []
    if earlier and earlier[-1].read_bytes() == data:  # the same WAL again (a mistyped passphrase, then a retry)
        return LeftoverWal(earlier[-1], lost_commits(data))
    copy = backup.new_snapshot_path(path, "unclean-exit").with_suffix(SUFFIX)
    new_private_file(copy)
    copy.write_bytes(data)
    for old in sorted(copy.parent.glob(f"*{SUFFIX}"))[:-KEEP]:
        old.unlink()
    return LeftoverWal(copy, lost_commits(data))


def lost_commits(data: bytes) -> int:
    """How many commit frames come after the first frame SQLite will reject (0 for a healthy WAL)."""
    if len(data) < HEADER:
        return 0
    magic, _version, page_size = struct.unpack(">III", data[:12])
    big_endian = magic & 1
    salts = data[16:24]
    valid = magic in MAGIC and _checksum(data[:24], 0, 0, big_endian) == struct.unpack(">II", data[24:32])
    sums = struct.unpack(">II", data[24:32])
    lost = 0
    offset = HEADER
    frame = FRAME_HEADER + page_size if magic in MAGIC and page_size else 0
    while frame and offset + frame <= len(data):
        head = data[offset : offset + FRAME_HEADER]
        commit = struct.unpack(">I", head[4:8])[0]
        if valid:
            if head[8:16] != salts:
                break  # frames of an earlier generation of the log: never part of this one
            s1, s2 = sums
            sums = _checksum(head[:8] + data[offset + FRAME_HEADER : offset + frame], s1, s2, big_endian)
            valid = sums == struct.unpack(">II", head[16:24])
        if not valid and commit and head[8:16] == salts:
            lost += 1
        offset += frame
    return lost


def _checksum(data: bytes, s1: int, s2: int, big_endian: int) -> tuple[int, int]:
    words = struct.unpack(f"{'>' if big_endian else '<'}{len(data) // 4}I", data)
    for i in range(0, len(words), 2):
        s1 = (s1 + words[i] + s2) & 0xFFFFFFFF
        s2 = (s2 + words[i + 1] + s1) & 0xFFFFFFFF
    return s1, s2

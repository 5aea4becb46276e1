"""Files written where the user asked (exports, bundles, presentations, cards): whole or not at all, and readable by
their owner only.

Every export holds the review's words (post-its, quotes, the timetable's names, the workshop's record) and lands in
a folder the user chose, often a shared laptop's Documents or Downloads: like the review itself it is made 0600,
whatever the umask. Each is written to a temporary file beside its target (``mkstemp`` makes it 0600), flushed to
disk and renamed over the target, so a full disk or a crash leaves the old file as it was and no half-written one;
the temporary file is removed on any failure. An existing file taken over by the rename gets the new one's mode.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from peerdesk.errors import UserError

PRIVATE_FILE = 0o600


def file_stem(words: str, default: str) -> str:
    """``words`` (a name, a review's title) as a file name's stem: letters and digits kept, lower case, each run of
    anything else one hyphen; ``default`` when nothing is left."""
    stem = "".join(c if c.isalnum() else "-" for c in words.lower()).strip("-")
    while "--" in stem:
        stem = stem.replace("--", "-")
    return stem or default


def write_private(path: Path | str, data: bytes) -> None:
    """``data`` in ``path``, atomically and owner-only; a failure is a ``UserError`` naming the file."""
    with private_target(path) as staging, staging.open("wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def write_private_text(path: Path | str, text: str, encoding: str = "utf-8") -> None:
    """``text`` as it is (line ends included: nothing is translated) in ``path``, as ``write_private`` does."""
    write_private(path, text.encode(encoding))


@contextmanager
def private_target(path: Path | str) -> Iterator[Path]:
    """An owner-only file beside ``path`` for a writer that takes a file name (python-pptx, Qt's PDF and SVG
    writers): renamed over ``path`` once the block ends, removed if it raises."""
    target = Path(path)
    if not target.parent.is_dir():
        raise UserError(f"The folder {target.parent} does not exist.")
    try:
        fd, name = tempfile.mkstemp(prefix=".peerdesk-", suffix=target.suffix, dir=target.parent)
    except OSError as exc:
        raise UserError(f"Could not write {target}: {exc.strerror or exc}.") from None
    os.close(fd)
    staging = Path(name)
    try:
        yield staging
        os.replace(staging, target)
    except OSError as exc:
        staging.unlink(missing_ok=True)
        raise UserError(f"Could not write {target}: {exc.strerror or exc}.") from None
    except BaseException:
        staging.unlink(missing_ok=True)
        raise

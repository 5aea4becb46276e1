"""Files and folders peerdesk makes are readable by their owner only; files written where the user asked (exports,
bundles, presentations, cards) are written whole or not at all.

Reviews, their backups, the log, the settings and the one-app channel's folder and key are made with
``private_folder``, ``new_private_file`` and ``narrow`` below, whatever the umask (a 022 one would make them
readable by every user of the computer), and one an older peerdesk left open is narrowed.

Every export holds the review's words (post-its, quotes, the timetable's names, the workshop's record) and lands in
a folder the user chose, often a shared laptop's Documents or Downloads: like the review itself it is made 0600,
whatever the umask. Each is written to a temporary file beside its target (``mkstemp`` makes it 0600), flushed to
disk and renamed over the target, so a full disk or a crash leaves the old file as it was and no half-written one;
the temporary file is removed on any failure. An existing file taken over by the rename gets the new one's mode.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from peerdesk.errors import UserError

PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700
OTHERS = 0o077  # the group's and other users' permission bits


def private_folder(folder: Path, *, parents: bool = False) -> Path:
    """``folder``, made if need be, closed to other users (folders made on the way with ``parents`` are not:
    they may be shared ones, such as ``~/.local/share``)."""
    folder.mkdir(mode=PRIVATE_FOLDER, parents=parents, exist_ok=True)
    narrow(folder)
    return folder


def new_private_file(path: Path) -> None:
    """An empty file made at ``path``, the owner's only; ``FileExistsError`` when something is there already (so a
    file made at the same moment by another process, or planted by another user, is never taken over)."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))
    os.chmod(path, PRIVATE_FILE)  # a umask such as 0277 would have left it unwritable to its owner


def narrow(path: Path) -> None:
    """Take the group's and other users' access off ``path``, a file or a folder. The owner's own bits stay: a
    read-only file stays read-only. Nothing changes when none is set (no write to a read-only disk)."""
    mode = stat.S_IMODE(os.stat(path).st_mode)
    if mode & OTHERS:
        os.chmod(path, mode & ~OTHERS)


def is_file_here(path: Path) -> bool:
    """True if ``path`` is a file this user can see. False, not an error, for any path that cannot be looked at:
    Python's own check raises for a folder the user may not enter, a name too long, a network drive gone."""
    try:
        return path.is_file()
    except (OSError, ValueError):  # ValueError: a NUL byte in the name
        return False


def is_folder_here(path: Path) -> bool:
    """True if ``path`` is a folder this user can see; False, not an error, for any path that cannot be looked at."""
    try:
        return path.is_dir()
    except (OSError, ValueError):
        return False


def unusable_name(path: Path) -> str:
    """Why no file can be made or found at ``path`` ("" when one can: it is there, or may be made): a name too long,
    a folder on the way this user may not open. Said before asking whether a file is already there."""
    try:
        path.stat()
    except FileNotFoundError:
        return ""
    except NotADirectoryError:
        return "a part of the path on the way is a file, not a folder"
    except PermissionError:
        return "this user may not open a folder on the way"
    except (OSError, ValueError) as exc:
        return reason(exc).lower()
    return ""


def reason(exc: OSError | ValueError) -> str:
    """Why a path could not be read, in the system's words ("Permission denied"); a ``ValueError`` is a name no file
    can have (a NUL byte in it)."""
    return str(getattr(exc, "strerror", None) or "it is not a file name")


def read_at_most(path: Path, most: int) -> bytes | None:
    """The bytes of the file at ``path``, or None if it holds more than ``most``: no more than one byte past the
    limit is read, so a huge file picked by mistake (or a device that never ends) costs nothing.

    Raises ``IsADirectoryError`` for a folder, ``OSError`` for what is not a plain file (a pipe would never end)
    and whatever opening it raises (missing, no permission).
    """
    found = path.stat()
    if stat.S_ISDIR(found.st_mode):
        raise IsADirectoryError(errno.EISDIR, "it is a folder", str(path))
    if not stat.S_ISREG(found.st_mode):
        raise OSError(errno.EINVAL, "it is not a file", str(path))
    with path.open("rb") as handle:
        data = handle.read(most + 1)
    return None if len(data) > most else data


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

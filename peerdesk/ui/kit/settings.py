"""Per-user settings (QSettings): window layout and recent files. Never any review content.

The recent files' paths still say which reviews this user has (a file is named after its authority), so the settings
file is the user's only, like every file peerdesk makes: 0600, in a 0700 folder of its own. Qt writes the file
through a temporary one renamed over it, which keeps the mode it finds; made with the umask's 0644 (in a 0755
folder), any user of the computer could read the list.
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

from PySide6.QtCore import QSettings

from peerdesk import APP_NAME, ORG_NAME, files

MAX_RECENT = 10
QT_FILE_DIALOG = "QtProject"  # the organisation under which Qt's file dialog keeps its history


def settings() -> QSettings:
    found = QSettings(ORG_NAME, APP_NAME)
    # Windows keeps them in the user's own part of the registry, macOS in its preferences service (whose files it
    # writes itself, in the user's own Library): a file of ours is where Linux and the like keep them.
    if sys.platform not in ("win32", "darwin"):
        keep_private(Path(found.fileName()))
        # Qt's own file dialog keeps the folders it last showed (a review's folder may be named for its authority)
        # in a file Qt's programs share: the user's only too, before the dialog first writes it.
        keep_private(Path(QSettings(QSettings.Scope.UserScope, QT_FILE_DIALOG).fileName()))
    return found


def keep_private(path: Path) -> None:
    """Make the settings file ``path`` (and its folder, when the folder is peerdesk's own) the user's only, before
    anything is written to it."""
    with contextlib.suppress(OSError):  # a read-only home: Qt says so itself when it cannot write
        if path.parent.name in (APP_NAME, ORG_NAME):  # not a folder shared with other apps
            files.private_folder(path.parent, parents=True)
        try:
            files.new_private_file(path)
        except FileExistsError:
            files.narrow(path)


def recent_files() -> list[Path]:
    raw = settings().value("recent", [])
    items: list[str] = [raw] if isinstance(raw, str) else [str(p) for p in raw] if isinstance(raw, list) else []
    return [Path(p) for p in items if p]


def add_recent(path: Path) -> None:
    path = path.resolve()
    items = [p for p in recent_files() if p.resolve() != path]
    settings().setValue("recent", [str(p) for p in [path, *items][:MAX_RECENT]])


def clear_recent() -> None:
    settings().remove("recent")


def remove_recent(path: Path) -> None:
    settings().setValue("recent", [str(p) for p in recent_files() if p.resolve() != path.resolve()])

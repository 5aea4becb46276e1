"""One peerdesk per user: a file double-clicked while peerdesk runs goes to the running app.

Windows and Linux start a new process for each double-click. A bundle emailed by a colleague is opened from the mail
program while peerdesk usually already runs with its review open, and a second peerdesk could not open that review
(the running one holds it: ``OpenElsewhere``), so the bundle could not be imported without closing the first. Now
the app started second hands the files over and exits: the running app opens them as if they had been
double-clicked there (a review asks for its passphrase, a bundle offers its import), and with no file it shows
its start screen. macOS sends a running app the file itself (``Application.file_opened``).

The channel is a local socket (a named pipe on Windows) that only this user may connect to. What arrives is
checked like any input from outside: at most ``MAX_MESSAGE`` bytes of JSON naming at most ``MAX_FILES`` existing
files with a suffix peerdesk opens, read while its sender still waits, else nothing is done.

Another user of the same computer must not be able to take the channel first: a double-click would then tell them
the file's path, and the file would not open. So on Linux and macOS the socket lives in a folder only this user may
write in (``private_folder``), and elsewhere (a named pipe on Windows, whose names are shared by every user) the
channel's name comes from a random key kept in this user's own data folder, which nobody else can read (``KEY``).
Windows lists every pipe's name to every user, so the key is replaced whenever peerdesk stops listening: a name seen
while peerdesk ran is never used again, and whoever made a pipe of that name waits on it in vain.
"""

from __future__ import annotations

import contextlib
import getpass
import hashlib
import json
import os
import secrets
import stat
import sys
import time
from pathlib import Path

from platformdirs import user_data_dir
from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from peerdesk import APP_NAME, OPENABLE_SUFFIXES, ORG_NAME, files
from peerdesk.errors import UserError

MAX_MESSAGE = 64 * 1024
MAX_FILES = 32
WAIT_MS = 1500  # for the running app to answer: it answers from its event loop, which a dialog keeps turning
ANSWER = b"ok\n"
PROBE_MS = 200  # a running app accepts at once (the system does, before its event loop turns)


SOCKET = "one-app"  # the socket's name in the private folder
KEY = "one-app.key"  # in this user's data folder: what the channel's name is made from where names are shared
SOCKET_PATH_MAX = 100  # bytes: a Unix socket's whole path must fit in 104 (macOS) or 108 (Linux)


def server_name(data: Path | None = None) -> str:
    """This user's channel: the same for every peerdesk this user starts, another for another user, and one no
    other user can make first. ``data``: this user's data folder (the platform's, unless a test gives one)."""
    data = data or Path(user_data_dir(APP_NAME, ORG_NAME))
    if sys.platform != "win32":
        folder = private_folder(data)
        if folder is not None and len(os.fsencode(folder / SOCKET)) <= SOCKET_PATH_MAX:
            return str(folder / SOCKET)
    return key_name(data)


def key_name(data: Path) -> str:
    """The channel's name made from this user's key, which Qt makes a named pipe (Windows) or a socket in the
    temporary folder (a Unix without a private folder for it): unguessable by another user as long as they cannot
    read this user's key."""
    who = f"{getpass.getuser()}|{Path.home()}|{channel_key(data)}".encode()
    return "peerdesk-" + hashlib.sha256(who).hexdigest()[:16]


def new_channel_key(data: Path) -> None:
    """Replace this user's key with a new one, owner-only and whole (a peerdesk starting meanwhile reads the old key
    or the new, never a part); nothing when it cannot be written (the old one is then kept)."""
    with contextlib.suppress(OSError, UserError):
        files.write_private_text(data / KEY, secrets.token_hex(16), encoding="ascii")


def private_folder(data: Path) -> Path | None:
    """A folder only this user may write in (so nobody else can put a socket there): ``run`` in peerdesk's data
    folder; None when it cannot be made so (a read-only home). Not the session's ``$XDG_RUNTIME_DIR``: a peerdesk
    started without it (from another terminal, by ``sudo``) would look for the running one elsewhere."""
    folder = data / "run"
    try:
        files.private_folder(data, parents=True)  # ours, made private (a parent made on the way is not)
        folder.mkdir(mode=files.PRIVATE_FOLDER, exist_ok=True)  # narrowed only if it proves this user's, below
    except OSError:
        return None
    return folder if _only_mine(folder) else None


def _only_mine(folder: Path) -> bool:
    try:
        found = folder.lstat()  # not a link: whoever made one could point it anywhere
    except OSError:
        return False
    return stat.S_ISDIR(found.st_mode) and found.st_uid == os.getuid() and not found.st_mode & files.OTHERS


def channel_key(data: Path) -> str:
    """This user's random key for the channel's name, made at the first start and kept (owner-only) in ``data``;
    "" when it can be neither kept nor read (the name is then guessable, as it was before there was a key)."""
    path = data / KEY
    for _attempt in range(20):
        try:
            key = path.read_text("ascii").strip()
        except FileNotFoundError:
            try:
                return _new_key(path)
            except FileExistsError:
                continue  # another peerdesk, started at the same moment, made it first: read theirs
            except OSError:
                return ""
        except (OSError, UnicodeDecodeError):
            return ""
        if key:
            return key
        time.sleep(0.01)  # that other peerdesk is still writing it
    return ""


def _new_key(path: Path) -> str:
    """A new key, written to ``path`` if no file is there (``FileExistsError`` otherwise)."""
    files.private_folder(path.parent, parents=True)
    files.new_private_file(path)
    key = secrets.token_hex(16)
    path.write_text(key, "ascii")
    return key


def hand_over(files: list[Path], name: str | None = None, wait_ms: int = WAIT_MS) -> bool:
    """Give ``files`` to the peerdesk already running for this user; True once it has taken them. False, at once,
    when none runs (this process is then the app)."""
    socket = QLocalSocket()
    socket.connectToServer(name or server_name())
    if not socket.waitForConnected(wait_ms):
        return False
    if sys.platform == "win32":
        # Windows lets only the program the user just clicked bring a window to the front: it passes that on to
        # the running peerdesk (ASFW_ANY), whose window then comes forward instead of only flashing in the taskbar.
        import ctypes

        ctypes.windll.user32.AllowSetForegroundWindow(-1)
    # Taken only until this sender stops waiting: a running app too busy to answer in time would otherwise open the
    # files later, while this process, having heard nothing, opens them as the app.
    until = now_ms() + wait_ms
    socket.write(json.dumps({"open": [str(path) for path in files], "until": until}).encode() + b"\n")
    socket.waitForBytesWritten(wait_ms)
    answered = socket.waitForReadyRead(wait_ms) and socket.readAll().data() == ANSWER
    socket.disconnectFromServer()
    return answered


def now_ms() -> int:
    return int(time.time() * 1000)


def files_in(message: bytes, now: int | None = None) -> list[Path] | None:
    """The files a message names, or None when it is not one of ours (anything malformed: nothing is opened) or
    came too late (its sender has stopped waiting and opens them itself)."""
    if len(message) > MAX_MESSAGE:
        return None
    try:
        data = json.loads(message.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):  # RecursionError: brackets nested thousands deep
        return None
    if not isinstance(data, dict):
        return None
    until = data.get("until")
    if type(until) is not int or (now_ms() if now is None else now) > until:
        return None
    names = data.get("open")
    if not isinstance(names, list) or len(names) > MAX_FILES or not all(isinstance(n, str) for n in names):
        return None
    paths = [Path(n) for n in names]
    if not all(p.is_absolute() and p.suffix.lower() in OPENABLE_SUFFIXES and files.is_file_here(p) for p in paths):
        return None
    return paths


class Listener(QObject):
    """The running app's end: ``handed`` gives the files another peerdesk passed on (none: just show yourself)."""

    handed = Signal(list)

    def __init__(self, name: str | None = None, parent: QObject | None = None, *, data: Path | None = None) -> None:
        super().__init__(parent)
        self.data = data or Path(user_data_dir(APP_NAME, ORG_NAME))  # this user's data folder, where the key is
        self.name = name or server_name(self.data)
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._accept)

    def start(self) -> bool:
        """Listen, unless another peerdesk of this user answers on the channel (False: it keeps it). A channel left
        behind by a peerdesk that was killed (nobody answers) is taken over. Asked first: with access limited to the
        user, Qt makes the socket aside and renames it into place, over whatever was there, a live one included."""
        probe = QLocalSocket()
        probe.connectToServer(self.name)
        if probe.waitForConnected(PROBE_MS):
            probe.disconnectFromServer()
            return False
        QLocalServer.removeServer(self.name)
        return self.server.listen(self.name)

    def stop(self) -> None:
        """Stop listening (on Linux and macOS the socket file goes). A name made from the key, which another user
        may have seen listed while peerdesk listened, is retired: the next peerdesk listens on a name from a new key.
        A peerdesk that left the channel to another one changes nothing: the running one keeps its name."""
        listened = self.server.isListening()
        self.server.close()
        if listened and not os.path.isabs(self.name) and self.name == key_name(self.data):
            new_channel_key(self.data)

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            # Qt's own slots and ``sender()``: no Python closure holds a socket, which the server owns and deletes.
            socket.disconnected.connect(socket.deleteLater)
            socket.readyRead.connect(self._read)

    def _read(self) -> None:
        socket = self.sender()
        if not isinstance(socket, QLocalSocket):
            return
        if socket.bytesAvailable() > MAX_MESSAGE:
            socket.abort()  # no answer: the other peerdesk then starts as the app
            return
        if not socket.canReadLine():
            return  # the rest is on its way
        paths = files_in(bytes(socket.readLine(MAX_MESSAGE + 1).data()))
        socket.readyRead.disconnect(self._read)  # one message per connection
        if paths is None:
            socket.abort()
            return
        socket.write(ANSWER)
        socket.flush()
        self.handed.emit(paths)

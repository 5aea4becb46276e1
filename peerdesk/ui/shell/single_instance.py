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
"""

from __future__ import annotations

import getpass
import hashlib
import json
import sys
import time
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from peerdesk import OPENABLE_SUFFIXES

MAX_MESSAGE = 64 * 1024
MAX_FILES = 32
WAIT_MS = 1500  # for the running app to answer: it answers from its event loop, which a dialog keeps turning
ANSWER = b"ok\n"
PROBE_MS = 200  # a running app accepts at once (the system does, before its event loop turns)


def server_name() -> str:
    """This user's channel: the same for every peerdesk this user starts, another for another user."""
    who = f"{getpass.getuser()}|{Path.home()}".encode()
    return "peerdesk-" + hashlib.sha256(who).hexdigest()[:16]


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
    except (UnicodeDecodeError, ValueError):
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
    if not all(p.is_absolute() and p.suffix.lower() in OPENABLE_SUFFIXES and p.is_file() for p in paths):
        return None
    return paths


class Listener(QObject):
    """The running app's end: ``handed`` gives the files another peerdesk passed on (none: just show yourself)."""

    handed = Signal(list)

    def __init__(self, name: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name or server_name()
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

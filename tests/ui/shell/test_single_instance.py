"""One peerdesk per user: a second start hands its files to the running app over a local socket and exits; the
running app accepts only a well-formed list of existing files peerdesk opens, from this user."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import QDir
from PySide6.QtNetwork import QLocalSocket
from pytestqt.qtbot import QtBot

from peerdesk.ui.shell import single_instance
from peerdesk.ui.shell.single_instance import MAX_FILES, MAX_MESSAGE, Listener, files_in, hand_over, server_name


@pytest.fixture
def name() -> str:
    """A channel of the test's own: never a peerdesk the developer has running."""
    return f"peerdesk-test-{uuid.uuid4().hex[:12]}"


@pytest.fixture
def review(tmp_path: Path) -> Path:
    path = tmp_path / "eastmere.peerdesk"
    path.write_bytes(b"\x8f" * 64)
    return path


def message(*names: object, until: object = None) -> bytes:
    until = single_instance.now_ms() + 60_000 if until is None else until
    return json.dumps({"open": list(names), "until": until}).encode() + b"\n"


UNIX_ONLY = pytest.mark.skipif(sys.platform == "win32", reason="a named pipe has no folder")


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """This user's data folder."""
    return tmp_path / "data"


def only_mine(folder: Path) -> bool:
    found = folder.stat()
    return found.st_uid == os.getuid() and found.st_mode & 0o777 == 0o700


@UNIX_ONLY
def test_the_channel_is_the_same_at_every_start_in_a_folder_only_this_user_may_enter(data: Path) -> None:
    name = server_name(data)
    assert name == server_name(data) == str(data / "run" / single_instance.SOCKET)
    assert only_mine(data / "run")  # nobody else can put a socket of that name there first
    assert only_mine(data)  # peerdesk's data folder, made here: the user's only, as every folder peerdesk makes


@UNIX_ONLY
def test_the_channel_does_not_follow_the_sessions_runtime_folder(
    data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A peerdesk started from a terminal without it (or with another) must find the running one all the same."""
    runtime = tmp_path / "run-user-1000"
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    assert server_name(data) == str(data / "run" / single_instance.SOCKET)


@UNIX_ONLY
def test_a_folder_others_may_write_in_never_holds_the_channel(data: Path) -> None:
    (data / "run").mkdir(parents=True)
    (data / "run").chmod(0o775)  # opened to the group since it was made
    name = server_name(data)
    assert not name.startswith(str(data)) and name.startswith("peerdesk-")  # a name made from the user's key


@UNIX_ONLY
def test_a_folder_too_deep_for_a_socket_gives_a_name_made_from_the_key(tmp_path: Path) -> None:
    deep = tmp_path / ("d" * 60) / ("e" * 60)
    assert server_name(deep).startswith("peerdesk-")


def test_where_channel_names_are_shared_the_name_comes_from_this_users_key(
    data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "platform", "win32")  # named pipes: one namespace for every user of the computer
    name = server_name(data)
    assert name == server_name(data) and name.startswith("peerdesk-")
    assert len(name) == len("peerdesk-") + 16  # a hash: no user name, folder or key in a pipe's name
    assert server_name(tmp_path / "another") != name  # not guessable from the user's name and home alone


def test_the_key_is_made_once_owner_only_and_kept(data: Path) -> None:
    key = single_instance.channel_key(data)
    assert len(key) == 32 and single_instance.channel_key(data) == key
    if sys.platform != "win32":
        assert (data / single_instance.KEY).stat().st_mode & 0o777 == 0o600


def test_peerdesks_started_together_agree_on_the_key(data: Path) -> None:
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(8) as pool:
        keys = set(pool.map(lambda _n: single_instance.channel_key(data), range(8)))
    assert len(keys) == 1 and len(keys.pop()) == 32


def test_a_name_made_from_the_key_is_never_used_again_once_peerdesk_stops(
    qtbot: QtBot, data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows lists every pipe's name to every user: one seen while peerdesk ran could be taken first next time."""
    with monkeypatch.context() as patch:
        patch.setattr(sys, "platform", "win32")  # the name made from the key, as for a named pipe
        seen = server_name(data)
    running = Listener(seen, data=data)
    assert running.start()
    key = (data / single_instance.KEY).read_text()
    running.stop()
    assert not running.server.isListening()
    assert (data / single_instance.KEY).read_text() != key  # a new key…
    assert single_instance.key_name(data) != seen  # …and so a new name for the next peerdesk
    if sys.platform != "win32":
        assert (data / single_instance.KEY).stat().st_mode & 0o777 == 0o600
    following = Listener(single_instance.key_name(data), data=data)
    assert following.start()
    following.stop()


def test_a_peerdesk_that_left_the_channel_to_the_running_one_keeps_its_name(qtbot: QtBot, data: Path) -> None:
    name = single_instance.key_name(data)
    running, second = Listener(name, data=data), Listener(name, data=data)
    assert running.start() and not second.start()
    second.stop()  # the second start exits: the running peerdesk is still found under its name
    assert single_instance.key_name(data) == name and running.server.isListening()
    running.stop()


@UNIX_ONLY
def test_a_channel_in_the_private_folder_is_not_renamed_and_makes_no_key(qtbot: QtBot, data: Path) -> None:
    listener = Listener(server_name(data), data=data)
    assert listener.start()
    listener.stop()
    assert not (data / single_instance.KEY).exists()
    assert not Path(listener.name).exists()  # the socket file goes with it


def test_a_key_that_cannot_be_kept_is_left_out_at_once(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "data"
    not_a_folder.write_bytes(b"")
    started = time.monotonic()
    assert single_instance.channel_key(not_a_folder) == ""
    assert time.monotonic() - started < 0.1  # no waiting for a key that will never come


def test_a_message_naming_existing_files_peerdesk_opens_gives_them(review: Path, tmp_path: Path) -> None:
    bundle = tmp_path / "from-jo.pdbundle"
    bundle.write_bytes(b"x")
    assert files_in(message(str(review), str(bundle))) == [review, bundle]
    assert files_in(message()) == []  # no file: the running app comes forward


# Labelled vectors: each is refused whole (None), so nothing at all is opened.
HOSTILE = {
    "not JSON": b"open these please\n",
    "no deadline": b'{"open": []}\n',
    "a deadline that is not a number": message(until="soon"),
    "a deadline that is true": message(until=True),
    "read after its sender stopped waiting": message(until=1),
    "not UTF-8": b'{"open": ["\xff\xfe"]}\n',
    "a list, not an object": b'["/tmp/x.peerdesk"]\n',
    "no open key": b'{"files": []}\n',
    "open is a string": b'{"open": "/tmp/x.peerdesk"}\n',
    "a number among the names": b'{"open": [1]}\n',
    "a relative path": message("eastmere.peerdesk"),
    "another suffix": message("/etc/passwd"),
    "a file that does not exist": message("/nowhere/eastmere.peerdesk"),
    "too many files": message(*[f"/tmp/{i}.peerdesk" for i in range(MAX_FILES + 1)]),
    "too long": message()[:-2] + b" " * MAX_MESSAGE + b"}\n",
    "brackets nested too deep to parse": b"[" * 30_000 + b"]" * 30_000,
    "a name no file can have": message("/tmp/" + "x" * 300 + ".peerdesk"),
}


@pytest.mark.parametrize("data", HOSTILE.values(), ids=HOSTILE.keys())
def test_a_malformed_message_opens_nothing(data: bytes) -> None:
    assert files_in(data) is None


def test_a_folder_named_like_a_review_is_not_a_file_to_open(tmp_path: Path) -> None:
    folder = tmp_path / "trap.peerdesk"
    folder.mkdir()
    assert files_in(message(str(folder))) is None


@UNIX_ONLY
def test_the_private_channel_carries_a_hand_over(qtbot: QtBot, data: Path, review: Path) -> None:
    name = server_name(data)
    listener = Listener(name)
    assert listener.start()
    assert only_mine(Path(listener.server.fullServerName()).parent)
    process = sender(name, review)
    with qtbot.waitSignal(listener.handed, timeout=10000) as handed:
        pass
    assert handed.args == [[review]] and process.communicate(timeout=10)[0].strip() == "True"
    listener.server.close()


def test_with_no_peerdesk_running_the_hand_over_says_so_at_once(name: str) -> None:
    started = time.monotonic()
    assert hand_over([], name=name) is False
    assert time.monotonic() - started < 1.0  # not the answer's wait: nobody is there to connect to


SENDER = """
import sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication
from peerdesk.ui.shell.single_instance import hand_over
app = QCoreApplication([])
print(hand_over([Path(p) for p in sys.argv[2:]], name=sys.argv[1]), flush=True)
"""


def sender(name: str, *files: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", SENDER, name, *map(str, files)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_a_second_start_hands_its_files_to_the_running_app(qtbot: QtBot, name: str, review: Path) -> None:
    listener = Listener(name)
    assert listener.start()
    process = sender(name, review)
    with qtbot.waitSignal(listener.handed, timeout=10000) as handed:
        pass
    out, err = process.communicate(timeout=10)
    assert handed.args == [[review]]
    assert out.strip() == "True", err  # the second start then exits: the running app has them


def test_a_malformed_message_is_cut_off_and_nothing_is_handed(qtbot: QtBot, name: str) -> None:
    listener = Listener(name)
    assert listener.start()
    handed: list[object] = []
    listener.handed.connect(handed.append)
    client = QLocalSocket()
    client.connectToServer(name)
    assert client.waitForConnected(2000)
    client.write(HOSTILE["another suffix"])
    client.flush()
    qtbot.waitUntil(lambda: client.state() == QLocalSocket.LocalSocketState.UnconnectedState, timeout=5000)
    assert handed == [] and client.readAll().data() == b""  # no answer: the sender would start as the app


def test_only_this_user_may_connect_and_closing_takes_the_socket_away(name: str) -> None:
    if sys.platform.startswith("win"):
        pytest.skip("a named pipe's access is its security descriptor, not a file mode")
    import stat

    listener = Listener(name)
    assert listener.start()
    socket_file = Path(listener.server.fullServerName())
    mode = socket_file.stat().st_mode
    assert stat.S_ISSOCK(mode) and stat.S_IMODE(mode) & 0o077 == 0  # nobody but the user
    listener.server.close()
    assert not socket_file.exists()


def test_a_channel_left_by_a_killed_peerdesk_is_taken_over(name: str) -> None:
    if sys.platform.startswith("win"):
        pytest.skip("a named pipe goes with the process that made it")
    left = Path(QDir.tempPath()) / name  # where a local server's socket lives on Linux and macOS
    left.write_bytes(b"")
    try:
        assert Listener(name).start()
    finally:
        left.unlink(missing_ok=True)


@UNIX_ONLY
def test_a_socket_left_in_the_private_folder_by_a_killed_peerdesk_is_taken_over(data: Path) -> None:
    left = Path(server_name(data))
    left.write_bytes(b"")
    listener = Listener(str(left))
    assert listener.start()
    listener.server.close()


def test_a_channel_another_peerdesk_answers_on_is_left_to_it(qtbot: QtBot, name: str, review: Path) -> None:
    first, second = Listener(name), Listener(name)
    assert first.start()
    assert not second.start()  # it does not take the channel from the running app
    process = sender(name, review)
    with qtbot.waitSignal(first.handed, timeout=10000):
        pass
    assert process.communicate(timeout=10)[0].strip() == "True"


# The app as ``peerdesk`` runs it, started first; it says when it listens and what it was handed over.
RUNNING_APP = """
import sys
from PySide6.QtWidgets import QApplication
from peerdesk.ui.shell import app as shell, single_instance

listening = single_instance.Listener.start
def start(self):
    started = listening(self)
    print("listening", started, flush=True)
    return started
single_instance.Listener.start = start

def offer_bundle(self, path):
    print("offered", path.name, flush=True)
    QApplication.quit()
shell.Controller.offer_bundle = offer_bundle
sys.exit(shell.run([]))
"""


def test_a_bundle_double_clicked_while_peerdesk_runs_is_offered_by_the_running_app(tmp_path: Path) -> None:
    """End to end, as Windows does it: a new ``peerdesk FILE`` process per double-click."""
    bundle = tmp_path / "from-jo.pdbundle"
    bundle.write_bytes(b"x")
    env = {**os.environ, "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    env.pop("PEERDESK_PASSPHRASE", None)
    with subprocess.Popen(
        [sys.executable, "-c", RUNNING_APP], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as running:
        try:
            assert running.stdout is not None
            assert running.stdout.readline().split() == ["listening", "True"]
            second = subprocess.run(
                [sys.executable, "-m", "peerdesk", str(bundle)], env=env, capture_output=True, text=True, timeout=60
            )
            assert second.returncode == 0, second.stderr
            assert running.stdout.readline().split() == ["offered", "from-jo.pdbundle"]
            assert running.wait(timeout=30) == 0
        finally:
            running.kill()

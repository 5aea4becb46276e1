"""Opening a damaged review in the app: the backup its passphrase opens is offered and restored; committed work a
damaged write-ahead log could not give back is told, not silently dropped."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from peerdesk.services import backups, records
from peerdesk.store import maintenance, wal
from peerdesk.store.engine import Store
from peerdesk.ui.kit import messages
from peerdesk.ui.shell.app import Controller, make_app
from tests.conftest import PASSPHRASE
from tests.ui.shell.test_open_files import answer_passphrase, close_all


def flip_bit(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x04
    path.write_bytes(bytes(data))


def test_a_damaged_review_is_offered_its_backup_and_opens_restored(
    qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    records.create(store, "notes", body="in the backup")
    backups.make_backup(store, "manual")
    path = store.path
    store.close()
    flip_bit(path, 1000)
    asked: list[str] = []
    monkeypatch.setattr(messages, "confirm", lambda _p, _t, text, _y="": asked.append(text) or True)
    controller = Controller(make_app())
    qtbot.addWidget(controller.start)
    answer_passphrase(PASSPHRASE)
    controller.open_path(path)
    qtbot.waitUntil(lambda: bool(controller.windows), timeout=20000)
    assert asked and "is damaged" in asked[0]
    assert controller.windows[0].session.store.path == path
    close_all(qtbot, controller)


def test_committed_work_a_damaged_wal_dropped_is_told(qtbot: QtBot, store: Store, tmp_path: Path) -> None:
    maintenance.checkpoint(store)
    records.create(store, "notes", body="committed just before the power cut")
    crashed = tmp_path / "crashed" / store.path.name
    crashed.parent.mkdir()
    shutil.copy(store.path, crashed)
    shutil.copy(f"{store.path}-wal", f"{crashed}-wal")
    flip_bit(Path(f"{crashed}-wal"), wal.HEADER + wal.FRAME_HEADER + 200)
    controller = Controller(make_app())
    qtbot.addWidget(controller.start)
    answer_passphrase(PASSPHRASE)
    controller.open_path(crashed)
    qtbot.waitUntil(lambda: bool(controller.windows), timeout=20000)
    notices = controller.windows[0].notices  # said in the window, not in a box over it
    qtbot.waitUntil(notices.isVisible, timeout=5000)
    assert notices.text().startswith("Some changes could not be recovered") and notices.kind == "warning"
    close_all(qtbot, controller)

"""Killing the app in the middle of an interview loses nothing the autosave had committed."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap

from peerdesk.services import notes
from peerdesk.store.engine import Store
from tests.helpers.timetable import build_day

CHILD = """
import json, sys, time
from PySide6.QtWidgets import QApplication
from PySide6.QtTest import QTest
from peerdesk.store.engine import Store
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.notes.panel import NotesPanel

app = QApplication([])
session = ReviewSession(Store.open({path!r}, {passphrase!r}))
panel = NotesPanel(session)
panel.show()
panel.open_interview({interview!r})
for i in range(50):
    QTest.keyClicks(panel.editor, "Line %d: carers said the duty line is slow. " % i)
    deadline = time.monotonic() + 10
    while panel.has_unsaved() and time.monotonic() < deadline:  # the autosave's own timers, no flush
        app.processEvents()
        time.sleep(0.002)
    print(json.dumps(panel.editor.toPlainText()), flush=True)
time.sleep(60)
"""


def test_every_committed_character_survives_a_sigkill_mid_interview(store: Store, passphrase: str) -> None:
    day = build_day(store)
    path = store.path
    store.close()
    child = textwrap.dedent(CHILD).format(path=str(path), passphrase=passphrase, interview=day.interviews[0])
    with subprocess.Popen([sys.executable, "-c", child], stdout=subprocess.PIPE, text=True, cwd=os.getcwd()) as proc:
        assert proc.stdout is not None
        acknowledged = [json.loads(proc.stdout.readline()) for _ in range(3)]
        proc.send_signal(signal.SIGKILL)  # right after the third commit returned; typing goes on meanwhile
        proc.wait()
    assert acknowledged[-1].startswith("Line 0:") and "Line 2:" in acknowledged[-1]
    with Store.open(path, passphrase) as reopened:
        note_id, _ = notes.open_note(reopened, day.interviews[0])
        body = notes.body(reopened, note_id)
    assert body.startswith(acknowledged[-1])

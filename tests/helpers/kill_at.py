"""The child of the statement-level kill harness: run one risky operation, SIGKILL itself before its Nth statement.

``python -m tests.helpers.kill_at OPERATION PATH PASSPHRASE N`` opens the review, then counts every SQL statement
SQLite starts on any connection (its trace callback fires before a statement runs, nested ones included) and kills
its own process just before statement ``N``. With ``N`` = 0 it runs to the end and prints ``statements <count>``.
Operations: ``purge``, ``rekey`` (to ``NEW_PASSPHRASE``), ``restore`` (the newest backup), ``import`` (a timetable
CSV of ``IMPORTED`` interviews, one transaction), ``migrate`` (opening a file at an older schema: armed before the
open).
"""

from __future__ import annotations

import datetime as dt
import os
import signal
import sys
from pathlib import Path
from typing import Any

from peerdesk.store import sqlcipher
from peerdesk.store.keys import FileKey

NEW_PASSPHRASE = "a brand new passphrase 2026"
IMPORTED = 12
IMPORT_CSV = "day,starts,ends,team,room,stakeholder_group,approach,interviewer,note_taker,attendees,title\n" + "".join(
    f"1,{8 + i:02d}:00,,Team Kill,,Kill group,,,,,\n" for i in range(IMPORTED)
)
_state = {"armed": False, "count": 0, "kill_at": 0}
_connect = sqlcipher.connect_key  # every keyed connection is made here (``connect`` too)


def _traced_connect(path: Path, key: str | FileKey) -> Any:
    conn = _connect(path, key)
    conn.set_trace_callback(_before_statement)
    return conn


def _before_statement(_sql: str) -> None:
    if not _state["armed"]:
        return
    _state["count"] += 1
    if _state["count"] == _state["kill_at"]:
        os.kill(os.getpid(), signal.SIGKILL)


def main(operation: str, path_text: str, passphrase: str, kill_at: str) -> None:
    sqlcipher.connect_key = _traced_connect  # type: ignore[assignment]
    from peerdesk.services import backups, retention, timetable_csv
    from peerdesk.store import rekey
    from peerdesk.store.engine import Store

    path = Path(path_text)
    _state["kill_at"] = int(kill_at)
    if operation == "migrate":
        _state["armed"] = True
        Store.open(path, passphrase).close()
    elif operation == "restore":
        chosen = backups.snapshots(path)[0][0]
        _state["armed"] = True
        backups.restore(path, chosen, passphrase)
    else:
        store = Store.open(path, passphrase, make_backup=False)
        _state["armed"] = True
        if operation == "purge":
            retention.purge(store, dt.date(2026, 7, 11))
        elif operation == "rekey":
            rekey.change_passphrase(store, passphrase, NEW_PASSPHRASE)
        elif operation == "import":
            timetable_csv.import_text(store, IMPORT_CSV)
        else:
            raise SystemExit(f"unknown operation {operation}")
        _state["armed"] = False
        store.close()
    print(f"statements {_state['count']}", flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:5])

"""The child of the crash harness: a long scripted session that prints each commit once it has returned.

``python -m tests.helpers.crash_child PATH PASSPHRASE RUN`` opens the review and, until killed, types into a note
a character at a time, moves post-its about the wall, and imports batches of quotes in one transaction each.
Each line it prints names a commit that returned (so is durable): ``note <id> <length>``, ``move <id> <x>``,
``batch <tag> <count>``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from peerdesk.services import records
from peerdesk.store.engine import Store
from peerdesk.store.models import Quote
from peerdesk.store.uow import UnitOfWork

ALPHABET = "the front door is busy on mondays "
BATCH = 25


def main(path: str, passphrase: str, run: str) -> None:
    store = Store.open(Path(path), passphrase, make_backup=False)
    note_id, _ = records.create(store, "notes", body="")
    postits = [records.create(store, "postits", text=f"run {run} post-it {i}", x=0.0)[0] for i in range(3)]
    print(f"ready {run}", flush=True)
    body = ""
    step = 0
    while True:
        step += 1
        body += ALPHABET[step % len(ALPHABET)]
        records.set_fields(store, "notes", note_id, body=body)
        print(f"note {note_id} {len(body)}", flush=True)
        moved = postits[step % len(postits)]
        records.set_fields(store, "postits", moved, x=float(step))
        print(f"move {moved} {step}", flush=True)
        if step % 10 == 0:
            tag = f"{run}-{step}"
            with UnitOfWork(store) as uow:
                for i in range(BATCH):
                    uow.add(Quote, None, text=f"imported {i}", note_id=tag)
                uow.commit()
            print(f"batch {tag} {BATCH}", flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:4])

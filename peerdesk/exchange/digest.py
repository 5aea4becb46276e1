"""``content_digest``: one hash of a review's shared content, equal on two files exactly when it is equal.

Included, for every shared table and every record (deleted ones too): the id, who created it (``author_id``),
whether it is deleted, and the value of every field — so a tombstone and a live record differ, and a field
edited on one side only shows. Floats are hashed as floats so 3 and 3.0 agree.

Left out: the per-field ``versions`` and ``updated``, which record *how* a value was reached (two members can type
the same heading independently and hold equal content with different histories), and everything local to one
file: ``meta`` (ids, clock), ``identity`` (private keys) and ``member_trust``. Also left out: ``conflicts``. They
travel like shared records, but whether a file noticed a clash depends on what it saw when (a member who got the
winning text together with the knowledge of the losing one never sees the clash itself), so they reach the
others one exchange later than the content; the digest compares the content.
"""

from __future__ import annotations

import hashlib

from sqlalchemy import Table, select

from peerdesk.exchange import canonical
from peerdesk.exchange.schema import column_kinds
from peerdesk.store.engine import Store
from peerdesk.store.models import SHARED_MODELS

EXCLUDED = frozenset({"versions", "updated"})
HISTORY_TABLES = frozenset({"conflicts"})


def content_digest(store: Store) -> str:
    h = hashlib.sha256(b"peerdesk-content-v1\x00")
    with store.session() as s:
        for table in sorted(SHARED_MODELS.keys() - HISTORY_TABLES):
            t: Table = SHARED_MODELS[table].__table__  # type: ignore[attr-defined]
            kinds = {k: v for k, v in column_kinds(table).items() if k not in EXCLUDED}
            for row in s.execute(select(*(t.c[name] for name in kinds)).order_by(t.c.id)).mappings():
                values = {name: float(row[name]) if kind == "float" else row[name] for name, kind in kinds.items()}
                h.update(canonical.dumps([table, values]))
                h.update(b"\n")
    return h.hexdigest()

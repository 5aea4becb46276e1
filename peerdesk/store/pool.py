"""The SQLAlchemy engine over a review file's keyed connections.

Apart from ``store.engine`` so that opening a review and reading what the window first shows need no SQLAlchemy:
importing it (and mapping the models) costs more than the rest of the start together. The engine is made the first
time something asks for it (a unit of work, an ORM read), and takes over the connection the open already keyed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import Pool, QueuePool, StaticPool

from peerdesk.store import keys, sqlcipher
from peerdesk.store.tables import WRITE_OPTION


def file_engine(path: Path, key: keys.FileKey, first: Any | None) -> Engine:
    """An engine whose first connection is ``first`` (already keyed and checked), if given; later ones are keyed
    with the raw key, so none of them derives it again."""
    spare = [] if first is None else [first]

    def creator() -> Any:
        if spare:
            return spare.pop()
        return sqlcipher.connect_key(path, key)

    return _make_engine(creator, QueuePool)


def draft_engine(draft: Any) -> Engine:
    """An engine over one in-memory connection (a new review being built before it is sealed into its file)."""
    return _make_engine(lambda: draft, StaticPool)


def _make_engine(creator: Callable[[], Any], poolclass: type[Pool]) -> Engine:
    sizes = {"pool_size": 3, "max_overflow": 4} if poolclass is QueuePool else {}
    engine = create_engine(
        "sqlite://",
        creator=creator,
        poolclass=poolclass,
        pool_pre_ping=False,
        hide_parameters=True,  # errors must not carry note or quote text into logs and messages
        **sizes,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        sqlcipher.configure(dbapi_conn)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # The driver's implicit transactions are off (isolation_level=None), so we begin explicitly: a unit of
        # work takes the write lock at once (no deadlock upgrading a reader), reads stay deferred.
        write = conn.get_execution_options().get(WRITE_OPTION, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine

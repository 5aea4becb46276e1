"""Review files as an older peerdesk left them, for the migration tests."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text

from peerdesk.store import migrate, sqlcipher


def make_review_at(path: Path, passphrase: str, revision: str, *statements: str) -> None:
    """A review file as an older peerdesk would have left it, with a note and a quote in it, and whatever
    ``statements`` (SQL, run as written, in the same transaction) put in it besides."""
    conn = sqlcipher.connect(path, passphrase)
    conn.execute(f"PRAGMA application_id = {sqlcipher.APPLICATION_ID}")
    sqlcipher.configure(conn)
    engine = create_engine("sqlite://", creator=lambda: conn)
    with engine.begin() as c:
        migrate.upgrade(c, revision)
        c.execute(text("INSERT INTO meta(key, value) VALUES ('member_id', 'm1'), ('review_id', 'r1')"))
        c.execute(
            text(
                "INSERT INTO notes(id, author_id, versions, updated, deleted, interview_id, body) "
                "VALUES ('n1', 'm1', '{}', '', 0, 'i1', 'They said the panel meets weekly')"
            )
        )
        c.execute(
            text(
                "INSERT INTO quotes(id, author_id, versions, updated, deleted, interview_id, group_id, note_id, text, "
                "anchor_start, anchor_end, kind, starred, guard_decision) VALUES "
                "('q1', 'm1', '{}', '', 0, 'i1', 'g1', 'n1', 'the panel meets weekly', -1, -1, '', 0, '')"
            )
        )
        for statement in statements:
            c.exec_driver_sql(statement)
        c.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()


@contextmanager
def downgraded(path: Path, passphrase: str, revision: str) -> Iterator[Any]:
    """A connection (SQLAlchemy, in a transaction) to the review at ``path`` once downgraded to ``revision``."""
    from alembic import command

    conn = sqlcipher.connect(path, passphrase)
    sqlcipher.configure(conn)
    engine = create_engine("sqlite://", creator=lambda: conn)
    try:
        with engine.begin() as c:
            command.downgrade(migrate._config(c), revision)
            yield c
    finally:
        engine.dispose()

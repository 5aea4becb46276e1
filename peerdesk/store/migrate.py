"""Alembic, embedded: the schema of a review file is upgraded on open, from the packaged ``migrations/``.

Opening a file that is already current is the common case, and loading Alembic costs about half a second of
start-up: so the list of revisions lives here too, and Alembic is imported only to upgrade (a test checks that
``REVISIONS`` is exactly the scripts' chain, so the two cannot drift apart).
"""

from __future__ import annotations

from importlib import resources
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

# Every revision in ``migrations/versions``, oldest first. Add a new one here when you add its script.
REVISIONS = ("0001", "0002", "0003", "0007", "0008", "0009", "0010", "0011", "0012", "0013", "0014")
HEAD = REVISIONS[-1]


def _config(connection: Any = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files("peerdesk.migrations")))
    if connection is not None:
        # env.py takes the already keyed connection: the passphrase never appears in a URL.
        cfg.attributes["connection"] = connection
    return cfg


def script() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_config())


def head() -> str:
    return HEAD


def known_revisions() -> set[str]:
    return set(REVISIONS)


def current(connection: Any) -> str | None:
    """The schema revision of a SQLAlchemy connection."""
    from sqlalchemy import text  # opening a current file reads its revision plainly (``current_raw``)

    has_table = connection.execute(
        text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'")
    ).first()
    if not has_table:
        return None
    row = connection.execute(text("SELECT version_num FROM alembic_version")).first()
    return str(row[0]) if row else None


def current_raw(dbapi_conn: Any) -> str | None:
    """The schema revision read through a bare DB-API connection (before any engine exists)."""
    has_table = dbapi_conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
    ).fetchone()
    if not has_table:
        return None
    row = dbapi_conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return str(row[0]) if row else None


def upgrade(connection: Any, target: str = "head") -> None:
    from alembic import command

    command.upgrade(_config(connection), target)

"""Alembic, embedded: the schema of a review file is upgraded on open, from the packaged ``migrations/``."""

from __future__ import annotations

from importlib import resources
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory


def _config(connection: Any = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files("peerdesk.migrations")))
    if connection is not None:
        # env.py takes the already keyed connection: the passphrase never appears in a URL.
        cfg.attributes["connection"] = connection
    return cfg


def script() -> ScriptDirectory:
    return ScriptDirectory.from_config(_config())


def head() -> str:
    rev = script().get_current_head()
    assert rev is not None
    return rev


def known_revisions() -> set[str]:
    return {rev.revision for rev in script().walk_revisions()}


def current(connection: Any) -> str | None:
    """The schema revision of a SQLAlchemy connection."""
    return MigrationContext.configure(connection).get_current_revision()


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
    command.upgrade(_config(connection), target)

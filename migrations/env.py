"""Alembic environment for peerdesk: always online, always on the connection the app already keyed."""

from __future__ import annotations

from alembic import context

from peerdesk.store.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError(
        "peerdesk migrations run only through peerdesk.store.migrate (they need a keyed connection)"
    )

context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()

"""Conflicts travel: the text that lost a merge becomes a shared record (versions, updated, deleted; text value).

Until now a conflict stayed in the file that noticed it, so the person whose text lost rarely saw it. Existing
conflicts keep their ids and take empty versions (they travel from the next export, as any record a file holds);
their value, stored as JSON text, becomes the plain text it always was.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("UPDATE conflicts SET value = json_extract(value, '$') WHERE json_valid(value)")
    with op.batch_alter_table("conflicts", schema=None) as batch_op:
        batch_op.add_column(sa.Column("versions", sa.JSON(), nullable=False, server_default="{}"))
        batch_op.add_column(sa.Column("updated", sa.String(length=80), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("deleted", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.alter_column("value", existing_type=sa.JSON(), type_=sa.Text(), existing_nullable=False)
        batch_op.create_index(batch_op.f("ix_conflicts_updated"), ["updated"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("conflicts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_conflicts_updated"))
        batch_op.alter_column("value", existing_type=sa.Text(), type_=sa.JSON(), existing_nullable=False)
        batch_op.drop_column("deleted")
        batch_op.drop_column("updated")
        batch_op.drop_column("versions")
    op.execute("UPDATE conflicts SET value = json_quote(value)")

"""The lead-in checklist's ticks: which steps before (and after) the visit are done.

The steps are data shipped with peerdesk; only their ticks live in the review, one shared record per step.

Revision ID: 0007
Revises: 0003
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "checklist_ticks",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("done", sa.Boolean(), nullable=False),
        sa.Column("done_on", sa.String(length=10), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=False),
        sa.Column("versions", sa.JSON(), nullable=False),
        sa.Column("updated", sa.String(length=80), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("checklist_ticks", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_checklist_ticks_updated"), ["updated"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("checklist_ticks", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_checklist_ticks_updated"))
    op.drop_table("checklist_ticks")

"""The follow-up visit's view of each workshop action: owner, progress, evidence seen, a note.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "action_progress",
        sa.Column("action_id", sa.String(length=36), nullable=False),
        sa.Column("owner", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=False),
        sa.Column("versions", sa.JSON(), nullable=False),
        sa.Column("updated", sa.String(length=80), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("action_progress", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_action_progress_action_id"), ["action_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_action_progress_updated"), ["updated"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("action_progress", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_action_progress_updated"))
        batch_op.drop_index(batch_op.f("ix_action_progress_action_id"))
    op.drop_table("action_progress")

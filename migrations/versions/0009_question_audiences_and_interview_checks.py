"""Question sets worded for children and families or for staff and partners; the interview's checklist ticks.

``questions.audience`` says who a question's wording is for ("families", "staff", or "" for anyone: every question
written before this revision). ``interview_checks`` holds the ticks of each interview's opening and closing
checklist, whose items are data shipped with peerdesk.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("questions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("audience", sa.String(length=20), nullable=False, server_default=""))
    op.create_table(
        "interview_checks",
        sa.Column("interview_id", sa.String(length=36), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("done", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=False),
        sa.Column("versions", sa.JSON(), nullable=False),
        sa.Column("updated", sa.String(length=80), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("interview_checks", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_interview_checks_interview_id"), ["interview_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_interview_checks_updated"), ["updated"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("interview_checks", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_interview_checks_updated"))
        batch_op.drop_index(batch_op.f("ix_interview_checks_interview_id"))
    op.drop_table("interview_checks")
    with op.batch_alter_table("questions", schema=None) as batch_op:
        batch_op.drop_column("audience")

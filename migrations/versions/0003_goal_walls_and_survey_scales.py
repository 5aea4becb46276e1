"""Ideas get whole walls of their own, and survey items their own scale.

``themes.goal_id`` puts a theme on one goal's idea wall (empty: the Day 2 wall), so ideas can be grouped the way
roses, thorns and buds are. ``survey_items.scale_low``/``scale_high`` are the scores at the item's left and right
statements: hosts run their survey on 1–5, 1–7, 0–10…; existing items keep the 1–5 they were imported on.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("themes", schema=None) as batch_op:
        batch_op.add_column(sa.Column("goal_id", sa.String(length=36), nullable=False, server_default=""))
    with op.batch_alter_table("survey_items", schema=None) as batch_op:
        batch_op.add_column(sa.Column("scale_low", sa.Integer(), nullable=False, server_default="1"))
        batch_op.add_column(sa.Column("scale_high", sa.Integer(), nullable=False, server_default="5"))


def downgrade() -> None:
    with op.batch_alter_table("survey_items", schema=None) as batch_op:
        batch_op.drop_column("scale_high")
        batch_op.drop_column("scale_low")
    with op.batch_alter_table("themes", schema=None) as batch_op:
        batch_op.drop_column("goal_id")

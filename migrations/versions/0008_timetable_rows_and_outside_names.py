"""The timetable as it really is: rows for everyone, and people from outside the team.

``slots.activity`` names a row that is not an interview slot but holds every team at once (the opening, lunch, a
break, the team's discussion, the Day 1 presentation). ``interviews.interviewer_name``/``note_taker_name`` hold
the name of someone who asks or takes notes without being on the roster (a host officer, an observer).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("slots", schema=None) as batch_op:
        batch_op.add_column(sa.Column("activity", sa.Text(), nullable=False, server_default=""))
    with op.batch_alter_table("interviews", schema=None) as batch_op:
        batch_op.add_column(sa.Column("interviewer_name", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("note_taker_name", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("interviews", schema=None) as batch_op:
        batch_op.drop_column("note_taker_name")
        batch_op.drop_column("interviewer_name")
    with op.batch_alter_table("slots", schema=None) as batch_op:
        batch_op.drop_column("activity")

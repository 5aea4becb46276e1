"""Documents read in advance: their files inside the review, and each reviewer's reading notes.

``document_files`` holds a document's file (local to this member's file, encrypted with it). ``reading_notes``
holds one note per reviewer per document (shared).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "document_files",
        sa.Column("document_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("added", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("document_id"),
    )
    op.create_table(
        "reading_notes",
        sa.Column("document_id", sa.String(length=36), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=False),
        sa.Column("versions", sa.JSON(), nullable=False),
        sa.Column("updated", sa.String(length=80), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("reading_notes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_reading_notes_document_id"), ["document_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_reading_notes_updated"), ["updated"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("reading_notes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reading_notes_updated"))
        batch_op.drop_index(batch_op.f("ix_reading_notes_document_id"))
    op.drop_table("reading_notes")
    op.drop_table("document_files")

"""The whole mission's schema: planning to follow-up, every shared record versioned per field.

Revision ID: 0001
Revises:
Create Date: 2026-11-23 13:01:23.569570
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "actions",
        sa.Column("table_id", sa.String(length=36), nullable=False),
        sa.Column("goal_id", sa.String(length=36), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("rank", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=False),
        sa.Column("versions", sa.JSON(), nullable=False),
        sa.Column("updated", sa.String(length=80), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("actions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_actions_table_id"), ["table_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_actions_updated"), ["updated"], unique=False)

    op.create_table(
        "candidate_areas",
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("pros", sa.Text(), nullable=False),
        sa.Column("cons", sa.Text(), nullable=False),
        sa.Column("chosen", sa.Boolean(), nullable=False),
        sa.Column("position", sa.Float(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=False),
        sa.Column("versions", sa.JSON(), nullable=False),
        sa.Column("updated", sa.String(length=80), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("candidate_areas", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_candidate_areas_updated"), ["updated"], unique=False)

    op.create_table(
        "conflicts",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("field", sa.String(length=40), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.Column("version", sa.String(length=80), nullable=False),
        sa.Column("winner_version", sa.String(length=80), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=False),
        sa.Column("created", sa.String(length=32), nullable=False),
        sa.Column("resolved", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("conflicts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_conflicts_row_id"), ["row_id"], unique=False)

    op.create_table(
        "documents",
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("received", sa.String(length=10), nullable=False),
        sa.Column("reading_notes", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=False),
        sa.Column("versions", sa.JSON(), nullable=False),
        sa.Column("updated", sa.String(length=80), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_documents_updated"), ["updated"], unique=False)

    op.create_table(
        "followup",
        sa.Column("meeting_date", sa.String(length=10), nullable=False),
        sa.Column("what_changed", sa.Text(), nullable=False),
        sa.Column("host_learned", sa.Text(), nullable=False),
        sa.Column("visitors_learned", sa.Text(), nullable=False),
        sa.Column("wider_learning", sa.Text(), nullable=False),
        sa.Column("process_feedback", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=False),
        sa.Column("versions", sa.JSON(), nullable=False),
        sa.Column("updated", sa.String(length=80), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("followup", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_followup_updated"), ["updated"], unique=False)

    op.create_table(
        "goals",
        sa.Column("insight_id", sa.String(length=36), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("claimed_by", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Float(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=False),
        sa.Column("versions", sa.JSON(), nullable=False),
        sa.Column("updated", sa.String(length=80), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("goals", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_goals_updated"), ["updated"], unique=False)

    op.create_table(
        "guarded_names",
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=False),
        sa.Column("versions", sa.JSON(), nullable=False),
        sa.Column("updated", sa.String(length=80), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("guarded_names", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_guarded_names_updated"), ["updated"], unique=False)

    op.create_table(
        "identity",
        sa.Column("member_id", sa.String(length=36), nullable=False),
        sa.Column("signing_private", sa.LargeBinary(), nullable=False),
        sa.Column("kem_private", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("member_id"),
    )
    op.create_table(
        "insight_quotes",
        sa.Column("insight_id", sa.String(length=36), nullable=False),
        sa.Column("quote_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Float(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=False),
        sa.Column("versions", sa.JSON(), nullable=False),
        sa.Column("updated", sa.String(length=80), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("insight_quotes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_insight_quotes_insight_id"), ["insight_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_insight_quotes_quote_id"), ["quote_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_insight_quotes_updated"), ["updated"], unique=False)

    op.create_table(
        "insight_themes",
        sa.Column("insight_id", sa.String(length=36), nullable=False),
        sa.Column("theme_id", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=False),
        sa.Column("versions", sa.JSON(), nullable=False),
        sa.Column("updated", sa.String(length=80), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("insight_themes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_insight_themes_insight_id"), ["insight_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_insight_themes_updated"), ["updated"], unique=False)

    op.create_table(
        "insights",
        sa.Column("statement", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("meaning", sa.Text(), nullable=False),
        sa.Column("importance", sa.Text(), nullable=False),
        sa.Column("cause", sa.Text(), nullable=False),
        sa.Column("leadership_role", sa.Text(), nullable=False),
        sa.Column("implications", sa.Text(), nullable=False),
        sa.Column("position", sa.Float(), nullable=False),
        sa.Column("evidence_checked", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=False),
        sa.Column("versions", sa.JSON(), nullable=False),
        sa.Column("updated", sa.String(length=80), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("insights", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_insights_updated"), ["updated"], unique=False)

    op.create_table(
        "interview_questions",
        sa.Column("interview_id", sa.String(length=36), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("position", sa.Float(), nullable=False),
        sa.Column("asked", sa.Boolean(), nullable=False),
        sa.Column("closing", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=False),
        sa.Column("versions", sa.JSON(), nullable=False),
        sa.Column("updated", sa.String(length=80), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("interview_questions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_interview_questions_interview_id"), ["interview_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_interview_questions_updated"), ["updated"], unique=False)

    op.create_table(
        "interviews",
        sa.Column("slot_id", sa.String(length=36), nullable=False),
        sa.Column("team_id", sa.String(length=36), nullable=False),
        sa.Column("group_id", sa.String(length=36), nullable=False),
        sa.Column("approach", sa.String(length=40), nullable=False),
        sa.Column("interviewer_id", sa.String(length=36), nullable=False),
        sa.Column("note_taker_id", sa.String(length=36), nullable=False),
        sa.Column("attendees", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=False),
        sa.Column("versions", sa.JSON(), nullable=False),
        sa.Column("updated", sa.String(length=80), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("interviews", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_interviews_group_id"), ["group_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_interviews_slot_id"), ["slot_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_interviews_updated"), ["updated"], unique=False)

    op.create_table(
        "member_trust",
        sa.Column("member_id", sa.String(length=36), nullable=False),
        sa.Column("verified_fingerprint", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("member_id"),
    )
    op.create_table(
        "members",
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("initials", sa.String(length=4), nullable=False),
        sa.Column("signing_key", sa.Text(), nullable=False),
        sa.Column("kem_key", sa.Text(), nullable=False),
        sa.Column("removed", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=False),
        sa.Column("versions", sa.JSON(), nullable=False),
        sa.Column("updated", sa.String(length=80), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_members_updated"), ["updated"], unique=False)

    op.create_table(
        "meta",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "notes",
        sa.Column("interview_id", sa.String(length=36), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=False),
        sa.Column("versions", sa.JSON(), nullable=False),
        sa.Column("updated", sa.String(length=80), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("notes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_notes_interview_id"), ["interview_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_notes_updated"), ["updated"], unique=False)

    op.create_table(
        "planning_answers",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=False),
        sa.Column("versions", sa.JSON(), nullable=False),
        sa.Column("updated", sa.String(length=80), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("planning_answers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_planning_answers_updated"), ["updated"], unique=False)

    op.create_table(
        "postits",
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("quote_id", sa.String(length=36), nullable=False),
        sa.Column("note_id", sa.String(length=36), nullable=False),
        sa.Column("theme_id", sa.String(length=36), nullable=False),
        sa.Column("goal_id", sa.String(length=36), nullable=False),
        sa.Column("x", sa.Float(), nullable=False),
        sa.Column("y", sa.Float(), nullable=False),
        sa.Column("position", sa.Float(), nullable=False),
        sa.Column("placed", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=False),
        sa.Column("versions", sa.JSON(), nullable=False),
        sa.Column("updated", sa.String(length=80), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("postits", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_postits_theme_id"), ["theme_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_postits_updated"), ["updated"], unique=False)

    op.create_table(
        "questions",
        sa.Column("approach", sa.String(length=40), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("position", sa.Float(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=False),
        sa.Column("versions", sa.JSON(), nullable=False),
        sa.Column("updated", sa.String(length=80), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("questions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_questions_updated"), ["updated"], unique=False)

    op.create_table(
        "quote_tags",
        sa.Column("quote_id", sa.String(length=36), nullable=False),
        sa.Column("tag_id", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=False),
        sa.Column("versions", sa.JSON(), nullable=False),
        sa.Column("updated", sa.String(length=80), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("quote_tags", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_quote_tags_quote_id"), ["quote_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_quote_tags_tag_id"), ["tag_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_quote_tags_updated"), ["updated"], unique=False)

    op.create_table(
        "quotes",
        sa.Column("interview_id", sa.String(length=36), nullable=False),
        sa.Column("group_id", sa.String(length=36), nullable=False),
        sa.Column("note_id", sa.String(length=36), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("anchor_start", sa.Integer(), nullable=False),
        sa.Column("anchor_end", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("starred", sa.Boolean(), nullable=False),
        sa.Column("guard_decision", sa.String(length=10), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=False),
        sa.Column("versions", sa.JSON(), nullable=False),
        sa.Column("updated", sa.String(length=80), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("quotes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_quotes_group_id"), ["group_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_quotes_interview_id"), ["interview_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_quotes_updated"), ["updated"], unique=False)

    op.create_table(
        "review",
        sa.Column("authority", sa.Text(), nullable=False),
        sa.Column("focus", sa.Text(), nullable=False),
        sa.Column("aim", sa.Text(), nullable=False),
        sa.Column("key_question_1", sa.Text(), nullable=False),
        sa.Column("key_question_2", sa.Text(), nullable=False),
        sa.Column("key_question_3", sa.Text(), nullable=False),
        sa.Column("visit_start", sa.String(length=10), nullable=False),
        sa.Column("visit_end", sa.String(length=10), nullable=False),
        sa.Column("followup_date", sa.String(length=10), nullable=False),
        sa.Column("retention_date", sa.String(length=10), nullable=False),
        sa.Column("co_produced", sa.Boolean(), nullable=False),
        sa.Column("lead_officers", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=False),
        sa.Column("versions", sa.JSON(), nullable=False),
        sa.Column("updated", sa.String(length=80), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("review", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_review_updated"), ["updated"], unique=False)

    op.create_table(
        "scale_answers",
        sa.Column("interview_id", sa.String(length=36), nullable=False),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=False),
        sa.Column("versions", sa.JSON(), nullable=False),
        sa.Column("updated", sa.String(length=80), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("scale_answers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_scale_answers_interview_id"), ["interview_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_scale_answers_updated"), ["updated"], unique=False)

    op.create_table(
        "slots",
        sa.Column("day", sa.Integer(), nullable=False),
        sa.Column("starts", sa.String(length=5), nullable=False),
        sa.Column("ends", sa.String(length=5), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=False),
        sa.Column("versions", sa.JSON(), nullable=False),
        sa.Column("updated", sa.String(length=80), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("slots", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_slots_updated"), ["updated"], unique=False)

    op.create_table(
        "stakeholder_groups",
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("position", sa.Float(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=False),
        sa.Column("versions", sa.JSON(), nullable=False),
        sa.Column("updated", sa.String(length=80), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("stakeholder_groups", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_stakeholder_groups_updated"), ["updated"], unique=False)

    op.create_table(
        "survey_items",
        sa.Column("left_text", sa.Text(), nullable=False),
        sa.Column("right_text", sa.Text(), nullable=False),
        sa.Column("position", sa.Float(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=False),
        sa.Column("versions", sa.JSON(), nullable=False),
        sa.Column("updated", sa.String(length=80), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("survey_items", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_survey_items_updated"), ["updated"], unique=False)

    op.create_table(
        "survey_responses",
        sa.Column("team", sa.Text(), nullable=False),
        sa.Column("scores", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=False),
        sa.Column("versions", sa.JSON(), nullable=False),
        sa.Column("updated", sa.String(length=80), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("survey_responses", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_survey_responses_updated"), ["updated"], unique=False)

    op.create_table(
        "table_responses",
        sa.Column("table_id", sa.String(length=36), nullable=False),
        sa.Column("insight_id", sa.String(length=36), nullable=False),
        sa.Column("response", sa.String(length=10), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=False),
        sa.Column("versions", sa.JSON(), nullable=False),
        sa.Column("updated", sa.String(length=80), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("table_responses", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_table_responses_table_id"), ["table_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_table_responses_updated"), ["updated"], unique=False)

    op.create_table(
        "tags",
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=False),
        sa.Column("versions", sa.JSON(), nullable=False),
        sa.Column("updated", sa.String(length=80), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("tags", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_tags_updated"), ["updated"], unique=False)

    op.create_table(
        "teams",
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("room", sa.Text(), nullable=False),
        sa.Column("position", sa.Float(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=False),
        sa.Column("versions", sa.JSON(), nullable=False),
        sa.Column("updated", sa.String(length=80), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("teams", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_teams_updated"), ["updated"], unique=False)

    op.create_table(
        "themes",
        sa.Column("heading", sa.Text(), nullable=False),
        sa.Column("x", sa.Float(), nullable=False),
        sa.Column("y", sa.Float(), nullable=False),
        sa.Column("width", sa.Float(), nullable=False),
        sa.Column("height", sa.Float(), nullable=False),
        sa.Column("collapsed", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=False),
        sa.Column("versions", sa.JSON(), nullable=False),
        sa.Column("updated", sa.String(length=80), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("themes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_themes_updated"), ["updated"], unique=False)

    op.create_table(
        "workshop_notes",
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("position", sa.Float(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=False),
        sa.Column("versions", sa.JSON(), nullable=False),
        sa.Column("updated", sa.String(length=80), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("workshop_notes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_workshop_notes_updated"), ["updated"], unique=False)

    op.create_table(
        "workshop_tables",
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("position", sa.Float(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("author_id", sa.String(length=36), nullable=False),
        sa.Column("versions", sa.JSON(), nullable=False),
        sa.Column("updated", sa.String(length=80), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("workshop_tables", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_workshop_tables_updated"), ["updated"], unique=False)


def downgrade() -> None:

    with op.batch_alter_table("workshop_tables", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_workshop_tables_updated"))

    op.drop_table("workshop_tables")
    with op.batch_alter_table("workshop_notes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_workshop_notes_updated"))

    op.drop_table("workshop_notes")
    with op.batch_alter_table("themes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_themes_updated"))

    op.drop_table("themes")
    with op.batch_alter_table("teams", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_teams_updated"))

    op.drop_table("teams")
    with op.batch_alter_table("tags", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tags_updated"))

    op.drop_table("tags")
    with op.batch_alter_table("table_responses", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_table_responses_updated"))
        batch_op.drop_index(batch_op.f("ix_table_responses_table_id"))

    op.drop_table("table_responses")
    with op.batch_alter_table("survey_responses", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_survey_responses_updated"))

    op.drop_table("survey_responses")
    with op.batch_alter_table("survey_items", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_survey_items_updated"))

    op.drop_table("survey_items")
    with op.batch_alter_table("stakeholder_groups", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_stakeholder_groups_updated"))

    op.drop_table("stakeholder_groups")
    with op.batch_alter_table("slots", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_slots_updated"))

    op.drop_table("slots")
    with op.batch_alter_table("scale_answers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_scale_answers_updated"))
        batch_op.drop_index(batch_op.f("ix_scale_answers_interview_id"))

    op.drop_table("scale_answers")
    with op.batch_alter_table("review", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_review_updated"))

    op.drop_table("review")
    with op.batch_alter_table("quotes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_quotes_updated"))
        batch_op.drop_index(batch_op.f("ix_quotes_interview_id"))
        batch_op.drop_index(batch_op.f("ix_quotes_group_id"))

    op.drop_table("quotes")
    with op.batch_alter_table("quote_tags", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_quote_tags_updated"))
        batch_op.drop_index(batch_op.f("ix_quote_tags_tag_id"))
        batch_op.drop_index(batch_op.f("ix_quote_tags_quote_id"))

    op.drop_table("quote_tags")
    with op.batch_alter_table("questions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_questions_updated"))

    op.drop_table("questions")
    with op.batch_alter_table("postits", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_postits_updated"))
        batch_op.drop_index(batch_op.f("ix_postits_theme_id"))

    op.drop_table("postits")
    with op.batch_alter_table("planning_answers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_planning_answers_updated"))

    op.drop_table("planning_answers")
    with op.batch_alter_table("notes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_notes_updated"))
        batch_op.drop_index(batch_op.f("ix_notes_interview_id"))

    op.drop_table("notes")
    op.drop_table("meta")
    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_members_updated"))

    op.drop_table("members")
    op.drop_table("member_trust")
    with op.batch_alter_table("interviews", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_interviews_updated"))
        batch_op.drop_index(batch_op.f("ix_interviews_slot_id"))
        batch_op.drop_index(batch_op.f("ix_interviews_group_id"))

    op.drop_table("interviews")
    with op.batch_alter_table("interview_questions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_interview_questions_updated"))
        batch_op.drop_index(batch_op.f("ix_interview_questions_interview_id"))

    op.drop_table("interview_questions")
    with op.batch_alter_table("insights", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_insights_updated"))

    op.drop_table("insights")
    with op.batch_alter_table("insight_themes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_insight_themes_updated"))
        batch_op.drop_index(batch_op.f("ix_insight_themes_insight_id"))

    op.drop_table("insight_themes")
    with op.batch_alter_table("insight_quotes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_insight_quotes_updated"))
        batch_op.drop_index(batch_op.f("ix_insight_quotes_quote_id"))
        batch_op.drop_index(batch_op.f("ix_insight_quotes_insight_id"))

    op.drop_table("insight_quotes")
    op.drop_table("identity")
    with op.batch_alter_table("guarded_names", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_guarded_names_updated"))

    op.drop_table("guarded_names")
    with op.batch_alter_table("goals", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_goals_updated"))

    op.drop_table("goals")
    with op.batch_alter_table("followup", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_followup_updated"))

    op.drop_table("followup")
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_documents_updated"))

    op.drop_table("documents")
    with op.batch_alter_table("conflicts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_conflicts_row_id"))

    op.drop_table("conflicts")
    with op.batch_alter_table("candidate_areas", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_candidate_areas_updated"))

    op.drop_table("candidate_areas")
    with op.batch_alter_table("actions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_actions_updated"))
        batch_op.drop_index(batch_op.f("ix_actions_table_id"))

    op.drop_table("actions")

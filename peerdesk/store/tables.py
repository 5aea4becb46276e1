"""Names the storage layer and its callers share, kept apart from ``models`` so that naming a table or a fact does
not import SQLAlchemy (the window's start reads with plain SQL)."""

from __future__ import annotations

# The execution option that makes a connection's transaction BEGIN IMMEDIATE (a unit of work's: store/pool.py).
WRITE_OPTION = "peerdesk_write"

# The columns every shared record has that no person edits: merge and bundles keep them.
BOOKKEEPING = frozenset({"id", "author_id", "versions", "updated"})

# The "interview records" deleted after the follow-up visit (services.retention). Once a file has purged them
# (meta ``purged_on``), merging a bundle ignores them too, so an old colleague's bundle cannot bring them back.
INTERVIEW_RECORD_TABLES: tuple[str, ...] = (
    "notes",
    "quotes",
    "quote_tags",
    "postits",
    "themes",
    "insight_themes",
    "insight_quotes",
    "interview_questions",
    "scale_answers",
    "guarded_names",
    # documents read in advance and the reviewers' notes on them (#20); their files (local) go with them
    "documents",
    "reading_notes",
)
PURGED_ON_META = "purged_on"
# Set in the purge's own transaction, cleared once the file holds nothing of the deleted records (vacuumed, WAL
# truncated, backups gone): an open that finds it set finishes the purge first (``maintenance.finish_purge``).
PURGE_UNFINISHED_META = "purge_unfinished"

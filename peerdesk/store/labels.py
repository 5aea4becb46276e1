"""What a table's records are called in a sentence ("3 new post-its", "at most 2,000 tags")."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

# Singular and plural; a table not listed is named after itself ("reading_notes": "reading note(s)").
LABELS: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "quotes": ("quote", "quotes"),
        "notes": ("note", "notes"),
        "postits": ("post-it", "post-its"),
        "themes": ("theme", "themes"),
        "insights": ("insight", "insights"),
        "interviews": ("interview", "interviews"),
        "members": ("team member", "team members"),
        # A timetable's column ("Team A"): "1 new team" beside "1 new team member" read as the review's team.
        "teams": ("timetable team", "timetable teams"),
        "review": ("review detail", "review details"),
        "planning_answers": ("planning answer", "planning answers"),
        "scale_answers": ("scale answer", "scale answers"),
        "quote_tags": ("quote tag", "quote tags"),
        "insight_quotes": ("insight quote link", "insight quote links"),
        "insight_themes": ("insight theme link", "insight theme links"),
        "action_progress": ("action progress update", "action progress updates"),
        "checklist_ticks": ("ticked lead-in step", "ticked lead-in steps"),
        "followup": ("follow-up record", "follow-up records"),
    }
)


def label(table: str, n: int) -> str:
    """``table``'s records in words, singular when ``n`` is 1."""
    one, many = LABELS.get(table, (table.replace("_", " ").rstrip("s"), table.replace("_", " ")))
    return one if n == 1 else many

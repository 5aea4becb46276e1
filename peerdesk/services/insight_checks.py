"""Gentle checks on insights: a statement that reads like a goal, too few or too many quotes, the 4–6 target.

Only nudges, shown beside what is typed: the team decides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from peerdesk.services import plural

TARGET_MIN, TARGET_MAX = 4, 6
QUOTES_ADVISED = 2

# Verbs that open an instruction rather than a description ("Improve the front door", "Ensure that...").
_IMPERATIVES = (
    "improve|ensure|develop|create|make|increase|reduce|build|establish|introduce|strengthen|deliver|implement|"
    "provide|embed|invest|prioritise|prioritize|focus|streamline|recruit|retain|raise|tackle|change|stop|start|"
    "set|put|give|share|review|align|clarify|agree|communicate|empower|enable|support|listen|involve|use|adopt|"
    "simplify|fix|address|promote|encourage|celebrate|consider|continue|keep|maintain|train|refresh|rethink|"
    "redesign|restructure|reconsider|reinforce|boost|expand|grow|extend|bring|let|get|take|do"
)
_GOAL_OPENINGS = re.compile(
    rf"""^\s*(?:
        (?:we|they|you|leaders|managers|the\s+(?:council|service|authority|leadership(?:\s+team)?))\s+
            (?:should|must|need\s+to|needs\s+to|ought\s+to|have\s+to|has\s+to|will\s+need\s+to)\b
      | (?:need|needs)\s+to\b
      | let'?s\b
      | there\s+(?:should|must)\s+be\b
      | (?:{_IMPERATIVES})\b
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_GOAL_ANYWHERE = re.compile(r"\b(?:should|must|ought\s+to)\b", re.IGNORECASE)
_REPORTED = re.compile(r"\b(?:feel|feels|felt|think|thinks|believe|believes|say|says|said|told|fear|fears)\b", re.I)


def goal_hint(statement: str) -> str | None:
    """A gentle nudge when a statement reads like a goal; ``None`` when it reads like a description.

    Only a nudge: the team decides. Reported views ("Managers feel they must firefight") are descriptions.
    """
    text = statement.strip()
    if not text:
        return None
    first = re.split(r"(?<=[.!?])\s+", text, maxsplit=1)[0]
    match = _GOAL_OPENINGS.match(first)
    if match is None and _GOAL_ANYWHERE.search(first) and not _REPORTED.search(first):
        match = _GOAL_ANYWHERE.search(first)
    if match is None:
        return None
    opening = " ".join(match.group(0).split()).capitalize()
    return (
        f"“{opening}…” reads like a goal. An insight describes what seems to be happening now; "
        "goals come from the workshop this afternoon."
    )


def quote_warning(quote_count: int) -> str | None:
    if quote_count == 0:
        return "No quote yet: add one or two that show this insight in people's own words."
    if quote_count > QUOTES_ADVISED:
        return f"{quote_count} quotes: one or two strong ones usually land better on a slide."
    return None


@dataclass(frozen=True)
class Target:
    count: int
    state: str  # "short", "on-target", "over"
    text: str


def target(count: int) -> Target:
    aim = f"aim for {TARGET_MIN}–{TARGET_MAX}"
    said = plural.count(count, "insight")
    if count < TARGET_MIN:
        return Target(count, "short", f"{said} · {aim}")
    if count <= TARGET_MAX:
        return Target(count, "on-target", f"{said} · on target ({TARGET_MIN}–{TARGET_MAX})")
    return Target(count, "over", f"{said} · more than {TARGET_MAX}: could any be merged?")

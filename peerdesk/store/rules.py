"""Each shared record's rules, declared once: what a local edit may write and what a colleague's bundle may carry.

Services check a person's edit against these rules (in their own words) and the bundle import checks every incoming
record against the same ``FIELDS``, so the two cannot drift: what the app refuses to write is refused by email too.
An unlisted field keeps its column type's default rule (text up to ``MAX_TEXT``, finite numbers within
``MAX_FLOAT``, integers within ``MAX_INT``). Bundle-wide limits (records per table and per bundle) are here too.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType
from typing import Any

from peerdesk.roles import ROLES as ROLES  # import-free, so that `peerdesk --help` can offer them at once
from peerdesk.store.tables import BOOKKEEPING, INTERVIEW_RECORD_TABLES


# --- the enumerations (services import them from here) ----------------------------------------------------------
def _texts(*names: str) -> frozenset[str]:
    return frozenset(names)


# Per table, the free-text fields whose losing concurrent edit is kept (not the roster's, not conflicts' own): every
# ``Text`` column of the models, written out so that these rules load without them (a test keeps the two the same).
KEPT_TEXTS: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "action_progress": _texts("evidence", "note", "owner"),
        "actions": _texts("text"),
        "candidate_areas": _texts("cons", "name", "pros"),
        "documents": _texts("reading_notes", "title"),
        "followup": _texts("host_learned", "process_feedback", "visitors_learned", "what_changed", "wider_learning"),
        "goals": _texts("text"),
        "guarded_names": _texts("name"),
        "insights": _texts(
            "cause", "description", "implications", "importance", "leadership_role", "meaning", "statement"
        ),
        "interview_questions": _texts("text"),
        "interviews": _texts("interviewer_name", "note_taker_name", "title"),
        "notes": _texts("body"),
        "planning_answers": _texts("text"),
        "postits": _texts("text"),
        "questions": _texts("text"),
        "quotes": _texts("text"),
        "reading_notes": _texts("text"),
        "review": _texts(
            "aim", "authority", "focus", "key_question_1", "key_question_2", "key_question_3", "lead_officers"
        ),
        "scale_answers": _texts("question", "reason"),
        "slots": _texts("activity"),
        "stakeholder_groups": _texts("name"),
        "survey_items": _texts("left_text", "right_text"),
        "survey_responses": _texts("scores", "team"),
        "table_responses": _texts("text"),
        "tags": _texts("name"),
        "teams": _texts("name", "room"),
        "themes": _texts("heading"),
        "workshop_notes": _texts("text"),
        "workshop_tables": _texts("name"),
    }
)
QUOTE_KINDS = ("", "rose", "thorn", "bud")
POSTIT_KINDS = ("rose", "thorn", "bud")  # the Day 1 evening's post-its, on the Day 2 wall
IDEA = "idea"  # a post-it on a workshop goal's wall
GUARD_DECISIONS = ("keep", "exclude")  # "" is undecided
GUARDED_NAME_KINDS = ("interviewee", "staff", "other")
APPROACHES = ("transformational", "ethnographic", "appreciative", "solution-focused", "other")
PLANNING_KEYS = (
    "vision",
    "vision_promoted",
    "culture",
    "strategy",
    "mechanisms",
    "leadership",
    "culture_change",
    "interviewees",
    "approaches",
    "documents_needed",
    "visiting_dcs",
    "observer_dcs",
    "self_assessment_sent",
    "data_set_sent",
)
# Review settings kept as planning answers (shared like them, never shown on the planning form).
PLANNING_SETTINGS = ("setting:traceable-below",)
RESPONSES = ("agree", "disagree", "amend", "new")
WORKSHOP_NOTE_KINDS = ("next_step", "went_well", "even_better_if", "solution_idea")

# --- sizes and ranges -------------------------------------------------------------------------------------------

MAX_TEXT = 20_000  # characters in any free-text field without a rule of its own (a long insight is 2,000)
MAX_NOTE = 400_000  # a note taker's running notes of one interview (a busy hour is ~40,000)
MAX_QUOTE = 2_000  # a quote is a sentence or two, not a page
MAX_POSTIT = 2_000
MAX_NAME = 200  # people, teams, groups, tags' longer cousins: anything shown as a label
MAX_TAG = 60
MAX_HEADING = 500
MAX_ID = 64  # record ids are UUIDs (36); member ids in stamps allow a little more, as the clock does
MAX_INT = 2**53  # what a double, and so any JSON reader, holds exactly
MAX_FLOAT = 1e12  # order positions: fractional indexing halves gaps, never reaches this
MAX_COORD = 1e7  # a wall is a few thousand points wide; ten million leaves room and keeps Qt's maths finite
MAX_ATTENDEES = 500
DAYS = (1, 2)
SCALE_VALUE = (0, 10)
RANK = (0, 3)
SURVEY_SCORE_LIMIT = 1000
MAX_SCORES = 500

# The most records (deleted ones included: a bundle carries them) a review may hold in each table, and so one
# bundle. Far above any real visit (the demo ×20 stays under a quarter of each), and low enough that every view of a
# table this full still opens in a moment: each view was measured at these sizes (docs/safety.md). A local edit
# that would go past one is refused in words (``uow.commit``), and so is a bundle whose records would.
MAX_RECORDS_OF: Mapping[str, int] = MappingProxyType(
    {
        "review": 1,
        "members": 64,
        "followup": 16,
        "planning_answers": 64,
        "checklist_ticks": 200,
        "candidate_areas": 150,
        "documents": 500,
        "reading_notes": 1_000,
        "guarded_names": 2_000,
        "stakeholder_groups": 500,
        "teams": 200,
        "slots": 500,
        "interviews": 2_000,
        "notes": 2_000,
        "interview_checks": 2_000,
        "interview_questions": 3_000,
        "questions": 2_000,
        "scale_answers": 2_000,
        "quotes": 8_000,
        "quote_tags": 9_000,
        "tags": 2_000,
        "postits": 20_000,
        "themes": 1_000,
        "insights": 200,
        "insight_themes": 2_000,
        "insight_quotes": 3_000,
        "workshop_tables": 100,
        "table_responses": 2_000,
        "goals": 1_000,
        "actions": 2_000,
        "workshop_notes": 2_000,
        "action_progress": 2_000,
        "survey_items": 500,
        "survey_responses": 2_000,
        "conflicts": 5_000,
    }
)
# The sum of the above stays under it: no count of records keeps a whole review out of one bundle (its bytes may:
# ``exchange/bundle.MAX_PLAIN``, which the export checks before writing).
MAX_BUNDLE_RECORDS = 80_000

# Uniqueness keys a local edit keeps (the merge keeps them too): no two live records share these fields.
UNIQUE: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "slots": ("day", "starts"),
        "teams": ("name",),
        "stakeholder_groups": ("name",),
        "tags": ("name",),
        "interviews": ("slot_id", "team_id"),
    }
)

REVIEW_WIDE = ("visit_start", "visit_end", "followup_date", "retention_date")  # only the lead changes these

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_MOMENT = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T([01][0-9]|2[0-3]):[0-5][0-9]:[0-9]{2}Z")
_STAMP = re.compile(r"[0-9]{13}\.[0-9]{5}\.[0-9A-Za-z._:-]{0,64}")  # ``hlc.Stamp``: ASCII digits only
_TIME = re.compile(r"([0-9]{2}):([0-9]{2})")
_ID = re.compile(r"[0-9A-Za-z._:-]+")


@dataclass(frozen=True)
class Rule:
    """What one field may hold. ``kind`` is its JSON type; the others narrow it (empty/None: no narrowing)."""

    kind: str  # "str", "int", "float", "bool"
    max_len: int = MAX_TEXT
    choices: tuple[str, ...] = ()  # the only values allowed (text)
    form: str = ""  # "date" (YYYY-MM-DD or ""), "time" (HH:MM), "time?" (HH:MM or ""), "id", "scores", "stamp"
    low: float | None = None
    high: float | None = None
    ref: str = ""  # the table this id names ("" for none); an empty reference is allowed


def _choice(*values: str) -> Rule:
    return Rule("str", max_len=max(map(len, values)), choices=values)


def _ref(table: str) -> Rule:
    return Rule("str", max_len=MAX_ID, form="id", ref=table)


_COORD = Rule("float", low=-MAX_COORD, high=MAX_COORD)
_SIZE = Rule("float", low=0.0, high=MAX_COORD)
_DATE_RULE = Rule("str", max_len=10, form="date")
_NAME = Rule("str", max_len=MAX_NAME)

FIELDS: Mapping[str, dict[str, Rule]] = MappingProxyType(
    {
        "review": {name: _DATE_RULE for name in REVIEW_WIDE} | {"authority": _NAME},
        "planning_answers": {"key": _choice(*PLANNING_KEYS, *PLANNING_SETTINGS)},
        "candidate_areas": {"name": Rule("str", max_len=MAX_HEADING)},
        "members": {
            "name": _NAME,
            "role": _choice(*ROLES),
            "initials": Rule("str", max_len=4),
            "signing_key": Rule("str", max_len=64),
            "kem_key": Rule("str", max_len=4096),
        },
        "documents": {
            "title": Rule("str", max_len=MAX_HEADING),
            "kind": Rule("str", max_len=40),
            "received": _DATE_RULE,
        },
        "guarded_names": {"name": _NAME, "kind": _choice(*GUARDED_NAME_KINDS)},
        "stakeholder_groups": {"name": _NAME},
        "teams": {"name": _NAME, "room": _NAME},
        "slots": {
            "day": Rule("int", low=DAYS[0], high=DAYS[-1]),
            "starts": Rule("str", max_len=5, form="time"),
            "ends": Rule("str", max_len=5, form="time?"),
        },
        "interviews": {
            "slot_id": _ref("slots"),
            "team_id": _ref("teams"),
            "group_id": _ref("stakeholder_groups"),
            "approach": _choice("", *APPROACHES),
            "interviewer_id": _ref("members"),
            "note_taker_id": _ref("members"),
            "attendees": Rule("int", low=0, high=MAX_ATTENDEES),
            "title": Rule("str", max_len=MAX_HEADING),
        },
        "questions": {"approach": _choice("", *APPROACHES)},
        "interview_questions": {"interview_id": _ref("interviews")},
        "notes": {"interview_id": _ref("interviews"), "body": Rule("str", max_len=MAX_NOTE)},
        "quotes": {
            "interview_id": _ref("interviews"),
            "group_id": _ref("stakeholder_groups"),
            "note_id": _ref("notes"),
            "text": Rule("str", max_len=MAX_QUOTE),
            "anchor_start": Rule("int", low=-1, high=MAX_NOTE),
            "anchor_end": Rule("int", low=-1, high=MAX_NOTE),
            "kind": _choice(*QUOTE_KINDS),
            "guard_decision": _choice("", *GUARD_DECISIONS),
        },
        "tags": {"name": Rule("str", max_len=MAX_TAG)},
        "quote_tags": {"quote_id": _ref("quotes"), "tag_id": _ref("tags")},
        "scale_answers": {
            "interview_id": _ref("interviews"),
            "value": Rule("int", low=SCALE_VALUE[0], high=SCALE_VALUE[1]),
        },
        "themes": {
            "goal_id": _ref("goals"),
            "heading": Rule("str", max_len=MAX_HEADING),
            "x": _COORD,
            "y": _COORD,
            "width": _SIZE,
            "height": _SIZE,
        },
        "postits": {
            "kind": _choice(*POSTIT_KINDS, IDEA),
            "text": Rule("str", max_len=MAX_POSTIT),
            "quote_id": _ref("quotes"),
            "note_id": _ref("notes"),
            "theme_id": _ref("themes"),
            "goal_id": _ref("goals"),
            "x": _COORD,
            "y": _COORD,
        },
        "insight_themes": {"insight_id": _ref("insights"), "theme_id": _ref("themes")},
        "insight_quotes": {"insight_id": _ref("insights"), "quote_id": _ref("quotes")},
        "workshop_tables": {"name": _NAME},
        "table_responses": {
            "table_id": _ref("workshop_tables"),
            "insight_id": _ref("insights"),
            "response": _choice("", *RESPONSES),
        },
        "goals": {"insight_id": _ref("insights"), "claimed_by": _ref("workshop_tables")},
        "actions": {
            "table_id": _ref("workshop_tables"),
            "goal_id": _ref("goals"),
            "rank": Rule("int", low=RANK[0], high=RANK[1]),
        },
        "workshop_notes": {"kind": _choice(*WORKSHOP_NOTE_KINDS)},
        "followup": {"meeting_date": _DATE_RULE},
        "survey_items": {
            "scale_low": Rule("int", low=-SURVEY_SCORE_LIMIT, high=SURVEY_SCORE_LIMIT),
            "scale_high": Rule("int", low=-SURVEY_SCORE_LIMIT, high=SURVEY_SCORE_LIMIT),
        },
        "survey_responses": {"team": _NAME, "scores": Rule("str", max_len=MAX_SCORES * 24, form="scores")},
        "conflicts": {
            "table_name": _choice(*KEPT_TEXTS),
            "row_id": Rule("str", max_len=MAX_ID, form="id"),
            "field": Rule("str", max_len=40, form="id"),
            "value": Rule("str", max_len=MAX_NOTE),
            "version": Rule("str", max_len=80, form="stamp"),
            "winner_version": Rule("str", max_len=80, form="stamp"),
            "created": Rule("str", max_len=20, form="moment"),
        },
    }
)

# References whose target may legitimately be missing from both files: the roster travels only from the lead,
# and a purged file no longer holds (or sends) its interview records.
LOOSE_REFS = frozenset({"members", *INTERVIEW_RECORD_TABLES})


def _default(column: Any) -> Rule:
    from sqlalchemy import JSON, Boolean, Float, Integer, String, Text

    t = column.type
    if isinstance(t, Boolean):
        return Rule("bool")
    if isinstance(t, Integer):
        return Rule("int", low=-MAX_INT, high=MAX_INT)
    if isinstance(t, Float):
        return Rule("float", low=-MAX_FLOAT, high=MAX_FLOAT)
    if isinstance(t, Text):
        return Rule("str")
    if isinstance(t, String):  # a short code: its declared length, or an id
        if column.name.endswith("_id"):
            return Rule("str", max_len=MAX_ID, form="id")
        return Rule("str", max_len=t.length or MAX_TEXT)
    if isinstance(t, JSON):  # pragma: no cover - only ``versions``, a bookkeeping column
        return Rule("versions")
    raise TypeError(f"{column}: no rule for {t!r}")  # pragma: no cover - a new column type must be taught here


@cache
def rules_of(table: str) -> dict[str, Rule]:
    """Every editable field of ``table`` (``deleted`` included) with its rule, in column order."""
    from peerdesk.store.models import SHARED_MODELS  # the first check of a record loads the models, not the rules

    declared = FIELDS.get(table, {})
    return {
        c.name: declared.get(c.name) or _default(c)
        for c in SHARED_MODELS[table].__table__.columns  # type: ignore[attr-defined]
        if c.name not in BOOKKEEPING
    }


def rule(table: str, field: str) -> Rule:
    return rules_of(table)[field]


def max_records(table: str) -> int:
    """The most records ``table`` may hold in a review and in a bundle (``MAX_RECORDS_OF``)."""
    return MAX_RECORDS_OF[table]


# --- checking a value -------------------------------------------------------------------------------------------


def is_date(value: str) -> bool:
    """An ISO date written with ASCII digits ("2026-12-04"); other scripts' digits are refused."""
    if not _DATE.fullmatch(value):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def is_time(value: str) -> bool:
    """A time of day as the app stores it: "HH:MM", 00:00 to 23:59, ASCII digits."""
    match = _TIME.fullmatch(value)
    return match is not None and int(match.group(1)) <= 23 and int(match.group(2)) <= 59


def is_id(value: str) -> bool:
    return len(value) <= MAX_ID and _ID.fullmatch(value) is not None


def _scores_ok(value: str) -> bool:
    if not value:
        return True
    try:
        scores = json.loads(value)
    except (ValueError, RecursionError):
        return False
    return (
        isinstance(scores, list)
        and len(scores) <= MAX_SCORES
        and all(
            s is None
            or (isinstance(s, int | float) and not isinstance(s, bool) and math.isfinite(s) and abs(s) <= MAX_INT)
            for s in scores
        )
    )


def _type_ok(kind: str, value: Any) -> bool:
    if kind == "str":
        return isinstance(value, str)
    if kind == "bool":
        return isinstance(value, bool)
    if kind == "int":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "float":
        return isinstance(value, int | float) and not isinstance(value, bool)
    return False


def problem(r: Rule, value: Any) -> str | None:
    """Why ``value`` breaks rule ``r`` (a phrase to finish "… holds a value that …"), or None if it keeps it."""
    if not _type_ok(r.kind, value):
        return f"is not of type {r.kind}"
    if isinstance(value, str):
        if len(value) > r.max_len:
            return f"is longer than {r.max_len} characters"
        if r.choices and value not in r.choices:
            return "is not one of " + ", ".join(repr(c) for c in r.choices)
        if r.form and value:
            if r.form == "date" and not is_date(value):
                return "is not a date (YYYY-MM-DD)"
            if r.form.startswith("time") and not is_time(value):
                return "is not a time of day (HH:MM)"
            if r.form == "id" and not is_id(value):
                return "is not a record id"
            if r.form == "scores" and not _scores_ok(value):
                return "is not a list of scores"
            if r.form == "stamp" and not _STAMP.fullmatch(value):
                return "is not a version stamp"
            if r.form == "moment" and not (_MOMENT.fullmatch(value) and is_date(value[:10]) and value[17] < "6"):
                return "is not a UTC time (YYYY-MM-DDTHH:MM:SSZ)"
        elif r.form == "time":
            return "is empty"
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return "is not a finite number"
    if (r.low is not None and value < r.low) or (r.high is not None and value > r.high):
        return f"is outside {r.low:g} to {r.high:g}" if r.low is not None and r.high is not None else "is out of range"
    return None


def check(table: str, field: str, value: Any) -> str | None:
    """``problem`` for one field of one table: what a service asks before writing it."""
    return problem(rule(table, field), value)


# Review settings' values (kept as planning answers' text): what a service writes and what it trusts on reading.
SETTINGS: Mapping[str, Rule] = MappingProxyType({"setting:traceable-below": Rule("int", low=1, high=50)})


def check_setting(key: str, value: Any) -> str | None:
    """``problem`` for a review setting's value (``PLANNING_SETTINGS``)."""
    return problem(SETTINGS[key], value)


def conflict_id(table: str, row_id: str, field: str, version: str) -> str:
    """The id of the conflict keeping the text ``version`` wrote: the same in every file, so copies merge."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"peerdesk:conflict:{table}:{row_id}:{field}:{version}"))


def record_problem(table: str, record: Mapping[str, Any]) -> tuple[str, str] | None:
    """(field, why) when a record's fields do not fit together: a conflict's field and its derived id."""
    if table == "conflicts" and record["field"] not in KEPT_TEXTS[record["table_name"]]:
        return "field", "is not a text field of " + record["table_name"]
    keeps = (record[f] for f in ("table_name", "row_id", "field", "version"))
    if table == "conflicts" and record["id"] != conflict_id(*keeps):
        return "id", "is not the id derived from what the conflict keeps"
    return None

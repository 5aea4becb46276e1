"""The review file's schema: every artefact of a peer challenge, from planning to the follow-up visit.

Shared records (everything a team member may create or edit and send to the others) carry:
- ``id``: a UUID, the same on every member's file;
- ``author_id``: the member who created it;
- ``versions``: for each field, the hybrid-logical-clock stamp of its last write (see ``hlc``); a deletion is
  the ``deleted`` field set to true under its own stamp (a tombstone), so it merges like any other write;
- ``updated``: the highest of those stamps, indexed, so "what changed since" is one range query.

Field values are JSON primitives only (text, numbers, booleans, ISO dates as text): a record serialises to
and from a bundle without per-table code. Quotes are linked to an interview and a stakeholder group, never to
a person: there is no column that could hold who said something.

Local records (``meta``, ``identity``, ``member_trust``, ``document_files``) never leave this file; ``conflicts``
are shared since migration 0012 (see ``Conflict``).
"""

# No ``from __future__ import annotations`` here: SQLAlchemy would then evaluate every column's annotation from its
# text (some 700 ``eval`` calls) while building the models at start-up; as real objects they cost nothing (~15 %
# of the models' build time).
import uuid
from collections.abc import Mapping
from types import MappingProxyType

from sqlalchemy import JSON, Boolean, Float, Integer, LargeBinary, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, configure_mappers, mapped_column


def configure() -> None:
    """SQLAlchemy's one-time set-up of the models (their mappers, ~25 ms), which the first query would otherwise do:
    the app does it while the start screen waits, not after the user has asked for a review."""
    configure_mappers()


def new_id() -> str:
    return str(uuid.uuid4())


class Base(DeclarativeBase):
    pass


class Shared:
    """Columns every shared record has; see the module docstring."""

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    author_id: Mapped[str] = mapped_column(String(36), default="")
    versions: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    updated: Mapped[str] = mapped_column(String(80), default="", index=True)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)


class NamedInOrder:
    """A name, and a position that keeps the order people put the records in (groups, workshop tables)."""

    name: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[float] = mapped_column(Float, default=0.0)


# --- the review and its planning -------------------------------------------------------------------------


class Review(Shared, Base):
    __tablename__ = "review"
    authority: Mapped[str] = mapped_column(Text, default="")
    focus: Mapped[str] = mapped_column(Text, default="")
    aim: Mapped[str] = mapped_column(Text, default="")
    key_question_1: Mapped[str] = mapped_column(Text, default="")
    key_question_2: Mapped[str] = mapped_column(Text, default="")
    key_question_3: Mapped[str] = mapped_column(Text, default="")
    visit_start: Mapped[str] = mapped_column(String(10), default="")  # ISO date of Day 1
    visit_end: Mapped[str] = mapped_column(String(10), default="")  # ISO date of Day 2
    followup_date: Mapped[str] = mapped_column(String(10), default="")
    retention_date: Mapped[str] = mapped_column(String(10), default="")
    co_produced: Mapped[bool] = mapped_column(Boolean, default=False)
    lead_officers: Mapped[str] = mapped_column(Text, default="")


class PlanningAnswer(Shared, Base):
    """One answer of the planning form (vision, culture, strategy, ...); ``key`` names the question."""

    __tablename__ = "planning_answers"
    key: Mapped[str] = mapped_column(String(64), default="")
    text: Mapped[str] = mapped_column(Text, default="")


class CandidateArea(Shared, Base):
    __tablename__ = "candidate_areas"
    name: Mapped[str] = mapped_column(Text, default="")
    pros: Mapped[str] = mapped_column(Text, default="")
    cons: Mapped[str] = mapped_column(Text, default="")
    chosen: Mapped[bool] = mapped_column(Boolean, default=False)
    position: Mapped[float] = mapped_column(Float, default=0.0)


class Member(Shared, Base):
    """A team member as the roster knows them: public keys only (the private halves are in ``identity``)."""

    __tablename__ = "members"
    name: Mapped[str] = mapped_column(Text, default="")
    role: Mapped[str] = mapped_column(String(20), default="reviewer")
    initials: Mapped[str] = mapped_column(String(4), default="")
    signing_key: Mapped[str] = mapped_column(Text, default="")  # base64 Ed25519 public key
    kem_key: Mapped[str] = mapped_column(Text, default="")  # base64 HPKE public key
    removed: Mapped[bool] = mapped_column(Boolean, default=False)


class Document(Shared, Base):
    __tablename__ = "documents"
    title: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(40), default="")
    received: Mapped[str] = mapped_column(String(10), default="")
    reading_notes: Mapped[str] = mapped_column(Text, default="")


class ReadingNote(Shared, Base):
    """One reviewer's notes on a document read before the visit; the id is derived from the document and the
    reviewer, so each reviewer has one note per document (``author_id`` is the reviewer)."""

    __tablename__ = "reading_notes"
    document_id: Mapped[str] = mapped_column(String(36), default="", index=True)
    text: Mapped[str] = mapped_column(Text, default="")


class GuardedName(Shared, Base):
    """A name the non-attribution guard looks for in notes and quotes (interviewees, staff, others)."""

    __tablename__ = "guarded_names"
    name: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(20), default="other")


# --- Day 1: timetable, interviews, notes, quotes ----------------------------------------------------------


class StakeholderGroup(NamedInOrder, Shared, Base):
    __tablename__ = "stakeholder_groups"


class Team(Shared, Base):
    """An interviewing team and the room it works in on Day 1."""

    __tablename__ = "teams"
    name: Mapped[str] = mapped_column(Text, default="")
    room: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[float] = mapped_column(Float, default=0.0)


class Slot(Shared, Base):
    __tablename__ = "slots"
    day: Mapped[int] = mapped_column(Integer, default=1)
    starts: Mapped[str] = mapped_column(String(5), default="")  # "09:45"
    ends: Mapped[str] = mapped_column(String(5), default="")
    # Not an interview slot but a row for everyone (opening, lunch, a break, the team's discussion): its name.
    activity: Mapped[str] = mapped_column(Text, default="", server_default="")


class Interview(Shared, Base):
    __tablename__ = "interviews"
    slot_id: Mapped[str] = mapped_column(String(36), default="", index=True)
    team_id: Mapped[str] = mapped_column(String(36), default="")
    group_id: Mapped[str] = mapped_column(String(36), default="", index=True)
    approach: Mapped[str] = mapped_column(String(40), default="")
    interviewer_id: Mapped[str] = mapped_column(String(36), default="")
    note_taker_id: Mapped[str] = mapped_column(String(36), default="")
    # Someone who asks or takes notes without being on the team's roster (a host officer, an observer): a name.
    interviewer_name: Mapped[str] = mapped_column(Text, default="", server_default="")
    note_taker_name: Mapped[str] = mapped_column(Text, default="", server_default="")
    attendees: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(Text, default="")


class Question(Shared, Base):
    """A prepared question in the review's question bank; ``approach`` is empty for the key questions."""

    __tablename__ = "questions"
    approach: Mapped[str] = mapped_column(String(40), default="")
    # who the version is worded for: "families" (children and families), "staff" (staff and partners), "" anyone
    audience: Mapped[str] = mapped_column(String(20), default="", server_default="")
    text: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[float] = mapped_column(Float, default=0.0)


class InterviewQuestion(Shared, Base):
    """A question planned for one interview, in order, ticked when asked."""

    __tablename__ = "interview_questions"
    interview_id: Mapped[str] = mapped_column(String(36), default="", index=True)
    text: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[float] = mapped_column(Float, default=0.0)
    asked: Mapped[bool] = mapped_column(Boolean, default=False)
    closing: Mapped[bool] = mapped_column(Boolean, default=False)


class InterviewCheck(Shared, Base):
    """An item of an interview's opening or closing checklist ticked off (the items are data in resources/);
    the id is derived from the interview and the item's key, so two members' ticks are one record."""

    __tablename__ = "interview_checks"
    interview_id: Mapped[str] = mapped_column(String(36), default="", index=True)
    key: Mapped[str] = mapped_column(String(64), default="")
    done: Mapped[bool] = mapped_column(Boolean, default=False)


class Note(Shared, Base):
    """One note taker's running notes of one interview."""

    __tablename__ = "notes"
    interview_id: Mapped[str] = mapped_column(String(36), default="", index=True)
    body: Mapped[str] = mapped_column(Text, default="")


class Quote(Shared, Base):
    """A verbatim quote: linked to an interview and its stakeholder group, never to a person."""

    __tablename__ = "quotes"
    interview_id: Mapped[str] = mapped_column(String(36), default="", index=True)
    group_id: Mapped[str] = mapped_column(String(36), default="", index=True)
    note_id: Mapped[str] = mapped_column(String(36), default="")
    text: Mapped[str] = mapped_column(Text, default="")
    anchor_start: Mapped[int] = mapped_column(Integer, default=-1)  # offsets in the note body, -1 if typed
    anchor_end: Mapped[int] = mapped_column(Integer, default=-1)
    kind: Mapped[str] = mapped_column(String(10), default="")  # "", rose, thorn, bud
    starred: Mapped[bool] = mapped_column(Boolean, default=False)
    guard_decision: Mapped[str] = mapped_column(String(10), default="")  # "", keep, exclude


class Tag(Shared, Base):
    __tablename__ = "tags"
    name: Mapped[str] = mapped_column(Text, default="")


class QuoteTag(Shared, Base):
    """Link quote↔tag; its id is derived from both ids so two members tagging alike converge."""

    __tablename__ = "quote_tags"
    quote_id: Mapped[str] = mapped_column(String(36), default="", index=True)
    tag_id: Mapped[str] = mapped_column(String(36), default="", index=True)


class ScaleAnswer(Shared, Base):
    """A 0–10 rating heard in an interview, with the short reason given."""

    __tablename__ = "scale_answers"
    interview_id: Mapped[str] = mapped_column(String(36), default="", index=True)
    question: Mapped[str] = mapped_column(Text, default="")
    value: Mapped[int] = mapped_column(Integer, default=0)
    reason: Mapped[str] = mapped_column(Text, default="")


# --- Day 1 evening and Day 2 morning: the wall ------------------------------------------------------------


class Theme(Shared, Base):
    """A group of post-its on a wall: the Day 2 wall, or (``goal_id`` set) one goal's idea wall."""

    __tablename__ = "themes"
    goal_id: Mapped[str] = mapped_column(String(36), default="", server_default="")
    heading: Mapped[str] = mapped_column(Text, default="")
    x: Mapped[float] = mapped_column(Float, default=0.0)
    y: Mapped[float] = mapped_column(Float, default=0.0)
    width: Mapped[float] = mapped_column(Float, default=0.0)
    height: Mapped[float] = mapped_column(Float, default=0.0)
    collapsed: Mapped[bool] = mapped_column(Boolean, default=False)


class PostIt(Shared, Base):
    """A rose, thorn, bud (Day 1 evening) or idea (workshop). ``goal_id`` puts an idea on a goal's wall."""

    __tablename__ = "postits"
    kind: Mapped[str] = mapped_column(String(10), default="rose")
    text: Mapped[str] = mapped_column(Text, default="")
    quote_id: Mapped[str] = mapped_column(String(36), default="")
    note_id: Mapped[str] = mapped_column(String(36), default="")
    theme_id: Mapped[str] = mapped_column(String(36), default="", index=True)
    goal_id: Mapped[str] = mapped_column(String(36), default="")
    x: Mapped[float] = mapped_column(Float, default=0.0)
    y: Mapped[float] = mapped_column(Float, default=0.0)
    position: Mapped[float] = mapped_column(Float, default=0.0)  # order in the evening columns
    placed: Mapped[bool] = mapped_column(Boolean, default=False)  # read out and placed on the sheet


# --- Day 2: insights ---------------------------------------------------------------------------------------


class Insight(Shared, Base):
    __tablename__ = "insights"
    statement: Mapped[str] = mapped_column(Text, default="")
    description: Mapped[str] = mapped_column(Text, default="")
    meaning: Mapped[str] = mapped_column(Text, default="")  # the five "so what?" answers
    importance: Mapped[str] = mapped_column(Text, default="")
    cause: Mapped[str] = mapped_column(Text, default="")
    leadership_role: Mapped[str] = mapped_column(Text, default="")
    implications: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[float] = mapped_column(Float, default=0.0)
    evidence_checked: Mapped[bool] = mapped_column(Boolean, default=False)


class InsightTheme(Shared, Base):
    __tablename__ = "insight_themes"
    insight_id: Mapped[str] = mapped_column(String(36), default="", index=True)
    theme_id: Mapped[str] = mapped_column(String(36), default="")


class InsightQuote(Shared, Base):
    __tablename__ = "insight_quotes"
    insight_id: Mapped[str] = mapped_column(String(36), default="", index=True)
    quote_id: Mapped[str] = mapped_column(String(36), default="", index=True)
    position: Mapped[float] = mapped_column(Float, default=0.0)


# --- Day 2 afternoon: workshop; four months on: follow-up ---------------------------------------------------


class WorkshopTable(NamedInOrder, Shared, Base):
    __tablename__ = "workshop_tables"


class TableResponse(Shared, Base):
    """A table's response to an insight: agree, disagree, amend (with text) or new (a new insight)."""

    __tablename__ = "table_responses"
    table_id: Mapped[str] = mapped_column(String(36), default="", index=True)
    insight_id: Mapped[str] = mapped_column(String(36), default="")
    response: Mapped[str] = mapped_column(String(10), default="")
    text: Mapped[str] = mapped_column(Text, default="")


class Goal(Shared, Base):
    __tablename__ = "goals"
    insight_id: Mapped[str] = mapped_column(String(36), default="")
    text: Mapped[str] = mapped_column(Text, default="")
    claimed_by: Mapped[str] = mapped_column(String(36), default="")  # a workshop table
    position: Mapped[float] = mapped_column(Float, default=0.0)


class Action(Shared, Base):
    __tablename__ = "actions"
    table_id: Mapped[str] = mapped_column(String(36), default="", index=True)
    goal_id: Mapped[str] = mapped_column(String(36), default="")
    text: Mapped[str] = mapped_column(Text, default="")
    rank: Mapped[int] = mapped_column(Integer, default=0)  # 1..3 for a table's top three, 0 otherwise


class WorkshopNote(Shared, Base):
    """The host director's next steps and the "what went well / even better if" lists."""

    __tablename__ = "workshop_notes"
    kind: Mapped[str] = mapped_column(String(20), default="next_step")
    text: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[float] = mapped_column(Float, default=0.0)


class FollowUp(Shared, Base):
    __tablename__ = "followup"
    meeting_date: Mapped[str] = mapped_column(String(10), default="")
    what_changed: Mapped[str] = mapped_column(Text, default="")
    host_learned: Mapped[str] = mapped_column(Text, default="")
    visitors_learned: Mapped[str] = mapped_column(Text, default="")
    wider_learning: Mapped[str] = mapped_column(Text, default="")
    process_feedback: Mapped[str] = mapped_column(Text, default="")


class ActionProgress(Shared, Base):
    """At the follow-up visit: how one workshop action has gone. Its id is derived from the action's, so two members
    recording the same action's progress edit one record."""

    __tablename__ = "action_progress"
    action_id: Mapped[str] = mapped_column(String(36), default="", index=True)
    owner: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default="")  # "", not_started, under_way, done, dropped
    evidence: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")


class SurveyItem(Shared, Base):
    """An item of the optional leadership-of-change survey: a pair of opposite statements."""

    __tablename__ = "survey_items"
    left_text: Mapped[str] = mapped_column(Text, default="")
    right_text: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[float] = mapped_column(Float, default=0.0)
    # the scores at the left and the right statement (a host may run the survey on 1–7 or 0–10)
    scale_low: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    scale_high: Mapped[int] = mapped_column(Integer, default=5, server_default="5")


class SurveyResponse(Shared, Base):
    __tablename__ = "survey_responses"
    team: Mapped[str] = mapped_column(Text, default="")
    scores: Mapped[str] = mapped_column(Text, default="")  # JSON list of numbers, one per item


# --- the lead-in before the visit (issue #20) ----------------------------------------------------------------


class ChecklistTick(Shared, Base):
    """A lead-in step ticked off. The steps themselves are data (resources/leadin_checklist.json); ``key`` names
    one, and the id is derived from the review and the key so two members ticking the same step converge."""

    __tablename__ = "checklist_ticks"
    key: Mapped[str] = mapped_column(String(64), default="")
    done: Mapped[bool] = mapped_column(Boolean, default=False)
    done_on: Mapped[str] = mapped_column(String(10), default="")  # ISO date it was ticked


# --- local only -----------------------------------------------------------------------------------------------


class Meta(Base):
    """This file's own facts: review id, my member id, the clock's last stamp."""

    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class Identity(Base):
    """My private keys. They exist only inside this encrypted file."""

    __tablename__ = "identity"
    member_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    signing_private: Mapped[bytes] = mapped_column(LargeBinary)
    kem_private: Mapped[bytes] = mapped_column(LargeBinary)


class MemberTrust(Base):
    """Which fingerprint of a member I compared aloud and accepted."""

    __tablename__ = "member_trust"
    member_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    verified_fingerprint: Mapped[str] = mapped_column(Text, default="")


class DocumentFile(Base):
    """The file of a document received in advance, kept inside this encrypted review and never written out in
    the clear. Local: files stay in the file of the member who attached them (bundles are capped in size)."""

    __tablename__ = "document_files"
    document_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(Text, default="")
    size: Mapped[int] = mapped_column(Integer, default=0)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    added: Mapped[str] = mapped_column(String(32), default="")


class Conflict(Shared, Base):
    """Text that lost a merge, kept so that its author and the team can see and restore it.

    Shared (since 0012): it travels in bundles, so the person whose text lost sees it after their next exchange
    even when someone else's file noticed the clash. Its id is derived from what it records
    (``rules.conflict_id``), so two files keeping the same lost text make one record; its fields carry the lost
    text's own stamp, so they are equal too. Left out of ``content_digest``: whether a file noticed a clash
    depends on what it saw when, not only on the records.
    """

    __tablename__ = "conflicts"
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(36), index=True)
    field: Mapped[str] = mapped_column(String(40))
    value: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[str] = mapped_column(String(80))
    winner_version: Mapped[str] = mapped_column(String(80))
    created: Mapped[str] = mapped_column(String(32), default="")
    resolved: Mapped[bool] = mapped_column(Boolean, default=False)


SHARED_MODELS: Mapping[str, type[Shared]] = MappingProxyType(
    {
        m.__tablename__: m  # type: ignore[attr-defined]
        for m in Shared.__subclasses__()
    }
)

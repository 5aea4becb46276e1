"""The Day 1 timetable: time slots × teams, each cell an interview with a stakeholder group.

Reads return plain dataclasses; writes return ``Changes``. A cell holds one interview: moving an interview onto
an occupied cell swaps the two, so a move is always undone by moving back.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from sqlalchemy import select

from peerdesk.errors import UserError
from peerdesk.services import approaches
from peerdesk.services.changes import Changes
from peerdesk.store import rules
from peerdesk.store.engine import Store
from peerdesk.store.models import (
    Interview,
    InterviewQuestion,
    Member,
    Note,
    Quote,
    Review,
    Shared,
    Slot,
    StakeholderGroup,
    Team,
)
from peerdesk.store.uow import UnitOfWork

DEFAULT_LENGTH = dt.timedelta(minutes=45)
INTERVIEW_FIELDS = frozenset(
    {
        "slot_id",
        "team_id",
        "group_id",
        "approach",
        "interviewer_id",
        "note_taker_id",
        "interviewer_name",  # someone not on the roster (a host officer, an observer), when the id is empty
        "note_taker_name",
        "attendees",
        "title",
    }
)
MAX_NAME = 120
ACTIVITIES = ("Opening and introductions", "Break", "Lunch", "Team discussion", "Day 1 presentation")
TABLES = ("slots", "teams", "stakeholder_groups", "interviews")


@dataclass(frozen=True)
class SlotInfo:
    id: str
    day: int
    starts: str
    ends: str
    activity: str = ""  # a row for every team (lunch, a break…), not an interview slot

    @property
    def label(self) -> str:
        times = f"{self.starts}–{self.ends}" if self.ends else self.starts
        return times if self.day == 1 else f"Day {self.day}, {times}"


@dataclass(frozen=True)
class TeamInfo:
    id: str
    name: str
    room: str

    @property
    def label(self) -> str:
        return f"{self.name} ({self.room})" if self.room else self.name


@dataclass(frozen=True)
class GroupInfo:
    id: str
    name: str


@dataclass(frozen=True)
class InterviewInfo:
    id: str
    slot_id: str
    team_id: str
    group_id: str
    group: str
    approach: str
    interviewer_id: str
    interviewer: str
    note_taker_id: str
    note_taker: str
    attendees: int
    title: str
    slot: SlotInfo | None
    team: TeamInfo | None

    @property
    def approach_label(self) -> str:
        return approaches.label(self.approach)

    @property
    def label(self) -> str:
        """Short enough for a list: "09:45 Team A — Foster carers"."""
        when = self.slot.label if self.slot else "Unscheduled"
        team = self.team.name if self.team else "no team"
        return f"{when} {team} — {self.group or 'no group yet'}"


@dataclass(frozen=True)
class Timetable:
    slots: list[SlotInfo]
    teams: list[TeamInfo]
    groups: list[GroupInfo]
    interviews: list[InterviewInfo]
    cells: dict[tuple[str, str], list[InterviewInfo]] = field(default_factory=dict)

    def at(self, slot_id: str, team_id: str) -> InterviewInfo | None:
        found = self.cells.get((slot_id, team_id))
        return found[0] if found else None


# --- reading ----------------------------------------------------------------------------------------------------


def _live(session: Any, model: type[Any]) -> list[Any]:
    return list(session.scalars(select(model).where(model.deleted.is_(False))))


def timetable(store: Store) -> Timetable:
    with store.session() as s:
        slots = sorted(_live(s, Slot), key=lambda r: (r.day, r.starts, r.id))
        teams = sorted(_live(s, Team), key=lambda r: (r.position, r.name, r.id))
        groups = sorted(_live(s, StakeholderGroup), key=lambda r: (r.position, r.name.lower(), r.id))
        members = {m.id: m.name for m in s.scalars(select(Member))}
        interviews = _live(s, Interview)
    slot_infos = {r.id: SlotInfo(r.id, r.day, r.starts, r.ends, r.activity) for r in slots}
    team_infos = {r.id: TeamInfo(r.id, r.name, r.room) for r in teams}
    group_names = {r.id: r.name for r in groups}
    infos = [_info(r, slot_infos, team_infos, group_names, members) for r in interviews]
    slot_rank = {sid: n for n, sid in enumerate(slot_infos)}
    team_rank = {tid: n for n, tid in enumerate(team_infos)}
    infos.sort(key=lambda i: (slot_rank.get(i.slot_id, 1 << 30), team_rank.get(i.team_id, 1 << 30), i.id))
    cells: dict[tuple[str, str], list[InterviewInfo]] = {}
    for info in infos:
        cells.setdefault((info.slot_id, info.team_id), []).append(info)
    return Timetable(
        slots=list(slot_infos.values()),
        teams=list(team_infos.values()),
        groups=[GroupInfo(r.id, r.name) for r in groups],
        interviews=infos,
        cells=cells,
    )


def _info(
    row: Interview,
    slots: Mapping[str, SlotInfo],
    teams: Mapping[str, TeamInfo],
    groups: Mapping[str, str],
    members: Mapping[str, str],
) -> InterviewInfo:
    return InterviewInfo(
        id=row.id,
        slot_id=row.slot_id,
        team_id=row.team_id,
        group_id=row.group_id,
        group=groups.get(row.group_id, ""),
        approach=row.approach,
        interviewer_id=row.interviewer_id,
        interviewer=members.get(row.interviewer_id, "") or row.interviewer_name,
        note_taker_id=row.note_taker_id,
        note_taker=members.get(row.note_taker_id, "") or row.note_taker_name,
        attendees=row.attendees,
        title=row.title,
        slot=slots.get(row.slot_id),
        team=teams.get(row.team_id),
    )


def interview(store: Store, interview_id: str) -> InterviewInfo:
    for info in timetable(store).interviews:
        if info.id == interview_id:
            return info
    raise UserError("That interview no longer exists (it may have been deleted).")


def slot_start(slot: SlotInfo, day_one: dt.date) -> dt.datetime:
    hours, minutes = (int(p) for p in slot.starts.split(":"))
    return dt.datetime.combine(day_one + dt.timedelta(days=slot.day - 1), dt.time(hours, minutes))


def slot_end(slot: SlotInfo, day_one: dt.date) -> dt.datetime:
    if not slot.ends:
        return slot_start(slot, day_one) + DEFAULT_LENGTH
    hours, minutes = (int(p) for p in slot.ends.split(":"))
    return dt.datetime.combine(day_one + dt.timedelta(days=slot.day - 1), dt.time(hours, minutes))


def next_interview(store: Store, now: dt.datetime, member_id: str | None = None) -> InterviewInfo | None:
    """The member's interview (asking or taking notes) that is under way or starts soonest after ``now``."""
    me = member_id or store.member_id
    with store.session() as s:
        review = s.get(Review, store.review_id)
        visit_start = review.visit_start if review is not None else ""
    day_one = dt.date.fromisoformat(visit_start) if visit_start else now.date()
    mine = [
        i
        for i in timetable(store).interviews
        if i.slot is not None and me in (i.interviewer_id, i.note_taker_id) and slot_end(i.slot, day_one) > now
    ]
    if not mine:
        return None
    return min(mine, key=lambda i: slot_start(i.slot, day_one) if i.slot else now)


# --- validation -------------------------------------------------------------------------------------------------

_TIME = re.compile(r"^\s*(\d{1,2})[:.h](\d{2})\s*$")


def parse_time(text: str) -> str:
    """ "9.45", "9:45", "09h45" → "09:45"; anything else is refused with a sentence."""
    match = _TIME.match(text or "")
    value = f"{int(match.group(1)):02d}:{match.group(2)}" if match else ""
    if not rules.is_time(value):  # the shared rule: ASCII "HH:MM", 00:00 to 23:59
        raise UserError(f"{text!r} is not a time of day (use HH:MM, for example 09:45).")
    return value


def _check_interview_fields(fields: Mapping[str, Any]) -> None:
    unknown = set(fields) - INTERVIEW_FIELDS
    if unknown:
        raise ValueError(f"not interview fields: {sorted(unknown)}")
    if "approach" in fields and fields["approach"] and fields["approach"] not in approaches.APPROACHES:
        raise UserError(f"Unknown approach {fields['approach']!r}.")
    if "attendees" in fields and rules.check("interviews", "attendees", fields["attendees"]) is not None:
        raise UserError(f"The number attending must be a whole number between 0 and {rules.MAX_ATTENDEES}.")
    for name in ("title",):
        if name in fields and rules.check("interviews", name, fields[name]) is not None:
            raise UserError(f"An interview's {name} is at most {rules.rule('interviews', name).max_len} characters.")
    for name in ("interviewer_name", "note_taker_name"):
        if len(str(fields.get(name, ""))) > MAX_NAME:
            raise UserError(f"A name is at most {MAX_NAME} characters long.")


def _check_activity(activity: str) -> str:
    activity = " ".join(activity.split())
    if len(activity) > MAX_NAME:
        raise UserError(f"Name what happens in at most {MAX_NAME} characters.")
    return activity


def _refuse_shared_row(slot: Slot) -> None:
    if slot.activity:
        raise UserError(f"{slot.starts} is kept for “{slot.activity}” across all teams: choose another time.")


# --- slots, teams, groups ----------------------------------------------------------------------------------------


def add_slot(store: Store, starts: str, ends: str = "", day: int = 1, activity: str = "") -> tuple[str, Changes]:
    """A time slot; with ``activity``, a row for every team (lunch, a break…) that holds no interviews."""
    activity = _check_activity(activity)
    starts = parse_time(starts)
    ends = parse_time(ends) if ends else ""
    if ends and ends <= starts:
        raise UserError(f"A slot must end after it starts ({starts}–{ends}).")
    if rules.check("slots", "day", day) is not None:
        raise UserError("Interviews happen on Day 1 or Day 2.")
    with UnitOfWork(store) as uow:
        for existing in uow.query(Slot, day=day, starts=starts):
            raise UserError(f"There is already a slot at {existing.starts} on day {day}.")
        row = uow.add(Slot, day=day, starts=starts, ends=ends, activity=activity)
        uow.commit()
    return row.id, Changes.of("slots", ids=[row.id])


def add_team(store: Store, name: str, room: str = "") -> tuple[str, Changes]:
    name = name.strip()
    if not name:
        raise UserError("Give the team a name (for example Team A).")
    with UnitOfWork(store) as uow:
        position = float(len(uow.query(Team)))
        row = uow.add(Team, name=name, room=room.strip(), position=position)
        uow.commit()
    return row.id, Changes.of("teams", ids=[row.id])


def add_group(store: Store, name: str, *, reuse: bool = True) -> tuple[str, Changes]:
    """A new stakeholder group; a name the review already has gives that group back (or, with ``reuse`` false,
    is refused: the groups dialog must not make an undo step that would delete someone else's group)."""
    name = name.strip()
    if not name:
        raise UserError("Give the stakeholder group a name (for example Foster carers).")
    with UnitOfWork(store) as uow:
        for existing in uow.query(StakeholderGroup):
            if existing.name.lower() == name.lower():
                if not reuse:
                    raise UserError(f"There is already a stakeholder group called {existing.name!r}.")
                return existing.id, Changes()
        position = float(len(uow.query(StakeholderGroup)))
        row = uow.add(StakeholderGroup, name=name, position=position)
        uow.commit()
    return row.id, Changes.of("stakeholder_groups", ids=[row.id])


# --- changing and deleting slots, teams, groups --------------------------------------------------------------


@dataclass(frozen=True)
class Usage:
    """What still points at a slot, team or stakeholder group (for a delete to refuse or to warn about)."""

    interviews: list[str]
    with_notes: int = 0  # of those interviews, how many already have notes or quotes
    quotes: int = 0  # quotes carrying the stakeholder group

    def describe(self) -> str:
        """ "3 interviews" / "1 interview and 4 quotes" (empty when nothing uses it)."""
        parts = [_count(len(self.interviews), "interview")] if self.interviews else []
        if self.quotes:
            parts.append(_count(self.quotes, "quote"))
        return " and ".join(parts)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _where(session: Any, model: type[Any], **where: str) -> list[Any]:
    stmt = select(model).where(model.deleted.is_(False))
    for name, value in where.items():
        stmt = stmt.where(getattr(model, name) == value)
    return list(session.scalars(stmt))


def _usage(session: Any, **where: str) -> Usage:
    ids = sorted(r.id for r in _where(session, Interview, **where))
    wanted = set(ids)
    written = {n.interview_id for n in _where(session, Note) if n.interview_id in wanted and n.body.strip()}
    written |= {q.interview_id for q in _where(session, Quote) if q.interview_id in wanted}
    quotes = len(_where(session, Quote, group_id=where["group_id"])) if "group_id" in where else 0
    return Usage(ids, len(written), quotes)


def slot_usage(store: Store, slot_id: str) -> Usage:
    with store.session() as s:
        return _usage(s, slot_id=slot_id)


def team_usage(store: Store, team_id: str) -> Usage:
    with store.session() as s:
        return _usage(s, team_id=team_id)


def group_usage(store: Store, group_id: str) -> Usage:
    with store.session() as s:
        return _usage(s, group_id=group_id)


@dataclass(frozen=True)
class GroupUse:
    id: str
    name: str
    interviews: int
    quotes: int


def groups_in_use(store: Store) -> list[GroupUse]:
    """Every stakeholder group, in the timetable's order, with how many interviews and quotes carry it."""
    with store.session() as s:
        groups = sorted(_live(s, StakeholderGroup), key=lambda r: (r.position, r.name.lower(), r.id))
        interviews: dict[str, int] = {}
        for row in _live(s, Interview):
            interviews[row.group_id] = interviews.get(row.group_id, 0) + 1
        quotes: dict[str, int] = {}
        for row in _live(s, Quote):
            quotes[row.group_id] = quotes.get(row.group_id, 0) + 1
    return [GroupUse(g.id, g.name, interviews.get(g.id, 0), quotes.get(g.id, 0)) for g in groups]


def slot_fields(store: Store, slot_id: str) -> tuple[str, str, int]:
    """(starts, ends, day) of a slot, to put back on undo."""
    with store.session() as s:
        row = s.get(Slot, slot_id)
        if row is None or row.deleted:
            raise UserError("That time slot no longer exists (it may have been deleted).")
        return row.starts, row.ends, row.day


def slot_activity(store: Store, slot_id: str) -> str:
    with store.session() as s:
        row = s.get(Slot, slot_id)
        return row.activity if row is not None else ""


def update_slot(
    store: Store, slot_id: str, starts: str, ends: str = "", day: int = 1, activity: str | None = None
) -> Changes:
    """Change a slot's times (its interviews stay in it, so they move with it), or what happens in it for everyone
    (only while it holds no interviews)."""
    starts = parse_time(starts)
    ends = parse_time(ends) if ends else ""
    if ends and ends <= starts:
        raise UserError(f"A slot must end after it starts ({starts}–{ends}).")
    if rules.check("slots", "day", day) is not None:
        raise UserError("Interviews happen on Day 1 or Day 2.")
    with UnitOfWork(store) as uow:
        row = uow.get(Slot, slot_id)
        for other in uow.query(Slot, day=day, starts=starts):
            if other.id != slot_id:
                raise UserError(f"There is already a slot at {other.starts} on day {day}.")
        changed = uow.update(row, starts=starts, ends=ends, day=day)
        if activity is not None:
            activity = _check_activity(activity)
            if activity and uow.query(Interview, slot_id=slot_id):
                raise UserError("That slot holds interviews: move or delete them before it becomes a row for everyone.")
            changed = uow.update(row, activity=activity) or changed
        uow.commit()
    return Changes.of("slots", ids=[slot_id]) if changed else Changes()


def team_fields(store: Store, team_id: str) -> tuple[str, str]:
    with store.session() as s:
        row = s.get(Team, team_id)
        if row is None or row.deleted:
            raise UserError("That team no longer exists (it may have been deleted).")
        return row.name, row.room


def update_team(store: Store, team_id: str, name: str, room: str = "") -> Changes:
    """Rename a team or change its room. Names stay distinct: the CSV file finds a team by its name."""
    name = name.strip()
    if not name:
        raise UserError("Give the team a name (for example Team A).")
    with UnitOfWork(store) as uow:
        row = uow.get(Team, team_id)
        for other in uow.query(Team):
            if other.id != team_id and other.name.lower() == name.lower():
                raise UserError(f"There is already a team called {other.name!r}.")
        changed = uow.update(row, name=name, room=room.strip())
        uow.commit()
    return Changes.of("teams", ids=[team_id]) if changed else Changes()


def rename_group(store: Store, group_id: str, name: str) -> Changes:
    """Rename a stakeholder group: every interview and quote of the group shows the new name."""
    name = name.strip()
    if not name:
        raise UserError("A stakeholder group needs a name.")
    with UnitOfWork(store) as uow:
        row = uow.get(StakeholderGroup, group_id)
        for other in uow.query(StakeholderGroup):
            if other.id != group_id and other.name.lower() == name.lower():
                raise UserError(f"There is already a stakeholder group called {other.name!r}.")
        changed = uow.update(row, name=name)
        uow.commit()
    return Changes.of("stakeholder_groups", ids=[group_id]) if changed else Changes()


def delete_slot(store: Store, slot_id: str) -> tuple[list[str], Changes]:
    """Delete a slot and the interviews in it (a timetable row goes with its cells), in one transaction.

    Returns the interviews it deleted so that undo (``set_deleted``) brings back exactly those.
    """
    with UnitOfWork(store) as uow:
        row = uow.get(Slot, slot_id)
        interviews = uow.query(Interview, slot_id=slot_id)
        for interview_row in interviews:
            uow.delete(interview_row)
        uow.delete(row)
        uow.commit()
    ids = [r.id for r in interviews]
    return ids, Changes.of("slots", "interviews", ids=[slot_id, *ids])


def delete_team(store: Store, team_id: str) -> tuple[list[str], Changes]:
    """Delete a team and its interviews (a timetable column goes with its cells), in one transaction."""
    with UnitOfWork(store) as uow:
        row = uow.get(Team, team_id)
        interviews = uow.query(Interview, team_id=team_id)
        for interview_row in interviews:
            uow.delete(interview_row)
        uow.delete(row)
        uow.commit()
    ids = [r.id for r in interviews]
    return ids, Changes.of("teams", "interviews", ids=[team_id, *ids])


def delete_group(store: Store, group_id: str) -> Changes:
    """Delete a stakeholder group nothing uses.

    A group in use is refused rather than cleared: it is the only attribution a quote has (never a person), so
    blanking it would leave quotes in the presentation saying "no group". Renaming is the way to fix a name.
    """
    with UnitOfWork(store) as uow:
        row = uow.get(StakeholderGroup, group_id)
        usage = _usage(uow.session, group_id=group_id)
        if usage.interviews or usage.quotes:
            raise UserError(
                f"{row.name!r} is the stakeholder group of {usage.describe()}, so it cannot be deleted. "
                "Give them another group first, or rename this one."
            )
        uow.delete(row)
        uow.commit()
    return Changes.of("stakeholder_groups", ids=[group_id])


def restore_group(store: Store, group_id: str) -> Changes:
    return set_deleted(store, {"stakeholder_groups": [group_id]}, False)


# --- interviews -------------------------------------------------------------------------------------------------


def add_interview(store: Store, record_id: str | None = None, **fields: Any) -> tuple[str, Changes]:
    """Create an interview (or bring back a deleted one with the same id, for redo)."""
    _check_interview_fields(fields)
    with UnitOfWork(store) as uow:
        _check_place(uow, fields.get("slot_id", ""), fields.get("team_id", ""), record_id)
        row = uow.add_or_restore(Interview, record_id, fields)
        uow.commit()
    return row.id, Changes.of("interviews", ids=[row.id])


def _check_place(uow: UnitOfWork, slot_id: str, team_id: str, moving_id: str | None) -> None:
    if slot_id:
        _refuse_shared_row(uow.get(Slot, slot_id))
    if team_id:
        uow.get(Team, team_id)
    if slot_id and team_id:
        for other in uow.query(Interview, slot_id=slot_id, team_id=team_id):
            if other.id != moving_id:
                raise UserError("That team already has an interview in that slot; move or delete it first.")


def update_interview(store: Store, interview_id: str, **fields: Any) -> Changes:
    _check_interview_fields(fields)
    with UnitOfWork(store) as uow:
        row = uow.get(Interview, interview_id)
        if "slot_id" in fields or "team_id" in fields:
            _check_place(uow, fields.get("slot_id", row.slot_id), fields.get("team_id", row.team_id), row.id)
        changed = uow.update(row, **fields)
        uow.commit()
    return Changes.of("interviews", ids=[interview_id]) if changed else Changes()


def interview_fields(store: Store, interview_id: str) -> dict[str, Any]:
    with store.session() as s:
        row = s.get(Interview, interview_id)
        if row is None or row.deleted:
            raise UserError("That interview no longer exists (it may have been deleted).")
        return {name: getattr(row, name) for name in sorted(INTERVIEW_FIELDS)}


def move_interview(store: Store, interview_id: str, slot_id: str, team_id: str) -> Changes:
    """Put the interview in another cell; an interview already there takes the place this one left."""
    with UnitOfWork(store) as uow:
        row = uow.get(Interview, interview_id)
        _refuse_shared_row(uow.get(Slot, slot_id))
        uow.get(Team, team_id)
        origin = (row.slot_id, row.team_id)
        if origin == (slot_id, team_id):
            return Changes()
        ids = [row.id]
        for other in uow.query(Interview, slot_id=slot_id, team_id=team_id):
            uow.update(other, slot_id=origin[0], team_id=origin[1])
            ids.append(other.id)
        uow.update(row, slot_id=slot_id, team_id=team_id)
        uow.commit()
    return Changes.of("interviews", ids=ids)


def free_cell(tt: Timetable, near_slot: str, team_id: str) -> tuple[str, str] | None:
    """The first empty cell at or after ``near_slot``: the same team first, then the other teams."""
    slot_ids = [s.id for s in tt.slots if not s.activity]
    start = slot_ids.index(near_slot) if near_slot in slot_ids else 0
    order = slot_ids[start:] + slot_ids[:start]
    teams = [team_id] + [t.id for t in tt.teams if t.id != team_id]
    for tid in teams:
        for sid in order:
            if tt.at(sid, tid) is None:
                return sid, tid
    return None


def duplicate_interview(
    store: Store, interview_id: str, slot_id: str | None = None, team_id: str | None = None
) -> tuple[str, Changes]:
    """Copy an interview, with its planned questions (not ticked), into the given or the next free cell."""
    tt = timetable(store)
    source = interview_fields(store, interview_id)
    if slot_id is None or team_id is None:
        cell = free_cell(tt, source["slot_id"], source["team_id"])
        if cell is None:
            raise UserError("Every cell of the timetable is taken: add a slot or a team first.")
        slot_id, team_id = cell
    with UnitOfWork(store) as uow:
        _check_place(uow, slot_id, team_id, None)
        copy = uow.add(Interview, **{**source, "slot_id": slot_id, "team_id": team_id})
        plan = sorted(uow.query(InterviewQuestion, interview_id=interview_id), key=lambda q: q.position)
        for question in plan:
            record_id = closing_id(copy.id) if question.closing else None
            uow.add(
                InterviewQuestion,
                record_id,
                interview_id=copy.id,
                text=question.text,
                position=question.position,
                closing=question.closing,
            )
        uow.commit()
    return copy.id, Changes.of("interviews", "interview_questions", ids=[copy.id])


def closing_id(interview_id: str) -> str:
    """Each interview's catch-all question has one id everywhere, so two members' plans merge into one."""
    import uuid

    return str(uuid.uuid5(uuid.UUID(interview_id), "closing-question"))


def delete_interview(store: Store, interview_id: str) -> Changes:
    with UnitOfWork(store) as uow:
        uow.delete(uow.get(Interview, interview_id))
        uow.commit()
    return Changes.of("interviews", ids=[interview_id])


def restore_interview(store: Store, interview_id: str) -> Changes:
    with UnitOfWork(store) as uow:
        row = uow.get(Interview, interview_id, include_deleted=True)
        _check_place(uow, row.slot_id, row.team_id, row.id)
        uow.restore(row)
        uow.commit()
    return Changes.of("interviews", ids=[interview_id])


# --- many records at once (undo of an import) ----------------------------------------------------------------

_MODELS: Mapping[str, type[Shared]] = MappingProxyType(
    {
        "slots": Slot,
        "teams": Team,
        "stakeholder_groups": StakeholderGroup,
        "interviews": Interview,
    }
)


def set_deleted(store: Store, created: Mapping[str, Iterable[str]], deleted: bool) -> Changes:
    """Tombstone (or bring back) every record an import created, in one transaction."""
    ids: list[str] = []
    with UnitOfWork(store) as uow:
        for table, record_ids in created.items():
            for record_id in record_ids:
                row = uow.get(_MODELS[table], record_id, include_deleted=True)
                if deleted:
                    uow.delete(row)
                else:
                    uow.restore(row)
                ids.append(record_id)
        uow.commit()
    return Changes.of(*created.keys(), ids=ids)

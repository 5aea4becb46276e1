"""The Day 1 timetable: time slots × teams, each cell an interview with a stakeholder group.

Reads return plain dataclasses; writes return ``Changes``. A cell holds one interview: moving an interview onto
an occupied cell swaps the two, so a move is always undone by moving back.

Here: reading the timetable, times of day, and undoing an import. Slots, teams and stakeholder groups are changed
through ``timetable_grid``, interviews through ``interviews``; ``timetable_csv`` reads and writes the whole as CSV.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from peerdesk.errors import UserError
from peerdesk.services import approaches, records
from peerdesk.services.changes import Changes
from peerdesk.services.rows import view_of
from peerdesk.store import rules
from peerdesk.store.engine import Store

DEFAULT_LENGTH = dt.timedelta(minutes=45)
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


def live(session: Any, model: type[Any]) -> list[Any]:
    from sqlalchemy import select

    return list(session.scalars(select(model).where(model.deleted.is_(False))))


class _StoredInterview(NamedTuple):
    """A live interview's columns that its ``InterviewInfo`` copies (``view_of``) or looks up."""

    id: str
    slot_id: str
    team_id: str
    group_id: str
    approach: str
    interviewer_id: str
    interviewer_name: str
    note_taker_id: str
    note_taker_name: str
    attendees: int
    title: str


_INTERVIEW_COLUMNS = ", ".join(_StoredInterview._fields)


def timetable(store: Store) -> Timetable:
    with store.reading() as db:
        slot_rows = db.execute("SELECT id, day, starts, ends, activity FROM slots WHERE NOT deleted").fetchall()
        team_rows = db.execute("SELECT id, name, room, position FROM teams WHERE NOT deleted").fetchall()
        groups = db.execute("SELECT id, name, position FROM stakeholder_groups WHERE NOT deleted").fetchall()
        members = dict(db.execute("SELECT id, name FROM members"))
        interviews = [
            _StoredInterview(*r) for r in db.execute(f"SELECT {_INTERVIEW_COLUMNS} FROM interviews WHERE NOT deleted")
        ]
    slots = sorted((SlotInfo(*r) for r in slot_rows), key=lambda r: (r.day, r.starts, r.id))
    slot_infos = {r.id: r for r in slots}
    team_infos = {r[0]: TeamInfo(*r[:3]) for r in sorted(team_rows, key=lambda r: (r[3], r[1], r[0]))}
    groups.sort(key=lambda r: (r[2], r[1].lower(), r[0]))
    group_names = {r[0]: r[1] for r in groups}
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
        groups=[GroupInfo(gid, name) for gid, name, _position in groups],
        interviews=infos,
        cells=cells,
    )


def _info(
    row: _StoredInterview,
    slots: Mapping[str, SlotInfo],
    teams: Mapping[str, TeamInfo],
    groups: Mapping[str, str],
    members: Mapping[str, str],
) -> InterviewInfo:
    return view_of(
        InterviewInfo,
        row,
        group=groups.get(row.group_id, ""),
        interviewer=members.get(row.interviewer_id, "") or row.interviewer_name,
        note_taker=members.get(row.note_taker_id, "") or row.note_taker_name,
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
    from peerdesk.store.models import Review

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


# --- many records at once (undo of an import) ----------------------------------------------------------------


def set_deleted(store: Store, created: Mapping[str, Iterable[str]], deleted: bool) -> Changes:
    """Tombstone (or bring back) every record an import created, in one transaction."""
    if set(created) - set(TABLES):
        raise ValueError(f"not timetable tables: {sorted(set(created) - set(TABLES))}")
    return records.set_deleted(store, created, deleted)

"""The timetable as a CSV file: import all or nothing, export what the user asked for.

Rows are numbered as a spreadsheet shows them (the header is row 1), so "row 4" is where the user looks.
Slots, teams and stakeholder groups named in the file are reused when they exist and created otherwise.
Interviewers and note takers are matched to team members by name or initials; a name that matches nobody is kept
as it is written (a host officer or an observer who is not on the team's roster).

A row with neither team nor stakeholder group but a title is a row for every team at that time (the opening,
lunch, a break, the team's discussion): its title names what happens.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from peerdesk.errors import UserError
from peerdesk.files import read_at_most, reason, write_private_text
from peerdesk.services import approaches
from peerdesk.services import timetable as tt
from peerdesk.services.changes import Changes
from peerdesk.services.spreadsheet_cells import as_text, as_written
from peerdesk.store.engine import Store

if TYPE_CHECKING:
    from peerdesk.store.models import Interview, Member

COLUMNS = (
    "day",
    "starts",
    "ends",
    "team",
    "room",
    "stakeholder_group",
    "approach",
    "interviewer",
    "note_taker",
    "attendees",
    "title",
)
REQUIRED = ("starts", "team", "stakeholder_group")  # columns of the header; a row for everyone leaves two empty
MAX_BYTES = 1_000_000
MAX_ROWS = 1_000
MAX_COLUMNS = 50  # the timetable's own columns and room for a spreadsheet's extra ones


@dataclass(frozen=True)
class Row:
    number: int
    day: int
    starts: str
    ends: str
    team: str
    room: str
    group: str
    approach: str
    interviewer: str
    note_taker: str
    attendees: int
    title: str

    @property
    def for_everyone(self) -> bool:
        """A row that is not an interview: its title says what happens, for every team."""
        return not self.team and not self.group


@dataclass
class ImportResult:
    created: dict[str, list[str]] = field(default_factory=dict)
    interviews: int = 0
    already_there: int = 0  # rows the review already holds exactly (a file the app exported, imported again)
    changes: Changes = field(default_factory=Changes)


def _bad(number: int, why: str) -> UserError:
    return UserError(f"Row {number} of the timetable file: {why} Nothing was imported.")


def read_rows(text: str) -> list[Row]:
    """Parse and check every row; the first bad one is refused with its row number."""
    reader = csv.reader(io.StringIO(text))
    try:
        header = next(reader)
    except StopIteration:
        raise UserError("The timetable file is empty.") from None
    except csv.Error as exc:
        raise _bad(1, f"it is not readable as CSV ({exc}).") from None
    if len(header) > MAX_COLUMNS:  # each row is checked against every column named: a wide header is no timetable
        raise UserError(
            f"The timetable file has {len(header)} columns; a timetable has {len(COLUMNS)}. Nothing was imported."
        )
    names = [h.strip().lower().replace(" ", "_").replace("-", "_") for h in header]
    names = ["stakeholder_group" if n in ("group", "stakeholder") else n for n in names]
    missing = [c for c in REQUIRED if c not in names]
    if missing:
        raise UserError(
            f"The timetable file needs the columns {', '.join(REQUIRED)} in its first row; "
            f"{', '.join(missing)} is missing. Nothing was imported."
        )
    rows: list[Row] = []
    number = 1
    try:
        for number, cells in enumerate(reader, start=2):
            if not any(c.strip() for c in cells):
                continue
            if len(rows) >= MAX_ROWS:
                raise UserError(f"The timetable file has more than {MAX_ROWS} rows. Nothing was imported.")
            if len(cells) > len(names):
                raise _bad(number, f"it has {len(cells)} cells but the header names {len(names)} columns.")
            values = {n: (as_written(cells[i].strip()) if i < len(cells) else "") for i, n in enumerate(names)}
            rows.append(_row(number, values))
    except csv.Error as exc:  # met while reading the next row, which the count has not reached
        raise _bad(number + 1, f"it is not readable as CSV ({exc}).") from None
    if not rows:
        raise UserError("The timetable file has a header but no interviews.")
    seen: dict[tuple[int, str, str], int] = {}
    for row in rows:
        key = (row.day, row.starts, row.team.lower() or "*")
        if key in seen:
            raise _bad(row.number, f"{row.team} already has an interview at {row.starts} in row {seen[key]}.")
        seen[key] = row.number
    return rows


def _row(number: int, v: dict[str, str]) -> Row:
    everyone = not v.get("team") and not v.get("stakeholder_group") and bool(v.get("title"))
    for column in REQUIRED:
        if not v.get(column) and not (everyone and column != "starts"):
            raise _bad(number, f"the {column.replace('_', ' ')} is empty.")
    try:
        starts = tt.parse_time(v["starts"])
        ends = tt.parse_time(v["ends"]) if v.get("ends") else ""
    except UserError as exc:
        raise _bad(number, str(exc)) from None
    if ends and ends <= starts:
        raise _bad(number, f"the interview ends ({ends}) before it starts ({starts}).")
    day_text = v.get("day") or "1"
    if day_text not in ("1", "2"):
        raise _bad(number, f"the day must be 1 or 2, not {day_text!r}.")
    approach = approaches.parse(v.get("approach", ""))
    if approach is None:
        known = ", ".join(approaches.LABELS.values())
        raise _bad(number, f"{v['approach']!r} is not an approach we know ({known}).")
    attendees_text = v.get("attendees") or "0"
    if not attendees_text.isdigit() or int(attendees_text) > 500:
        raise _bad(number, f"the number attending must be a whole number, not {attendees_text!r}.")
    return Row(
        number=number,
        day=int(day_text),
        starts=starts,
        ends=ends,
        team=v["team"],
        room=v.get("room", ""),
        group=v["stakeholder_group"],
        approach=approach,
        interviewer=v.get("interviewer", ""),
        note_taker=v.get("note_taker", ""),
        attendees=int(attendees_text),
        title=v.get("title", ""),
    )


def _decode(data: bytes | None) -> str:
    if data is None or len(data) > MAX_BYTES:
        raise UserError(f"The timetable file is larger than {MAX_BYTES // 1000} kB; is it the right file?")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            # Spreadsheets on Windows still save "CSV" as cp1252.
            return data.decode("cp1252")
        except UnicodeDecodeError:
            raise UserError("The timetable file is not text (save it from the spreadsheet as CSV).") from None


def read_file(path: Path | str) -> str:
    """The file's text, or a sentence saying why it cannot be a timetable."""
    try:
        data = read_at_most(Path(path), MAX_BYTES)
    except (OSError, ValueError) as exc:
        raise UserError(f"Could not read {path}: {reason(exc)}.") from None
    return _decode(data)


def import_file(store: Store, path: Path | str) -> ImportResult:
    return import_text(store, read_file(path))


def import_text(store: Store, text: str) -> ImportResult:
    """Add every interview of the file in one transaction, or none."""
    return import_rows(store, read_rows(text))


def import_rows(store: Store, rows: list[Row]) -> ImportResult:
    """Add the checked rows in one transaction; a row that clashes with the review refuses them all."""
    from peerdesk.store.models import Interview, Member, Slot, StakeholderGroup, Team
    from peerdesk.store.uow import UnitOfWork

    result = ImportResult(created={t: [] for t in tt.TABLES})
    with UnitOfWork(store) as uow:
        members = uow.query(Member)
        slots = {(s.day, s.starts): s for s in uow.query(Slot)}
        teams = {t.name.lower(): t for t in uow.query(Team)}
        groups = {g.name.lower(): g for g in uow.query(StakeholderGroup)}
        occupied = {(i.slot_id, i.team_id): i for i in uow.query(Interview)}
        for row in rows:
            interviewer, interviewer_name = _member(members, row.interviewer)
            note_taker, note_taker_name = _member(members, row.note_taker)
            slot = slots.get((row.day, row.starts))
            if slot is None:
                activity = row.title if row.for_everyone else ""
                slot = uow.add(Slot, day=row.day, starts=row.starts, ends=row.ends, activity=activity)
                slots[(row.day, row.starts)] = slot
                result.created["slots"].append(slot.id)
            if row.for_everyone:
                if slot.activity != row.title:
                    raise _bad(row.number, f"there is already a slot at {row.starts} on day {row.day}.")
                continue
            if slot.activity:
                raise _bad(row.number, f"{row.starts} on day {row.day} is kept for “{slot.activity}”.")
            team = teams.get(row.team.lower())
            if team is None:
                team = uow.add(Team, name=row.team, room=row.room, position=float(len(teams)))
                teams[row.team.lower()] = team
                result.created["teams"].append(team.id)
            group = groups.get(row.group.lower())
            if group is None:
                group = uow.add(StakeholderGroup, name=row.group, position=float(len(groups)))
                groups[row.group.lower()] = group
                result.created["stakeholder_groups"].append(group.id)
            there = occupied.get((slot.id, team.id))
            if there is not None and _same(
                there, row, group.id, (interviewer, interviewer_name), (note_taker, note_taker_name)
            ):
                result.already_there += 1  # the round trip holds: exported, then imported again, changes nothing
                continue
            if there is not None:
                raise _bad(row.number, f"{team.name} already has an interview at {row.starts} on day {row.day}.")
            interview = uow.add(
                Interview,
                slot_id=slot.id,
                team_id=team.id,
                group_id=group.id,
                approach=row.approach,
                interviewer_id=interviewer,
                note_taker_id=note_taker,
                interviewer_name=interviewer_name,
                note_taker_name=note_taker_name,
                attendees=row.attendees,
                title=row.title,
            )
            occupied[(slot.id, team.id)] = interview
            result.created["interviews"].append(interview.id)
        uow.commit()
    result.created = {t: ids for t, ids in result.created.items() if ids}
    result.interviews = len(result.created.get("interviews", []))
    result.changes = Changes.of(*result.created, ids=[i for ids in result.created.values() for i in ids])
    return result


def _same(
    interview: Interview, row: Row, group_id: str, interviewer: tuple[str, str], note_taker: tuple[str, str]
) -> bool:
    """Whether the review's interview in a cell is the one the row describes (so importing it again is no clash)."""
    return (
        interview.group_id == group_id
        and interview.approach == row.approach
        and interview.attendees == row.attendees
        and interview.title == row.title
        and (interview.interviewer_id, interview.interviewer_name) == interviewer
        and (interview.note_taker_id, interview.note_taker_name) == note_taker
    )


def _member(members: list[Member], name: str) -> tuple[str, str]:
    """(member id, "") for someone on the team, else ("", the name as written) for someone outside it."""
    name = " ".join(name.split())
    if not name:
        return "", ""
    wanted = name.lower()
    for member in members:
        if wanted in (member.name.lower(), member.initials.lower()):
            return member.id, ""
    return "", name[: tt.MAX_NAME]


def export_rows(store: Store) -> Iterator[list[str]]:
    table = tt.timetable(store)
    yield list(COLUMNS)
    for slot in table.slots:
        if slot.activity:
            yield [str(slot.day), slot.starts, slot.ends, "", "", "", "", "", "", "0", slot.activity]
    for i in table.interviews:
        yield [
            str(i.slot.day) if i.slot else "",
            i.slot.starts if i.slot else "",
            i.slot.ends if i.slot else "",
            i.team.name if i.team else "",
            i.team.room if i.team else "",
            i.group,
            approaches.label(i.approach) if i.approach else "",
            i.interviewer,
            i.note_taker,
            str(i.attendees),
            i.title,
        ]


def export_text(store: Store) -> str:
    return _csv(list(export_rows(store)))


def _csv(rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([as_text(cell) for cell in row] for row in rows)
    return out.getvalue()


def export_file(store: Store, path: Path | str) -> int:
    """Write the timetable where the user asked; returns the number of interviews written."""
    rows = list(export_rows(store))
    write_private_text(path, _csv(rows))
    return sum(1 for row in rows[1:] if row[3])  # interviews; rows for everyone have no team

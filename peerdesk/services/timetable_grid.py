"""The timetable's grid: time slots (rows, some of them shared by every team: lunch, a break…), teams (columns, with
their rooms) and the stakeholder groups interviews are with.

A slot or team goes with the interviews in it, in one transaction, and comes back with exactly those on undo. A
stakeholder group in use cannot be deleted: it is the only attribution a quote has.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from peerdesk.errors import UserError
from peerdesk.services import records, timetable
from peerdesk.services.changes import Changes
from peerdesk.store import rules
from peerdesk.store.engine import Store

if TYPE_CHECKING:
    from peerdesk.store.models import Slot, Team


def _check_activity(activity: str) -> str:
    activity = " ".join(activity.split())
    if len(activity) > timetable.MAX_NAME:
        raise UserError(f"Name what happens in at most {timetable.MAX_NAME} characters.")
    return activity


def _slot_times(starts: str, ends: str, day: int) -> tuple[str, str]:
    """A slot's start and (optional) end as HH:MM, the end after the start, on Day 1 or Day 2."""
    starts = timetable.parse_time(starts)
    ends = timetable.parse_time(ends) if ends else ""
    if ends and ends <= starts:
        raise UserError(f"A slot must end after it starts ({starts}–{ends}).")
    if rules.check("slots", "day", day) is not None:
        raise UserError("Interviews happen on Day 1 or Day 2.")
    return starts, ends


def add_slot(store: Store, starts: str, ends: str = "", day: int = 1, activity: str = "") -> tuple[str, Changes]:
    """A time slot; with ``activity``, a row for every team (lunch, a break…) that holds no interviews."""
    from peerdesk.store.models import Slot
    from peerdesk.store.uow import UnitOfWork

    activity = _check_activity(activity)
    starts, ends = _slot_times(starts, ends, day)
    with UnitOfWork(store) as uow:
        for existing in uow.query(Slot, day=day, starts=starts):
            raise UserError(f"There is already a slot at {existing.starts} on day {day}.")
        row = uow.add(Slot, day=day, starts=starts, ends=ends, activity=activity)
        return records.created(uow, row)


def add_team(store: Store, name: str, room: str = "") -> tuple[str, Changes]:
    from peerdesk.store.models import Team
    from peerdesk.store.uow import UnitOfWork

    name = name.strip()
    if not name:
        raise UserError("Give the team a name (for example Team A).")
    with UnitOfWork(store) as uow:
        position = float(len(uow.query(Team)))
        row = uow.add(Team, name=name, room=room.strip(), position=position)
        return records.created(uow, row)


def add_group(store: Store, name: str, *, reuse: bool = True) -> tuple[str, Changes]:
    """A new stakeholder group; a name the review already has gives that group back (or, with ``reuse`` false,
    is refused: the groups dialog must not make an undo step that would delete someone else's group)."""
    from peerdesk.store.models import StakeholderGroup
    from peerdesk.store.uow import UnitOfWork

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
        return records.created(uow, row)


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
    from sqlalchemy import select

    stmt = select(model).where(model.deleted.is_(False))
    for name, value in where.items():
        stmt = stmt.where(getattr(model, name) == value)
    return list(session.scalars(stmt))


def _usage(session: Any, **where: str) -> Usage:
    from peerdesk.store.models import Interview, Note, Quote

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
    from peerdesk.store.models import Interview, Quote, StakeholderGroup

    with store.session() as s:
        groups = sorted(timetable.live(s, StakeholderGroup), key=lambda r: (r.position, r.name.lower(), r.id))
        interviews: dict[str, int] = {}
        for row in timetable.live(s, Interview):
            interviews[row.group_id] = interviews.get(row.group_id, 0) + 1
        quotes: dict[str, int] = {}
        for row in timetable.live(s, Quote):
            quotes[row.group_id] = quotes.get(row.group_id, 0) + 1
    return [GroupUse(g.id, g.name, interviews.get(g.id, 0), quotes.get(g.id, 0)) for g in groups]


def slot_fields(store: Store, slot_id: str) -> tuple[str, str, int]:
    """(starts, ends, day) of a slot, to put back on undo."""
    from peerdesk.store.models import Slot

    with store.session() as s:
        row = records.live(s, Slot, slot_id, "That time slot no longer exists (it may have been deleted).")
        return row.starts, row.ends, row.day


def slot_activity(store: Store, slot_id: str) -> str:
    from peerdesk.store.models import Slot

    with store.session() as s:
        row = s.get(Slot, slot_id)
        return row.activity if row is not None else ""


def update_slot(
    store: Store, slot_id: str, starts: str, ends: str = "", day: int = 1, activity: str | None = None
) -> Changes:
    """Change a slot's times (its interviews stay in it, so they move with it), or what happens in it for everyone
    (only while it holds no interviews)."""
    from peerdesk.store.models import Interview, Slot
    from peerdesk.store.uow import UnitOfWork

    starts, ends = _slot_times(starts, ends, day)
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
    from peerdesk.store.models import Team

    with store.session() as s:
        row = records.live(s, Team, team_id, "That team no longer exists (it may have been deleted).")
        return row.name, row.room


def update_team(store: Store, team_id: str, name: str, room: str = "") -> Changes:
    """Rename a team or change its room. Names stay distinct: the CSV file finds a team by its name."""
    from peerdesk.store.models import Team
    from peerdesk.store.uow import UnitOfWork

    name = name.strip()
    if not name:
        raise UserError("Give the team a name (for example Team A).")
    with UnitOfWork(store) as uow:
        taken = "There is already a team called {name}."
        changed = records.rename_unique(uow, Team, team_id, name, taken, room=room.strip())
        uow.commit()
    return Changes.of("teams", ids=[team_id]) if changed else Changes()


def rename_group(store: Store, group_id: str, name: str) -> Changes:
    """Rename a stakeholder group: every interview and quote of the group shows the new name."""
    from peerdesk.store.models import StakeholderGroup
    from peerdesk.store.uow import UnitOfWork

    name = name.strip()
    if not name:
        raise UserError("A stakeholder group needs a name.")
    with UnitOfWork(store) as uow:
        taken = "There is already a stakeholder group called {name}."
        changed = records.rename_unique(uow, StakeholderGroup, group_id, name, taken)
        uow.commit()
    return Changes.of("stakeholder_groups", ids=[group_id]) if changed else Changes()


def delete_slot(store: Store, slot_id: str) -> tuple[list[str], Changes]:
    """Delete a slot and the interviews in it (a timetable row goes with its cells), in one transaction.

    Returns the interviews it deleted so that undo (``set_deleted``) brings back exactly those.
    """
    from peerdesk.store.models import Slot

    return _delete_with_interviews(store, Slot, slot_id, "slot_id")


def delete_team(store: Store, team_id: str) -> tuple[list[str], Changes]:
    """Delete a team and its interviews (a timetable column goes with its cells), in one transaction."""
    from peerdesk.store.models import Team

    return _delete_with_interviews(store, Team, team_id, "team_id")


def _delete_with_interviews(
    store: Store, model: type[Slot] | type[Team], record_id: str, column: str
) -> tuple[list[str], Changes]:
    from peerdesk.store.models import Interview
    from peerdesk.store.uow import UnitOfWork

    with UnitOfWork(store) as uow:
        row = uow.get(model, record_id)
        interviews = uow.query(Interview, **{column: record_id})
        for interview_row in interviews:
            uow.delete(interview_row)
        uow.delete(row)
        uow.commit()
    ids = [r.id for r in interviews]
    return ids, Changes.of(model.__tablename__, "interviews", ids=[record_id, *ids])


def delete_group(store: Store, group_id: str) -> Changes:
    """Delete a stakeholder group nothing uses.

    A group in use is refused rather than cleared: it is the only attribution a quote has (never a person), so
    blanking it would leave quotes in the presentation saying "no group". Renaming is the way to fix a name.
    """
    from peerdesk.store.models import StakeholderGroup
    from peerdesk.store.uow import UnitOfWork

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
    return timetable.set_deleted(store, {"stakeholder_groups": [group_id]}, False)

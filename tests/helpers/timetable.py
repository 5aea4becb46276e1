"""A small Day 1 timetable built through the services, for tests that need interviews to work on."""

from __future__ import annotations

from dataclasses import dataclass

from peerdesk.services import interviews, review, timetable_grid
from peerdesk.store.engine import Store
from peerdesk.store.models import Member
from peerdesk.store.uow import UnitOfWork


@dataclass(frozen=True)
class Day:
    slots: list[str]  # 09:45, 10:45, 11:45
    teams: list[str]  # Team A, Team B
    groups: dict[str, str]  # name → id
    interviews: list[str]  # (09:45, A) foster carers, (09:45, B) social workers, (10:45, A) young people
    me: str
    colleague: str


def add_colleague(store: Store, name: str = "Sam Okafor") -> str:
    with UnitOfWork(store) as uow:
        row = uow.add(Member, name=name, role="reviewer", initials=review.initials(name))
        uow.commit()
    return row.id


def build_day(store: Store) -> Day:
    colleague = add_colleague(store)
    me = store.member_id
    slots = [
        timetable_grid.add_slot(store, s, e)[0] for s, e in (("09:45", "10:30"), ("10:45", "11:30"), ("11:45", ""))
    ]
    teams = [timetable_grid.add_team(store, n, r)[0] for n, r in (("Team A", "Room 1"), ("Team B", "Room 2"))]
    groups = {n: timetable_grid.add_group(store, n)[0] for n in ("Foster carers", "Social workers", "Young people")}
    plan = (
        (slots[0], teams[0], "Foster carers", "appreciative", colleague, me),
        (slots[0], teams[1], "Social workers", "ethnographic", me, colleague),
        (slots[1], teams[0], "Young people", "solution-focused", colleague, me),
    )
    interview_ids = [
        interviews.add_interview(
            store,
            slot_id=s,
            team_id=t,
            group_id=groups[g],
            approach=a,
            interviewer_id=asker,
            note_taker_id=taker,
            attendees=5,
        )[0]
        for s, t, g, a, asker, taker in plan
    ]
    return Day(slots, teams, groups, interview_ids, me, colleague)

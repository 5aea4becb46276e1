"""The lead-in checklist: what has to happen before the visit (and the follow-up after it), and by when.

The steps are data shipped with peerdesk (``resources/leadin_checklist.json``), each placed relative to Day 1 of
the visit, so every due date is computed when it is read: move the visit and every step moves with it. Only the
ticks are stored, one shared record per step whose id is derived from the review and the step's key, so two
members ticking the same step end up with one record after a merge.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from dateutil.relativedelta import relativedelta

from peerdesk.errors import UserError
from peerdesk.services import review
from peerdesk.services.changes import Changes
from peerdesk.services.rows import view_of
from peerdesk.store.engine import Store

if TYPE_CHECKING:
    from peerdesk.store.uow import UnitOfWork

RESOURCE = "leadin_checklist.json"
UNITS = ("months", "weeks", "days")
LEAD_IN = dt.timedelta(weeks=12)  # the handbook's minimum between agreeing dates and the visit


@dataclass(frozen=True)
class StepSpec:
    """A step as shipped: where it falls relative to Day 1, whose job it is, what to do."""

    key: str
    text: str
    owner: str
    unit: str  # months, weeks or days
    amount: int  # negative: before Day 1

    @property
    def when(self) -> str:
        """ "12 weeks before", "1 day before", "4 months after"."""
        count = abs(self.amount)
        noun = self.unit if count != 1 else self.unit[:-1]
        return f"{count} {noun} {'before' if self.amount < 0 else 'after'}"

    def due(self, day_one: dt.date) -> dt.date:
        if self.unit == "months":
            return day_one + relativedelta(months=self.amount)
        return day_one + dt.timedelta(**{self.unit: self.amount})


@dataclass(frozen=True)
class Step:
    key: str
    text: str
    owner: str
    when: str
    due: dt.date | None  # None while the visit has no date
    done: bool
    done_on: str

    def overdue(self, today: dt.date) -> bool:
        return not self.done and self.due is not None and self.due < today

    def status(self, today: dt.date) -> str:
        if self.done:
            return "done"
        if self.due is None:
            return "no date"
        return "overdue" if self.due < today else "to do"

    def as_json(self, today: dt.date) -> dict[str, Any]:
        return {
            "key": self.key,
            "step": self.text,
            "owner": self.owner,
            "when": self.when,
            "due": self.due.isoformat() if self.due else None,
            "done": self.done,
            "done_on": self.done_on or None,
            "status": self.status(today),
        }


@cache
def specs() -> tuple[StepSpec, ...]:
    """The shipped steps, checked once: a broken data file is a bug, said plainly."""
    data = json.loads((resources.files("peerdesk.resources") / RESOURCE).read_text(encoding="utf-8"))
    out = []
    for raw in data["steps"]:
        ((unit, amount),) = raw["due"].items()
        if unit not in UNITS or not isinstance(amount, int):
            raise ValueError(f"{RESOURCE}: step {raw['key']!r} has a due of {raw['due']!r}")
        out.append(StepSpec(raw["key"], raw["step"], raw["owner"], unit, amount))
    if len({s.key for s in out}) != len(out):
        raise ValueError(f"{RESOURCE}: two steps share a key")
    return tuple(out)


def tick_id(review_id: str, key: str) -> str:
    return str(uuid.uuid5(uuid.UUID(review_id), f"checklist:{key}"))


def visit_start(store: Store) -> dt.date | None:
    """Day 1 of the visit, if set: from the review's record, read once for every view (``review.summary``)."""
    text = review.summary(store).visit_start
    return dt.date.fromisoformat(text) if text else None


def steps(store: Store) -> list[Step]:
    """Every step in date order (the order of the data file among steps due the same day)."""
    day_one = visit_start(store)
    done_on = {key: on for key, on in store.rows("SELECT key, done_on FROM checklist_ticks WHERE NOT deleted AND done")}
    out = []
    for spec in specs():
        out.append(
            view_of(
                Step,
                spec,
                due=spec.due(day_one) if day_one else None,
                done=spec.key in done_on,
                done_on=done_on.get(spec.key, ""),
            )
        )
    order = {spec.key: n for n, spec in enumerate(specs())}
    return sorted(out, key=lambda st: (st.due or dt.date.max, order[st.key]))


def overdue(store: Store, today: dt.date | None = None) -> list[Step]:
    today = today or dt.date.today()
    return [st for st in steps(store) if st.overdue(today)]


def set_done(store: Store, key: str, done: bool, done_on: str | None = None) -> Changes:
    """Tick (or untick) a step; ``done_on`` defaults to today when ticking (undo passes the old value back)."""
    from peerdesk.store.models import ChecklistTick
    from peerdesk.store.uow import UnitOfWork

    if key not in {spec.key for spec in specs()}:
        raise UserError("That checklist step is not known to this version of peerdesk.")
    when = (done_on if done_on is not None else dt.date.today().isoformat()) if done else ""
    with UnitOfWork(store) as uow:
        record_id = tick_id(store.review_id, key)
        row = uow.session.get(ChecklistTick, record_id)
        if row is None:
            row = uow.add(ChecklistTick, record_id, key=key, done=done, done_on=when)
        else:
            uow.restore(row)
            uow.update(row, done=done, done_on=when)
        uow.commit()
    return Changes.of("checklist_ticks", ids=[record_id])


def record_done_before(uow: UnitOfWork, review_id: str, day_one: dt.date) -> int:
    """Tick every step due before Day 1, each on its due date (the demo: a visit whose lead-in went to plan)."""
    from peerdesk.store.models import ChecklistTick

    done = [spec for spec in specs() if spec.due(day_one) < day_one]
    for spec in done:
        when = spec.due(day_one).isoformat()
        uow.add(ChecklistTick, tick_id(review_id, spec.key), key=spec.key, done=True, done_on=when)
    return len(done)


def lead_in_warning(visit: dt.date | None, today: dt.date | None = None) -> str:
    """A warning when the visit is closer than the 12 weeks the lead-in needs ("" when it is not)."""
    today = today or dt.date.today()
    if visit is None or visit < today or visit - today >= LEAD_IN:
        return ""
    weeks = (visit - today).days // 7
    return (
        f"The visit is {weeks} week{'s' if weeks != 1 else ''} away: the lead-in needs about 12 weeks "
        "(finding the team, booking rooms, inviting people), so some steps are already late."
    )

"""The lead-in checklist: steps as data, due dates from Day 1 that move with it, ticks that converge."""

from __future__ import annotations

import datetime as dt

import pytest

from peerdesk.errors import UserError
from peerdesk.services import checklist, review
from peerdesk.store.engine import Store
from peerdesk.store.models import ChecklistTick

# the ``store`` fixture's visit starts on Tuesday 10 March 2026


def by_key(store: Store) -> dict[str, checklist.Step]:
    return {s.key: s for s in checklist.steps(store)}


def test_steps_run_from_the_set_up_meeting_to_the_follow_up_in_date_order(store: Store) -> None:
    steps = checklist.steps(store)
    assert len(steps) >= 15
    assert [s.due for s in steps] == sorted(s.due for s in steps if s.due)
    keys = [s.key for s in steps]
    assert keys.index("set-up-meeting") < keys.index("tell-coordinator") < keys.index("pre-briefing")
    assert keys[-1] == "follow-up"
    assert all(s.owner and s.text for s in steps)


def test_due_dates_are_counted_from_day_one(store: Store) -> None:
    steps = by_key(store)
    assert steps["tell-coordinator"].due == dt.date(2025, 12, 16)  # 12 weeks before
    assert steps["tell-coordinator"].when == "12 weeks before"
    assert steps["pre-briefing"].due == dt.date(2026, 3, 9)
    assert steps["pre-briefing"].when == "1 day before"
    assert steps["follow-up"].due == dt.date(2026, 7, 10)
    assert steps["follow-up"].when == "4 months after"


def test_moving_the_visit_moves_every_step(store: Store) -> None:
    before = by_key(store)
    review.update_review(store, visit_start="2026-05-05")
    after = by_key(store)
    assert all((after[k].due - before[k].due).days in range(56, 59) for k in before if k != "follow-up")
    assert after["pre-briefing"].due == dt.date(2026, 5, 4)


def test_without_a_visit_date_no_step_has_a_date_or_is_overdue(store: Store) -> None:
    review.update_review(store, visit_start="")
    assert {s.due for s in checklist.steps(store)} == {None}
    assert checklist.overdue(store, dt.date(2030, 1, 1)) == []


def test_overdue_means_past_its_date_and_not_ticked(store: Store) -> None:
    today = dt.date(2026, 2, 20)  # about 3 weeks before the visit
    late = {s.key for s in checklist.overdue(store, today)}
    assert "final-check" not in late and "draft-timetable" in late and "self-assessment" in late
    checklist.set_done(store, "self-assessment", True)
    assert "self-assessment" not in {s.key for s in checklist.overdue(store, today)}
    assert by_key(store)["self-assessment"].status(today) == "done"


def test_a_tick_is_one_record_per_step_and_can_be_taken_back(store: Store) -> None:
    checklist.set_done(store, "costs", True, "2026-01-02")
    checklist.set_done(store, "costs", False)
    checklist.set_done(store, "costs", True, "2026-01-03")
    with store.session() as s:
        rows = list(s.query(ChecklistTick))
    assert [(r.id, r.key, r.done, r.done_on) for r in rows] == [
        (checklist.tick_id(store.review_id, "costs"), "costs", True, "2026-01-03")
    ]
    assert by_key(store)["costs"].done_on == "2026-01-03"


def test_an_unknown_step_is_refused(store: Store) -> None:
    with pytest.raises(UserError, match="not known"):
        checklist.set_done(store, "bake-a-cake", True)


def test_the_twelve_week_warning() -> None:
    visit = dt.date(2026, 6, 1)
    assert checklist.lead_in_warning(visit, visit - dt.timedelta(weeks=12)) == ""
    warning = checklist.lead_in_warning(visit, visit - dt.timedelta(weeks=9))
    assert warning.startswith("The visit is 9 weeks away")
    assert checklist.lead_in_warning(visit, visit + dt.timedelta(days=1)) == ""  # over: nothing to warn about
    assert checklist.lead_in_warning(None) == ""


def test_the_demo_lead_in_went_to_plan(demo_store: Store) -> None:
    day_one = checklist.visit_start(demo_store)
    assert day_one is not None
    steps = checklist.steps(demo_store)
    assert all(s.done for s in steps if s.due and s.due < day_one)
    assert not by_key(demo_store)["follow-up"].done
    assert checklist.overdue(demo_store, day_one) == []

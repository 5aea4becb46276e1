"""One declaration of each shared record's rules: what a local edit refuses, a colleague's bundle cannot carry."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest

from peerdesk.errors import UserError
from peerdesk.exchange import schema, transfer
from peerdesk.exchange.errors import BundleRefused
from peerdesk.services import (
    guard,
    interviews,
    notes,
    quotes,
    review,
    scale_answers,
    solution_ideas,
    timetable_grid,
    wall,
    workshop,
    workshop_outcome,
)
from peerdesk.store import rules
from peerdesk.store.engine import Store

Edit = Callable[[Store, dict[str, str], Any], object]


def _records(store: Store) -> dict[str, str]:
    """One legal record of each kind the cases edit: a slot, a team, an interview, a quote, a theme."""
    slot, _ = timetable_grid.add_slot(store, "09:45", "10:30")
    team, _ = timetable_grid.add_team(store, "Team A")
    interview, _ = interviews.add_interview(store, slot_id=slot, team_id=team, attendees=4, title="Carers")
    quote, _ = notes.add_typed_quote(store, interview, "They listened, for once")
    wall.add_postit(store, "rose", "Listening", x=10.0, y=10.0)
    return {"slots": slot, "teams": team, "interviews": interview, "quotes": quote}


# (table, field, a value the app never writes, the service call that refuses it)
CASES: list[tuple[str, str, Any, Edit]] = [
    ("quotes", "kind", "zzz", lambda s, ids, v: quotes.set_kind(s, [ids["quotes"]], v)),
    ("quotes", "guard_decision", "maybe", lambda s, ids, v: guard.set_decision(s, ids["quotes"], v)),
    ("quotes", "text", "x" * (rules.MAX_QUOTE + 1), lambda s, ids, v: quotes.edit_text(s, ids["quotes"], v)),
    ("postits", "kind", "zzz", lambda s, ids, v: wall.add_postit(s, v, "text")),
    ("postits", "text", "x" * (rules.MAX_POSTIT + 1), lambda s, ids, v: wall.add_postit(s, "rose", v)),
    ("postits", "x", 1e308, lambda s, ids, v: wall.add_postit(s, "rose", "text", x=v, y=0.0)),
    ("postits", "y", float("nan"), lambda s, ids, v: wall.add_postit(s, "rose", "text", x=0.0, y=v)),
    ("guarded_names", "kind", "zzz", lambda s, ids, v: guard.add_name(s, "Dawn", kind=v)),
    ("slots", "starts", "25:99", lambda s, ids, v: timetable_grid.add_slot(s, v)),
    ("slots", "starts", "٠٩:٤٥", lambda s, ids, v: timetable_grid.add_slot(s, v)),
    ("slots", "day", 3, lambda s, ids, v: timetable_grid.add_slot(s, "11:00", day=v)),
    ("interviews", "attendees", -5, lambda s, ids, v: interviews.update_interview(s, ids["interviews"], attendees=v)),
    ("interviews", "approach", "zzz", lambda s, ids, v: interviews.update_interview(s, ids["interviews"], approach=v)),
    ("review", "visit_start", "x", lambda s, ids, v: review.update_review(s, visit_start=v)),
    ("review", "retention_date", "soon", lambda s, ids, v: review.update_review(s, retention_date=v)),
    ("review", "retention_date", "٢٠٩٩-١٢-٣١", lambda s, ids, v: review.update_review(s, retention_date=v)),
    ("scale_answers", "value", 11, lambda s, ids, v: scale_answers.add_scale_answer(s, ids["interviews"], "Rated", v)),
    ("workshop_notes", "kind", "zzz", lambda s, ids, v: workshop.add_note(s, v, "text")),
]


@pytest.mark.parametrize(("table", "field", "value", "edit"), CASES, ids=[f"{c[0]}.{c[1]}={c[2]!r:.12}" for c in CASES])
def test_a_value_the_app_refuses_is_refused_in_a_bundle_too(
    store: Store, table: str, field: str, value: Any, edit: Edit
) -> None:
    ids = _records(store)
    with pytest.raises(UserError):
        edit(store, ids, value)
    assert rules.check(table, field, value) is not None  # the same table decides both

    content = transfer.content(store)  # everything this file would send, legal as it stands
    schema.validate(copy.deepcopy(content))
    records = content["tables"].setdefault(table, [])
    if not records:  # a kind of record this file has none of yet: borrow the shape of another
        records.append(_blank(table, content))
    records[0][field] = value
    with pytest.raises(BundleRefused) as caught:
        schema.validate(content)
    assert caught.value.reason in ("invalid", "over-limit", "malformed")
    assert f"{table}.{field}" in str(caught.value) or caught.value.reason == "malformed"


def _blank(table: str, content: dict[str, Any]) -> dict[str, Any]:
    record: dict[str, Any] = {"id": "blank", "author_id": "", "versions": {}, "updated": ""}
    for name, rule in rules.rules_of(table).items():
        record[name] = {"str": "", "int": 0, "float": 0.0, "bool": False}[rule.kind]
    for name, rule in rules.rules_of(table).items():
        if rule.choices:
            record[name] = rule.choices[0]
    return record


def test_the_services_enumerations_are_the_rules() -> None:
    assert quotes.QUOTE_KINDS == rules.QUOTE_KINDS
    assert guard.DECISIONS == rules.GUARD_DECISIONS and guard.KINDS == rules.GUARDED_NAME_KINDS
    assert (*rules.POSTIT_KINDS, rules.IDEA) == wall.ALL_KINDS
    assert review.ROLES == rules.ROLES and review.PLANNING_KEYS == rules.PLANNING_KEYS
    assert workshop_outcome.RESPONSES == rules.RESPONSES
    assert {*workshop_outcome.NOTE_KINDS, solution_ideas.KIND} == set(rules.WORKSHOP_NOTE_KINDS)


def test_every_shared_field_has_a_rule_and_every_rule_a_field() -> None:
    from peerdesk.store.models import SHARED_MODELS

    for table, declared in rules.FIELDS.items():
        assert table in SHARED_MODELS
        assert set(declared) <= set(rules.rules_of(table)), table
    assert all(rules.rules_of(t) for t in SHARED_MODELS)


def test_the_kept_texts_are_every_text_column_of_the_shared_models_but_the_rosters_and_conflicts() -> None:
    # Written out in the rules so that they load without SQLAlchemy; the models are the truth.
    from sqlalchemy import Text

    from peerdesk.store.models import SHARED_MODELS

    columns = {n: {c.name for c in m.__table__.columns if isinstance(c.type, Text)} for n, m in SHARED_MODELS.items()}  # type: ignore[attr-defined]
    expected = {n: names for n, names in columns.items() if names and n not in ("members", "conflicts")}
    assert {n: set(names) for n, names in rules.KEPT_TEXTS.items()} == expected


def test_every_shared_table_has_a_record_limit_and_together_they_fit_the_records_of_one_bundle() -> None:
    from peerdesk.store.models import SHARED_MODELS

    assert set(rules.MAX_RECORDS_OF) == set(SHARED_MODELS)
    assert sum(rules.MAX_RECORDS_OF.values()) <= rules.MAX_BUNDLE_RECORDS
    assert rules.max_records("postits") >= 10_000  # the wall is measured at 10,000 (tests/bench/bench_wall_open.py)


@pytest.mark.parametrize(
    ("value", "ok"),
    [("2026-12-04", True), ("2026-02-30", False), ("20261204", False), ("٢٠٢٦-١٢-٠٤", False), ("soon", False)],
)
def test_dates_are_iso_with_ascii_digits(value: str, ok: bool) -> None:
    assert rules.is_date(value) is ok


@pytest.mark.parametrize(("value", "ok"), [("09:45", True), ("23:59", True), ("24:00", False), ("9:45", False)])
def test_times_are_hh_mm(value: str, ok: bool) -> None:
    assert rules.is_time(value) is ok


def test_a_member_may_not_change_the_review_dates(tmp_path: Any) -> None:
    from tests.helpers.exchange import make_team

    crew = make_team(tmp_path, size=2)
    try:
        with pytest.raises(UserError, match="Only the lead"):
            review.update_review(crew.stores[1], retention_date="2099-01-01")
        review.update_review(crew.stores[1], aim="Hear from carers")  # other review fields stay open to all
        review.update_review(crew.stores[0], retention_date="2099-01-01")
    finally:
        crew.close()

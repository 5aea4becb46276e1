"""The identifiability guard: a quote from a stakeholder group that few people attended points at who said it.

The handbook's rule is that nothing said is attributable. A quote whose group had fewer attendees in all than the
review's threshold (default 3; a review setting, shared with the team like a planning answer) is *traceable*: the
quote tagger marks it, and the presentation treats it like a quote the confidentiality check flagged (someone must
decide keep or leave out). Groups whose attendance was never recorded (0) are not counted as small: the pre-flight
report names them instead.
"""

from __future__ import annotations

import json

from peerdesk.errors import UserError
from peerdesk.services.changes import Changes
from peerdesk.services.review import planning_id
from peerdesk.store import rules
from peerdesk.store.engine import Store

DEFAULT_THRESHOLD = 3
SETTING_KEY = rules.PLANNING_SETTINGS[0]  # a key planning_answers() never lists, so the planning form ignores it


def threshold(store: Store) -> int:
    return store.remembered("identifiability.threshold", lambda: _read_threshold(store))


def _read_threshold(store: Store) -> int:
    found = store.rows(
        "SELECT text FROM planning_answers WHERE id = ? AND NOT deleted", planning_id(store.review_id, SETTING_KEY)
    )
    text = found[0][0].strip() if found else ""
    # A value outside the rule (a colleague's file may carry anything) counts as not set.
    value = int(text) if text.isdigit() else None
    return value if value is not None and rules.check_setting(SETTING_KEY, value) is None else DEFAULT_THRESHOLD


def set_threshold(store: Store, value: int) -> Changes:
    from peerdesk.store.models import PlanningAnswer
    from peerdesk.store.uow import UnitOfWork

    if rules.check_setting(SETTING_KEY, value) is not None:
        low, high = rules.SETTINGS[SETTING_KEY].low, rules.SETTINGS[SETTING_KEY].high
        raise UserError(f"The smallest group a quote may come from must be between {low:g} and {high:g} people.")
    record_id = planning_id(store.review_id, SETTING_KEY)
    with UnitOfWork(store) as uow:
        row = uow.session.get(PlanningAnswer, record_id)
        if row is None:
            uow.add(PlanningAnswer, record_id, key=SETTING_KEY, text=str(value))
            changed = True
        else:
            changed = uow.update(row, text=str(value), deleted=False)
        uow.commit()
    return Changes.of("planning_answers", ids=[record_id]) if changed else Changes()


def group_attendance(store: Store) -> dict[str, int]:
    """Stakeholder group id → people who attended its interviews in all (0: not recorded)."""
    totals: dict[str, int] = {}
    for group_id, attendees in store.rows("SELECT group_id, attendees FROM interviews WHERE NOT deleted"):
        totals[group_id] = totals.get(group_id, 0) + max(0, attendees or 0)
    return totals


def traceable_quote_ids(store: Store, below: int | None = None) -> set[str]:
    """Ids of live quotes whose group's recorded attendance is under the threshold."""
    limit = threshold(store) if below is None else below
    small = {gid for gid, n in group_attendance(store).items() if 0 < n < limit}
    if not small:
        return set()
    found = store.rows(
        "SELECT id FROM quotes WHERE NOT deleted AND group_id IN (SELECT value FROM json_each(?))",
        json.dumps(sorted(small)),
    )
    return {quote_id for (quote_id,) in found}

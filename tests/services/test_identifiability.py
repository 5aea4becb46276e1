"""A quote from a group that few people attended points at who said it: it is traceable."""

from __future__ import annotations

import pytest

from peerdesk.errors import UserError
from peerdesk.services import identifiability, interviews, notes
from peerdesk.store.engine import Store
from tests.helpers.timetable import build_day


def test_the_threshold_defaults_to_three_and_is_a_review_setting(store: Store) -> None:
    assert identifiability.threshold(store) == identifiability.DEFAULT_THRESHOLD == 3
    assert identifiability.set_threshold(store, 5)
    assert identifiability.threshold(store) == 5
    assert not identifiability.set_threshold(store, 5)
    with pytest.raises(UserError, match="between 1 and 50"):
        identifiability.set_threshold(store, 0)


def test_quotes_from_a_group_under_the_threshold_are_traceable_and_unrecorded_attendance_is_not(
    store: Store,
) -> None:
    day = build_day(store)
    interview = day.interviews[0]
    quote_id = notes.add_typed_quote(store, interview, "Nobody told us about the change.")[0]
    interviews.update_interview(store, interview, attendees=0)
    assert identifiability.traceable_quote_ids(store) == set()  # 0: never recorded
    interviews.update_interview(store, interview, attendees=2)  # the only foster carers' interview
    assert identifiability.group_attendance(store)[day.groups["Foster carers"]] == 2
    assert identifiability.traceable_quote_ids(store) == {quote_id}
    assert identifiability.traceable_quote_ids(store, below=2) == set()
    identifiability.set_threshold(store, 2)
    assert identifiability.traceable_quote_ids(store) == set()

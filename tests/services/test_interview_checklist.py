"""The interview's opening and closing checklist (#20): its items, and each interview's ticks."""

from __future__ import annotations

import pytest

from peerdesk.errors import UserError
from peerdesk.services import interview_checklist
from peerdesk.store.engine import Store
from tests.helpers.timetable import build_day


def test_the_opening_and_closing_checklist(store: Store) -> None:
    opening = interview_checklist.part("opening")
    closing = interview_checklist.part("closing")
    assert [i.key for i in opening][:2] == ["introductions", "purpose"]
    assert any("not as inspectors" in i.text for i in opening)
    assert any("deleted after the follow-up" in i.text for i in opening)
    assert closing[0].key == "anything-else"
    day = build_day(store)
    interview = day.interviews[0]
    interview_checklist.set_done(store, interview, "purpose", True)
    interview_checklist.set_done(store, interview, "purpose", True)
    states = {s.item.key: s.done for s in interview_checklist.state(store, interview)}
    assert states["purpose"] and not states["introductions"]
    assert not any(s.done for s in interview_checklist.state(store, day.interviews[1]))
    interview_checklist.set_done(store, interview, "purpose", False)
    assert not any(s.done for s in interview_checklist.state(store, interview))
    with pytest.raises(UserError, match="not known"):
        interview_checklist.set_done(store, interview, "sing-a-song", True)

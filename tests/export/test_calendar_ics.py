"""The lead-in as an .ics file: valid RFC 5545 that reads back to the same steps and dates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from peerdesk.export import calendar_ics
from peerdesk.services import checklist
from peerdesk.store.engine import Store
from tests.helpers.ics import events, unfold

NOW = dt.datetime(2026, 1, 5, 9, 30, tzinfo=dt.UTC)


def test_each_step_to_do_is_an_all_day_event_with_a_reminder(store: Store) -> None:
    checklist.set_done(store, "self-assessment", True)
    steps = checklist.steps(store)
    text = calendar_ics.calendar(steps, store.review_id, NOW)
    found = events(text)
    to_do = [s for s in steps if not s.done]
    assert len(found) == len(to_do)
    first = found[0]
    assert first["SUMMARY"] == f"Peer challenge: {to_do[0].text}"
    assert first["DTSTART;VALUE=DATE"] == to_do[0].due.strftime("%Y%m%d")  # type: ignore[union-attr]
    assert first["DTEND;VALUE=DATE"] == (to_do[0].due + dt.timedelta(days=1)).strftime("%Y%m%d")  # type: ignore[operator]
    assert first["DESCRIPTION"] == f"Whose job: {to_do[0].owner}\nWhen: {to_do[0].when} the visit"
    assert first["DTSTAMP"] == "20260105T093000Z"
    assert len({e["UID"] for e in found}) == len(found)
    assert "TRIGGER:-P1D" in unfold(text)
    assert "Westfold" not in text  # the host authority stays out of people's calendars
    lines = unfold(text)
    assert lines[:2] == ["BEGIN:VCALENDAR", "VERSION:2.0"] and lines[-1] == "END:VCALENDAR"


def test_long_lines_fold_at_75_octets_without_splitting_a_character() -> None:
    line = "SUMMARY:" + "é" * 80 + "—" * 30
    folded = calendar_ics.fold(line)
    pieces = folded.split("\r\n")
    assert all(len(p.encode("utf-8")) <= 75 for p in pieces)
    assert all(p.startswith(" ") for p in pieces[1:])
    assert "".join(p[1:] if n else p for n, p in enumerate(pieces)) == line


def test_text_is_escaped() -> None:
    assert calendar_ics.escape_text("a;b,c\\d\ne") == "a\\;b\\,c\\\\d\\ne"


def test_write_counts_the_events(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "lead-in.ics"
    count = calendar_ics.write(checklist.steps(store), store.review_id, out)
    raw = out.read_bytes()
    assert count == len(events(raw.decode("utf-8"))) == len(checklist.steps(store))
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")

"""The lead-in checklist as an iCalendar file (RFC 5545), so reminders land in the reviewer's own calendar.

Written by hand because the format is small: a VCALENDAR with one all-day VEVENT per step that has a date and is
not done yet, each with a reminder the day before. Lines end in CRLF and are folded at 75 octets (never inside a
UTF-8 character); text values escape backslash, semicolon, comma and line breaks.

What leaves the app: the step, its owner role and its date, under a neutral "Peer challenge" label. The host
authority's name stays out, because a calendar is often synced to services outside the team's control.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from peerdesk import __version__
from peerdesk.files import write_private_text
from peerdesk.services.checklist import Step

LINE_OCTETS = 75
PRODID = f"-//peerdesk//peerdesk {__version__}//EN"


def escape_text(value: str) -> str:
    """A TEXT value (RFC 5545 §3.3.11)."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str) -> str:
    """Split a content line into pieces of at most 75 octets, each continuation starting with a space."""
    pieces: list[str] = []
    current, size = "", 0
    limit = LINE_OCTETS
    for char in line:
        octets = len(char.encode("utf-8"))
        if size + octets > limit:
            pieces.append(current)
            current, size = " ", 1  # the leading space counts towards the next line's 75
        current += char
        size += octets
    pieces.append(current)
    return "\r\n".join(pieces)


def _date(value: dt.date) -> str:
    return value.strftime("%Y%m%d")


def calendar(steps: Iterable[Step], review_id: str, now: dt.datetime | None = None) -> str:
    """The .ics text for the steps still to do that have a date."""
    stamp = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text('Peer challenge lead-in')}",
    ]
    for step in steps:
        if step.done or step.due is None:
            continue
        summary = f"Peer challenge: {step.text}"
        description = f"Whose job: {step.owner}\nWhen: {step.when} the visit"
        lines += [
            "BEGIN:VEVENT",
            f"UID:{step.key}.{review_id}@peerdesk",  # stable: re-importing updates the event instead of doubling it
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{_date(step.due)}",
            f"DTEND;VALUE=DATE:{_date(step.due + dt.timedelta(days=1))}",
            f"SUMMARY:{escape_text(summary)}",
            f"DESCRIPTION:{escape_text(description)}",
            "TRANSP:TRANSPARENT",
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            f"DESCRIPTION:{escape_text(summary)}",
            "TRIGGER:-P1D",
            "END:VALARM",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def write(steps: Iterable[Step], review_id: str, out: Path) -> int:
    """Write the calendar; returns how many events it holds."""
    text = calendar(steps, review_id)
    write_private_text(out, text)
    return text.count("BEGIN:VEVENT")

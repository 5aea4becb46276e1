"""What can be printed, by name: the one list the print dialog and ``peerdesk print`` both offer."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from peerdesk.errors import UserError
from peerdesk.export import print_day1, print_day2, print_followup, print_names
from peerdesk.export.print_base import Printable
from peerdesk.store.engine import Store


@dataclass(frozen=True)
class PrintOptions:
    timetable_view: str = "whole"  # whole, team or person (see print_day1.TIMETABLE_VIEWS)


@dataclass(frozen=True)
class Kind:
    name: str  # what ``peerdesk print`` takes
    label: str  # what the print dialog shows
    build: Callable[[Store, PrintOptions], Printable]


KINDS: tuple[Kind, ...] = (
    Kind("timetable", "Day 1 timetable", lambda s, o: print_day1.timetable_document(s, o.timetable_view)),
    Kind("interview-sheets", "Interview sheets (one per interview)", lambda s, o: print_day1.interview_sheets(s)),
    Kind("rtb-sheets", "Evening sheets: roses, thorns and buds", lambda s, o: print_day2.rtb_sheets(s)),
    Kind("insight-sheets", "Insight sheets (one per insight, with quotes)", lambda s, o: print_day2.insight_sheets(s)),
    Kind("workshop-sheets", "Workshop tables' sheets", lambda s, o: print_day2.workshop_sheets(s)),
    Kind("followup-sheet", "Follow-up: actions and progress", lambda s, o: print_followup.followup_sheet(s)),
)
NAMES = print_names.NAMES
assert tuple(k.name for k in KINDS) == NAMES, "export/print_names.py lists what can be printed"


def build(store: Store, what: str, options: PrintOptions | None = None) -> Printable:
    for kind in KINDS:
        if kind.name == what:
            return kind.build(store, options or PrintOptions())
    raise UserError(f"Unknown thing to print {what!r}: choose one of {', '.join(NAMES)}.")

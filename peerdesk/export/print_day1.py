"""Day 1 on paper: the timetable (whole, per team, per person) and one sheet per interview.

An interview sheet carries what the interviewer and the note taker need in the room: who, where, which approach,
the question plan to tick off (or the approach's question set when no plan was made), and ruled space for notes,
quotes and scale answers. It names the stakeholder group, never an interviewee.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from peerdesk.errors import UserError
from peerdesk.export.print_base import (
    Printable,
    column_share,
    e,
    facts,
    grid,
    heading,
    long_date,
    nowrap,
    ruled_lines,
    ticks,
)
from peerdesk.services import interview_checklist, questions, review, timetable
from peerdesk.services.timetable import InterviewInfo, SlotInfo, Timetable
from peerdesk.store.engine import Store

TIMETABLE_VIEWS = ("whole", "team", "person")
CONFIDENTIAL = (
    "Confidential to the peer challenge team. Write down the stakeholder group, never who said what; "
    "these notes are deleted after the follow-up visit."
)


def _long_date(iso: str, day: int) -> str:
    if not iso:
        return f"Day {day}"
    return f"Day {day}, {long_date(dt.date.fromisoformat(iso) + dt.timedelta(days=day - 1))}"


def _when(slot: SlotInfo | None, visit_start: str) -> str:
    if slot is None:
        return "Not scheduled yet"
    times = f"{slot.starts}–{slot.ends}" if slot.ends else slot.starts
    return f"{_long_date(visit_start, slot.day)}, {times}"


def _who(name: str) -> str:
    return e(name) if name else "<i>to be named</i>"


def _cell(interview: InterviewInfo) -> str:
    lines = [f"<b>{e(interview.group or 'Group to be chosen')}</b>", e(interview.approach_label)]
    lines.append(f"Asks: {_who(interview.interviewer)}")
    lines.append(f"Notes: {_who(interview.note_taker)}")
    if interview.attendees:
        lines.append(f"{interview.attendees} attending")
    return "<br>".join(lines)


def _times(slot: SlotInfo) -> str:
    return f"{slot.starts}–{slot.ends}" if slot.ends else slot.starts


def _slot_time(slot: SlotInfo | None) -> str:
    """The slot's time on one line (a time never breaks), under its day when that is not Day 1."""
    if slot is None:
        return "Not scheduled yet"
    return nowrap(e(_times(slot)) if slot.day == 1 else f"Day {slot.day}<br>{e(_times(slot))}")


def _time_share(table: Timetable, *, landscape: bool = False) -> float:
    """The time column's share of the page (per cent): as wide as its longest time or its header, and no wider."""
    times = [_times(slot) for slot in table.slots] + [f"Day {slot.day}" for slot in table.slots]
    return max(column_share(times, landscape=landscape), column_share(["Time"], bold=True, landscape=landscape))


def _widths(fixed: dict[int, float], weights: list[int]) -> list[float]:
    """Per cent: the columns numbered in ``fixed`` get their share, the others the rest of the page by ``weights``."""
    rest, total, flexible = 100 - sum(fixed.values()), sum(weights), iter(weights)
    count = len(fixed) + len(weights)
    return [fixed[n] if n in fixed else round(rest * next(flexible) / total, 1) for n in range(count)]


def timetable_document(store: Store, view: str = "whole") -> Printable:
    """The Day 1 timetable: one grid of slots × teams, a page per team, or a page per person."""
    if view not in TIMETABLE_VIEWS:
        raise UserError(f"Unknown timetable view {view!r}: choose {', '.join(TIMETABLE_VIEWS)}.")
    summary = review.summary(store)
    table = timetable.timetable(store)
    if not table.slots and not table.interviews:
        raise UserError("The timetable is empty: there is nothing to print yet.")
    subtitle = f"{summary.title} · {_long_date(summary.visit_start, 1)}"
    if view == "whole":
        landscape = not _fits_upright(table)
        page = _whole(table, subtitle, landscape)
        return Printable(f"Day 1 timetable — {summary.title}", (page,), landscape=landscape)
    if view == "team":
        pages = [_team_page(table, team.id, team.label, subtitle) for team in table.teams]
    else:
        pages = _person_pages(table, subtitle)
    if not pages:
        raise UserError("No interview has a team or a person yet: there is nothing to print for that view.")
    return Printable(f"Day 1 timetable — {summary.title}", tuple(pages))


def _fits_upright(table: Timetable) -> bool:
    """Whether the whole grid's team columns, upright on the paper, are wide enough for every word in them."""
    texts = [t.label for t in table.teams]
    texts += [f"{i.group} {i.approach_label} Asks: {i.interviewer} Notes: {i.note_taker}" for i in table.interviews]
    widest = column_share((word for text in texts for word in text.split()), bold=True)
    return (100 - _time_share(table)) / max(1, len(table.teams)) >= widest


def _whole(table: Timetable, subtitle: str, landscape: bool = False) -> str:
    rows = []
    for slot in table.slots:
        if slot.activity:  # one cell across every team
            span = f"colspan='{max(1, len(table.teams))}' align='center'"
            rows.append(f"<tr><td>{_slot_time(slot)}</td><td {span}>{_activity(slot)}</td></tr>")
            continue
        cells = [_slot_time(slot)]
        for team in table.teams:
            found = table.at(slot.id, team.id)
            cells.append(_cell(found) if found else "")
        rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    header = ["Time", *(team.label for team in table.teams)]
    widths = _widths({0: _time_share(table, landscape=landscape)}, [1] * len(table.teams))  # the teams share it equally
    head = "".join(f"<th width='{w}%'>{e(h)}</th>" for h, w in zip(header, widths, strict=True))
    body = f"<table class='grid' width='100%' cellspacing='0'><thead><tr>{head}</tr></thead>{''.join(rows)}</table>"
    return heading("Day 1 timetable", subtitle) + body


def _activity(slot: SlotInfo) -> str:
    return f"<b><i>{e(slot.activity)}</i></b> (everyone)"


def _shared_rows(table: Timetable) -> list[tuple[SlotInfo, str]]:
    return [(slot, _activity(slot)) for slot in table.slots if slot.activity]


def _in_time_order(table: Timetable, rows: list[tuple[SlotInfo | None, list[str]]]) -> list[list[str]]:
    """Interview rows and the rows for everyone, merged in the order of the slots."""
    rank = {slot.id: n for n, slot in enumerate(table.slots)}
    return [cells for _, cells in sorted(rows, key=lambda r: rank.get(r[0].id, 1 << 30) if r[0] else 1 << 30)]


def _team_page(table: Timetable, team_id: str, label: str, subtitle: str) -> str:
    found: list[tuple[SlotInfo | None, list[str]]] = [
        (
            i.slot,
            [
                _slot_time(i.slot),
                f"<b>{e(i.group)}</b>",
                e(i.approach_label),
                _who(i.interviewer),
                _who(i.note_taker),
                str(i.attendees or ""),
            ],
        )
        for i in table.interviews
        if i.team_id == team_id
    ]
    found += [(slot, [_slot_time(slot), text]) for slot, text in _shared_rows(table)]  # across the row
    rows = _in_time_order(table, found)
    header = ["Time", "Stakeholder group", "Approach", "Asks", "Takes notes", "Attending"]
    widths = _widths({0: _time_share(table), 5: column_share(["Attending"], bold=True)}, [28, 24, 19, 19])
    body = grid(header, rows, widths) if rows else "<p>No interviews for this team yet.</p>"
    return heading(f"Timetable for {label}", subtitle) + body


def _person_pages(table: Timetable, subtitle: str) -> list[str]:
    people: dict[str, list[tuple[InterviewInfo, str]]] = {}
    for i in table.interviews:
        if i.interviewer:
            people.setdefault(i.interviewer, []).append((i, "asks"))
        if i.note_taker:
            people.setdefault(i.note_taker, []).append((i, "takes notes"))
    pages = []
    for name in sorted(people, key=str.lower):
        found: list[tuple[SlotInfo | None, list[str]]] = [
            (
                i.slot,
                [
                    _slot_time(i.slot),
                    e(i.team.label if i.team else "—"),
                    f"<b>{e(i.group)}</b>",
                    e(i.approach_label),
                    e(role),
                ],
            )
            for i, role in people[name]
        ]
        found += [(slot, [_slot_time(slot), text]) for slot, text in _shared_rows(table)]  # across the row
        rows = _in_time_order(table, found)
        header = ["Time", "Team and room", "Stakeholder group", "Approach", "Your part"]
        part = column_share(["takes notes", "Your part"], bold=True)
        widths = _widths({0: _time_share(table), 4: part}, [30, 30, 22])
        pages.append(heading(f"Day 1 for {name}", subtitle) + grid(header, rows, widths))
    return pages


# --- interview sheets ------------------------------------------------------------------------------------------


def interview_sheets(store: Store, interview_ids: Sequence[str] = ()) -> Printable:
    """One sheet per interview (all of them, in timetable order, or only ``interview_ids``)."""
    summary = review.summary(store)
    table = timetable.timetable(store)
    chosen = [i for i in table.interviews if not interview_ids or i.id in interview_ids]
    if not chosen:
        raise UserError("There are no interviews to print yet.")
    bank = questions.bank(store)
    pages = [_interview_page(store, i, bank, summary.visit_start) for i in chosen]
    # Each sheet goes to its own room, and a long question plan runs to three pages: on paper printed on both
    # sides, the next interview's sheet would be on the back of its last page.
    return Printable(f"Interview sheets — {summary.title}", tuple(pages), separate_sheets=True)


def _interview_page(
    store: Store, i: InterviewInfo, bank: dict[str, list[questions.BankQuestion]], visit_start: str
) -> str:
    where = i.team.label if i.team else "No team yet"
    parts = [heading(f"Interview: {i.group or 'group to be chosen'}", f"{_when(i.slot, visit_start)} · {where}")]
    rows = [
        ("Approach", e(i.approach_label)),
        ("Interviewer", _who(i.interviewer)),
        ("Note taker", _who(i.note_taker)),
        ("Expected", f"{i.attendees} attending" if i.attendees else "—"),
    ]
    if i.title:
        rows.insert(0, ("About", e(i.title)))
    parts.append(facts(rows))
    parts.append(_checks("opening"))
    plan = questions.plan(store, i.id)
    if plan:
        parts.append("<h2>Question plan</h2>")
        parts.append(ticks((q.text for q in plan), numbered=True))
    else:
        parts.append(f"<h2>Questions ({e(i.approach_label)}; no plan made yet)</h2>")
        found = bank.get(i.approach, [])
        for audience, label in questions.AUDIENCES.items():
            version = [q.text for q in found if q.audience == audience]
            if version:
                parts.append(f"<p><b>For {e(label.lower())}</b></p>" + ticks(version, numbered=True))
        if questions.key_questions(store):
            parts.append("<p><b>The review's key questions</b></p>" + ticks(questions.key_questions(store)))
        if not found:
            parts.append("<p>No questions in this set.</p>")
    parts.append("<h2>Notes</h2>" + ruled_lines(18))
    parts.append("<h2>Quotes, word for word</h2>" + ruled_lines(6))
    blank = ["&nbsp;<br>&nbsp;", "", ""]  # two lines high: room to write the reason
    parts.append(
        "<h2>Scale answers</h2>" + grid(["0–10", "What was rated", "The reason given"], [blank] * 3, [10, 40, 50])
    )
    parts.append(_checks("closing"))
    parts.append(f"<p class='small'>{e(CONFIDENTIAL)}</p>")
    return "".join(parts)


def _checks(part: str) -> str:
    """The opening or closing checklist, to tick by hand."""
    title = interview_checklist.PART_TITLES[part]
    return f"<h2>{e(title)}</h2>" + ticks(item.text for item in interview_checklist.part(part))

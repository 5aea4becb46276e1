"""The follow-up visit on paper: the meeting's record, then each workshop action beside how it has gone."""

from __future__ import annotations

import datetime as dt

from peerdesk.errors import UserError
from peerdesk.export.print_base import Printable, e, facts, grid, heading, long_date
from peerdesk.services import action_progress, followup, review
from peerdesk.store.engine import Store


def followup_sheet(store: Store) -> Printable:
    title = review.summary(store).title
    record = followup.get(store)
    rows = action_progress.rows(store)
    written = [(label, getattr(record, field)) for field, label, _ in followup.FIELDS if getattr(record, field)]
    if not rows and not written:
        raise UserError("Nothing to print yet: the workshop recorded no actions and the follow-up is not written.")
    when = long_date(dt.date.fromisoformat(record.meeting_date)) if record.meeting_date else "a date to be set"
    parts = [heading("Follow-up visit", f"{title} · meeting on {when}")]
    if written:
        parts.append(facts((label, e(text)) for label, text in written))
    parts.append("<h2>The workshop's actions, and how they have gone</h2>")
    if rows:
        cells = [
            [
                e(r.table),
                e(r.goal),
                str(r.rank),
                e(r.action),
                e(r.owner) or "—",
                f"<b>{e(r.status_label)}</b>",
                e(r.evidence),
                e(r.note),
            ]
            for r in rows
        ]
        header = ["Table", "Goal", "#", "Action agreed", "Owner", "Progress", "Evidence seen", "Note"]
        parts.append(grid(header, cells, [8, 12, 3, 19, 10, 13, 18, 17]))
    else:
        parts.append("<p>The workshop recorded no actions.</p>")
    # Across the paper: upright, eight columns of 2 cm wrapped every cell over four or five lines.
    return Printable(f"Follow-up — {title}", ("".join(parts),), landscape=True)

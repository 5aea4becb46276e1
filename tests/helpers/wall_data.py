"""Small, realistic wall and quote data written through the services (fictional; our own words)."""

from __future__ import annotations

from dataclasses import dataclass, field

from peerdesk.services import wall
from peerdesk.store.engine import Store
from peerdesk.store.models import Interview, Note, Quote, StakeholderGroup
from peerdesk.store.uow import UnitOfWork

QUOTES = (
    ("Social workers", "rose", "My manager always finds time when I need to talk a case through."),
    ("Social workers", "thorn", "We hear about new policies from the newsletter before our own team meeting."),
    ("Foster carers", "thorn", "I rang four times about the respite request and nobody rang back."),
    ("Foster carers", "bud", "If we could meet the child's social worker before placement, it would help."),
    ("Young people", "rose", "My worker remembered my birthday and it meant a lot."),
    ("Partners", "bud", "A shared front door with health would stop families telling their story twice."),
)

POSTITS = (
    ("rose", "Managers are visible and easy to reach"),
    ("rose", "Young people feel listened to by their workers"),
    ("thorn", "Carers struggle to get calls returned"),
    ("thorn", "Policy changes are not explained to staff first"),
    ("bud", "Joint front door with health"),
    ("bud", "Introductions before a placement starts"),
)


@dataclass
class Seeded:
    groups: dict[str, str] = field(default_factory=dict)
    interviews: dict[str, str] = field(default_factory=dict)
    quotes: list[str] = field(default_factory=list)
    postits: list[str] = field(default_factory=list)


def seed_quotes(store: Store) -> Seeded:
    out = Seeded()
    with UnitOfWork(store) as uow:
        for group, kind, text in QUOTES:
            if group not in out.groups:
                out.groups[group] = uow.add(StakeholderGroup, name=group, position=float(len(out.groups))).id
                interview = uow.add(Interview, group_id=out.groups[group], title=f"{group} (session {len(out.groups)})")
                out.interviews[group] = interview.id
                note = uow.add(Note, interview_id=interview.id, body="")
            out.quotes.append(
                uow.add(
                    Quote,
                    interview_id=out.interviews[group],
                    group_id=out.groups[group],
                    note_id=note.id,
                    text=text,
                    kind=kind,
                ).id
            )
        uow.commit()
    return out


def seed_postits(store: Store, *, positioned: bool = True) -> list[str]:
    ids = []
    for i, (kind, text) in enumerate(POSTITS):
        if positioned:
            edit = wall.add_postit(store, kind, text, x=100.0 + 200 * i, y=100.0, placed=True)
        else:
            edit = wall.add_postit(store, kind, text)
        ids.append(edit.created_id)
    return ids


def seed_many(store: Store, count: int, *, columns: int = 40) -> list[str]:
    """``count`` post-its on a grid, written in one transaction (for the benchmark and the big-wall tests)."""
    from peerdesk.store.models import PostIt

    ids = []
    with UnitOfWork(store) as uow:
        for i in range(count):
            row, col = divmod(i, columns)
            kind = wall.KINDS[i % 3]
            ids.append(
                uow.add(
                    PostIt,
                    kind=kind,
                    text=f"Post-it number {i}: something the team heard on Day 1",
                    x=col * (wall.POSTIT_W + wall.GAP) + 10,
                    y=row * (wall.POSTIT_H + wall.GAP) + 10,
                    position=float(i),
                    placed=True,
                ).id
            )
        uow.commit()
    return ids

"""A small, fictional Day 2 morning written through the unit of work: groups, interviews, quotes, post-its,
themes and insights. Invented for tests; every sentence is ours."""

from __future__ import annotations

from dataclasses import dataclass, field

from peerdesk.services.insights import link_id
from peerdesk.services.review import update_review
from peerdesk.store.engine import Store
from peerdesk.store.models import (
    Insight,
    InsightQuote,
    InsightTheme,
    Interview,
    PostIt,
    Quote,
    StakeholderGroup,
    Theme,
    WorkshopNote,
)
from peerdesk.store.uow import UnitOfWork

GROUPS = ("Foster carers", "Social workers", "Team managers", "Partner agencies", "Young people")
APPROACHES = ("appreciative", "ethnographic", "solution-focused", "transformational")  # the stored keys

QUOTES = {
    "workload": [
        ("I spend more evenings on the case system than I do with my own kids.", "Social workers", "thorn"),
        ("We lost three colleagues in a year and nobody asked why.", "Social workers", "thorn"),
        ("When cover is arranged properly, the whole team breathes out.", "Team managers", "rose"),
    ],
    "voice": [
        ("They listened to us about the bedroom rules and actually changed them.", "Young people", "rose"),
        ("The council asks what we think, then the decision turns up already made.", "Foster carers", "thorn"),
    ],
    "partners": [
        ("Health and the council meet every month now, and it shows.", "Partner agencies", "rose"),
        ("I still don't know who to ring when a placement wobbles at night.", "Partner agencies", "thorn"),
        ("A shared plan for the first week in care would change everything.", "Partner agencies", "bud"),
    ],
    "leaders": [
        ("The director came to our team meeting and stayed for the difficult bit.", "Team managers", "rose"),
        ("Senior managers are visible, but decisions still feel a long way off.", "Team managers", "thorn"),
    ],
}
THEMES = {
    "workload": "Workload and staying power",
    "voice": "Children's and carers' voice",
    "partners": "Working with partners",
    "leaders": "Visible leadership",
}


@dataclass
class Day2:
    groups: dict[str, str] = field(default_factory=dict)
    themes: dict[str, str] = field(default_factory=dict)  # key -> theme id
    quotes: dict[str, list[str]] = field(default_factory=dict)  # theme key -> quote ids
    postits: dict[str, list[str]] = field(default_factory=dict)
    insights: list[str] = field(default_factory=list)


def seed(store: Store, *, insights: bool = True) -> Day2:
    out = Day2()
    update_review(
        store,
        aim="Understand how well leaders help front-line staff keep children in care safe, settled and heard.",
        key_question_1="How well do we hear the voice of children in care when we make decisions?",
        key_question_2="What helps our social workers stay, and what pushes them out?",
        key_question_3="How joined-up are we with health and schools for children coming into care?",
        visit_end="2026-03-11",
    )
    with UnitOfWork(store) as uow:
        for n, name in enumerate(GROUPS):
            out.groups[name] = uow.add(StakeholderGroup, name=name, position=float(n)).id
        interviews: dict[str, str] = {}
        for n, name in enumerate(GROUPS):
            for k in range(2 if n < 2 else 1):
                interviews[f"{name}{k}"] = uow.add(
                    Interview,
                    group_id=out.groups[name],
                    approach=APPROACHES[(n + k) % len(APPROACHES)],
                    attendees=4 + n + k,
                    title=f"{name} {k + 1}",
                ).id
        for key, heading in THEMES.items():
            theme = uow.add(Theme, heading=heading, x=100.0 * len(out.themes), y=0.0)
            out.themes[key] = theme.id
            out.quotes[key], out.postits[key] = [], []
            for n, (text, group, kind) in enumerate(QUOTES[key]):
                quote = uow.add(
                    Quote,
                    interview_id=interviews[f"{group}0"],
                    group_id=out.groups[group],
                    text=text,
                    kind=kind,
                    starred=n == 0,
                )
                out.quotes[key].append(quote.id)
                postit = uow.add(PostIt, kind=kind, text=text[:40], quote_id=quote.id, theme_id=theme.id)
                out.postits[key].append(postit.id)
            out.postits[key].append(
                uow.add(PostIt, kind="bud", text=f"Idea about {heading.lower()}", theme_id=theme.id, position=9.0).id
            )
        uow.add(PostIt, kind="rose", text="Warm welcome at reception")  # on no theme
        uow.add(WorkshopNote, kind="next_step", text="Director to bring the workload ideas to the March board.")
        if insights:
            statements = {
                "workload": "Staff carry the service on goodwill, and the goodwill is wearing thin.",
                "voice": "Young people are heard in some decisions and not in others, depending on who is asking.",
                "partners": "Partnership works at the top table but not yet at the front line.",
            }
            for n, (key, statement) in enumerate(statements.items()):
                insight = uow.add(
                    Insight,
                    statement=statement,
                    description=f"What we heard about {THEMES[key].lower()}, in a sentence or two.",
                    meaning="It means the service relies on individuals.",
                    position=float(n),
                )
                out.insights.append(insight.id)
                uow.add(
                    InsightTheme,
                    link_id(insight.id, out.themes[key], "theme"),
                    insight_id=insight.id,
                    theme_id=out.themes[key],
                )
                if key != "partners":  # one insight still lacks a quote
                    qid = out.quotes[key][0]
                    uow.add(InsightQuote, link_id(insight.id, qid, "quote"), insight_id=insight.id, quote_id=qid)
        uow.commit()
    return out

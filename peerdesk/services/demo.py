"""The demo review: a realistic, entirely fictional peer challenge, stopped on Day 2 morning.

The review is caught at the point the team is turning themes into insights: planning done, fifteen interviews
noted with their quotes, the evening's roses, thorns and buds on the wall and mostly grouped into themes, four
insights partly answered. No workshop yet, no follow-up.

The content is data (``resources/demo/``, read by ``demo_content``); ``write_demo`` builds it in one unit of work
and lays the Day 2 wall out. Record ids are derived from the review id (``uuid5``), so a demo file is the same every
time apart from its ids, keys and clock stamps: screenshots stay stable. ``scale`` > 1 adds copies of the
interviews, notes, quotes and post-its for benchmarks.
"""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path
from typing import Any

from peerdesk.exchange.identity import KeyPair, b64
from peerdesk.services import checklist, review
from peerdesk.services.demo_content import Card, Content, InterviewSpec, content, render_note
from peerdesk.services.insights import link_id
from peerdesk.store import sqlcipher
from peerdesk.store.engine import Store
from peerdesk.store.models import (
    CandidateArea,
    Document,
    GuardedName,
    Insight,
    InsightQuote,
    InsightTheme,
    Interview,
    InterviewQuestion,
    Member,
    Note,
    PlanningAnswer,
    PostIt,
    Quote,
    QuoteTag,
    Review,
    ScaleAnswer,
    Shared,
    Slot,
    StakeholderGroup,
    Tag,
    Team,
    Theme,
)
from peerdesk.store.uow import UnitOfWork

DEFAULT_PASSPHRASE = "demo-passphrase-2026"

# --- layout of the Day 2 wall -------------------------------------------------------------------------------------

POSTIT_W, POSTIT_H, GAP = 160.0, 100.0, 20.0
THEME_PAD, THEME_HEADING = 20.0, 40.0
THEME_COLUMNS, CARDS_PER_ROW_IN_THEME = 4, 2
THEME_W = THEME_PAD * 2 + CARDS_PER_ROW_IN_THEME * POSTIT_W + (CARDS_PER_ROW_IN_THEME - 1) * GAP
THEME_SPACING = 60.0
PARKING_COLUMNS = 10
Box = tuple[float, float, float, float]  # x, y, width, height


def _theme_height(cards: int) -> float:
    rows = max(1, -(-cards // CARDS_PER_ROW_IN_THEME))
    return THEME_HEADING + rows * POSTIT_H + (rows - 1) * GAP + THEME_PAD * 2


# --- building --------------------------------------------------------------------------------------------------


def write_demo(path: Path, passphrase: str, *, scale: int = 1, day_1: dt.date | None = None) -> Store:
    """Create the demo review at ``path`` (which must not exist) and return it open.

    The demo is a team on Day 2 morning: by default Day 1 was yesterday, so the retention countdown, bundle
    expiry and "my next interview" behave as they would during a real visit, whenever the demo is made.

    ``scale`` > 1 adds ``scale - 1`` copies of every interview (with its note and quotes) and of every post-it,
    for benchmarks; everything is written in one transaction.
    """
    if scale < 1:
        raise ValueError("scale must be at least 1")
    day_1 = day_1 or dt.date.today() - dt.timedelta(days=1)
    path, data = Path(path), content()
    store = review.create_review(
        path,
        passphrase,
        review.Essentials(
            authority=data.authority,
            focus=data.focus,
            me_name=data.lead_name,
            me_role="lead",
            visit_start=day_1,
            visit_end=day_1 + dt.timedelta(days=1),
        ),
    )
    try:
        with UnitOfWork(store) as uow:
            _Builder(uow, data, store.review_id, scale, day_1 - data.written_for_day_1).build()
            checklist.record_done_before(uow, store.review_id, day_1)  # the lead-in went to plan
            uow.commit()
    except BaseException:
        store.close()
        sqlcipher.remove_with_sidecars(path)
        raise
    return store


class _Builder:
    """Writes the demo's content through one unit of work, remembering the ids it gave each key."""

    def __init__(self, uow: UnitOfWork, data: Content, review_id: str, scale: int, shift: dt.timedelta) -> None:
        self.uow = uow
        self.data = data
        self.shift = shift  # from the dates the content was written against to the demo's own
        self.review_id = review_id
        self.namespace = uuid.UUID(review_id)
        self.scale = scale
        self.members: dict[str, str] = {}
        self.groups: dict[str, str] = {}
        self.teams: dict[str, str] = {}
        self.slots: list[str] = []
        self.tags: dict[str, str] = {}
        self.themes: dict[str, str] = {}
        self.quotes: dict[str, tuple[str, str]] = {}  # ref -> (quote id, note id)

    def id(self, *parts: object) -> str:
        """A stable id for this review: the same content always gets the same id in the same file."""
        return str(uuid.uuid5(self.namespace, "demo:" + ":".join(str(p) for p in parts)))

    def add(self, model: type[Shared], *key: object, author: str = "", **fields: Any) -> str:
        row = self.uow.add(model, self.id(model.__tablename__, *key), **fields)  # type: ignore[attr-defined]
        if author:
            row.author_id = self.members[author]
        return row.id

    def build(self) -> None:
        self.review_and_planning()
        self.team()
        self.timetable()
        for copy in range(self.scale):
            for spec in self.data.interviews:
                self.interview(spec, copy)
        self.wall()
        self.insights()

    # --- planning -------------------------------------------------------------------------------------------------
    def review_and_planning(self) -> None:
        data = self.data
        self.uow.update(self.uow.get(Review, self.review_id), **data.review)
        for key in review.PLANNING_KEYS:
            self.uow.add(PlanningAnswer, review.planning_id(self.review_id, key), key=key, text=data.planning[key])
        for n, area in enumerate(data.candidate_areas, start=1):
            self.add(CandidateArea, n, **area, position=float(n))
        for n, document in enumerate(data.documents, start=1):
            when = (dt.date.fromisoformat(document["received"]) + self.shift).isoformat()
            self.add(Document, n, **{**document, "received": when})

    def team(self) -> None:
        lead_key, _, _ = self.data.members[0]
        self.members[lead_key] = self.uow.member_id
        for key, name, role in self.data.members[1:]:
            keys = KeyPair.generate()  # public halves only: their private keys live in their own files
            self.members[key] = self.add(
                Member,
                key,
                name=name,
                role=role,
                initials=review.initials(name),
                signing_key=b64(keys.signing_public),
                kem_key=b64(keys.kem_public),
            )
        for name, kind in self.data.guarded_names:
            self.add(GuardedName, name, name=name, kind=kind)

    def timetable(self) -> None:
        for n, (key, name) in enumerate(self.data.groups, start=1):
            self.groups[key] = self.add(StakeholderGroup, key, name=name, position=float(n))
        for n, (key, name, room) in enumerate(self.data.teams, start=1):
            self.teams[key] = self.add(Team, key, name=name, room=room, position=float(n))
        for n, (starts, ends) in enumerate(self.data.slots):
            self.slots.append(self.add(Slot, n, day=1, starts=starts, ends=ends))
        for key, name in self.data.tags.items():
            self.tags[key] = self.add(Tag, key, name=name)

    # --- Day 1 ----------------------------------------------------------------------------------------------------
    def interview(self, spec: InterviewSpec, copy: int) -> None:
        suffix = f" (copy {copy + 1})" if copy else ""
        interview_id = self.add(
            Interview,
            spec.key,
            copy,
            slot_id=self.slots[spec.slot],
            team_id=self.teams[spec.team],
            group_id=self.groups[spec.group],
            approach=spec.approach,
            interviewer_id=self.members[spec.interviewer],
            note_taker_id=self.members[spec.note_taker],
            attendees=spec.attendees,
            title=spec.title + suffix,
        )
        body, anchors = render_note(spec.note)
        if copy:
            body += f"\n[Copy {copy + 1} of this interview, for load testing.]"
        note_id = self.add(Note, spec.key, copy, author=spec.note_taker, interview_id=interview_id, body=body)
        for n, (quote, start, end) in enumerate(anchors):
            quote_id = self.add(
                Quote,
                spec.key,
                copy,
                n,
                author=spec.note_taker,
                interview_id=interview_id,
                group_id=self.groups[spec.group],
                note_id=note_id,
                text=quote.text,
                anchor_start=start,
                anchor_end=end,
                kind=quote.kind,
                starred=quote.star,
            )
            for tag in quote.tags:
                tag_id = self.tags[tag]
                link_id = str(uuid.uuid5(uuid.UUID(quote_id), tag_id))  # the same on every member's file
                row = self.uow.add(QuoteTag, link_id, quote_id=quote_id, tag_id=tag_id)
                row.author_id = self.members[spec.note_taker]
            if copy == 0 and quote.ref:
                self.quotes[quote.ref] = (quote_id, note_id)
        if copy:
            return
        for n, answer in enumerate(spec.scales):
            self.add(ScaleAnswer, spec.key, n, author=spec.note_taker, interview_id=interview_id, **answer)
        for n, asked in enumerate(spec.questions, start=1):
            self.add(
                InterviewQuestion,
                spec.key,
                n,
                author=spec.interviewer,
                interview_id=interview_id,
                position=float(n),
                **asked,
            )

    # --- the wall -------------------------------------------------------------------------------------------------
    def wall(self) -> None:
        postits = self.data.postits
        boxes = theme_boxes(self.data.themes, postits)
        for key, heading in self.data.themes:
            x, y, w, h = boxes[key]
            self.themes[key] = self.add(Theme, key, heading=heading, x=x, y=y, width=w, height=h)
        places = postit_places(boxes, postits)
        parked = sum(1 for card in postits if not card.theme)
        column: dict[str, int] = {}
        for copy in range(self.scale):
            for n, card in enumerate(postits):
                column[card.kind] = column.get(card.kind, 0) + 1
                quote_id, note_id = self.quotes.get(card.quote, ("", ""))
                if copy == 0:
                    x, y = places[n]
                    text, theme_id = card.text, self.themes[card.theme] if card.theme else ""
                else:  # copies are unsorted: they go to the parking area below the themes
                    x, y = parking_place(boxes, parked + (copy - 1) * len(postits) + n)
                    text, theme_id = f"{card.text} ({copy + 1})", ""
                self.add(
                    PostIt,
                    n,
                    copy,
                    author=card.author,
                    kind=card.kind,
                    text=text,
                    quote_id=quote_id,
                    note_id=note_id,
                    theme_id=theme_id,
                    x=x,
                    y=y,
                    position=float(column[card.kind]),
                    placed=True,
                )

    def insights(self) -> None:
        for n, spec in enumerate(self.data.insights, start=1):
            fields = {name: value for name, value in spec.items() if name not in ("themes", "quotes")}
            insight_id = self.add(Insight, n, **fields, position=float(n))
            # The links get the ids a member's own linking gives them (``insights.link_id``): the same pair linked
            # again, here or on a colleague's copy of the demo, is the same record.
            for theme in spec["themes"]:
                theme_id = self.themes[theme]
                self.uow.add(
                    InsightTheme, link_id(insight_id, theme_id, "theme"), insight_id=insight_id, theme_id=theme_id
                )
            for m, ref in enumerate(spec["quotes"], start=1):
                quote_id = self.quotes[ref][0]
                self.uow.add(
                    InsightQuote,
                    link_id(insight_id, quote_id, "quote"),
                    insight_id=insight_id,
                    quote_id=quote_id,
                    position=float(m),
                )


def theme_boxes(themes: tuple[tuple[str, str], ...], postits: tuple[Card, ...]) -> dict[str, Box]:
    """Each theme's (x, y, width, height): four boxes to a row, each row as tall as its fullest theme."""
    counts = {key: sum(1 for card in postits if card.theme == key) for key, _ in themes}
    boxes: dict[str, Box] = {}
    y = 0.0
    for row_start in range(0, len(themes), THEME_COLUMNS):
        row = themes[row_start : row_start + THEME_COLUMNS]
        height = max(_theme_height(counts[key]) for key, _ in row)
        for col, (key, _) in enumerate(row):
            boxes[key] = (col * (THEME_W + THEME_SPACING), y, THEME_W, height)
        y += height + THEME_SPACING
    return boxes


def postit_places(boxes: dict[str, Box], postits: tuple[Card, ...]) -> list[tuple[float, float]]:
    """Where each of ``postits`` sits on the Day 2 wall: inside its theme's box, or parked below."""
    filled: dict[str, int] = {}
    parked = 0
    places: list[tuple[float, float]] = []
    for card in postits:
        if card.theme:
            n = filled.get(card.theme, 0)
            filled[card.theme] = n + 1
            x, y, _, _ = boxes[card.theme]
            row, col = divmod(n, CARDS_PER_ROW_IN_THEME)
            places.append(
                (x + THEME_PAD + col * (POSTIT_W + GAP), y + THEME_HEADING + THEME_PAD + row * (POSTIT_H + GAP))
            )
        else:
            places.append(parking_place(boxes, parked))
            parked += 1
    return places


def parking_place(boxes: dict[str, Box], n: int) -> tuple[float, float]:
    """The n-th place in the area below the themes where post-its not yet sorted wait."""
    top = max(y + h for _, y, _, h in boxes.values()) + THEME_SPACING
    row, col = divmod(n, PARKING_COLUMNS)
    return col * (POSTIT_W + GAP), top + row * (POSTIT_H + GAP)

"""The demo review: real encrypted files in tmp_path, reopened with the documented passphrase."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import TypeVar

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from peerdesk.errors import UserError
from peerdesk.services import demo, review
from peerdesk.services.demo_content import content
from peerdesk.store.engine import Store
from peerdesk.store.models import (
    CandidateArea,
    Identity,
    Insight,
    InsightQuote,
    InsightTheme,
    Interview,
    InterviewQuestion,
    Member,
    Note,
    PostIt,
    Quote,
    QuoteTag,
    Shared,
    Theme,
)


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "eastmere.peerdesk"
    demo.write_demo(path, demo.DEFAULT_PASSPHRASE).close()
    return path


@pytest.fixture(scope="module")
def store(demo_path: Path) -> Iterator[Store]:
    with Store.open(demo_path, demo.DEFAULT_PASSPHRASE) as opened:
        yield opened


@pytest.fixture
def session(store: Store) -> Iterator[Session]:
    with store.session() as s:
        yield s


S = TypeVar("S", bound=Shared)


def rows(s: Session, model: type[S]) -> list[S]:
    return list(s.scalars(select(model).where(model.deleted.is_(False))))


def test_counts(store: Store) -> None:
    facts = review.info(store)
    assert facts["authority"] == content().authority
    yesterday = dt.date.today() - dt.timedelta(days=1)
    assert (facts["visit_start"], facts["visit_end"]) == (yesterday.isoformat(), dt.date.today().isoformat())
    assert 13 <= facts["interviews"] <= 17
    assert facts["notes"] == facts["interviews"]
    assert facts["quotes"] >= 40
    assert 55 <= facts["postits"] <= 70
    assert facts["themes"] >= 5
    assert facts["insights"] == 4


def test_review_and_planning_filled_in(store: Store, session: Session) -> None:
    summary = review.summary(store)
    assert summary.aim and all(summary.key_questions) and summary.lead_officers and summary.co_produced
    assert all(review.planning_answers(store).values())
    areas = rows(session, CandidateArea)
    assert len(areas) >= 2 and sum(a.chosen for a in areas) == 1


def test_members_are_public_keys_only(store: Store, session: Session) -> None:
    members = rows(session, Member)
    roles = Counter(m.role for m in members)
    assert roles["lead"] == 1 and roles["observer"] == 1 and roles["host-officer"] == 1 and roles["reviewer"] >= 3
    assert all(m.signing_key and m.kem_key for m in members)
    identities = list(session.scalars(select(Identity)))
    assert [i.member_id for i in identities] == [store.member_id]
    assert review.me(store).name == content().lead_name


def test_interviews_use_members_and_known_approaches(session: Session) -> None:
    member_ids = {m.id for m in rows(session, Member)}
    for interview in rows(session, Interview):
        assert interview.approach in {"transformational", "ethnographic", "appreciative", "solution-focused"}
        assert {interview.interviewer_id, interview.note_taker_id} <= member_ids
        assert interview.interviewer_id != interview.note_taker_id
        assert 3 <= interview.attendees <= 10
    questions = rows(session, InterviewQuestion)
    assert any(q.closing for q in questions)


def test_every_quote_is_anchored_in_its_note(session: Session) -> None:
    notes = {n.id: n for n in rows(session, Note)}
    interviews = {i.id: i for i in rows(session, Interview)}
    for quote in rows(session, Quote):
        note = notes[quote.note_id]
        assert 15 <= note.body.count("\n") + 1 <= 40
        assert note.body[quote.anchor_start : quote.anchor_end] == quote.text
        assert quote.interview_id == note.interview_id
        assert quote.group_id == interviews[quote.interview_id].group_id


def test_no_quote_names_a_team_member(session: Session) -> None:
    names = [m.name for m in rows(session, Member)]
    parts = {part for name in names for part in re.split(r"[\s-]+", name)}
    for quote in rows(session, Quote):
        text = quote.text
        assert not any(name in text for name in names), text
        assert not any(re.search(rf"\b{re.escape(part)}\b", text) for part in parts), text
        assert not any(guarded in text for guarded, _ in content().guarded_names), text


def test_quote_tags_converge_by_id(session: Session) -> None:
    links = rows(session, QuoteTag)
    assert links
    assert all(link.id == str(uuid.uuid5(uuid.UUID(link.quote_id), link.tag_id)) for link in links)


def test_insight_links_have_the_ids_a_members_own_linking_gives(session: Session) -> None:
    """Linking the same pair again (here or on a colleague's copy of the demo) finds the demo's link: one record."""
    from peerdesk.services.insights import link_id

    quotes, themes = rows(session, InsightQuote), rows(session, InsightTheme)
    assert quotes and themes
    assert all(link.id == link_id(link.insight_id, link.quote_id, "quote") for link in quotes)
    assert all(link.id == link_id(link.insight_id, link.theme_id, "theme") for link in themes)


def test_postits_three_colours_mostly_in_themes(session: Session) -> None:
    postits = rows(session, PostIt)
    kinds = Counter(p.kind for p in postits)
    assert set(kinds) == {"rose", "thorn", "bud"} and min(kinds.values()) >= 15
    assert all(5 <= len(p.text.split()) <= 20 for p in postits)
    assert len({p.author_id for p in postits}) >= 5
    quote_ids = {q.id for q in rows(session, Quote)}
    linked = [p for p in postits if p.quote_id]
    assert linked and all(p.quote_id in quote_ids for p in linked)
    themed = [p for p in postits if p.theme_id]
    assert 0.55 <= len(themed) / len(postits) <= 0.8


def test_theme_boxes_enclose_their_postits(session: Session) -> None:
    themes = {t.id: t for t in rows(session, Theme)}
    for postit in rows(session, PostIt):
        theme = themes.get(postit.theme_id)
        if theme is None:
            continue
        assert theme.x <= postit.x and postit.x + demo.POSTIT_W <= theme.x + theme.width
        assert theme.y <= postit.y and postit.y + demo.POSTIT_H <= theme.y + theme.height


def test_insights_partly_done_and_backed(session: Session) -> None:
    insights = sorted(rows(session, Insight), key=lambda i: i.position)
    assert [i.position for i in insights] == [1.0, 2.0, 3.0, 4.0]
    assert all(i.statement for i in insights)
    assert not all(i.implications for i in insights)
    with_quotes = {link.insight_id for link in rows(session, InsightQuote)}
    assert len(with_quotes) == 2
    with_themes = {link.insight_id for link in rows(session, InsightTheme)}
    assert with_themes == {i.id for i in insights}


def test_scale_multiplies_interviews(tmp_path: Path, store: Store) -> None:
    with demo.write_demo(tmp_path / "big.peerdesk", demo.DEFAULT_PASSPHRASE, scale=3) as big:
        facts, base = review.info(big), review.info(store)
    assert facts["interviews"] == 3 * base["interviews"]
    assert facts["quotes"] == 3 * base["quotes"]
    assert facts["postits"] == 3 * base["postits"]
    assert facts["themes"] == base["themes"] and facts["insights"] == base["insights"]


def test_refuses_an_existing_file(demo_path: Path) -> None:
    with pytest.raises(UserError):
        demo.write_demo(demo_path, demo.DEFAULT_PASSPHRASE)

"""Setting up a review and reading its summary: the first and last things every other use-case relies on."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from dateutil.relativedelta import relativedelta

from peerdesk.errors import UserError
from peerdesk.exchange import roster
from peerdesk.exchange.identity import KeyPair, b64
from peerdesk.services import questions
from peerdesk.services.changes import Changes
from peerdesk.store import migrate, rules
from peerdesk.store.engine import Store

if TYPE_CHECKING:
    from peerdesk.store.models import Member, Shared

ROLES = rules.ROLES
ROLE_LABELS = MappingProxyType(
    {
        "lead": "Lead (visiting director)",
        "reviewer": "Reviewer",
        "observer": "Observer",
        "host-officer": "Host officer",
    }
)
FOLLOW_UP_AFTER = relativedelta(months=4)


@cache
def planning_questions() -> tuple[tuple[str, str, str], ...]:
    """The planning form's questions in our words, as (key, label, prompt), from the data file that words them.

    Keys are stable (they name records); labels are what people read.
    """
    data = json.loads((resources.files("peerdesk.resources") / "planning_questions.json").read_text(encoding="utf-8"))
    return tuple((q["key"], q["label"], q["prompt"]) for q in data["questions"])


# Short facts of the planning form (#20): the two directors by name, and whether the self-assessment and the data
# set were sent beforehand (a flag is stored as "yes" or "").
PLANNING_NAMES: tuple[tuple[str, str], ...] = (("visiting_dcs", "Visiting DCS"), ("observer_dcs", "Observer DCS"))
PLANNING_FLAGS: tuple[tuple[str, str], ...] = (
    ("self_assessment_sent", "Self-assessment sent beforehand"),
    ("data_set_sent", "Data set sent beforehand"),
)
PLANNING_KEYS = rules.PLANNING_KEYS  # declared once, with the shared rules; the form above labels each


@dataclass(frozen=True)
class Essentials:
    """What "New review" asks for; everything else can be filled in later."""

    authority: str
    focus: str
    me_name: str
    me_role: str = "lead"
    visit_start: dt.date | None = None
    visit_end: dt.date | None = None


@dataclass(frozen=True)
class ReviewSummary:
    id: str
    authority: str
    focus: str
    aim: str
    key_questions: tuple[str, str, str]
    visit_start: str
    visit_end: str
    followup_date: str
    retention_date: str
    co_produced: bool
    lead_officers: str

    @property
    def title(self) -> str:
        return f"{self.authority} — {self.focus}" if self.focus else self.authority


def initials(name: str) -> str:
    parts = [p for p in name.replace("-", " ").split() if p]
    if not parts:
        return "?"
    if len(parts) == 1:
        return parts[0][:2].upper()
    return (parts[0][0] + parts[-1][0]).upper()


def default_dates(visit_start: dt.date | None, visit_end: dt.date | None) -> dict[str, str]:
    if visit_start is None:
        return {}
    end = visit_end or visit_start + dt.timedelta(days=1)
    if end < visit_start:
        raise UserError("The visit cannot end before it starts.")
    followup = visit_start + FOLLOW_UP_AFTER
    return {
        "visit_start": visit_start.isoformat(),
        "visit_end": end.isoformat(),
        "followup_date": followup.isoformat(),
        "retention_date": followup.isoformat(),
    }


def create_review(path: Path | str, passphrase: str, essentials: Essentials) -> Store:
    """Make a new review file holding the review, me as its first member, and my keys."""
    from peerdesk.store.models import Identity, Member, Review
    from peerdesk.store.uow import UnitOfWork

    authority, focus, name = (
        essentials.authority.strip(),
        essentials.focus.strip(),
        essentials.me_name.strip(),
    )
    if not authority:
        raise UserError("Enter the host authority's name.")
    if not name:
        raise UserError("Enter your name: it identifies your work to the rest of the team.")
    if rules.check("members", "name", name) is not None or rules.check("review", "authority", authority) is not None:
        raise UserError(f"Keep names to {rules.MAX_NAME} characters: they travel in every bundle.")
    if essentials.me_role not in ROLES:
        raise UserError(f"Unknown role {essentials.me_role!r}; choose one of {', '.join(ROLES)}.")
    dates = default_dates(essentials.visit_start, essentials.visit_end)
    review_id, member_id = str(uuid.uuid4()), str(uuid.uuid4())
    keys = KeyPair.generate()

    def fill(store: Store) -> None:
        with UnitOfWork(store) as uow:
            uow.set_meta("review_id", review_id)
            uow.set_meta("member_id", member_id)
            uow.session.add(
                Identity(member_id=member_id, signing_private=keys.signing_private, kem_private=keys.kem_private)
            )
            uow.add(
                Member,
                member_id,
                name=name,
                role=essentials.me_role,
                initials=initials(name),
                signing_key=b64(keys.signing_public),
                kem_key=b64(keys.kem_public),
            )
            uow.add(Review, review_id, authority=authority, focus=focus, **dates)
            questions.seed_bank(uow, review_id)
            uow.commit()

    # Filled while the file's key is derived: see Store.create.
    return Store.create(path, passphrase, fill)


def summary(store: Store) -> ReviewSummary:
    """The review's record (read once for all the views refreshing together: ``Store.remembered``)."""
    return store.remembered("review.summary", lambda: _read_summary(store))


def _read_summary(store: Store) -> ReviewSummary:
    found = store.rows(
        "SELECT id, authority, focus, aim, key_question_1, key_question_2, key_question_3, visit_start, visit_end,"
        " followup_date, retention_date, co_produced, lead_officers FROM review WHERE id = ?",
        store.review_id,
    )
    if not found:
        raise UserError("This file holds no review record.")
    rid, authority, focus, aim, one, two, three, start, end, followup, retention, co_produced, leads = found[0]
    return ReviewSummary(
        rid, authority, focus, aim, (one, two, three), start, end, followup, retention, bool(co_produced), leads
    )


REVIEW_FIELDS = frozenset(
    {
        "authority",
        "focus",
        "aim",
        "key_question_1",
        "key_question_2",
        "key_question_3",
        "visit_start",
        "visit_end",
        "followup_date",
        "retention_date",
        "co_produced",
        "lead_officers",
    }
)
DATE_FIELDS = frozenset({"visit_start", "visit_end", "followup_date", "retention_date"})


def update_review(store: Store, **fields: Any) -> Changes:
    from peerdesk.store.models import Review
    from peerdesk.store.uow import UnitOfWork

    unknown = set(fields) - REVIEW_FIELDS
    if unknown:
        raise ValueError(f"not review fields: {sorted(unknown)}")
    for name, value in fields.items():
        why = rules.check("review", name, value)
        if why is not None and name in DATE_FIELDS:
            raise UserError(f"{value!r} is not a date (use YYYY-MM-DD).")
        if why is not None:
            raise UserError(f"The review's {name.replace('_', ' ')} {why}.")
    if "authority" in fields and not str(fields["authority"]).strip():
        raise UserError("The host authority's name cannot be empty.")
    with UnitOfWork(store) as uow:
        row = uow.get(Review, store.review_id)
        wide = [name for name in rules.REVIEW_WIDE if name in fields and fields[name] != getattr(row, name)]
        lead = roster.lead_id(uow.session)
        if wide and lead and lead != store.member_id:
            # Colleagues' files refuse a bundle carrying such an edit (exchange.transfer): refuse it here first.
            raise UserError("Only the lead changes the review's dates and retention date; ask them to.")
        changed = uow.update(row, **fields)
        uow.commit()
    return Changes.of("review", ids=[row.id]) if changed else Changes()


def planning_id(review_id: str, key: str) -> str:
    """Every member's answer to the same planning question is the same record, so they merge."""
    return str(uuid.uuid5(uuid.UUID(review_id), f"planning:{key}"))


def planning_answers(store: Store) -> dict[str, str]:
    return dict(store.remembered("review.planning_answers", lambda: _read_planning_answers(store)))


def _read_planning_answers(store: Store) -> tuple[tuple[str, str], ...]:
    found = dict(store.rows("SELECT key, text FROM planning_answers WHERE NOT deleted"))
    return tuple((key, found.get(key, "")) for key in PLANNING_KEYS)


def set_planning_answer(store: Store, key: str, text: str) -> Changes:
    from peerdesk.store.models import PlanningAnswer
    from peerdesk.store.uow import UnitOfWork

    if key not in rules.PLANNING_KEYS:
        raise ValueError(f"unknown planning question {key!r}")
    record_id = planning_id(store.review_id, key)
    with UnitOfWork(store) as uow:
        row = uow.session.get(PlanningAnswer, record_id)
        if row is None:
            uow.add(PlanningAnswer, record_id, key=key, text=text)
            changed = True
        else:
            changed = uow.update(row, text=text, deleted=False)
        uow.commit()
    return Changes.of("planning_answers", ids=[record_id]) if changed else Changes()


def members(store: Store) -> list[Member]:
    from sqlalchemy import select

    from peerdesk.store.models import Member

    with store.session() as s:
        return list(s.scalars(select(Member).where(Member.deleted.is_(False)).order_by(Member.name)))


def me(store: Store) -> Member:
    from peerdesk.store.models import Member

    with store.session() as s:
        row = s.get(Member, store.member_id)
        if row is None:
            raise UserError("This file does not say who you are (no member record).")
        return row


def _count(s: Any, model: type[Shared]) -> int:
    from sqlalchemy import func, select

    return int(s.scalar(select(func.count()).select_from(model).where(model.deleted.is_(False))) or 0)


def info(store: Store) -> dict[str, Any]:
    """The facts ``peerdesk info --json`` prints."""
    from peerdesk.store.models import Insight, Interview, Member, Note, PostIt, Quote, Theme

    review = summary(store)
    with store.session() as s:
        conn = s.connection()
        counts = {
            "interviews": _count(s, Interview),
            "notes": _count(s, Note),
            "quotes": _count(s, Quote),
            "postits": _count(s, PostIt),
            "themes": _count(s, Theme),
            "insights": _count(s, Insight),
            "members": _count(s, Member),
        }
        revision = migrate.current(conn)
    return {
        "path": str(store.path),
        "review_id": review.id,
        "authority": review.authority,
        "focus": review.focus,
        "visit_start": review.visit_start,
        "visit_end": review.visit_end,
        "retention_date": review.retention_date,
        "schema_revision": revision,
        **counts,
    }

"""The quote tagger: every quote with its group, interview, tags and uses; tagging, starring, editing.

Quotes carry a stakeholder group, never a person. Tags are shared records; the link between a quote and a tag
has an id derived from both (``quote_tag_id``), so two members who tag the same quote alike make the same record
and their bundles merge into one link, not two.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from peerdesk.errors import UserError
from peerdesk.services import guard, notes, wall
from peerdesk.services.edits import Edit, Recorder, recording
from peerdesk.services.rows import view_of
from peerdesk.services.timetable import SlotInfo
from peerdesk.store import rules
from peerdesk.store.engine import Store
from peerdesk.store.models import (
    Insight,
    InsightQuote,
    Interview,
    PostIt,
    Quote,
    QuoteTag,
    Slot,
    StakeholderGroup,
    Tag,
    Team,
    Theme,
)
from peerdesk.store.uow import UnitOfWork

QUOTE_KINDS = rules.QUOTE_KINDS
MAX_TAG = rules.MAX_TAG
MAX_QUOTE = rules.MAX_QUOTE


@dataclass(frozen=True)
class QuoteRow:
    id: str
    text: str
    kind: str
    starred: bool
    group_id: str
    group: str
    interview_id: str
    interview: str
    note_id: str
    tags: tuple[str, ...]  # tag names, sorted
    tag_ids: frozenset[str]
    used_in: tuple[str, ...]  # "Theme: …", "Insight: …"
    # The non-attribution guard: "" when nothing in the text could identify someone, else the team's decision
    # ("undecided", "keep" or "exclude") and what was found.
    check: str = ""
    check_reasons: tuple[str, ...] = ()

    @property
    def used_text(self) -> str:
        return "; ".join(self.used_in)


@dataclass(frozen=True)
class TagRow:
    id: str
    name: str
    count: int


def interview_labels(s: Any, groups: dict[str, str] | None = None) -> dict[str, str]:
    """Each interview as the Quotes list names it: its title, or (untitled) its slot, team and group (``groups``:
    the groups' names by id, when the caller has read them already)."""
    if groups is None:
        groups = _pairs(s.execute(select(StakeholderGroup.id, StakeholderGroup.name)))
    slots = {
        sid: SlotInfo(sid, day, starts, ends).label
        for sid, day, starts, ends in s.execute(select(Slot.id, Slot.day, Slot.starts, Slot.ends))
    }
    teams = _pairs(s.execute(select(Team.id, Team.name)))
    found = {}
    for iid, title, slot_id, team_id, group_id in s.execute(
        select(Interview.id, Interview.title, Interview.slot_id, Interview.team_id, Interview.group_id)
    ):
        when = slots.get(slot_id, "Unscheduled")
        found[iid] = title or f"{when} {teams.get(team_id, 'no team')} — {groups.get(group_id, 'no group yet')}"
    return found


def _pairs(rows: Iterable[Any]) -> dict[str, str]:
    return {r[0]: r[1] for r in rows}


def _created(quote: Quote) -> tuple[str, str]:
    # The oldest field stamp is the creation's (later edits restamp only the fields they change).
    return (min(quote.versions.values(), default=""), quote.id)


def quote_tag_id(quote_id: str, tag_id: str) -> str:
    return str(uuid.uuid5(uuid.UUID(quote_id), tag_id))


def tag_id_for(review_id: str, name: str) -> str:
    """The id a new tag of this name gets, the same for every member, so tags made apart merge."""
    return str(uuid.uuid5(uuid.UUID(review_id), f"tag:{_normal(name)}"))


def _normal(name: str) -> str:
    return " ".join(name.split()).casefold()


def _clean_tag(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise UserError("A tag needs a name.")
    if len(name) > MAX_TAG:
        raise UserError(f"Keep tags short: at most {MAX_TAG} characters.")
    return name


# --- reading ------------------------------------------------------------------------------------------------------


def list_quotes(
    store: Store,
    *,
    group_id: str | None = None,
    tag_id: str | None = None,
    kind: str | None = None,
    text: str | None = None,
    starred: bool | None = None,
) -> list[QuoteRow]:
    """Every live quote with what the tagger shows, optionally filtered (all given filters must hold)."""
    with store.session() as s:
        groups = _pairs(s.execute(select(StakeholderGroup.id, StakeholderGroup.name)))
        interviews = interview_labels(s, groups)
        tags = _pairs(s.execute(select(Tag.id, Tag.name).where(Tag.deleted.is_(False))))
        links: dict[str, set[str]] = {}
        for qid, tid in s.execute(select(QuoteTag.quote_id, QuoteTag.tag_id).where(QuoteTag.deleted.is_(False))):
            if tid in tags:
                links.setdefault(qid, set()).add(tid)
        themes = _pairs(s.execute(select(Theme.id, Theme.heading).where(Theme.deleted.is_(False))))
        uses: dict[str, list[str]] = {}
        for qid, theme_id in s.execute(
            select(PostIt.quote_id, PostIt.theme_id).where(PostIt.deleted.is_(False), PostIt.quote_id != "")
        ):
            if theme_id in themes:
                uses.setdefault(qid, []).append(f"Theme: {themes[theme_id] or '(no heading)'}")
            else:
                uses.setdefault(qid, []).append("Post-it")
        insights = _pairs(s.execute(select(Insight.id, Insight.statement).where(Insight.deleted.is_(False))))
        for qid, iid in s.execute(
            select(InsightQuote.quote_id, InsightQuote.insight_id).where(InsightQuote.deleted.is_(False))
        ):
            if iid in insights:
                uses.setdefault(qid, []).append(f"Insight: {insights[iid] or '(no statement)'}")
        quotes = sorted(s.scalars(select(Quote).where(Quote.deleted.is_(False))), key=_created)
    needle = _normal(text) if text else ""
    guarded = guard.guarded_names(store)
    out: list[QuoteRow] = []
    for q in quotes:
        tag_ids = frozenset(links.get(q.id, ()))
        if group_id is not None and q.group_id != group_id:
            continue
        if tag_id is not None and tag_id not in tag_ids:
            continue
        if kind is not None and q.kind != kind:
            continue
        if starred is not None and q.starred != starred:
            continue
        names = tuple(sorted((tags[t] for t in tag_ids), key=str.casefold))
        if needle and needle not in _normal(q.text) and not any(needle in _normal(n) for n in names):
            continue
        out.append(
            view_of(
                QuoteRow,
                q,
                group=groups.get(q.group_id, ""),
                interview=interviews.get(q.interview_id, ""),
                tags=names,
                tag_ids=tag_ids,
                used_in=tuple(dict.fromkeys(uses.get(q.id, ()))),
                **_check(q, guarded),
            )
        )
    return out


def _check(quote: Quote, names: tuple[str, ...]) -> dict[str, Any]:
    findings = guard.check_text(quote.text, names)
    if not findings:
        return {}
    return {"check": guard.decision_of(quote), "check_reasons": tuple(dict.fromkeys(f.label for f in findings))}


def list_tags(store: Store) -> list[TagRow]:
    with store.session() as s:
        tags = [(r[0], r[1]) for r in s.execute(select(Tag.id, Tag.name).where(Tag.deleted.is_(False)))]
        counts: dict[str, int] = {}
        live_quotes = set(s.scalars(select(Quote.id).where(Quote.deleted.is_(False))))
        for qid, tid in s.execute(select(QuoteTag.quote_id, QuoteTag.tag_id).where(QuoteTag.deleted.is_(False))):
            if qid in live_quotes:
                counts[tid] = counts.get(tid, 0) + 1
    return sorted((TagRow(tid, name, counts.get(tid, 0)) for tid, name in tags), key=lambda t: t.name.casefold())


def list_groups(store: Store) -> list[tuple[str, str]]:
    with store.session() as s:
        rows = s.execute(
            select(StakeholderGroup.id, StakeholderGroup.name)
            .where(StakeholderGroup.deleted.is_(False))
            .order_by(StakeholderGroup.position, StakeholderGroup.name)
        )
        return list(rows)


# --- tagging ------------------------------------------------------------------------------------------------------


def _find_tag(uow: UnitOfWork, name: str) -> Tag | None:
    wanted = _normal(name)
    return next((t for t in uow.query(Tag) if _normal(t.name) == wanted), None)


def _ensure_tag(rec: Recorder, store: Store, name: str) -> Tag:
    name = _clean_tag(name)
    found = _find_tag(rec.uow, name)
    if found is not None:
        return found
    derived = tag_id_for(store.review_id, name)
    existing = rec.uow.session.get(Tag, derived)
    if existing is not None and not existing.deleted and _normal(existing.name) != _normal(name):
        derived = str(uuid.uuid4())  # that id now belongs to a tag renamed since: this is a different tag
    return rec.add(Tag, derived, name=name)


def _link(rec: Recorder, quote_id: str, tag_id: str) -> None:
    rec.add(QuoteTag, quote_tag_id(quote_id, tag_id), quote_id=quote_id, tag_id=tag_id)


def tag_quotes(store: Store, quote_ids: Iterable[str], name: str) -> Edit:
    """Tag quotes with the tag of this name, made if new (names match ignoring case and spacing)."""
    with recording(store) as rec:
        uow = rec.uow
        tag = _ensure_tag(rec, store, name)
        for qid in quote_ids:
            uow.get(Quote, qid)
            _link(rec, qid, tag.id)
    return rec.edit()


def untag_quotes(store: Store, quote_ids: Iterable[str], tag_id: str) -> Edit:
    with recording(store) as rec:
        uow = rec.uow
        for qid in quote_ids:
            link = uow.session.get(QuoteTag, quote_tag_id(qid, tag_id))
            if link is not None:
                rec.delete(link)
    return rec.edit()


def rename_tag(store: Store, tag_id: str, name: str) -> Edit:
    name = _clean_tag(name)
    with recording(store) as rec:
        uow = rec.uow
        tag = uow.get(Tag, tag_id)
        other = _find_tag(uow, name)
        if other is not None and other.id != tag_id:
            raise UserError(f"There is already a tag called “{other.name}”. Merge the two tags instead.")
        rec.update(tag, name=name)
    return rec.edit()


def merge_tags(store: Store, source_ids: Sequence[str], into_id: str) -> Edit:
    """Every quote tagged with a source tag gets ``into`` instead; the source tags are deleted."""
    sources = [s for s in dict.fromkeys(source_ids) if s != into_id]
    if not sources:
        raise UserError("Choose at least one other tag to merge into this one.")
    with recording(store) as rec:
        uow = rec.uow
        uow.get(Tag, into_id)
        for sid in sources:
            source = uow.get(Tag, sid)
            for link in uow.query(QuoteTag, tag_id=sid):
                _link(rec, link.quote_id, into_id)
                rec.delete(link)
            rec.delete(source)
    return rec.edit()


def delete_tag(store: Store, tag_id: str) -> Edit:
    with recording(store) as rec:
        uow = rec.uow
        for link in uow.query(QuoteTag, tag_id=tag_id):
            rec.delete(link)
        rec.delete(uow.get(Tag, tag_id))
    return rec.edit()


# --- the quote itself -----------------------------------------------------------------------------------------------


def set_starred(store: Store, quote_ids: Iterable[str], starred: bool) -> Edit:
    with recording(store) as rec:
        uow = rec.uow
        for qid in quote_ids:
            rec.update(uow.get(Quote, qid), starred=starred)
    return rec.edit()


def set_kind(store: Store, quote_ids: Iterable[str], kind: str) -> Edit:
    if kind not in QUOTE_KINDS:
        raise UserError(f"A quote is a rose, a thorn, a bud or none of them, not {kind!r}.")
    with recording(store) as rec:
        uow = rec.uow
        for qid in quote_ids:
            rec.update(uow.get(Quote, qid), kind=kind)
    return rec.edit()


def edit_text(store: Store, quote_id: str, text: str) -> Edit:
    text = notes.quote_words(text, "A quote cannot be empty; delete it instead.")
    with recording(store) as rec:
        uow = rec.uow
        rec.update(uow.get(Quote, quote_id), text=text)
    return rec.edit()


def postit_text(store: Store, quote_ids: Sequence[str]) -> str:
    """What a post-it made from these quotes says before anyone rewords it: the quotes, one a line."""
    with store.session() as s:
        rows = {q.id: q for q in s.scalars(select(Quote).where(Quote.id.in_(list(quote_ids))))}
    return "\n".join(f"“{rows[q].text.strip()}”" for q in quote_ids if q in rows)


def postit_kind(store: Store, quote_ids: Sequence[str]) -> str:
    """The kind the quotes agree on, else rose (the person writing the post-it can change it)."""
    with store.session() as s:
        kinds = {k for k in s.scalars(select(Quote.kind).where(Quote.id.in_(list(quote_ids)))) if k}
    return kinds.pop() if len(kinds) == 1 else "rose"


def make_postit(store: Store, quote_ids: Sequence[str], *, kind: str | None = None, text: str | None = None) -> Edit:
    """One post-it from one or several quotes, linked to the first (it shows there as "used in")."""
    if not quote_ids:
        raise UserError("Select one or more quotes to make a post-it from.")
    with store.session() as s:
        first = s.get(Quote, quote_ids[0])
        if first is None or first.deleted:
            raise UserError("That quote no longer exists.")
        note_id = first.note_id
    return wall.add_postit(
        store,
        kind or postit_kind(store, quote_ids),
        text if text is not None else postit_text(store, quote_ids),
        quote_id=quote_ids[0],
        note_id=note_id,
    )

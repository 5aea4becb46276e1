"""The quote tagger: every quote with its group, interview, tags and uses; tagging, starring, editing.

Quotes carry a stakeholder group, never a person. Tags are shared records; the link between a quote and a tag
has an id derived from both (``quote_tag_id``), so two members who tag the same quote alike make the same record
and their bundles merge into one link, not two.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple

from peerdesk.errors import UserError
from peerdesk.services import guard, notes, wall
from peerdesk.services.edits import Edit, Recorder, recording
from peerdesk.services.rows import view_of
from peerdesk.services.timetable import SlotInfo
from peerdesk.store import rules
from peerdesk.store.engine import Store

if TYPE_CHECKING:
    from peerdesk.store.models import Tag
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


def interview_labels(store: Store, groups: dict[str, str] | None = None) -> dict[str, str]:
    """Each interview as the Quotes list names it: its title, or (untitled) its slot, team and group (``groups``:
    the groups' names by id, when the caller has read them already)."""
    with store.reading() as db:
        if groups is None:
            groups = dict(db.execute("SELECT id, name FROM stakeholder_groups"))
        slots = {
            sid: SlotInfo(sid, day, starts, ends).label
            for sid, day, starts, ends in db.execute("SELECT id, day, starts, ends FROM slots")
        }
        teams = dict(db.execute("SELECT id, name FROM teams"))
        found = {}
        for iid, title, slot_id, team_id, group_id in db.execute(
            "SELECT id, title, slot_id, team_id, group_id FROM interviews"
        ):
            when = slots.get(slot_id, "Unscheduled")
            found[iid] = title or f"{when} {teams.get(team_id, 'no team')} — {groups.get(group_id, 'no group yet')}"
    return found


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


class _Stored(NamedTuple):
    """A live quote's columns that its row in the list shows (``view_of`` copies them by name)."""

    id: str
    text: str
    kind: str
    starred: bool
    group_id: str
    interview_id: str
    note_id: str
    guard_decision: str


# Oldest first: a quote's oldest field stamp is its creation's (later edits restamp only the fields they change).
_LIVE_QUOTES = """
    SELECT id, text, kind, starred, group_id, interview_id, note_id, guard_decision FROM quotes WHERE NOT deleted
    ORDER BY coalesce((SELECT min(value) FROM json_each(quotes.versions)), ''), id
"""
# What quotes are used in: the live theme a post-it made of one is on (else just a post-it), then the insights.
_POSTIT_USES = """
    SELECT postits.quote_id,
           CASE WHEN themes.id IS NULL THEN 'Post-it'
                ELSE 'Theme: ' || coalesce(nullif(themes.heading, ''), '(no heading)') END
      FROM postits LEFT JOIN themes ON themes.id = postits.theme_id AND NOT themes.deleted
     WHERE NOT postits.deleted AND postits.quote_id != ''
"""
_INSIGHT_USES = """
    SELECT insight_quotes.quote_id, 'Insight: ' || coalesce(nullif(insights.statement, ''), '(no statement)')
      FROM insight_quotes JOIN insights ON insights.id = insight_quotes.insight_id AND NOT insights.deleted
     WHERE NOT insight_quotes.deleted
"""


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
    with store.reading() as db:
        groups: dict[str, str] = dict(db.execute("SELECT id, name FROM stakeholder_groups"))
        tags: dict[str, str] = dict(db.execute("SELECT id, name FROM tags WHERE NOT deleted"))
        links: dict[str, set[str]] = {}
        for qid, tid in db.execute("SELECT quote_id, tag_id FROM quote_tags WHERE NOT deleted"):
            if tid in tags:
                links.setdefault(qid, set()).add(tid)
        uses: dict[str, list[str]] = {}
        for sql in (_POSTIT_USES, _INSIGHT_USES):
            for qid, use in db.execute(sql):
                uses.setdefault(qid, []).append(use)
        quotes = [
            _Stored(qid, words, kind_, bool(star), group, interview, note, decision)
            for qid, words, kind_, star, group, interview, note, decision in db.execute(_LIVE_QUOTES)
        ]
    interviews = interview_labels(store, groups)
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


def _check(quote: _Stored, names: tuple[str, ...]) -> dict[str, Any]:
    findings = guard.check_text(quote.text, names)
    if not findings:
        return {}
    return {
        "check": guard.decision_of(quote.guard_decision),
        "check_reasons": tuple(dict.fromkeys(f.label for f in findings)),
    }


def list_tags(store: Store) -> list[TagRow]:
    """Every live tag with how many live quotes carry it, by name."""
    with store.reading() as db:
        tags = db.execute("SELECT id, name FROM tags WHERE NOT deleted").fetchall()
        counts = dict(
            db.execute(
                "SELECT quote_tags.tag_id, count(*) FROM quote_tags JOIN quotes ON quotes.id = quote_tags.quote_id"
                " WHERE NOT quote_tags.deleted AND NOT quotes.deleted GROUP BY quote_tags.tag_id"
            )
        )
    return sorted((TagRow(tid, name, counts.get(tid, 0)) for tid, name in tags), key=lambda t: t.name.casefold())


def list_groups(store: Store) -> list[tuple[str, str]]:
    rows = store.rows("SELECT id, name FROM stakeholder_groups WHERE NOT deleted ORDER BY position, name")
    return [(group_id, name) for group_id, name in rows]


def _find_tag(uow: UnitOfWork, name: str) -> Tag | None:
    from peerdesk.store.models import Tag

    wanted = _normal(name)
    return next((t for t in uow.query(Tag) if _normal(t.name) == wanted), None)


def _ensure_tag(rec: Recorder, store: Store, name: str) -> Tag:
    from peerdesk.store.models import Tag

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
    from peerdesk.store.models import QuoteTag

    rec.add(QuoteTag, quote_tag_id(quote_id, tag_id), quote_id=quote_id, tag_id=tag_id)


def tag_quotes(store: Store, quote_ids: Iterable[str], name: str) -> Edit:
    """Tag quotes with the tag of this name, made if new (names match ignoring case and spacing)."""
    from peerdesk.store.models import Quote

    with recording(store) as rec:
        uow = rec.uow
        tag = _ensure_tag(rec, store, name)
        for qid in quote_ids:
            uow.get(Quote, qid)
            _link(rec, qid, tag.id)
    return rec.edit()


def untag_quotes(store: Store, quote_ids: Iterable[str], tag_id: str) -> Edit:
    from peerdesk.store.models import QuoteTag

    with recording(store) as rec:
        uow = rec.uow
        for qid in quote_ids:
            link = uow.session.get(QuoteTag, quote_tag_id(qid, tag_id))
            if link is not None:
                rec.delete(link)
    return rec.edit()


def rename_tag(store: Store, tag_id: str, name: str) -> Edit:
    from peerdesk.store.models import Tag

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
    from peerdesk.store.models import QuoteTag, Tag

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
    from peerdesk.store.models import QuoteTag, Tag

    with recording(store) as rec:
        uow = rec.uow
        for link in uow.query(QuoteTag, tag_id=tag_id):
            rec.delete(link)
        rec.delete(uow.get(Tag, tag_id))
    return rec.edit()


# --- the quote itself -----------------------------------------------------------------------------------------------


def set_starred(store: Store, quote_ids: Iterable[str], starred: bool) -> Edit:
    from peerdesk.store.models import Quote

    with recording(store) as rec:
        uow = rec.uow
        for qid in quote_ids:
            rec.update(uow.get(Quote, qid), starred=starred)
    return rec.edit()


def set_kind(store: Store, quote_ids: Iterable[str], kind: str) -> Edit:
    from peerdesk.store.models import Quote

    if kind not in QUOTE_KINDS:
        raise UserError(f"A quote is a rose, a thorn, a bud or none of them, not {kind!r}.")
    with recording(store) as rec:
        uow = rec.uow
        for qid in quote_ids:
            rec.update(uow.get(Quote, qid), kind=kind)
    return rec.edit()


def edit_text(store: Store, quote_id: str, text: str) -> Edit:
    from peerdesk.store.models import Quote

    text = notes.quote_words(text, "A quote cannot be empty; delete it instead.")
    with recording(store) as rec:
        uow = rec.uow
        rec.update(uow.get(Quote, quote_id), text=text)
    return rec.edit()


def postit_text(store: Store, quote_ids: Sequence[str]) -> str:
    """What a post-it made from these quotes says before anyone rewords it: the quotes, one a line."""
    from sqlalchemy import select

    from peerdesk.store.models import Quote

    with store.session() as s:
        rows = {q.id: q for q in s.scalars(select(Quote).where(Quote.id.in_(list(quote_ids))))}
    return "\n".join(f"“{rows[q].text.strip()}”" for q in quote_ids if q in rows)


def postit_kind(store: Store, quote_ids: Sequence[str]) -> str:
    """The kind the quotes agree on, else rose (the person writing the post-it can change it)."""
    from sqlalchemy import select

    from peerdesk.store.models import Quote

    with store.session() as s:
        kinds = {k for k in s.scalars(select(Quote.kind).where(Quote.id.in_(list(quote_ids)))) if k}
    return kinds.pop() if len(kinds) == 1 else "rose"


def make_postit(store: Store, quote_ids: Sequence[str], *, kind: str | None = None, text: str | None = None) -> Edit:
    """One post-it from one or several quotes, linked to the first (it shows there as "used in")."""
    from peerdesk.store.models import Quote

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

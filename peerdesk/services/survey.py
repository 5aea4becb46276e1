"""The optional leadership-of-change survey: items, responses imported from CSV, and per-team means.

Each item is a pair of opposite statements about how change is led; a respondent scores where their service sits
between them, from the item's ``low`` score (wholly the left statement) to its ``high`` score (wholly the right).
Hosts run such surveys on 1–5, 1–7, 0–10…: the scale is the survey's, set for all items at once, yet each item keeps
its own (an imported item list may mix them, and two members' edits merge per field), so every reader of results
places a mean by its item's own scale. peerdesk ships no item texts: the host's survey is theirs, entered by hand
or imported (``survey_csv`` reads both the items and the responses from CSV files, all or nothing).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import select

from peerdesk.errors import UserError
from peerdesk.services import records
from peerdesk.services.changes import Changes
from peerdesk.store.engine import Store
from peerdesk.store.models import SurveyItem, SurveyResponse
from peerdesk.store.rules import MAX_SCORES
from peerdesk.store.uow import UnitOfWork

DEFAULT_SCALE = (1, 5)  # what migration 0003 gave existing items, and what a survey starts with
MAX_STEPS = 100  # a 0–100 percentage scale is the widest a paper or form survey plausibly uses
SCORE_LIMIT = 1000  # ends further from zero than this are typing slips, not scales


@dataclass(frozen=True)
class Imported:
    """What an import did: how many rows, the records it added and those it replaced (for undo)."""

    count: int
    added: list[str]
    replaced: list[str]
    changes: Changes


Scale = tuple[int, int]


@dataclass(frozen=True)
class Item:
    id: str
    left: str
    right: str
    number: int  # 1-based
    low: int = DEFAULT_SCALE[0]
    high: int = DEFAULT_SCALE[1]

    @property
    def scale(self) -> Scale:
        return self.low, self.high

    def share(self, score: float) -> float:
        """Where ``score`` sits from the left statement (0.0) to the right (1.0) on this item's own scale."""
        # A scale the service would refuse (low >= high) can still arrive when two members' edits of the two ends
        # merge field by field: place such an item's scores in the middle rather than divide by zero.
        if self.high <= self.low:
            return 0.5
        return (score - self.low) / (self.high - self.low)


@dataclass(frozen=True)
class Results:
    items: list[Item]
    teams: list[str]  # sorted
    means: dict[str, list[float | None]]  # team → mean per item (None: nobody in the team answered it)
    counts: dict[str, int]  # team → respondents
    overall: list[float | None]

    @property
    def respondents(self) -> int:
        return sum(self.counts.values())

    @property
    def scale(self) -> Scale | None:
        """The one scale every item uses; None when items differ (or there are none)."""
        return common_scale(self.items)

    def shares(self, team: str) -> list[float | None]:
        """The team's means placed on 0.0 (the left statement) … 1.0 (the right), each by its item's scale."""
        return [None if m is None else item.share(m) for item, m in zip(self.items, self.means[team], strict=True)]

    def describe_scale(self) -> str:
        return describe_scales(self.items)


# --- items ---------------------------------------------------------------------------------------------------------


def items(store: Store) -> list[Item]:
    with store.session() as s:
        stmt = select(SurveyItem).where(SurveyItem.deleted.is_(False)).order_by(SurveyItem.position, SurveyItem.id)
        return [_item(i, n) for n, i in enumerate(s.scalars(stmt), start=1)]


def _item(row: SurveyItem, number: int) -> Item:
    return Item(row.id, row.left_text, row.right_text, number, row.scale_low, row.scale_high)


def check_scale(low: object, high: object) -> Scale:
    """``(low, high)`` as a scale, or a UserError saying plainly what is wrong with it."""
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in (low, high)):
        raise UserError(f"The ends of a survey scale are whole numbers; “{low}” to “{high}” is not a scale.")
    assert isinstance(low, int) and isinstance(high, int)
    if low >= high:
        raise UserError(
            f"A survey scale runs from the left statement's score up to the right one's: “{low} to {high}” does "
            "not (the first number must be the smaller)."
        )
    if high - low > MAX_STEPS:
        raise UserError(
            f"A survey scale of more than {MAX_STEPS} steps is not one respondents can use ({low} to {high})."
        )
    if max(abs(low), abs(high)) > SCORE_LIMIT:
        raise UserError(f"A survey scale's ends lie between −{SCORE_LIMIT} and {SCORE_LIMIT} ({low} to {high}).")
    return low, high


def common_scale(known: list[Item]) -> Scale | None:
    """The scale all ``known`` items share, or None (items differ, or there are none)."""
    found = {i.scale for i in known}
    return found.pop() if len(found) == 1 else None


def survey_scale(store: Store) -> Scale:
    """The scale a new item takes: the one all items share, else the default."""
    return common_scale(items(store)) or DEFAULT_SCALE


def describe_scales(known: list[Item]) -> str:
    """The true scale in words, for captions: one sentence when items share it, else which items use which."""
    common = common_scale(known)
    if common is not None or not known:
        low, high = common or DEFAULT_SCALE
        return f"{low} = wholly the left statement, {high} = wholly the right."
    groups: dict[Scale, list[int]] = {}
    for item in known:
        groups.setdefault(item.scale, []).append(item.number)
    parts = [f"{_numbers(numbers)} from {low} to {high}" for (low, high), numbers in groups.items()]
    return f"Items are scored on different scales: {'; '.join(parts)}."


def _numbers(numbers: list[int]) -> str:
    """[1, 2, 3, 7] → "items 1–3 and 7"."""
    runs: list[str] = []
    start = prev = numbers[0]
    for n in [*numbers[1:], None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        runs.append(str(start) if start == prev else f"{start}–{prev}")
        if n is not None:
            start = prev = n
    noun = "item" if len(numbers) == 1 else "items"
    return f"{noun} {', '.join(runs[:-1])} and {runs[-1]}" if len(runs) > 1 else f"{noun} {runs[0]}"


def add_item(
    store: Store, left: str, right: str, *, item_id: str | None = None, scale: Scale | None = None
) -> tuple[str, Changes]:
    """Add an item (or bring back ``item_id``, for redo) on ``scale``, by default the survey's."""
    left, right = left.strip(), right.strip()
    if not left or not right:
        raise UserError("A survey item needs both of its opposite statements.")
    if scale is not None:
        scale = check_scale(*scale)
    with UnitOfWork(store) as uow:
        existing = uow.session.get(SurveyItem, item_id) if item_id else None
        if existing is not None:
            uow.restore(existing)
            uow.update(existing, left_text=left, right_text=right)
            if scale is not None:
                uow.update(existing, scale_low=scale[0], scale_high=scale[1])
            row = existing
        else:
            _check_room(uow, 1)
            low, high = scale or common_scale([_item(i, 0) for i in uow.query(SurveyItem)]) or DEFAULT_SCALE
            position = max((i.position for i in uow.query(SurveyItem)), default=0.0) + 1
            row = uow.add(
                SurveyItem, item_id, left_text=left, right_text=right, position=position, scale_low=low, scale_high=high
            )
        _check_responses_fit(uow)
        return records.created(uow, row)


def edit_item(store: Store, item_id: str, left: str, right: str, *, scale: Scale | None = None) -> Changes:
    left, right = left.strip(), right.strip()
    if not left or not right:
        raise UserError("A survey item needs both of its opposite statements.")
    fields: dict[str, object] = {"left_text": left, "right_text": right}
    if scale is not None:
        fields["scale_low"], fields["scale_high"] = check_scale(*scale)
    with UnitOfWork(store) as uow:
        changed = uow.update(uow.get(SurveyItem, item_id), **fields)
        _check_responses_fit(uow)
        uow.commit()
    return Changes.of("survey_items", ids=[item_id]) if changed else Changes()


def scales(store: Store) -> dict[str, Scale]:
    """Each live item's scale by id: what an undo of ``set_scale`` puts back."""
    return {i.id: i.scale for i in items(store)}


def set_scale(store: Store, low: int, high: int) -> Changes:
    """Score every item from ``low`` (the left statement) to ``high`` (the right), in one transaction."""
    scale = check_scale(low, high)
    with UnitOfWork(store) as uow:
        rows = uow.query(SurveyItem)
        if not rows:
            raise UserError("The survey has no items yet: add or import them, then set their scale.")
        return _set_scales(uow, {row.id: scale for row in rows})


def set_scales(store: Store, by_item: dict[str, Scale]) -> Changes:
    """Give each item its own scale (the undo of ``set_scale``), in one transaction."""
    checked = {item_id: check_scale(*scale) for item_id, scale in by_item.items()}
    with UnitOfWork(store) as uow:
        return _set_scales(uow, checked)


def _set_scales(uow: UnitOfWork, by_item: dict[str, Scale]) -> Changes:
    changed = [
        item_id
        for item_id, (low, high) in by_item.items()
        if uow.update(uow.get(SurveyItem, item_id, include_deleted=True), scale_low=low, scale_high=high)
    ]
    _check_responses_fit(uow)
    uow.commit()
    return Changes.of("survey_items", ids=changed) if changed else Changes()


def _check_responses_fit(uow: UnitOfWork) -> None:
    """Refuse a scale that imported scores fall outside: a score is what the respondent chose, never rescaled."""
    uow.session.flush()
    stmt = select(SurveyItem).where(SurveyItem.deleted.is_(False)).order_by(SurveyItem.position, SurveyItem.id)
    known = [_item(row, n) for n, row in enumerate(uow.session.scalars(stmt), start=1)]
    outside: dict[int, int] = {}
    for response in uow.query(SurveyResponse):
        for item, score in zip(known, _scores(response.scores), strict=False):
            if score is not None and not item.low <= score <= item.high:
                outside[item.number] = outside.get(item.number, 0) + 1
    if outside:
        first = min(outside)
        item = known[first - 1]
        raise UserError(
            f"Nothing was changed: {outside[first]} imported score(s) for item {first} lie outside {item.low} to "
            f"{item.high}"
            + (f" (and scores for {len(outside) - 1} more item(s))" if len(outside) > 1 else "")
            + ". Choose a scale that includes every score, or re-import the responses."
        )


def remove_item(store: Store, item_id: str) -> Changes:
    with UnitOfWork(store) as uow:
        uow.delete(uow.get(SurveyItem, item_id))
        uow.commit()
    return Changes.of("survey_items", ids=[item_id])


# --- responses -----------------------------------------------------------------------------------------------------


def show_only(store: Store, table: str, show: list[str], hide: list[str]) -> Changes:
    """Bring back ``show`` and tombstone ``hide`` (undo and redo of an import), in one transaction."""
    model: type[SurveyItem] | type[SurveyResponse] = SurveyItem if table == "survey_items" else SurveyResponse
    with UnitOfWork(store) as uow:
        for record_id in show:
            uow.restore(uow.get(model, record_id, include_deleted=True))
        for record_id in hide:
            uow.delete(uow.get(model, record_id, include_deleted=True))
        uow.commit()
    return Changes.of(table, ids=show + hide)


def clear_responses(store: Store) -> Changes:
    with UnitOfWork(store) as uow:
        old = uow.query(SurveyResponse)
        for row in old:
            uow.delete(row)
        uow.commit()
    return Changes.of("survey_responses", ids=[r.id for r in old])


def results(store: Store) -> Results:
    known = items(store)
    with store.session() as s:
        stmt = select(SurveyResponse).where(SurveyResponse.deleted.is_(False))
        rows = [(r.team, _scores(r.scores)) for r in s.scalars(stmt)]
    teams = sorted({team for team, _ in rows}, key=str.casefold)
    by_team: dict[str, list[list[float | None]]] = {t: [] for t in teams}
    for team, scores in rows:
        by_team[team].append(scores)
    means = {t: _means(by_team[t], len(known)) for t in teams}
    overall = _means([scores for _, scores in rows], len(known))
    return Results(known, teams, means, {t: len(by_team[t]) for t in teams}, overall)


def _scores(text: str) -> list[float | None]:
    try:
        value = json.loads(text or "[]")
    except ValueError:
        return []
    if not isinstance(value, list):
        return []
    return [float(v) if isinstance(v, int | float) else None for v in value]


def _means(rows: list[list[float | None]], width: int) -> list[float | None]:
    out: list[float | None] = []
    for i in range(width):
        values = [r[i] for r in rows if i < len(r) and r[i] is not None]
        out.append(sum(v for v in values if v is not None) / len(values) if values else None)
    return out


def _check_room(uow: UnitOfWork, adding: int) -> None:
    """A response scores every item, and a response holds at most ``MAX_SCORES``: no more items than that."""
    have = len(uow.query(SurveyItem))
    if have + adding > MAX_SCORES:
        raise UserError(
            f"A survey has at most {MAX_SCORES} items (each response scores every one); this would make "
            f"{have + adding}. Nothing was added."
        )


def add_items(store: Store, new: list[tuple[str, str, Scale]]) -> Imported:
    """Add (left, right, scale) items after those the survey has, in one transaction (undone by ``show_only``)."""
    with UnitOfWork(store) as uow:
        _check_room(uow, len(new))
        position = max((i.position for i in uow.query(SurveyItem)), default=0.0)
        ids = []
        for n, (left, right, (low, high)) in enumerate(new, start=1):
            fields = {"left_text": left, "right_text": right, "scale_low": low, "scale_high": high}
            ids.append(uow.add(SurveyItem, None, position=position + n, **fields).id)
        uow.commit()
    return Imported(len(ids), ids, [], Changes.of("survey_items", ids=ids))

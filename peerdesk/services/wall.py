"""The post-it wall: roses, thorns and buds on the Day 1 evening sheets, then themes on the Day 2 canvas.

Reads return plain frozen values (``WallState``) the UI caches; it reads again only after a write, never while
something is dragged. Every write goes through a ``Recorder`` and returns an ``Edit``, so the UI can undo it.

Geometry is in wall units (a post-it is ``POSTIT_W`` × ``POSTIT_H``). A theme is a rectangle with a heading
band; a post-it belongs to the theme named by its ``theme_id`` (it is drawn inside it). Post-its that were never
placed on the canvas (x = y = 0, no theme) are shown in a tidy grid beside everything else until someone moves
them; that grid is computed on every read, identically on every member's machine, and never written.

The same wall serves the workshop: each goal has a wall of its own (``goal_id``) holding ideas, which can be moved
and grouped into themes exactly like roses, thorns and buds. Every read and write keeps to one wall: a drop on the
Day 2 wall never lands a post-it in an idea wall's theme, or the other way round.

Here: reading a wall and writing post-its. The Day 2 canvas (moves, themes) is ``wall_themes``; the wall as a CSV
table is ``wall_csv``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import TYPE_CHECKING

from peerdesk.errors import NotFound, UserError
from peerdesk.services.edits import Edit, Recorder, recording
from peerdesk.store import rules
from peerdesk.store.engine import Store

if TYPE_CHECKING:
    from peerdesk.store.models import PostIt, Theme
    from peerdesk.store.uow import UnitOfWork

KINDS = rules.POSTIT_KINDS  # the Day 1 evening's post-its, on the Day 2 wall
IDEA = rules.IDEA  # a workshop table's idea, on its goal's wall
ALL_KINDS = (*KINDS, IDEA)
KIND_LABELS = MappingProxyType({"rose": "Rose", "thorn": "Thorn", "bud": "Bud", IDEA: "Idea"})
DAY2_WALL = ""  # the goal_id of the Day 2 wall
COLUMN_TITLES = MappingProxyType({"rose": "Roses", "thorn": "Thorns", "bud": "Buds"})

POSTIT_W, POSTIT_H = 160.0, 110.0
GAP = 16.0  # between post-its laid out side by side
THEME_PAD = 14.0  # inside a theme's border
THEME_HEADER = 40.0  # the heading band
AUTO_COLUMNS = 8  # post-its per row in the grid of not-yet-placed post-its
MAX_TEXT = rules.MAX_POSTIT


@dataclass(frozen=True)
class PostItView:
    id: str
    kind: str
    text: str
    theme_id: str
    x: float
    y: float
    position: float
    placed: bool
    author_id: str
    initials: str
    quote_id: str
    laid_out: bool = False  # True if x, y come from the automatic grid (never placed by a person)

    @property
    def label(self) -> str:
        """The sentence a screen reader says for this post-it."""
        return f"{KIND_LABELS.get(self.kind, self.kind)} by {self.initials or 'unknown'}: {self.text}"


@dataclass(frozen=True)
class ThemeView:
    id: str
    heading: str
    x: float
    y: float
    width: float
    height: float
    collapsed: bool

    @property
    def shown_height(self) -> float:
        return THEME_HEADER if self.collapsed else self.height

    def contains(self, cx: float, cy: float) -> bool:
        return self.x <= cx <= self.x + self.width and self.y <= cy <= self.y + self.shown_height


@dataclass(frozen=True)
class WallState:
    postits: tuple[PostItView, ...]
    themes: tuple[ThemeView, ...]

    def postit(self, postit_id: str) -> PostItView:
        for p in self.postits:
            if p.id == postit_id:
                return p
        raise NotFound("That post-it no longer exists.")

    def members(self, theme_id: str) -> list[PostItView]:
        return [p for p in self.postits if p.theme_id == theme_id]

    def column(self, kind: str) -> list[PostItView]:
        """An evening sheet: placed post-its in their order, then those still to be read out."""
        items = [p for p in self.postits if p.kind == kind]
        return sorted(items, key=lambda p: (not p.placed, p.position, p.id))


# --- reading ------------------------------------------------------------------------------------------------------


def _kinds_on(goal_id: str) -> tuple[str, ...]:
    return KINDS if goal_id == DAY2_WALL else (IDEA,)


def load_wall(store: Store, goal_id: str = DAY2_WALL) -> WallState:
    """The Day 2 wall, or (``goal_id``) that goal's idea wall."""
    kinds = _kinds_on(goal_id)
    with store.reading() as db:
        initials = dict(db.execute("SELECT id, initials FROM members WHERE NOT deleted"))
        prows = db.execute(
            "SELECT id, kind, text, theme_id, x, y, position, placed, author_id, quote_id FROM postits"
            f" WHERE NOT deleted AND goal_id = ? AND kind IN ({', '.join('?' * len(kinds))})",
            (goal_id, *kinds),
        ).fetchall()
        trows = db.execute(
            "SELECT id, heading, x, y, width, height, collapsed FROM themes WHERE NOT deleted AND goal_id = ?",
            (goal_id,),
        ).fetchall()
    themes = tuple(
        ThemeView(tid, heading, x, y, width, height, bool(collapsed))
        for tid, heading, x, y, width, height, collapsed in sorted(trows, key=lambda r: (r[3], r[2], r[0]))
    )
    live_themes = {t.id for t in themes}
    # Built field by field, not through ``rows.view_of``: a wall holds thousands of post-its, and looking each
    # field up by name cost more than reading the rows.
    postits = [
        PostItView(
            pid,
            kind,
            text,
            # a post-it whose theme was deleted elsewhere (a merge) is simply loose again
            theme_id if theme_id in live_themes else "",
            x,
            y,
            position,
            bool(placed),
            author_id,
            initials.get(author_id, ""),
            quote_id,
        )
        for pid, kind, text, theme_id, x, y, position, placed, author_id, quote_id in prows
    ]
    return WallState(tuple(_lay_out_unplaced(postits, themes)), themes)


def _is_unplaced(p: PostItView) -> bool:
    return p.x == 0.0 and p.y == 0.0 and not p.theme_id


def _lay_out_unplaced(postits: list[PostItView], themes: Sequence[ThemeView]) -> list[PostItView]:
    placed = [p for p in postits if not _is_unplaced(p)]
    waiting = sorted((p for p in postits if _is_unplaced(p)), key=lambda p: (_kind_rank(p.kind), p.position, p.id))
    if not waiting:
        return postits
    rights = [p.x + POSTIT_W for p in placed] + [t.x + t.width for t in themes]
    tops = [p.y for p in placed] + [t.y for t in themes]
    left = (max(rights) + 4 * GAP) if rights else 0.0
    top = min(tops) if tops else 0.0
    out = list(placed)
    y = top
    for kind in ALL_KINDS:
        group = [p for p in waiting if p.kind == kind]
        for i, p in enumerate(group):
            row, col = divmod(i, AUTO_COLUMNS)
            out.append(replace(p, x=left + col * (POSTIT_W + GAP), y=y + row * (POSTIT_H + GAP), laid_out=True))
        if group:
            rows = (len(group) + AUTO_COLUMNS - 1) // AUTO_COLUMNS
            y += rows * (POSTIT_H + GAP) + 3 * GAP
    return out


def _kind_rank(kind: str) -> int:
    return ALL_KINDS.index(kind) if kind in ALL_KINDS else len(ALL_KINDS)


def read_out_queue(state: WallState) -> list[PostItView]:
    """Post-its not yet read out, one author's at a time, roses before thorns before buds."""
    waiting = [p for p in state.postits if not p.placed]
    return sorted(waiting, key=lambda p: (p.initials, p.author_id, _kind_rank(p.kind), p.position, p.id))


# --- writing: post-its -----------------------------------------------------------------------------------------------


def _check_kind(kind: str, goal_id: str = DAY2_WALL) -> None:
    if goal_id != DAY2_WALL:
        if kind != IDEA:
            raise UserError("A goal's wall holds ideas only.")
    elif kind not in KINDS:
        raise UserError(f"A post-it is a rose, a thorn or a bud, not {kind!r}.")


def _check_goal(uow: UnitOfWork, goal_id: str) -> None:
    from peerdesk.store.models import Goal

    if goal_id != DAY2_WALL:
        goal = uow.session.get(Goal, goal_id)
        if goal is None or goal.deleted:
            raise NotFound("That goal no longer exists (it may have been removed).")


def _check_text(text: str) -> str:
    text = text.strip()
    if not text:
        raise UserError("A post-it needs some words on it.")
    if len(text) > MAX_TEXT:
        raise UserError(f"A post-it holds at most {MAX_TEXT} characters; this one has {len(text)}.")
    return text


def _next_position(uow: UnitOfWork, kind: str) -> float:
    from peerdesk.store.models import PostIt

    positions = [p.position for p in uow.query(PostIt, kind=kind)]
    return (max(positions) + 1.0) if positions else 0.0


def check_place(table: str, **values: float) -> None:
    """Coordinates and sizes keep the shared rules (finite, within the wall), as a colleague's bundle must."""
    for name, value in values.items():
        if rules.check(table, name, value) is not None:
            raise UserError(f"That is off the wall ({name} = {value!r}); keep it within ±{rules.MAX_COORD:,.0f}.")


def avoid_origin(x: float, y: float) -> tuple[float, float]:
    # (0, 0) means "never placed": a post-it really put there is nudged by a hair so it stays where it was put.
    return (x, y) if (x, y) != (0.0, 0.0) else (0.0, 0.01)


def add_postit(
    store: Store,
    kind: str,
    text: str,
    *,
    x: float | None = None,
    y: float | None = None,
    theme_id: str = "",
    quote_id: str = "",
    note_id: str = "",
    placed: bool = False,
    goal_id: str = DAY2_WALL,
    record_id: str | None = None,
) -> Edit:
    """A new post-it on the Day 2 wall, or (``goal_id``, kind "idea") on that goal's wall."""
    from peerdesk.store.models import PostIt, Theme

    _check_kind(kind, goal_id)
    text = _check_text(text)
    with recording(store) as rec:
        uow = rec.uow
        _check_goal(uow, goal_id)
        fields: dict[str, object] = {
            "kind": kind,
            "goal_id": goal_id,
            "text": text,
            "theme_id": theme_id,
            "quote_id": quote_id,
            "note_id": note_id,
            "placed": placed,
            "position": _next_position(uow, kind),
        }
        if x is not None and y is not None:
            check_place("postits", x=x, y=y)
            fields["x"], fields["y"] = avoid_origin(x, y)
        row = rec.add(PostIt, record_id, **fields)
        if theme_id:
            fit_theme(rec, uow.get(Theme, theme_id), [row])
    return rec.edit()


def edit_postit(store: Store, postit_id: str, text: str) -> Edit:
    from peerdesk.store.models import PostIt

    text = _check_text(text)
    with recording(store) as rec:
        uow = rec.uow
        rec.update(uow.get(PostIt, postit_id), text=text)
    return rec.edit()


def recolour(store: Store, postit_ids: Iterable[str], kind: str) -> Edit:
    from peerdesk.store.models import PostIt

    _check_kind(kind)
    with recording(store) as rec:
        uow = rec.uow
        position = _next_position(uow, kind)
        for pid in postit_ids:
            row = uow.get(PostIt, pid)
            if row.goal_id != DAY2_WALL:
                raise UserError("An idea stays an idea: only roses, thorns and buds change colour.")
            if row.kind != kind:
                rec.update(row, kind=kind, position=position)
                position += 1.0
    return rec.edit()


def delete_postits(store: Store, postit_ids: Iterable[str]) -> Edit:
    from peerdesk.store.models import PostIt

    with recording(store) as rec:
        uow = rec.uow
        for pid in postit_ids:
            rec.delete(uow.get(PostIt, pid))
    return rec.edit()


def set_placed(store: Store, postit_ids: Iterable[str], placed: bool = True) -> Edit:
    """Read out and put on its sheet (or taken back): a placed post-it goes to the end of its column."""
    from peerdesk.store.models import PostIt

    with recording(store) as rec:
        uow = rec.uow
        for pid in postit_ids:
            row = uow.get(PostIt, pid)
            if row.placed != placed:
                fields: dict[str, object] = {"placed": placed}
                if placed:
                    fields["position"] = _next_position(uow, row.kind)
                rec.update(row, **fields)
                uow.session.flush()
    return rec.edit()


def move_in_evening(store: Store, postit_ids: Sequence[str], kind: str, index: int) -> Edit:
    """Put post-its on the ``kind`` sheet at ``index`` (among its post-its); changing sheet changes colour."""
    from peerdesk.store.models import PostIt

    _check_kind(kind)
    with recording(store) as rec:
        uow = rec.uow
        moving = [uow.get(PostIt, pid) for pid in postit_ids]
        moving_ids = {r.id for r in moving}
        column = sorted(
            (r for r in uow.query(PostIt, kind=kind) if r.id not in moving_ids),
            key=lambda r: (not r.placed, r.position, r.id),
        )
        index = max(0, min(index, len(column)))
        placed = column[index - 1].placed if index > 0 else True
        ordered = [*column[:index], *moving, *column[index:]]
        for i, row in enumerate(ordered):
            fields: dict[str, object] = {"position": float(i)}
            if row.id in moving_ids:
                fields["kind"] = kind
                fields["placed"] = placed or row.placed
            rec.update(row, **fields)
    return rec.edit()


# --- geometry the canvas shares ----------------------------------------------------------------------------------


def theme_view(row: Theme) -> ThemeView:
    return ThemeView(row.id, row.heading, row.x, row.y, row.width, row.height, row.collapsed)


def bbox(rows: Iterable[PostIt]) -> tuple[float, float, float, float]:
    rows = list(rows)
    left = min(r.x for r in rows)
    top = min(r.y for r in rows)
    right = max(r.x + POSTIT_W for r in rows)
    bottom = max(r.y + POSTIT_H for r in rows)
    return left, top, right, bottom


def rect_around(rows: Iterable[PostIt]) -> dict[str, float]:
    left, top, right, bottom = bbox(rows)
    return {
        "x": left - THEME_PAD,
        "y": top - THEME_PAD - THEME_HEADER,
        "width": right - left + 2 * THEME_PAD,
        "height": bottom - top + 2 * THEME_PAD + THEME_HEADER,
    }


def fit_theme(rec: Recorder, theme: Theme, members: Iterable[PostIt]) -> None:
    """Grow a theme so every one of ``members`` lies inside it (a theme never shrinks by itself)."""
    members = list(members)
    if not members:
        return
    need = rect_around(members)
    left = min(theme.x, need["x"])
    top = min(theme.y, need["y"])
    right = max(theme.x + theme.width, need["x"] + need["width"])
    bottom = max(theme.y + theme.height, need["y"] + need["height"])
    rec.update(theme, x=left, y=top, width=right - left, height=bottom - top)

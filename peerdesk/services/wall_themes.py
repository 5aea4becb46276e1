"""The Day 2 canvas: post-its dragged into place, grouped into themes, themes moved, resized, merged and split.

Every write goes through a ``Recorder`` and returns an ``Edit`` (undoable), and keeps to one wall: a drop on the
Day 2 wall never lands a post-it in an idea wall's theme, or the other way round. Geometry is in wall units
(``wall.POSTIT_W`` × ``wall.POSTIT_H``); a theme grows to hold what joins it and never shrinks by itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from peerdesk.errors import UserError
from peerdesk.services import wall, wall_layout
from peerdesk.services.edits import Edit, Recorder, recording
from peerdesk.services.wall import DAY2_WALL, GAP, POSTIT_H, POSTIT_W, THEME_HEADER, THEME_PAD, WallState
from peerdesk.store.engine import Store

if TYPE_CHECKING:
    from peerdesk.store.models import PostIt, Theme
    from peerdesk.store.uow import UnitOfWork


def _theme_at(themes: Sequence[Theme], cx: float, cy: float) -> Theme | None:
    """The smallest theme whose visible area holds the point: the one a person dropping there means."""
    hits = [t for t in themes if wall.theme_view(t).contains(cx, cy)]
    return min(hits, key=lambda t: t.width * t.height) if hits else None


def move_postits(store: Store, positions: Mapping[str, tuple[float, float]]) -> Edit:
    """A drop: post-its take their new places and join the theme they land in (or none)."""
    from peerdesk.store.models import PostIt, Theme

    with recording(store) as rec:
        uow = rec.uow
        rows = {pid: uow.get(PostIt, pid) for pid in positions}
        themes = uow.query(Theme, goal_id=_one_wall(rows.values()))
        joined: dict[str, list[PostIt]] = {}
        for pid, (x, y) in positions.items():
            row = rows[pid]
            wall.check_place("postits", x=x, y=y)
            x, y = wall.avoid_origin(x, y)
            target = _theme_at(themes, x + POSTIT_W / 2, y + POSTIT_H / 2)
            rec.update(row, x=x, y=y, theme_id=target.id if target else "")
            if target is not None:
                joined.setdefault(target.id, []).append(row)
        for theme in themes:
            if theme.id in joined:
                wall.fit_theme(rec, theme, joined[theme.id])
    return rec.edit()


def _one_wall(rows: Iterable[PostIt]) -> str:
    """The goal_id of the wall all ``rows`` are on; refuses a mix (the UI only ever shows one wall)."""
    walls = {r.goal_id for r in rows}
    if len(walls) > 1:
        raise UserError("Those post-its are on different walls: move or group them one wall at a time.")
    return walls.pop() if walls else DAY2_WALL


def _new_theme(rec: Recorder, members: list[PostIt], heading: str) -> Theme:
    from peerdesk.store.models import Theme

    goal_id = _one_wall(members)
    theme = rec.add(Theme, None, heading=heading.strip(), goal_id=goal_id, collapsed=False, **wall.rect_around(members))
    for row in members:
        rec.update(row, theme_id=theme.id)
    return theme


def _wall_of(store: Store, record_id: str, *, theme: bool = False) -> WallState:
    """The wall a post-it (or ``theme``) is on: the Day 2 wall, or its goal's idea wall."""
    from peerdesk.store.models import PostIt, Theme

    with store.session() as s:
        row = s.get(Theme, record_id) if theme else s.get(PostIt, record_id)
        goal_id = row.goal_id if row is not None else DAY2_WALL
    return wall.load_wall(store, goal_id)


def _shown_places(store: Store, postit_id: str) -> dict[str, tuple[float, float]]:
    """Where the never-placed post-its on ``postit_id``'s wall are shown now (the automatic grid)."""
    return {p.id: (p.x, p.y) for p in _wall_of(store, postit_id).postits if p.laid_out}


def _pin(rec: Recorder, rows: Iterable[PostIt], shown: Mapping[str, tuple[float, float]]) -> None:
    # A post-it grouped straight from the automatic grid keeps the place people saw it in.
    for row in rows:
        if row.id in shown and (row.x, row.y) == (0.0, 0.0):
            rec.update(row, x=shown[row.id][0], y=shown[row.id][1])


def group_as_theme(store: Store, postit_ids: Sequence[str], heading: str = "") -> Edit:
    """A new theme around the given post-its (taking them out of any theme they were in)."""
    from peerdesk.store.models import PostIt

    if not postit_ids:
        raise UserError("Select the post-its to group first.")
    shown = _shown_places(store, postit_ids[0])
    with recording(store) as rec:
        uow = rec.uow
        members = [uow.get(PostIt, pid) for pid in postit_ids]
        _pin(rec, members, shown)
        _new_theme(rec, members, heading)
    return rec.edit()


def drop_on(store: Store, postit_ids: Sequence[str], target_id: str) -> Edit:
    """Post-its dropped on another post-it: they join its theme, or the two make a new theme together.

    The dropped post-its are laid out in rows below the target's theme (or beside the target), so nothing
    ends up hidden under something else.
    """
    from peerdesk.store.models import PostIt, Theme

    dropped_ids = [pid for pid in postit_ids if pid != target_id]
    if not dropped_ids:
        raise UserError("Drop the post-its on a different post-it.")
    shown = _shown_places(store, target_id)
    with recording(store) as rec:
        uow = rec.uow
        target = uow.get(PostIt, target_id)
        dropped = [uow.get(PostIt, pid) for pid in dropped_ids]
        _one_wall([target, *dropped])
        _pin(rec, [target], shown)
        theme = uow.get(Theme, target.theme_id) if target.theme_id and _live(uow, target.theme_id) else None
        if theme is not None:
            _into_theme(rec, theme, dropped)
        else:
            _in_rows(rec, dropped, target.x + POSTIT_W + GAP, target.y, 3)
            _new_theme(rec, [target, *dropped], "")
    return rec.edit()


def join_theme(store: Store, postit_ids: Sequence[str], theme_id: str) -> Edit:
    """Post-its put into a theme chosen by name (Move to theme…): what dropping them on one of its post-its does,
    for a theme that may have none yet and without a mouse."""
    from peerdesk.store.models import PostIt, Theme

    if not postit_ids:
        raise UserError("Select the post-its to move into the theme.")
    with recording(store) as rec:
        uow = rec.uow
        if not _live(uow, theme_id):
            raise UserError("That theme is no longer on the wall.")
        theme = uow.get(Theme, theme_id)
        rows = [uow.get(PostIt, pid) for pid in dict.fromkeys(postit_ids)]
        if _one_wall(rows) != theme.goal_id:
            raise UserError("Move post-its into a theme on their own wall.")
        moving = [r for r in rows if r.theme_id != theme.id]
        if not moving:
            raise UserError("Those post-its are in that theme already.")
        _into_theme(rec, theme, moving)
    return rec.edit()


def _into_theme(rec: Recorder, theme: Theme, rows: list[PostIt]) -> None:
    """``rows`` join ``theme`` in rows below its post-its (nothing hidden under anything), the theme open and grown
    around them."""
    from peerdesk.store.models import PostIt

    moving = {r.id for r in rows}
    others = [r for r in rec.uow.query(PostIt, theme_id=theme.id) if r.id not in moving]
    top = max(r.y + POSTIT_H for r in others) + GAP if others else theme.y + THEME_HEADER + THEME_PAD
    columns = max(1, int((theme.width - 2 * THEME_PAD + GAP) // (POSTIT_W + GAP)))
    _in_rows(rec, rows, theme.x + THEME_PAD, top, columns)
    for row in rows:
        rec.update(row, theme_id=theme.id)
    rec.update(theme, collapsed=False)
    wall.fit_theme(rec, theme, rows)


def _in_rows(rec: Recorder, rows: list[PostIt], left: float, top: float, columns: int) -> None:
    for i, row in enumerate(rows):
        r, c = divmod(i, columns)
        rec.update(row, x=left + c * (POSTIT_W + GAP), y=top + r * (POSTIT_H + GAP))


def _live(uow: UnitOfWork, theme_id: str) -> bool:
    from peerdesk.store.models import Theme

    row = uow.session.get(Theme, theme_id)
    return row is not None and not row.deleted


def ungroup(store: Store, theme_id: str) -> Edit:
    """Remove a theme; its post-its stay where they are, in no theme."""
    from peerdesk.store.models import PostIt, Theme

    with recording(store) as rec:
        uow = rec.uow
        theme = uow.get(Theme, theme_id)
        for row in uow.query(PostIt, theme_id=theme_id):
            rec.update(row, theme_id="")
        rec.delete(theme)
    return rec.edit()


def set_heading(store: Store, theme_id: str, heading: str) -> Edit:
    from peerdesk.store.models import Theme

    with recording(store) as rec:
        uow = rec.uow
        rec.update(uow.get(Theme, theme_id), heading=heading.strip())
    return rec.edit()


def move_theme(store: Store, theme_id: str, x: float, y: float) -> Edit:
    """Move a theme with all its post-its."""
    from peerdesk.store.models import PostIt, Theme

    with recording(store) as rec:
        uow = rec.uow
        theme = uow.get(Theme, theme_id)
        wall.check_place("themes", x=x, y=y)
        dx, dy = x - theme.x, y - theme.y
        rec.update(theme, x=x, y=y)
        for row in uow.query(PostIt, theme_id=theme_id):
            wall.check_place("postits", x=row.x + dx, y=row.y + dy)
            rec.update(row, x=row.x + dx, y=row.y + dy)
    return rec.edit()


def min_theme_size(state: WallState, theme_id: str, theme_x: float, theme_y: float) -> tuple[float, float]:
    """The smallest width and height that still hold every post-it of the theme (and its heading)."""
    members = state.members(theme_id)
    width = 2 * POSTIT_W
    height = THEME_HEADER + 2 * THEME_PAD
    for p in members:
        width = max(width, p.x + POSTIT_W + THEME_PAD - theme_x)
        height = max(height, p.y + POSTIT_H + THEME_PAD - theme_y)
    return width, height


def resize_theme(store: Store, theme_id: str, width: float, height: float) -> Edit:
    from peerdesk.store.models import PostIt, Theme

    with recording(store) as rec:
        uow = rec.uow
        theme = uow.get(Theme, theme_id)
        members = uow.query(PostIt, theme_id=theme_id)
        min_w, min_h = 2 * POSTIT_W, THEME_HEADER + 2 * THEME_PAD
        for row in members:
            min_w = max(min_w, row.x + POSTIT_W + THEME_PAD - theme.x)
            min_h = max(min_h, row.y + POSTIT_H + THEME_PAD - theme.y)
        wall.check_place("themes", width=max(width, min_w), height=max(height, min_h))
        rec.update(theme, width=max(width, min_w), height=max(height, min_h))
    return rec.edit()


def set_collapsed(store: Store, theme_id: str, collapsed: bool) -> Edit:
    from peerdesk.store.models import Theme

    with recording(store) as rec:
        uow = rec.uow
        rec.update(uow.get(Theme, theme_id), collapsed=collapsed)
    return rec.edit()


def merge_themes(store: Store, theme_ids: Sequence[str]) -> Edit:
    """Merge themes into the first: it takes every post-it and the others go. The post-its are gathered into a
    grid from the first theme's corner (or the nearest free place), so that its frame covers no theme between them.
    """
    from peerdesk.store.models import PostIt, Theme

    ids = list(dict.fromkeys(theme_ids))
    if len(ids) < 2:
        raise UserError("Select at least two themes to merge.")
    state = _wall_of(store, ids[0], theme=True)
    members = [p.id for p in state.postits if p.theme_id in ids]
    apart = WallState(state.postits, tuple(t for t in state.themes if t.id not in ids))  # what must stay clear
    with recording(store) as rec:
        uow = rec.uow
        themes = [uow.get(Theme, tid) for tid in ids]
        into, others = themes[0], themes[1:]
        heading = into.heading or next((t.heading for t in others if t.heading), "")
        places = wall_layout.theme_places(apart, members, at=(into.x + THEME_PAD, into.y + THEME_HEADER + THEME_PAD))
        for pid, (x, y) in places.items():
            rec.update(uow.get(PostIt, pid), x=x, y=y, theme_id=into.id)
        if places:
            left, top, right, bottom = wall_layout.frame_of(list(places.values()))
        else:  # themes without post-its: the frame covering them all, as before
            left, top = min(t.x for t in themes), min(t.y for t in themes)
            right, bottom = max(t.x + t.width for t in themes), max(t.y + t.height for t in themes)
        rec.update(into, heading=heading, x=left, y=top, width=right - left, height=bottom - top, collapsed=False)
        for theme in others:
            rec.delete(theme)
    return rec.edit()


def split_theme(store: Store, postit_ids: Sequence[str], heading: str = "") -> Edit:
    """Take some post-its out of their theme into a new theme: just to the right of the old one, or the nearest
    place from there where its frame covers no other theme or post-it (themes often stand side by side)."""
    from peerdesk.store.models import PostIt, Theme

    if not postit_ids:
        raise UserError("Select the post-its that should form the new theme.")
    state = _wall_of(store, postit_ids[0])
    with recording(store) as rec:
        uow = rec.uow
        rows = [uow.get(PostIt, pid) for pid in postit_ids]
        theme_ids = {r.theme_id for r in rows}
        if len(theme_ids) != 1 or "" in theme_ids:
            raise UserError("To split a theme, select post-its from that one theme only.")
        old = uow.get(Theme, theme_ids.pop())
        if len(uow.query(PostIt, theme_id=old.id)) == len(rows):
            raise UserError("Leave at least one post-it in the theme you split.")
        beside = (old.x + old.width + 3 * GAP + THEME_PAD, old.y + THEME_HEADER + THEME_PAD)
        places = wall_layout.theme_places(state, [r.id for r in rows], at=beside)
        for row in rows:
            rec.update(row, x=places[row.id][0], y=places[row.id][1])
        _new_theme(rec, rows, heading)
    return rec.edit()

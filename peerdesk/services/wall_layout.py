"""Where post-its go when they become a theme, so that the theme's frame holds its members and nothing else.

A theme's frame is drawn around its post-its. Grouping post-its picked from far apart (Ctrl+click, or a lasso that
crossed a gap) would draw a frame over post-its that are not in it: what people see would not be what is stored.
So the members are first gathered into a compact grid where the first of them stood, and if that frame would still
cover another post-it or theme, the grid moves to the nearest free place. Pure geometry: no store, no Qt.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence

from peerdesk.services.wall import GAP, POSTIT_H, POSTIT_W, THEME_HEADER, THEME_PAD, WallState

Rect = tuple[float, float, float, float]  # left, top, right, bottom
MAX_COLUMNS = 4
SEARCH_STEPS = 12  # how far (in post-it widths and heights) to look for a free place before giving up


def _columns(n: int) -> int:
    return max(1, min(MAX_COLUMNS, math.ceil(math.sqrt(n))))


def _grid(n: int, left: float, top: float) -> list[tuple[float, float]]:
    columns = _columns(n)
    return [(left + (i % columns) * (POSTIT_W + GAP), top + (i // columns) * (POSTIT_H + GAP)) for i in range(n)]


def frame_of(places: Sequence[tuple[float, float]]) -> Rect:
    """The frame a theme gets around post-its at ``places`` (the same padding the wall service uses)."""
    left = min(x for x, _ in places) - THEME_PAD
    top = min(y for _, y in places) - THEME_PAD - THEME_HEADER
    right = max(x for x, _ in places) + POSTIT_W + THEME_PAD
    bottom = max(y for _, y in places) + POSTIT_H + THEME_PAD
    return left, top, right, bottom


def _overlaps(a: Rect, b: Rect) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def obstacles(state: WallState, members: set[str]) -> list[Rect]:
    """What a new theme's frame must not cover: other post-its on show, and every theme's visible frame."""
    found: list[Rect] = [
        (p.x, p.y, p.x + POSTIT_W, p.y + POSTIT_H) for p in state.postits if p.id not in members and not p.theme_id
    ]
    found += [(t.x, t.y, t.x + t.width, t.y + t.shown_height) for t in state.themes]
    return found


def _offsets() -> Iterator[tuple[float, float]]:
    """Shifts to try, nearest first: right and down before left and up, so the theme stays where people look."""
    step_x, step_y = POSTIT_W + GAP, POSTIT_H + GAP
    shifts = [(i, j) for i in range(-SEARCH_STEPS, SEARCH_STEPS + 1) for j in range(-SEARCH_STEPS, SEARCH_STEPS + 1)]
    shifts.sort(key=lambda s: (s[0] ** 2 + s[1] ** 2, s[0] < 0 or s[1] < 0, abs(s[1]), s[0]))
    for i, j in shifts:
        yield i * step_x, j * step_y


def theme_places(
    state: WallState, postit_ids: Sequence[str], *, at: tuple[float, float] | None = None
) -> dict[str, tuple[float, float]]:
    """New places for ``postit_ids`` (in reading order) such that their theme's frame covers nothing else: a grid
    from where the first of them stands, or from ``at``, moved to the nearest free place.

    Post-its in themes count by their theme's frame, so members taken out of a theme leave it before they land.
    """
    members = [state.postit(pid) for pid in postit_ids]
    if not members:
        return {}
    members.sort(key=lambda p: (p.y, p.x))
    left, top = at or (min(p.x for p in members), min(p.y for p in members))
    grid = _grid(len(members), left, top)
    blocked = obstacles(state, {p.id for p in members})
    frame = frame_of(grid)
    for dx, dy in _offsets():
        moved = (frame[0] + dx, frame[1] + dy, frame[2] + dx, frame[3] + dy)
        if not any(_overlaps(moved, b) for b in blocked):
            return {p.id: (x + dx, y + dy) for p, (x, y) in zip(members, grid, strict=True)}
    return {p.id: place for p, place in zip(members, grid, strict=True)}  # a crowded wall: the compact grid at least


def free_place(state: WallState, x: float, y: float) -> tuple[float, float]:
    """Where one new post-it wanted at ``x, y`` goes: there, or the nearest place where it covers no post-it and
    no theme (on top of others it would hide their words, and sit in a theme's frame without being in it)."""
    blocked = obstacles(state, set())
    margin = GAP / 2
    for dx, dy in _offsets():
        here = (x + dx - margin, y + dy - margin, x + dx + POSTIT_W + margin, y + dy + POSTIT_H + margin)
        if not any(_overlaps(here, b) for b in blocked):
            return x + dx, y + dy
    return x, y  # a wall crowded all round: where it was asked for

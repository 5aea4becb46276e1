"""Theme edits on the wall's selection: group, split, ungroup, merge, move into a theme. Each is one undo step.

Grouping gathers the members first (``services/wall_layout.py``) so that the new theme's frame holds the selected
post-its and no other: the frame people see is the theme that is stored.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from peerdesk.services import wall_layout, wall_themes
from peerdesk.ui.wall.frames import HeadingItem
from peerdesk.ui.wall.scene import WallScene
from peerdesk.ui.wall.theme_picker import pick_theme


def group(scene: WallScene) -> str | None:
    """A new theme of the selected post-its; returns its id (None if nothing was grouped)."""
    ids = scene.selected_postits()
    if not ids:
        return None
    places = {
        pid: xy
        for pid, xy in wall_layout.theme_places(scene.state, ids).items()
        if (scene.state.postit(pid).x, scene.state.postit(pid).y) != xy
    }
    stack = scene.session.undo_stack
    stack.beginMacro("Group as theme")
    try:
        if places:
            scene.run("Gather post-its", lambda s: wall_themes.move_postits(s, places))
        edit = scene.run("Group as theme", lambda s: wall_themes.group_as_theme(s, ids))
    finally:
        stack.endMacro()
    return edit.created_id if edit is not None and edit.created else None


def split(scene: WallScene) -> str | None:
    """The selected post-its leave their theme for a new one of their own; returns its id."""
    ids = scene.selected_postits()
    if not ids:
        return None
    edit = scene.run("Split theme", lambda s: wall_themes.split_theme(s, ids))
    return edit.created_id if edit is not None and edit.created else None


def ungroup(scene: WallScene) -> None:
    themes = scene.selected_themes()
    if not themes:
        return
    stack = scene.session.undo_stack
    stack.beginMacro("Ungroup")
    try:
        for tid in themes:
            scene.run("Ungroup", lambda s, tid=tid: wall_themes.ungroup(s, tid))  # type: ignore[misc]
    finally:
        stack.endMacro()


def merge(scene: WallScene, parent: QWidget | None = None) -> None:
    """Merge the selected themes; with one selected, the theme to merge it with is asked for by name (``parent``:
    the dialog's), so that merging needs no second selection across the canvas."""
    themes = scene.selected_themes()
    if len(themes) == 1 and parent is not None:
        heading = next(t.heading for t in scene.state.themes if t.id == themes[0]) or "this theme"
        other = pick_theme(parent, f"Merge “{heading}” with…", "Merge", _themes_in_order(scene, set(themes)))
        themes = themes if other is None else [*themes, other]
    # The top-left theme keeps its heading and place (Qt does not keep the order things were selected in).
    items = scene.themes
    themes = sorted(themes, key=lambda t: (items[t].y(), items[t].x()))
    if len(themes) >= 2:
        scene.run("Merge themes", lambda s: wall_themes.merge_themes(s, themes))


def themes_to_move_into(scene: WallScene) -> list[tuple[str, str]]:
    """The themes the selected post-its could move into (id, heading): all but the one they all are in already."""
    postits = scene.selected_postits()
    if not postits:
        return []
    theirs = {scene.state.postit(p).theme_id for p in postits}
    return _themes_in_order(scene, theirs if len(theirs) == 1 else set())


def move_to_theme(scene: WallScene, parent: QWidget) -> str | None:
    """Move to theme…: the selected post-its into a theme picked by name, as a drop on that theme's post-its
    would put them (``wall_themes.join_theme``). Returns the theme's id, None if nothing moved."""
    ids = scene.selected_postits()
    choices = themes_to_move_into(scene)
    if not choices:
        return None
    noun = "post-it" if len(ids) == 1 else f"{len(ids)} post-its"
    theme_id = pick_theme(parent, f"Move {noun} to theme", "Move", choices)
    if theme_id is None:
        return None
    edit = scene.run("Move to theme", lambda s: wall_themes.join_theme(s, ids, theme_id))
    return theme_id if edit is not None and edit.tables else None


def fold(scene: WallScene) -> None:
    """Collapse the selected themes to their headings, or open them."""
    for tid in scene.selected_themes():
        scene.toggle_collapsed(tid)


def _themes_in_order(scene: WallScene, leave_out: set[str]) -> list[tuple[str, str]]:
    """The wall's themes as people read the wall (top to bottom, then left to right), ``leave_out`` left out."""
    themes = sorted(scene.state.themes, key=lambda t: (t.y, t.x))
    return [(t.id, t.heading) for t in themes if t.id not in leave_out]


def finish_heading(scene: WallScene) -> None:
    """Keep a heading still being typed (as Enter would) before acting on its theme: Ctrl+I straight after typing
    made the insight from the heading as it was, an empty statement for a theme just grouped."""
    item = scene.focusItem()
    if isinstance(item, HeadingItem) and item.editing:
        item.theme.setFocus(Qt.FocusReason.OtherFocusReason)  # its focus-out saves it


def theme_in_hand(scene: WallScene) -> str | None:
    """The theme the user means: the one selected, or the one every selected post-it is in."""
    themes = scene.selected_themes()
    postits = {scene.state.postit(p).theme_id for p in scene.selected_postits()}
    if len(themes) == 1 and not postits - {themes[0]}:
        return themes[0]
    if not themes and len(postits) == 1 and "" not in postits:
        return postits.pop()
    return None

"""The wall's rules, on a real review file: every write can be undone and redone exactly, and survives reopening."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from peerdesk.errors import UserError
from peerdesk.services import edits, wall, wall_themes
from peerdesk.store.engine import Store
from tests.helpers.wall_data import seed_postits


def test_a_new_post_it_is_unplaced_and_laid_out_in_a_grid_beside_the_rest(store: Store) -> None:
    ids = seed_postits(store, positioned=False)
    state = wall.load_wall(store)
    assert {p.id for p in state.postits} == set(ids)
    assert all(p.laid_out for p in state.postits)
    positions = {(p.x, p.y) for p in state.postits}
    assert len(positions) == len(ids), "no two post-its in the same place"


def test_heading_collapse_recolour_edit_and_delete_are_each_undoable(store: Store) -> None:
    a, b, *_ = seed_postits(store)
    theme_id = wall_themes.group_as_theme(store, [a, b]).created_id
    start = wall.load_wall(store)
    operations: list[Callable[[], edits.Edit]] = [
        lambda: wall_themes.set_heading(store, theme_id, "  Leaders listen "),
        lambda: wall_themes.set_collapsed(store, theme_id, True),
        lambda: wall.recolour(store, [a], "bud"),
        lambda: wall.edit_postit(store, b, "Reworded"),
        lambda: wall.delete_postits(store, [a]),
    ]
    for operation in operations:
        edit = operation()
        assert edit.tables and wall.load_wall(store) != start
        edits.undo(store, edit)
        assert wall.load_wall(store) == start
        edits.redo(store, edit)
        edits.undo(store, edit)


def test_post_it_text_and_kind_are_checked(store: Store) -> None:
    with pytest.raises(UserError):
        wall.add_postit(store, "rose", "   ")
    with pytest.raises(UserError):
        wall.add_postit(store, "weed", "text")


def test_evening_columns_show_placed_post_its_in_order_then_those_to_read_out(store: Store) -> None:
    ids = [wall.add_postit(store, "rose", f"R{i}").created_id for i in range(3)]
    wall.set_placed(store, [ids[2]])
    wall.set_placed(store, [ids[0]])
    column = wall.load_wall(store).column("rose")
    assert [p.id for p in column] == [ids[2], ids[0], ids[1]]
    assert [p.placed for p in column] == [True, True, False]


def test_moving_to_another_evening_sheet_changes_the_colour_and_order(store: Store) -> None:
    r = [wall.add_postit(store, "rose", f"R{i}", placed=True).created_id for i in range(2)]
    t = [wall.add_postit(store, "thorn", f"T{i}", placed=True).created_id for i in range(2)]
    edit = wall.move_in_evening(store, [r[1]], "thorn", 1)
    state = wall.load_wall(store)
    assert [p.id for p in state.column("thorn")] == [t[0], r[1], t[1]]
    assert state.postit(r[1]).kind == "thorn"
    edits.undo(store, edit)
    assert wall.load_wall(store).postit(r[1]).kind == "rose"


def test_read_out_order_goes_author_by_author_roses_first(store: Store) -> None:
    wall.add_postit(store, "bud", "B")
    wall.add_postit(store, "rose", "R")
    queue = wall.read_out_queue(wall.load_wall(store))
    assert [p.text for p in queue] == ["R", "B"]

"""The wall's rules, on a real review file: every write can be undone and redone exactly, and survives reopening;
each workshop goal has a wall of its own, with the Day 2 wall's rules, that never mixes with another wall."""

from __future__ import annotations

import uuid
from collections.abc import Callable

import pytest

from peerdesk.errors import NotFound, UserError
from peerdesk.services import edits, insights, wall, wall_csv, wall_themes, workshop_goals
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


def _goal(store: Store, text: str = "Decisions at the front door are consistent") -> str:
    insight = str(uuid.uuid4())
    insights.create_insight(store, insight, statement="Thresholds are applied unevenly")
    return workshop_goals.add_goal(store, insight, text)[0]


def _ideas(store: Store, goal_id: str, *texts: str) -> list[str]:
    return [wall.add_postit(store, wall.IDEA, t, goal_id=goal_id).created_id for t in texts]


def test_a_goals_wall_shows_its_ideas_only_and_the_day2_wall_none_of_them(store: Store) -> None:
    day2 = seed_postits(store)
    goal, other = _goal(store), _goal(store, "Families hear one story")
    mine = _ideas(store, goal, "Shadow a duty manager", "A weekly huddle")
    theirs = _ideas(store, other, "One crib sheet")
    assert {p.id for p in wall.load_wall(store, goal).postits} == set(mine)
    assert {p.id for p in wall.load_wall(store, other).postits} == set(theirs)
    assert {p.id for p in wall.load_wall(store).postits} == set(day2)
    assert all(p.laid_out and p.kind == "idea" for p in wall.load_wall(store, goal).postits)
    assert wall.load_wall(store, goal).postits[0].label.startswith("Idea by ")


def test_ideas_group_into_themes_that_stay_on_their_goals_wall(store: Store) -> None:
    goal = _goal(store)
    a, b, c = _ideas(store, goal, "Shadow a duty manager", "A weekly huddle", "Swap desks for a day")
    edit = wall_themes.group_as_theme(store, [a, b], "Learning from each other")
    state = wall.load_wall(store, goal)
    assert [t.heading for t in state.themes] == ["Learning from each other"]
    assert {p.id for p in state.members(edit.created_id)} == {a, b}
    assert wall.load_wall(store).themes == (), "the Day 2 wall does not show a goal's themes"
    # ... and an idea theme is not offered as evidence for an insight, nor accepted as one
    assert all(heading != "Learning from each other" for _, heading, _ in insights.themes(store))
    with pytest.raises(UserError, match="Day 2 wall"):
        insights.create_insight(store, str(uuid.uuid4()), theme_id=edit.created_id)
    wall_themes.drop_on(store, [c], a)
    assert {p.id for p in wall.load_wall(store, goal).members(edit.created_id)} == {a, b, c}


def test_a_drop_never_lands_in_another_walls_theme(store: Store) -> None:
    rose, thorn, *_ = seed_postits(store)
    day2_theme = wall_themes.group_as_theme(store, [rose, thorn], "Front door").created_id
    box = next(t for t in wall.load_wall(store).themes if t.id == day2_theme)
    goal = _goal(store)
    [idea] = _ideas(store, goal, "A weekly huddle")
    # Dropped where the Day 2 theme sits: on the goal's wall there is nothing there, so it stays loose.
    wall_themes.move_postits(store, {idea: (box.x + 20, box.y + 60)})
    assert wall.load_wall(store, goal).postit(idea).theme_id == ""
    with pytest.raises(UserError, match="different walls"):
        wall_themes.drop_on(store, [idea], rose)
    with pytest.raises(UserError, match="different walls"):
        wall_themes.group_as_theme(store, [idea, rose])


def test_an_idea_keeps_its_kind_and_needs_a_live_goal(store: Store) -> None:
    goal = _goal(store)
    [idea] = _ideas(store, goal, "A weekly huddle")
    with pytest.raises(UserError):
        wall.recolour(store, [idea], "rose")
    with pytest.raises(UserError):
        wall.add_postit(store, "rose", "Not here", goal_id=goal)
    with pytest.raises(UserError):
        wall.add_postit(store, wall.IDEA, "Not on the Day 2 wall")
    workshop_goals.remove_goal(store, goal)
    with pytest.raises(NotFound):
        wall.add_postit(store, wall.IDEA, "Too late", goal_id=goal)


def test_idea_wall_edits_undo_and_redo_exactly(store: Store) -> None:
    goal = _goal(store)
    a, b = _ideas(store, goal, "Shadow a duty manager", "A weekly huddle")
    before = wall.load_wall(store, goal)
    edit = wall_themes.group_as_theme(store, [a, b], "Learning")
    after = wall.load_wall(store, goal)
    edits.undo(store, edit)
    assert wall.load_wall(store, goal) == before
    edits.redo(store, edit)
    assert wall.load_wall(store, goal) == after


def test_a_goals_wall_exports_as_csv(store: Store) -> None:
    goal = _goal(store)
    _ideas(store, goal, "=A weekly huddle")
    text = wall_csv.wall_csv(store, goal)
    assert text.splitlines()[1].startswith("(no theme),Idea,'=A weekly huddle,")

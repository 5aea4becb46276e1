"""The wall's scene: one item per post-it and theme, kept in step with the file after every write."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from peerdesk.services import wall, wall_themes
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.wall.scene import DAY2, EVENING, WallScene
from tests.helpers.wall_data import seed_postits


def test_every_post_it_has_an_item_and_a_theme_appears_after_grouping(qtbot: QtBot, session: ReviewSession) -> None:
    ids = seed_postits(session.store)
    scene = WallScene(session)
    assert set(scene.postits) == set(ids) and scene.themes == {}
    edit = wall_themes.group_as_theme(session.store, ids[:2], "Being heard")
    session.notify(edit)
    assert list(scene.themes) == [edit.created_id]
    assert not scene.is_idea_wall and scene.content_rect().width() > 0


def test_the_evening_mode_shows_sheets_instead_of_themes(qtbot: QtBot, session: ReviewSession) -> None:
    ids = seed_postits(session.store)
    session.notify(wall_themes.group_as_theme(session.store, ids[:2], "Being heard"))
    scene = WallScene(session, EVENING)
    assert scene.themes == {} and scene.sheets
    scene.set_mode(DAY2)
    assert scene.themes and scene.mode == DAY2


def test_a_deleted_post_it_leaves_the_scene_and_selection_is_read_back(qtbot: QtBot, session: ReviewSession) -> None:
    ids = seed_postits(session.store)
    scene = WallScene(session)
    scene.postits[ids[1]].setSelected(True)
    assert scene.selected_postits() == [ids[1]]
    session.notify(wall.delete_postits(session.store, [ids[0]]))
    assert ids[0] not in scene.postits and len(scene.postits) == len(ids) - 1

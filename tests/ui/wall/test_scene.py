"""The wall's scene: one item per post-it and theme, kept in step with the file after every write."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from peerdesk.services import wall, wall_themes
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.wall.scene import DAY2, EVENING, WallScene
from tests.helpers.layout import tooltip_shown
from tests.helpers.wall_data import seed_postits

MARKUP = "<img src='file:///etc/passwd'> <b>Fish</b> & chips"  # as a colleague's bundle could bring it


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


def test_resting_the_pointer_on_a_post_it_shows_what_it_says_and_whether_it_is_still_to_read_out(
    qtbot: QtBot, session: ReviewSession
) -> None:
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    from peerdesk.ui.wall.view import WallView

    ids = seed_postits(session.store, positioned=False)  # still to be read out: dimmed on the evening sheets
    scene = WallScene(session, EVENING)
    view = WallView(scene)
    view.resize(900, 700)
    view.show()
    qtbot.waitExposed(view)
    postit = scene.postits[ids[0]]
    assert postit.dimmed
    at = view.mapFromScene(postit.sceneBoundingRect().center())
    QApplication.sendEvent(view.viewport(), QHelpEvent(QEvent.Type.ToolTip, at, view.viewport().mapToGlobal(at)))
    assert tooltip_shown(QToolTip.text()) == f"{postit.view.label} (not read out yet)"
    empty = view.mapFromScene(scene.content_rect().bottomRight()) + QPoint(40, 40)
    QApplication.sendEvent(view.viewport(), QHelpEvent(QEvent.Type.ToolTip, empty, view.viewport().mapToGlobal(empty)))
    qtbot.waitUntil(lambda: QToolTip.text() == "")  # nothing under the pointer: the tooltip goes


def test_reading_a_big_wall_sets_off_no_garbage_collection_on_the_way(qtbot: QtBot, session: ReviewSession) -> None:
    # Thousands of items and views, none of them garbage: collections there walked every object of the app.
    import gc

    from tests.helpers.wall_data import seed_many

    seed_many(session.store, 2000)
    started: list[int] = []

    def count(phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            started.append(1)

    gc.enable()
    gc.callbacks.append(count)
    try:
        scene = WallScene(session)
    finally:
        gc.callbacks.remove(count)
    # One at most, of the youngest objects, once the reading is over; left on, it set off a collection every few
    # hundred objects made, some of them walking every object in the app.
    assert len(scene.postits) == 2000 and len(started) <= 1
    assert gc.isenabled()


def test_a_post_it_and_a_theme_show_a_colleagues_markup_as_written_when_pointed_at(
    qtbot: QtBot, session: ReviewSession
) -> None:
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    from peerdesk.ui.wall.view import WallView

    postit = wall.add_postit(session.store, "rose", MARKUP, x=100.0, y=100.0, placed=True).created_id
    other = wall.add_postit(session.store, "bud", "Plain words", x=400.0, y=100.0, placed=True).created_id
    theme = wall_themes.group_as_theme(session.store, [other], MARKUP).created_id
    scene = WallScene(session, DAY2)
    view = WallView(scene)
    view.resize(900, 700)
    view.show()
    qtbot.waitExposed(view)
    at = view.mapFromScene(scene.postits[postit].sceneBoundingRect().center())
    QApplication.sendEvent(view.viewport(), QHelpEvent(QEvent.Type.ToolTip, at, view.viewport().mapToGlobal(at)))
    assert MARKUP in tooltip_shown(QToolTip.text())
    assert MARKUP in tooltip_shown(scene.themes[theme].toolTip())

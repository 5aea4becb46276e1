"""The window onto the wall: zoom within limits, fit all, arrow keys move the focus between post-its."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.wall.items import TEXT_FONT
from peerdesk.ui.wall.scene import EVENING, WallScene
from peerdesk.ui.wall.view import MAX_ZOOM, MIN_TEXT_PX, MIN_ZOOM, WallView
from tests.helpers.layout import on_screen
from tests.helpers.wall_data import seed_many, seed_postits


def _view(qtbot: QtBot, session: ReviewSession) -> WallView:
    view = on_screen(qtbot, WallView(WallScene(session)), 800, 600)
    return view


def test_zoom_stays_within_its_limits(qtbot: QtBot, session: ReviewSession) -> None:
    view = _view(qtbot, session)
    view.zoom_by(1.15)
    assert view.zoom() == pytest.approx(1.15)
    view.zoom_by(1000)
    assert view.zoom() == pytest.approx(MAX_ZOOM)
    view.zoom_by(0.00001)
    assert view.zoom() == pytest.approx(MIN_ZOOM)


def test_fit_all_shows_a_wide_wall_smaller_and_a_small_one_at_true_size(qtbot: QtBot, session: ReviewSession) -> None:
    seed_postits(session.store)
    view = _view(qtbot, session)
    view.wall.reload()
    view.fit_all()
    assert view.zoom() <= 1.0
    rect = view.mapFromScene(view.wall.content_rect()).boundingRect()
    assert view.viewport().rect().contains(rect)


def test_arrow_keys_move_the_focus_to_the_next_post_it(qtbot: QtBot, session: ReviewSession) -> None:
    ids = seed_postits(session.store)
    view = _view(qtbot, session)
    view.wall.reload()
    first = view.wall.postits[ids[0]]
    first.setFocus()
    moved = view.focus_next(1, 0)
    assert moved is view.wall.postits[ids[1]]
    assert view.accessibleDescription()


def test_tab_goes_through_the_post_its_in_reading_order_then_leaves_the_wall(
    qtbot: QtBot, session: ReviewSession
) -> None:
    ids = seed_postits(session.store)  # in one row, left to right
    view = _view(qtbot, session)
    view.wall.reload()
    view.setFocus()
    assert view.focusNextPrevChild(True)
    assert view.wall.focusItem() is view.wall.postits[ids[0]]
    assert view.accessibleName().startswith("Post-it wall: Rose by ")
    assert view.wall.postits[ids[0]].view.text in view.accessibleName()
    view.focusNextPrevChild(True)
    assert view.wall.focusItem() is view.wall.postits[ids[1]]
    view.focusNextPrevChild(False)
    assert view.wall.focusItem() is view.wall.postits[ids[0]]
    for _ in ids[1:]:
        view.focusNextPrevChild(True)
    assert view.wall.focusItem() is view.wall.postits[ids[-1]]
    view.focusNextPrevChild(True)  # past the last one: on to the next widget, not round to the first post-it
    assert view.wall.focusItem() is not view.wall.postits[ids[0]]
    assert view.wall.selectedItems() == [view.wall.postits[ids[-1]]], "leaving keeps the selection for the toolbar"


def test_fitting_a_full_evening_keeps_the_words_readable(qtbot: QtBot, session: ReviewSession) -> None:
    seed_many(session.store, 120)
    view = on_screen(qtbot, WallView(WallScene(session, EVENING)), 900, 600)
    view.fit_all()
    text_px = TEXT_FONT.pointSizeF() * view.logicalDpiY() / 72.0 * view.zoom()
    assert text_px >= MIN_TEXT_PX - 0.01
    top_left = view.mapFromScene(view.wall.content_rect().topLeft())
    assert view.viewport().rect().contains(top_left), "the sheets are shown from their top"


def test_fitted_evening_sheets_keep_the_first_sheet_in_view_when_the_view_narrows(
    qtbot: QtBot, session: ReviewSession
) -> None:
    """Seen under a real X server: the evening's layout put the note taker beside a wall fitted a moment before,
    and the view, kept centred, showed the Thorns with the Roses cut off at its left edge."""
    seed_many(session.store, 120)
    view = on_screen(qtbot, WallView(WallScene(session, EVENING)), 1300, 600)
    view.fit_all()
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum() // 2)  # read half way down
    read_to = view.mapToScene(0, 0).y()
    view.resize(700, 600)
    qtbot.waitUntil(lambda: view.viewport().width() < 700)
    rect = view.wall.content_rect()
    assert view.mapToScene(0, 0).x() <= rect.left(), "the Roses sheet starts in view"
    assert abs(view.mapToScene(0, 0).y() - read_to) < 40, "the place read down to stays at the top"
    view.zoom_by(1.5)  # the user's own zoom is theirs: a resize keeps it
    zoom = view.zoom()
    view.resize(900, 600)
    qtbot.waitUntil(lambda: view.viewport().width() > 700)
    assert view.zoom() == pytest.approx(zoom)


def test_a_fitted_day_2_wall_stays_whole_in_view_and_grows_when_the_view_does(
    qtbot: QtBot, session: ReviewSession
) -> None:
    """Hiding the panels on a laptop gives the Day 2 wall four times the height: fitted before, it stayed at the
    small zoom of its 160-pixel strip."""
    seed_many(session.store, 200, columns=10)  # taller than wide: the view's height sets the zoom
    view = on_screen(qtbot, WallView(WallScene(session)), 1300, 160)
    view.wall.reload()
    view.fit_all()
    small = view.zoom()
    view.resize(1300, 620)
    qtbot.waitUntil(lambda: view.viewport().height() > 500)
    assert view.zoom() > small * 1.5
    rect = view.mapFromScene(view.wall.content_rect()).boundingRect()
    assert view.viewport().rect().contains(rect)
    view.zoom_by(0.8)  # the user's own zoom is theirs: a resize keeps it
    zoom = view.zoom()
    view.resize(1300, 300)
    qtbot.waitUntil(lambda: view.viewport().height() < 300)
    assert view.zoom() == pytest.approx(zoom)

"""The window onto the wall: zoom within limits, fit all, arrow keys move the focus between post-its."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.wall.scene import WallScene
from peerdesk.ui.wall.view import MAX_ZOOM, MIN_ZOOM, WallView
from tests.helpers.wall_data import seed_postits


def _view(qtbot: QtBot, session: ReviewSession) -> WallView:
    view = WallView(WallScene(session))
    qtbot.addWidget(view)
    view.resize(800, 600)
    view.show()
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

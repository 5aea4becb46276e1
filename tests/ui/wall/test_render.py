"""The wall as a picture, PNG or SVG, drawn without a window; other formats are refused plainly."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from peerdesk.errors import UserError
from peerdesk.store.engine import Store
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.wall import render
from peerdesk.ui.wall.scene import WallScene
from tests.helpers.wall_data import seed_postits


def test_a_png_has_the_size_returned_and_the_selection_survives(
    qtbot: QtBot, session: ReviewSession, tmp_path: Path
) -> None:
    ids = seed_postits(session.store)
    scene = WallScene(session)
    scene.postits[ids[0]].setSelected(True)
    size = render.render(scene, tmp_path / "wall.png")
    image = QImage(str(tmp_path / "wall.png"))
    assert (image.width(), image.height()) == (size.width(), size.height()) and size.width() > size.height()
    assert scene.selected_postits() == [ids[0]]  # marks are left out of the picture, not out of the wall


def test_an_svg_is_written_with_its_title(qtbot: QtBot, session: ReviewSession, tmp_path: Path) -> None:
    seed_postits(session.store)
    render.render(WallScene(session), tmp_path / "wall.svg")
    text = (tmp_path / "wall.svg").read_text(encoding="utf-8")
    assert "<svg" in text and "Post-it wall" in text


def test_another_suffix_is_refused_and_nothing_is_written(qtbot: QtBot, session: ReviewSession, tmp_path: Path) -> None:
    with pytest.raises(UserError, match=r"\.png or \.svg"):
        render.render(WallScene(session), tmp_path / "wall.jpg")
    assert not (tmp_path / "wall.jpg").exists()


def test_a_review_is_drawn_headless(qtbot: QtBot, store: Store, tmp_path: Path) -> None:
    seed_postits(store)
    size = render.render_review(store, tmp_path / "wall.png")
    assert size.width() > 0 and (tmp_path / "wall.png").stat().st_size > 0


def test_an_svg_holds_every_post_its_words_as_text_not_as_pictures_of_them(
    qtbot: QtBot, session: ReviewSession, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QGraphicsItem

    from peerdesk.ui.wall.view import WallView

    ids = seed_postits(session.store)
    scene = WallScene(session)
    view = WallView(scene)  # on screen first: each post-it has cached its pixels for dragging
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    render.render(scene, tmp_path / "wall.svg", scale=0.1)  # drawn small: an SVG is zoomed into
    text = (tmp_path / "wall.svg").read_text(encoding="utf-8")
    assert "<image" not in text
    for pid in ids:  # each post-it's first words, as text in the file
        assert " ".join(scene.postits[pid].view.text.split()[:2]) in text
    cache = QGraphicsItem.CacheMode.DeviceCoordinateCache
    assert all(scene.postits[pid].cacheMode() == cache for pid in ids)  # the screen keeps its fast drags

"""The things on the wall: text fitted to a post-it, and items that say what they are."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFontMetricsF
from pytestqt.qtbot import QtBot

from peerdesk.services.wall import POSTIT_H, POSTIT_W
from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.wall import items
from peerdesk.ui.wall.scene import WallScene
from tests.helpers.wall_data import seed_postits


def test_text_that_fits_is_kept_and_too_much_ends_in_an_ellipsis_at_a_word(qtbot: QtBot) -> None:
    assert items.fitted("Short", items.TEXT_FONT, 150, 100).text() == "Short"
    long = " ".join(["respite"] * 200)
    fitted = items.fitted(long, items.TEXT_FONT, 150, 60).text()
    assert fitted.endswith("…") and long.startswith(fitted[:-1]) and fitted[-2] != " "
    assert QFontMetricsF(items.TEXT_FONT).height() < 60


def test_a_post_it_item_names_its_kind_and_text_for_a_screen_reader(qtbot: QtBot, session: ReviewSession) -> None:
    ids = seed_postits(session.store)
    scene = WallScene(session)
    item = scene.postits[ids[0]]
    assert item.type() == items.POSTIT_TYPE and item.postit_id == ids[0]
    assert "Managers are visible and easy to reach" in item.accessible_name()
    assert items.wall_of(item) is scene
    item.set_dimmed(True)
    assert item.accessible_name().endswith("(not read out yet)")


def test_post_its_and_themes_are_wall_items_picked_and_moved_by_hand_themes_underneath(
    qtbot: QtBot, session: ReviewSession
) -> None:
    from PySide6.QtWidgets import QGraphicsItem

    from peerdesk.services import wall_themes
    from peerdesk.ui.wall.frames import ThemeItem

    ids = seed_postits(session.store)
    wall_themes.group_as_theme(session.store, [ids[0]], "Visible managers")
    scene = WallScene(session)
    postit = scene.postits[ids[0]]
    theme = next(i for i in scene.items() if isinstance(i, ThemeItem))
    flags = QGraphicsItem.GraphicsItemFlag
    for item in (postit, theme):
        assert item.flags() & flags.ItemIsSelectable and item.flags() & flags.ItemIsMovable
        assert item.flags() & flags.ItemIsFocusable
    assert theme.type() == items.THEME_TYPE and theme.zValue() < postit.zValue()
    assert postit.type() == items.POSTIT_TYPE


@pytest.fixture
def first_postit(qtbot: QtBot, session: ReviewSession) -> tuple[WallScene, items.PostItItem]:
    """A wall of a few post-its, and the first one's item."""
    ids = seed_postits(session.store)
    scene = WallScene(session)
    return scene, scene.postits[ids[0]]


def test_a_post_it_is_picked_anywhere_on_its_note_shadow_and_frame_and_nowhere_else(
    first_postit: tuple[WallScene, items.PostItItem],
) -> None:
    # Its bounds are Qt's own rectangle (placing and hit-testing thousands never call back into Python): the note,
    # the shadow drawn 3 px below and right, and the 3 px selection frame must all lie inside them.
    scene, postit = first_postit
    bounds = postit.boundingRect()
    assert bounds.contains(QRectF(-2.5, -2.5, POSTIT_W + 5, POSTIT_H + 5))  # the selection frame, 3 px wide
    assert bounds.contains(QRectF(3, 3, POSTIT_W, POSTIT_H))  # the shadow
    inside, outside = postit.mapToScene(QPointF(POSTIT_W / 2, 1)), postit.mapToScene(QPointF(POSTIT_W + 8, 1))
    assert postit in scene.items(inside) and postit not in scene.items(outside)


def test_a_wall_too_small_to_read_shows_each_post_its_words_as_grey_lines_without_laying_them_out(
    qtbot: QtBot, first_postit: tuple[WallScene, items.PostItItem]
) -> None:
    from PySide6.QtGui import QColor

    from peerdesk.ui.wall.view import WallView

    scene, postit = first_postit
    view = WallView(scene)
    qtbot.addWidget(view)
    view.resize(400, 300)
    scale = items.LEGIBLE_SCALE * 0.8
    view.scale(scale, scale)
    view.centerOn(postit)
    view.show()
    qtbot.waitExposed(view)
    image = view.viewport().grab().toImage()
    assert not postit.laid_out_yet()  # no words fitted: nothing was laid out to be drawn a few pixels high
    top_left = view.mapFromScene(postit.mapToScene(QPointF(items.TEXT_MARGIN, items.TEXT_MARGIN + 2)))
    fill = QColor(items.COLOURS[postit.view.kind])
    row = [QColor(image.pixel(top_left.x() + dx, top_left.y())) for dx in range(int(POSTIT_W * scale) - 8)]
    assert sum(1 for c in row if c.lightness() < fill.lightness() - 20) >= 0.3 * items.CHARS_PER_LINE  # a grey line
    view.resetTransform()  # readable again: the words are laid out and drawn
    view.centerOn(postit)
    view.viewport().grab()
    assert postit.laid_out_yet() and postit.shown_text() != ""


def test_a_picture_of_the_wall_keeps_every_post_its_words_however_small_it_is_drawn(
    first_postit: tuple[WallScene, items.PostItItem], tmp_path: Path
) -> None:
    # A PNG or an SVG is the record of the wall, zoomed into by whoever opens it: words, not grey lines.
    from peerdesk.ui.wall import render

    scene, postit = first_postit
    render.render(scene, tmp_path / "wall.png", scale=items.LEGIBLE_SCALE * 0.5)
    assert postit.laid_out_yet() and postit.shown_text() != ""


@pytest.mark.parametrize("dimmed", [False, True])
def test_a_post_its_shadow_shows_along_its_right_and_bottom_edges_on_screen(
    qtbot: QtBot, first_postit: tuple[WallScene, items.PostItItem], dimmed: bool
) -> None:
    # Copied from pixmaps on screen (a translucent fill is slow in Qt's raster engine): it must still fall where
    # the shadow always fell, 3 px below and right of the note, darker than the wall, and nowhere beyond.
    from PySide6.QtGui import QColor

    from peerdesk.ui.wall.view import WallView

    scene, postit = first_postit
    postit.set_dimmed(dimmed)
    view = WallView(scene)
    qtbot.addWidget(view)
    view.resize(500, 400)
    view.centerOn(postit)
    view.show()
    qtbot.waitExposed(view)
    image = view.viewport().grab().toImage()

    def shade(x: float, y: float) -> int:
        at = view.mapFromScene(postit.mapToScene(QPointF(x, y)))
        return QColor(image.pixel(at.x(), at.y())).lightness()

    wall = shade(POSTIT_W + 12, POSTIT_H / 2)  # the bare wall beside it
    assert shade(POSTIT_W + 1.5, POSTIT_H / 2) < wall - 10  # the right strip
    assert shade(POSTIT_W / 2, POSTIT_H + 1.5) < wall - 10  # the bottom strip
    assert shade(POSTIT_W + 1.5, 1) == wall  # above the shadow's top: bare wall
    assert shade(1, POSTIT_H + 1.5) == wall  # left of it
    assert shade(POSTIT_W + 5, POSTIT_H / 2) == wall  # beyond it


@pytest.mark.parametrize("markup", ["<b>bold</b>", "<img src=x width=9999>", "<h1>big</h1>", "&lt;amp&gt;"])
def test_a_post_its_words_are_laid_out_as_typed_never_as_markup(qtbot: QtBot, markup: str) -> None:
    # A colleague's bundle may hold any text: the tags are letters on the post-it, not bold, pictures or headings.
    from PySide6.QtCore import Qt

    as_typed = items.laid_out(markup, items.TEXT_FONT, 2000)
    assert as_typed.text() == markup and as_typed.textFormat() == Qt.TextFormat.PlainText
    assert as_typed.size().height() < 2 * QFontMetricsF(items.TEXT_FONT).height()  # one line of letters

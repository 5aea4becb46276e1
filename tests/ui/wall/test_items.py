"""The things on the wall: text fitted to a post-it, and items that say what they are."""

from __future__ import annotations

from PySide6.QtGui import QFontMetricsF
from pytestqt.qtbot import QtBot

from peerdesk.ui.kit.session import ReviewSession
from peerdesk.ui.wall import items
from peerdesk.ui.wall.scene import WallScene
from tests.helpers.wall_data import seed_postits


def test_text_that_fits_is_kept_and_too_much_ends_in_an_ellipsis_at_a_word(qtbot: QtBot) -> None:
    assert items.fit_text("Short", items.TEXT_FONT, 150, 100) == "Short"
    long = " ".join(["respite"] * 200)
    fitted = items.fit_text(long, items.TEXT_FONT, 150, 60)
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
        assert isinstance(item, items.WallItem)
        assert item.flags() & flags.ItemIsSelectable and item.flags() & flags.ItemIsMovable
        assert item.flags() & flags.ItemIsFocusable
    assert theme.type() == items.THEME_TYPE and theme.zValue() < postit.zValue()

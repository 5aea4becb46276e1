"""Themes and evening sheets as the wall draws them: names a screen reader can say, counts in words."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from peerdesk.services.wall import ThemeView
from peerdesk.ui.wall.frames import SheetItem, ThemeItem


def test_a_theme_says_its_heading_and_how_many_post_its(qtbot: QtBot) -> None:
    item = ThemeItem(ThemeView("t", "Workload", 0, 0, 400, 300, False))
    item.set_count(1)
    assert item.accessible_name() == "Theme: Workload (1 post-it)"
    item.set_count(3)
    assert item.accessible_name() == "Theme: Workload (3 post-its)"
    item.set_view(ThemeView("t", "", 0, 0, 400, 300, True))
    assert item.accessible_name() == "Theme: Theme without a heading (3 post-its, collapsed)"
    assert item.boundingRect().height() < 60, "collapsed to its heading band"


def test_a_sheet_keeps_its_counts(qtbot: QtBot) -> None:
    sheet = SheetItem("thorn", 360, 200)
    sheet.set_size(500, 4, 2, 300)
    assert (sheet.height, sheet.placed, sheet.waiting) == (500, 4, 2)
    assert sheet.boundingRect().height() == 500

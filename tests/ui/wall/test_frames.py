"""Themes and evening sheets as the wall draws them: names a screen reader can say, counts in words."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from peerdesk.services import wall
from peerdesk.services.wall import ThemeView
from peerdesk.ui.wall.frames import SheetItem, ThemeItem
from peerdesk.ui.wall.widget import WallWidget


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


def test_a_collapsed_theme_holds_its_whole_heading(qtbot: QtBot) -> None:
    # Seen under X (Ctrl+E on the demo's first theme): a heading on two lines ran out through the bottom edge of
    # the collapsed frame, its second line drawn on the wall below.
    heading = "The front door works because of the people in it"
    item = ThemeItem(ThemeView("t", heading, 0, 0, 330, 300, True))
    words = item.heading.mapRectToParent(item.heading.boundingRect())
    frame = item.boundingRect()
    assert words.bottom() <= frame.bottom() - 2, f"heading to {words.bottom()}, frame to {frame.bottom()}"
    item.set_view(ThemeView("t", "Workload", 0, 0, 330, 300, True))
    assert item.boundingRect().height() < 60, "a short heading keeps the one band"


def test_after_naming_a_theme_the_arrow_keys_go_on_from_that_theme(qtbot: QtBot, widget: WallWidget) -> None:
    # Seen under X: Enter on the new heading left nothing focused, so the next arrow key jumped to the wall's
    # top-left post-it (scrolling the view away from the theme just named).
    _, b, c, *_ = sorted(widget.scene.postits)
    widget.scene.postits[b].setSelected(True)
    widget.scene.postits[c].setSelected(True)
    widget.view.setFocus()
    qtbot.keyClick(widget.view, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    (theme,) = widget.scene.state.themes
    frame = widget.scene.themes[theme.id]
    qtbot.keyClicks(widget.view, "Close managers")
    qtbot.keyClick(widget.view, Qt.Key.Key_Return)
    assert widget.scene.focusItem() is frame, "the theme just named keeps the keyboard"
    qtbot.keyClick(widget.view, Qt.Key.Key_F2)  # and Esc out of a second naming leaves it there too
    qtbot.keyClick(widget.view, Qt.Key.Key_Escape)
    assert widget.scene.focusItem() is frame
    assert wall.load_wall(widget.session.store).themes[0].heading == "Close managers"


FONTS_PROGRAM = """
import os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from peerdesk.services.wall import ThemeView
from peerdesk.ui.wall import items
from peerdesk.ui.wall.frames import ThemeItem  # loaded before the application, as the command line does
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QApplication

app = QApplication([])
theme = ThemeItem(ThemeView("t1", "Families tell their story again", 0, 0, 400, 300, False))
print(QFontInfo(theme.heading.font()).family() == QFontInfo(app.font()).family())
print(QFontInfo(items.app_font(items.TEXT_FONT)).family() == QFontInfo(app.font()).family())
"""


def test_headings_and_fitting_use_the_applications_font_even_when_loaded_before_it() -> None:
    # `peerdesk wall` loads the wall before it makes its application: a picture's headings came out in a serif.
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", FONTS_PROGRAM], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["True", "True"]

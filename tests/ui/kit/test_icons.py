"""The app icon, in every size rendered from the SVG."""

from __future__ import annotations

from PySide6.QtCore import QSize
from pytestqt.qtbot import QtBot

from peerdesk.ui.kit.icons import ICON_SIZES, app_icon


def test_the_icon_holds_each_rendered_size(qtbot: QtBot) -> None:
    icon = app_icon()
    assert not icon.isNull()
    sizes = {(s.width(), s.height()) for s in icon.availableSizes()}
    assert {(n, n) for n in ICON_SIZES} <= sizes
    assert icon.pixmap(QSize(48, 48)).width() == 48

"""The app icon, loaded from the PNG sizes rendered from resources/peerdesk.svg (so no SVG plugin is needed)."""

from __future__ import annotations

from importlib import resources

from PySide6.QtGui import QIcon, QPixmap

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def app_icon() -> QIcon:
    icon = QIcon()
    folder = resources.files("peerdesk.resources")
    for size in ICON_SIZES:
        pixmap = QPixmap()
        # From bytes, not a path: the resources may live in a zip or a frozen app.
        if pixmap.loadFromData((folder / f"peerdesk-{size}.png").read_bytes(), "PNG"):
            icon.addPixmap(pixmap)
    return icon

"""Render the app icon from its one source, resources/peerdesk.svg, into every format a platform asks for.

    python packaging/make_icons.py

writes resources/peerdesk-<size>.png (what the app loads at run time, so it needs no SVG plugin) and
packaging/icons/peerdesk.ico (Windows), peerdesk.icns (macOS) and peerdesk-512.png (Linux desktop, hicolor).
The results are committed; run this again only after changing the SVG.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image
from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parents[1]
SVG = ROOT / "resources" / "peerdesk.svg"
APP_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def render(renderer: QSvgRenderer, size: int) -> Image.Image:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(buffer.data().data()))).convert("RGBA")


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"cannot read {SVG}", file=sys.stderr)
        return 1
    images = {size: render(renderer, size) for size in sorted({*APP_SIZES, *ICO_SIZES, *ICNS_SIZES})}
    for size in APP_SIZES:
        images[size].save(ROOT / "resources" / f"peerdesk-{size}.png", optimize=True)
    out = ROOT / "packaging" / "icons"
    out.mkdir(exist_ok=True)
    images[512].save(out / "peerdesk-512.png", optimize=True)
    images[256].save(out / "peerdesk.ico", sizes=[(s, s) for s in ICO_SIZES])
    images[1024].save(out / "peerdesk.icns", append_images=[images[s] for s in ICNS_SIZES if s != 1024])
    print(f"icons written to resources/ and {out.relative_to(ROOT)}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())

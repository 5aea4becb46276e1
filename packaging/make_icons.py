"""Render the app icon from its one source, resources/peerdesk.svg, into every format a platform asks for.

    python packaging/make_icons.py                  # resources/peerdesk-<size>.png, committed (see below)
    python packaging/make_icons.py --platform DIR   # DIR/peerdesk.ico (Windows) and DIR/peerdesk.icns (macOS)

The PNGs are what the app loads at run time (so it needs no SVG plugin) and what the Linux installer puts in the
icon theme; they ship in the wheel, so they are committed; run this again after changing the SVG. The .ico and
.icns are only needed to build the Windows and macOS apps: packaging/peerdesk.spec makes them in build/icons/ when
they are missing, so no generated binary is committed for them.
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


def main(argv: list[str]) -> int:
    _app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"cannot read {SVG}", file=sys.stderr)
        return 1
    if argv[:1] == ["--platform"] and len(argv) == 2:
        out = Path(argv[1])
        out.mkdir(parents=True, exist_ok=True)
        images = {size: render(renderer, size) for size in sorted({*ICO_SIZES, *ICNS_SIZES})}
        images[256].save(out / "peerdesk.ico", sizes=[(s, s) for s in ICO_SIZES])
        images[1024].save(out / "peerdesk.icns", append_images=[images[s] for s in ICNS_SIZES if s != 1024])
        print(f"icons written: {out / 'peerdesk.ico'}, {out / 'peerdesk.icns'}")
        return 0
    if argv:
        print(__doc__, file=sys.stderr)
        return 2
    for size in APP_SIZES:
        render(renderer, size).save(ROOT / "resources" / f"peerdesk-{size}.png", optimize=True)
    print("icons written to resources/")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
